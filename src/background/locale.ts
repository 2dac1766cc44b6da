/**
 * The user's language for the warnings and the options page (English / Cymraeg). Trusted side
 * (background): the options page sets it over the admin channel; the background adds it to every
 * answer on the site channel, so the content script never reads storage for it. Kept in
 * storage.local under one key holding only the locale tag (no class-list or pack data there).
 * With nothing stored, the browser's own languages decide (`detectLocale`).
 */
import * as v from 'valibot';
import { detectLocale, isLocale, setLocale, type Locale } from '../i18n/core';
import { LocaleMessage, type LocaleResponse } from '../messaging/protocol';

export const LOCALE_KEY = 'locale';

export interface LocaleStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class LocaleSetting {
  private value: Locale;
  /** Resolves once the stored choice (if any) has been read. */
  readonly ready: Promise<void>;

  constructor(
    private readonly area: LocaleStorageArea,
    browserLanguages: readonly string[],
  ) {
    this.value = detectLocale(browserLanguages);
    this.ready = area
      .get(LOCALE_KEY)
      .then((items) => {
        if (isLocale(items[LOCALE_KEY])) this.value = items[LOCALE_KEY];
        // The background's own messages (refusals to the options page) follow the choice too.
        setLocale(this.value);
      })
      .catch(() => undefined);
  }

  current(): Locale {
    return this.value;
  }

  /** Answers a verified admin sender's getLocale / setLocale; anything else is refused. */
  async handle(raw: unknown): Promise<LocaleResponse> {
    const parsed = v.safeParse(LocaleMessage, raw);
    if (!parsed.success) return { ok: false, error: 'That request was not understood.' };
    await this.ready;
    if (parsed.output.type === 'setLocale') {
      await this.area.set({ [LOCALE_KEY]: parsed.output.locale });
      this.value = parsed.output.locale;
      setLocale(this.value);
    }
    return { ok: true, locale: this.value };
  }
}

export function isLocaleMessage(raw: unknown): boolean {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return type === 'getLocale' || type === 'setLocale';
}

/** A site-channel answer with the user's language added (only to successful answers). */
export function withLocale<T>(res: T, locale: Locale): T {
  if (res && typeof res === 'object' && (res as { ok?: unknown }).ok === true) return { ...res, locale };
  return res;
}
