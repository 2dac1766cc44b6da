/**
 * User-facing text, in British English and Welsh. Every string the user reads in the warning, the
 * toolbar and the options page comes from here through `t(key, params)`.
 *
 * Why our own catalogue and not only browser.i18n: Chrome picks `_locales` by its own UI language,
 * and Chrome has no Welsh UI, so a Welsh-speaking teacher could never get Welsh warnings. The
 * language is the user's choice on the options page (default: the browser's languages), kept by
 * the background and sent to the content script with each answer. The manifest's name and
 * description use `public/_locales` (en_GB and cy) as the stores require.
 *
 * Messages are whole sentences per case (no noun slotted into a sentence), because Welsh mutates
 * nouns after possessives and articles ("fy mhost", "ei neges"). Parameters are `{name}`.
 * Pure: no browser API.
 */
import { cy } from './cy';
import { enGB, type MessageKey } from './en-GB';

export type { MessageKey } from './en-GB';
export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_NAMES: Record<Locale, string> = { 'en-GB': 'English', cy: 'Cymraeg' };

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'en-GB': enGB, cy };

let current: Locale = 'en-GB';

/** The first of the user's languages we have, else British English. */
export function detectLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag === 'cy' || tag.startsWith('cy-')) return 'cy';
    if (tag.startsWith('en')) return 'en-GB';
  }
  return 'en-GB';
}

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current language, with `{param}`s filled in. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>, locale: Locale = current): string {
  const template = CATALOGUES[locale][key] ?? enGB[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The `{param}` names a message uses (for the catalogue tests). */
export function paramsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export const CATALOGUE = CATALOGUES;
