/**
 * Tokeniser: splits the user's text into word tokens carrying exact offsets into the ORIGINAL string
 * (JS UTF-16 offsets, so findings can be drawn over what the user typed), a folded key for lookup,
 * the token's letter case, and what separated it from the previous token.
 * Pure: no browser API. One left-to-right pass, so the cost is linear in the text length.
 */
import { APOSTROPHE_CODES, normaliseWord } from './normalise';

/** Letter case of the token as written. Tokens without cased letters (digits, CJK) are 'lower'. */
export type Shape = 'lower' | 'title' | 'upper' | 'mixed';

/**
 * What lies between the previous token (or the start of the text) and this one:
 * 'none' nothing at all, 'space' only whitespace (line breaks included), 'hyphen' exactly one
 * hyphen and nothing else (Ellie-Mae), 'comma' one comma plus optional whitespace, 'punct' anything
 * else (full stops, emoji, " - ", quotes…).
 */
export type Gap = 'none' | 'space' | 'hyphen' | 'comma' | 'punct';

export type Prefix = '@' | '#';

export interface Token {
  /** Offset of the first code unit (the '@'/'#' for a prefixed token). */
  start: number;
  /** Offset after the last code unit of the word itself: a possessive "'s" / "'" is left out. */
  end: number;
  /** Folded, lower-cased, apostrophes removed ("O'Brien" → "obrien"); for prefixed tokens the body. */
  norm: string;
  shape: Shape;
  /** '@handle' or '#hashtag' token: only set when the sign does not follow a word (not e-mail). */
  prefix?: Prefix;
  gap: Gap;
  /** Length of the possessive suffix stripped after `end`: 2 for "'s", 1 for a trailing "'", else 0. */
  poss: number;
}

// Character classes, as lookup tables: this loop runs once per character of every check.
// ASCII letters and digits:
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

// Apostrophes (all below U+201A), copied from normalise.ts into a local table.
const APOSTROPHE = new Uint8Array(0x201a);
for (const c of APOSTROPHE_CODES) APOSTROPHE[c] = 1;
function isApostropheCode(c: number): boolean {
  return c < 0x201a && APOSTROPHE[c] === 1;
}

// Non-ASCII BMP characters, classified through Unicode properties on first sight and cached:
// 0 not seen yet, 1 not a word character, 2 letter or digit, 3 combining mark.
const BMP_CLASS = new Uint8Array(0x10000);
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
const UNDERSCORE_RE = /_/g;

function classify(cp: number): number {
  // ʼ (U+02BC) is a letter in Unicode, but people use it as an apostrophe.
  if (isApostropheCode(cp)) return 1;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT_RE.test(ch) ? 2 : MARK_RE.test(ch) ? 3 : 1;
}

function classOf(cp: number): number {
  if (cp < 128) return ASCII_WORD[cp] === 1 ? 2 : 1;
  if (cp > 0xffff) return classify(cp);
  let k = BMP_CLASS[cp] as number;
  if (k === 0) BMP_CLASS[cp] = k = classify(cp);
  return k;
}

/** Letter, mark or digit (apostrophes are not: they are handled by the tokeniser itself). */
export function isWordCode(cp: number): boolean {
  return classOf(cp) >= 2;
}

/** A word starts with a letter or digit; a combining mark only continues one. */
function isWordStartCode(cp: number): boolean {
  return classOf(cp) === 2;
}

/** Handle / hashtag bodies: [A-Za-z0-9_] plus any letter, as the sites themselves allow. */
function isBodyCode(cp: number): boolean {
  return cp === 95 || isWordCode(cp);
}

function isBodyStartCode(cp: number): boolean {
  return cp === 95 || isWordStartCode(cp);
}

function isSpaceCode(cp: number): boolean {
  return (
    cp === 32 || (cp >= 9 && cp <= 13) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200d) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x2060 || cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** '-', ‐ (U+2010), non-breaking ‑ (U+2011) and the soft hyphen some editors insert. Not dashes. */
function isHyphenCode(cp: number): boolean {
  return cp === 0x2d || cp === 0x2010 || cp === 0x2011 || cp === 0xad;
}

/**
 * The matching key of a '@'/'#' body. Hashtags drop underscores (#Holbrook_Primary is the same tag
 * to a reader as #HolbrookPrimary); handles keep them, since @a_b and @ab are different accounts.
 */
export function prefixedNorm(prefix: Prefix, body: string): string {
  const n = normaliseWord(body);
  return prefix === '#' ? n.replace(UNDERSCORE_RE, '') : n;
}

/** Case of `s`; an upper-case letter straight after an apostrophe still counts as Title (O'Brien). */
export function shapeOf(s: string): Shape {
  let upper = 0;
  let lower = 0;
  let firstCasedUpper = false;
  let extraUpper = false;
  let afterApostrophe = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let isUpper: boolean;
    let isLower: boolean;
    if (c < 128) {
      isUpper = c >= 65 && c <= 90;
      isLower = c >= 97 && c <= 122;
    } else {
      const cp = s.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      isUpper = ch !== ch.toLowerCase();
      isLower = ch !== ch.toUpperCase();
    }
    if (isUpper) {
      if (upper + lower === 0) firstCasedUpper = true;
      else if (!afterApostrophe) extraUpper = true;
      upper++;
    } else if (isLower) {
      lower++;
    }
    afterApostrophe = isApostropheCode(c);
  }
  if (upper === 0) return 'lower';
  if (lower === 0) return 'upper';
  return firstCasedUpper && !extraUpper ? 'title' : 'mixed';
}

