/**
 * The language state and helpers shared by the full catalogue (index.ts: options page, importer,
 * background) and the in-page one (content.ts: the warning). No messages here, so the content
 * script can import it without carrying the options page's text. Pure: no browser API.
 */
export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each language named in itself, so a reader of either can find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { 'en-GB': 'English', cy: 'Cymraeg' };

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

export type Params = Readonly<Record<string, string | number>>;

/** `{param}`s filled in; a missing one stays visible rather than turning into "undefined". */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The `{param}` names a message uses (for the catalogue tests). */
export function paramsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
