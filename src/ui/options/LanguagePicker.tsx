/**
 * The language of Second Look (English / Cymraeg), chosen at the top of the options page. The
 * background keeps the choice (src/background/locale.ts) and sends it to the content script with
 * each verdict; until it answers, the page follows the browser's languages. Extension origin.
 */
import { useEffect, useState } from 'preact/hooks';
import { detectLocale, getLocale, isLocale, LOCALE_NAMES, LOCALES, setLocale, t, type Locale } from '../../i18n';
import type { LocaleMessage, LocaleResponse } from '../../messaging/protocol';

export interface LocaleApi {
  send(msg: LocaleMessage): Promise<LocaleResponse>;
}

export function browserLocaleApi(): LocaleApi {
  return { send: (msg) => browser.runtime.sendMessage(msg) as Promise<LocaleResponse> };
}

/** Sets the page's language everywhere it shows: t(), <html lang>. */
function apply(locale: Locale): void {
  setLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The current language and a function to choose another (stored by the background). */
export function useLocale(api: LocaleApi): [Locale, (l: Locale) => Promise<void>] {
  const [locale, setState] = useState<Locale>(() => {
    const first = detectLocale();
    apply(first);
    return first;
  });
  useEffect(() => {
    let live = true;
    api
      .send({ type: 'getLocale' })
      .then((res) => {
        if (live && res?.ok && isLocale(res.locale)) {
          apply(res.locale);
          setState(res.locale);
        }
      })
      .catch(() => {
        /* no background (tests) or it is restarting: the browser's languages stand */
      });
    return () => {
      live = false;
    };
  }, []);
  const choose = async (next: Locale) => {
    apply(next);
    setState(next);
    try {
      const res = await api.send({ type: 'setLocale', locale: next });
      if (res?.ok && res.locale !== getLocale()) {
        apply(res.locale);
        setState(res.locale);
      }
    } catch {
      /* the page still shows the choice; the warnings follow once the background is back */
    }
  };
  return [locale, choose];
}

export function LanguagePicker({ locale, choose }: { locale: Locale; choose: (l: Locale) => Promise<void> }) {
  return (
    <div class="language row">
      <label for="language">{t('options.language')}</label>
      <select id="language" aria-describedby="language-help" value={locale} onChange={(e) => void choose(e.currentTarget.value as Locale)}>
        {LOCALES.map((l) => (
          // Each language is named in itself, so a reader of either can find theirs.
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <span id="language-help" class="hint">
        {t('options.language.help')}
      </span>
    </div>
  );
}
