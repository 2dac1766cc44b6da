/**
 * `t` for text shown inside a social site's page (the warning): only the in-page keys, so the
 * content script does not carry the options page's catalogue (about 12 KB gzipped). Same language
 * state as index.ts (core.ts). Pure: no browser API.
 */
import { getLocale, fill, type Locale, type Params } from './core';
import { cyContent } from './cy';
import { enGBContent, type ContentKey } from './en-GB';

export type { ContentKey } from './en-GB';
export { getLocale, isLocale, setLocale, type Locale } from './core';

const CONTENT: Record<Locale, Record<ContentKey, string>> = { 'en-GB': enGBContent, cy: cyContent };

export function t(key: ContentKey, params?: Params, locale: Locale = getLocale()): string {
  return fill(CONTENT[locale][key] ?? enGBContent[key], params);
}