/**
 * Tokenise `text`. Words are runs of letters, marks and digits; an apostrophe between two word
 * characters stays inside the word (O'Brien), a possessive "'s" or a trailing "'" does not
 * (Evie Carter's → span "Carter", norm "carter"). Hyphens, underscores and all other punctuation
 * split words; hyphen gaps are reported so "Ellie-Mae" can match "Ellie Mae".
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let gap = 'none' as Gap; // what lies between the previous token and position i

  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;

    // '@handle' / '#tag': the sign must not follow a word character, or "staff@school.org" and
    // "C#" would turn into handles and tags.
    if ((cp === 64 || cp === 35) && i + 1 < n && isBodyStartCode(text.codePointAt(i + 1) as number)) {
      const before = i > 0 ? text.codePointAt(i - 1 - (isLowSurrogate(text.charCodeAt(i - 1)) ? 1 : 0)) : undefined;
      if (before === undefined || !isWordCode(before)) {
        let j = i + 1;
        while (j < n) {
          const c = text.codePointAt(j) as number;
          if (!isBodyCode(c)) break;
          j += c > 0xffff ? 2 : 1;
        }
        const body = text.slice(i + 1, j);
        const prefix: Prefix = cp === 64 ? '@' : '#';
        const norm = prefixedNorm(prefix, body);
        // "#_" has no matchable body: leave it in the gap.
        if (norm !== '') {
          tokens.push({ start: i, end: j, norm, shape: shapeOf(body), prefix, gap, poss: 0 });
          gap = 'none';
          i = j;
          continue;
        }
      }
    }

    if (isWordStartCode(cp)) {
      const start = i;
      let j = i;
      let poss = 0;
      let plain = true; // ASCII letters and digits only: the norm is the lower-cased slice
      let upper = false; // saw an ASCII capital
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 128 && ASCII_WORD[c] === 1) {
          if (c <= 90 && c >= 65) upper = true;
          j++;
          continue;
        }
        const wide = text.codePointAt(j) as number;
        if (isWordCode(wide)) {
          plain = false;
          j += wide > 0xffff ? 2 : 1;
          continue;
        }
        if (isApostropheCode(c)) {
          const next = j + 1 < n ? (text.codePointAt(j + 1) as number) : -1;
          if (next === 115 || next === 83) {
            // "'s" followed by a non-word character is a possessive, not part of the name.
            const after = j + 2 < n ? (text.codePointAt(j + 2) as number) : -1;
            if (after === -1 || !isWordCode(after)) {
              poss = 2;
              break;
            }
          }
          if (next !== -1 && isWordCode(next)) {
            plain = false;
            j++;
            continue;
          }
          poss = 1; // trailing apostrophe: "James'" (or a closing quote, which is harmless)
        }
        break;
      }
      const raw = text.slice(start, j);
      // Most words are plain lower-case ASCII: no second string, no second pass for the shape.
      const norm = plain ? (upper ? raw.toLowerCase() : raw) : normaliseWord(raw);
      const shape: Shape = plain && !upper ? 'lower' : shapeOf(raw);
      i = j + poss;
      // A few letters fold to nothing on their own; such a "word" cannot match anything.
      if (norm === '') {
        gap = 'punct';
        continue;
      }
      tokens.push({ start, end: j, norm, shape, prefix: undefined, gap, poss });
      gap = 'none';
      continue;
    }

    // Gap character: fold it into the gap kind (see `Gap`).
    if (isSpaceCode(cp)) {
      if (gap === 'none') gap = 'space';
      else if (gap === 'hyphen') gap = 'punct';
    } else if (isHyphenCode(cp)) {
      gap = gap === 'none' ? 'hyphen' : 'punct';
    } else if (cp === 44) {
      gap = gap === 'none' || gap === 'space' ? 'comma' : 'punct';
    } else {
      gap = 'punct';
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return tokens;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

