/**
 * Text folding for name matching: accents, special Latin letters, apostrophes and case.
 * Pure: no browser API, runs the same in Node and in the extension.
 *
 * Both sides of a comparison (class-list names and the user's text) go through the same fold, so
 * "Noémie" matches "Noemie" and "Łukasz" matches "Lukasz" in either direction.
 */

/**
 * Characters people type for an apostrophe. ´ and ` come from keyboards without a curly quote,
 * ʼ from some phone keyboards; all must compare equal to ' (O’Brien = O'Brien).
 */
const APOSTROPHE_RE = /[’‘ʼ`´]/g;
export const APOSTROPHE_CODES: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2018, 0x2bc, 0x60, 0xb4]);

/**
 * NFKD leaves these alone (they are letters, not letter + mark), so they need an explicit map.
 * Final sigma is mapped to σ because lower-casing picks ς or σ from the position in the string;
 * mapping it makes the fold of a word equal the concatenation of its characters' folds.
 */
const LETTER_MAP: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ẞ: 'SS',
  đ: 'd', Đ: 'D', ı: 'i', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ς: 'σ',
};
const LETTER_RE = /[łŁøØæÆœŒßẞđĐıþÞðÐς]/g;
const MARK_RE = /\p{M}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * Case-preserving fold: apostrophes unified to ', NFKD, combining marks stripped, special letters
 * mapped ("Łukasz" → "Lukasz", "Noémie" → "Noemie", "O’Brien" → "O'Brien").
 */
export function fold(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s.replace(APOSTROPHE_RE, "'");
  // Apostrophes first: under NFKD ´ becomes a space plus a combining accent. And again after, since
  // compatibility forms (fullwidth ｀) decompose into one.
  return s
    .replace(APOSTROPHE_RE, "'")
    .normalize('NFKD')
    .replace(MARK_RE, '')
    .replace(APOSTROPHE_RE, "'")
    .replace(LETTER_RE, (c) => LETTER_MAP[c] ?? c);
}

/**
 * The matching key for a piece of text: `fold` then lower-case. Idempotent (property-tested).
 * Lower-casing runs after NFKD because compatibility forms can decompose to capitals (ᴬ → A), and
 * is followed by one more fold because a few lower-case mappings add a mark (İ → i + U+0307).
 */
export function normalise(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s.replace(APOSTROPHE_RE, "'").toLowerCase();
  const once = fold(s).toLowerCase();
  return NON_ASCII_RE.test(once) ? fold(once) : once;
}

// Fold of each BMP character, filled on first sight. Holds single characters only, never the
// user's words.
const CHAR_NORM: (string | undefined)[] = [];
const APOSTROPHE_ONLY_RE = /'/g;

/**
 * `normalise(s)` with apostrophes removed — the key a word is looked up by ("O’Brien" → "obrien").
 * Computed character by character from a cache, which gives the same result as folding the whole
 * word (NFKD decomposes per character, marks are dropped, and final sigma is mapped above) at a
 * fraction of the cost for accented text. Property-tested against the direct definition.
 */
export function normaliseWord(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
      else if (c !== 39 && c !== 96) out += s[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const pair = s.slice(i, i + 2);
      out += normalise(pair).replace(APOSTROPHE_ONLY_RE, '');
      i++;
      continue;
    }
    let n = CHAR_NORM[c];
    if (n === undefined) CHAR_NORM[c] = n = normalise(String.fromCharCode(c)).replace(APOSTROPHE_ONLY_RE, '');
    out += n;
  }
  return out;
}
