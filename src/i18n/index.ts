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
 * The content script uses content.ts (in-page keys only); everything else uses this file.
 * Pure: no browser API.
 */
import { fill, getLocale, type Locale, type Params } from './core';
import { cyContent, cyPage } from './cy';
import { enGBContent, enGBPage, type MessageKey } from './en-GB';

export type { ContentKey, MessageKey } from './en-GB';
export { detectLocale, getLocale, isLocale, LOCALE_NAMES, LOCALES, paramsOf, setLocale, type Locale } from './core';

/** British English: the reference catalogue. Every key here must exist in every other language. */
export const enGB: Record<MessageKey, string> = { ...enGBPage, ...enGBContent };
export const cy: Record<MessageKey, string> = { ...cyPage, ...cyContent };

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'en-GB': enGB, cy };

/** The message for `key` in the current language, with `{param}`s filled in. */
export function t(key: MessageKey, params?: Params, locale: Locale = getLocale()): string {
  return fill(CATALOGUES[locale][key] ?? enGB[key], params);
}

export const CATALOGUE = CATALOGUES;
