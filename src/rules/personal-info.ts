/**
 * personal-info: a date of birth, i.e. a full date (day, month and year) that a birth cue points at.
 * Pure detector: no browser API. Policy 001 §6.15 and 000 warn that dates of birth help identity
 * theft; a bare event date ("Sports day on 3 September 2025") is not personal information.
 *
 * A small hand-written scanner over the tokens (no regular expression sees more than one token):
 * - Dates: d/m/y with the same separator twice ('/', '.' or '-'; 2- or 4-digit year; m/d/y is
 *   accepted when only that reading is valid, e.g. 09/23/2012), ISO y-m-d ('-', '/' or '.'),
 *   "3rd September 2012", "3 Sept. 2012", "the 3rd of September, 2012", "03-Sep-2012",
 *   "September 3rd, 2012". Word dates need a 4-digit year. Years are 1900–2099; the day must exist
 *   in the month (29 February is always allowed). A date with no year never fires ("3rd September",
 *   "on 03/09"), nor does a numeric run inside a longer one ("1.03.09.2012", "03/09/2012/5").
 * - Cues: born, birthday, bday / b'day, birthdate, birth ("date of birth"), DOB, D.O.B and "b."
 *   within 6 tokens before the date, in the same sentence ('!', '?', ". " or a blank line end the
 *   look-back, except the dot of an abbreviated cue: "D.O.B. 03/09/2012"); or "birthday" straight
 *   after the date ("3 September 2012 birthday").
 * The span is the date itself, from its day/month/year token to the end of its last token; the cue
 * and words such as "the" and "on" are left out.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta, type Span } from '../engine/compile';
import type { Token } from '../engine/tokenise';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'personal-info',
  title: 'Your personal details',
  defaultSeverity: 'info',
  description: 'Warns when a post gives a date of birth (a full date next to "born", "DOB", "birthday"…).',
};

/** How many tokens before a date a cue may sit ("born on the 3rd of …" needs 4). */
export const CUE_WINDOW = 6;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4],
  ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11],
  ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Days per month; 29 for February, since a scanner without the year's context should not guess. */
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const CUE_WORDS: ReadonlySet<string> = new Set(['born', 'birthday', 'birthdays', 'bday', 'birthdate', 'birth', 'dob']);
const AFTER_CUE_WORDS: ReadonlySet<string> = new Set(['birthday', 'bday']);

// Each runs on one token's norm (a few characters), with no nested quantifier.
const DIGITS_RE = /^\d+$/;
const DAY_WORD_RE = /^(\d{1,2})(?:st|nd|rd|th)?$/;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSepCode(c: number): boolean {
  return c === 47 || c === 46 || c === 45; // '/', '.', '-'
}

function isSpaceOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f)) return false;
  }
  return true;
}

/** Between the parts of a word date: whitespace, optionally after "." (Sept.) and/or ",". */
function isWordDateGap(s: string, allowComma: boolean): boolean {
  let k = 0;
  if (s.charCodeAt(k) === 46) k++;
  if (allowComma && s.charCodeAt(k) === 44) k++;
  const rest = s.slice(k);
  return rest.length === 0 ? k > 0 && s.charCodeAt(k - 1) === 44 : isSpaceOnly(rest);
}

function validDay(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[m] as number);
}

function validYear(y: string): boolean {
  if (y.length === 2) return true;
  if (y.length !== 4) return false;
  const n = Number(y);
  return n >= 1900 && n <= 2099;
}

class Scanner {
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  private tok(k: number): Token | undefined {
    const t = this.tokens[k];
    return t && t.prefix === undefined ? t : undefined;
  }

  /** The text between token k-1 (or the start) and token k. */
  private gapBefore(k: number): string {
    const prev = k > 0 ? (this.tokens[k - 1] as Token).end : 0;
    return this.text.slice(prev, (this.tokens[k] as Token).start);
  }

  private digits(k: number, min: number, max: number): string | undefined {
    const t = this.tok(k);
    if (!t || t.poss > 0 || t.norm.length < min || t.norm.length > max || !DIGITS_RE.test(t.norm)) return undefined;
    return t.norm;
  }

  /** d/m/y, m/d/y or y-m-d starting at token i: the index of its last token, or -1. */
  numericDate(i: number): number {
    const a = this.digits(i, 1, 4);
    if (a === undefined || i + 2 >= this.tokens.length) return -1;
    // One separator, the same one twice: "03/09/2012", not "03/09 2012" or "03/09-2012".
    const sep = this.gapBefore(i + 1);
    if (sep.length !== 1 || !isSepCode(sep.charCodeAt(0)) || this.gapBefore(i + 2) !== sep) return -1;
    let ok = false;
    if (a.length === 4) {
      const m = this.digits(i + 1, 1, 2);
      const d = this.digits(i + 2, 1, 2);
      ok = m !== undefined && d !== undefined && validYear(a) && validDay(Number(d), Number(m));
    } else if (a.length <= 2) {
      const b = this.digits(i + 1, 1, 2);
      const y = this.digits(i + 2, 2, 4);
      ok =
        b !== undefined && y !== undefined && validYear(y) &&
        (validDay(Number(a), Number(b)) || validDay(Number(b), Number(a)));
    }
    if (!ok) return -1;
    // Not part of a longer run of numbers: "1.03.09.2012", "03/09/2012/5", "10.1.12.1".
    const start = (this.tokens[i] as Token).start;
    const end = (this.tokens[i + 2] as Token).end;
    if (start >= 2 && isSepCode(this.text.charCodeAt(start - 1)) && isDigitCode(this.text.charCodeAt(start - 2))) return -1;
    if (isSepCode(this.text.charCodeAt(end)) && isDigitCode(this.text.charCodeAt(end + 1))) return -1;
    return i + 2;
  }

  private dayAt(k: number): number {
    const t = this.tok(k);
    const m = t && t.poss === 0 ? DAY_WORD_RE.exec(t.norm) : null;
    return m ? Number(m[1]) : 0;
  }

  private monthAt(k: number): number {
    const t = this.tok(k);
    return t ? (MONTHS.get(t.norm) ?? 0) : 0;
  }

  private yearAt(k: number): boolean {
    const y = this.digits(k, 4, 4);
    return y !== undefined && validYear(y);
  }

  /** "3rd [of] September[,] 2012", "03-Sep-2012" or "September 3rd, 2012" at token i, or -1. */
  wordDate(i: number): number {
    const n = this.tokens.length;
    const day = this.dayAt(i);
    if (day > 0) {
      let k = i + 1;
      if (k < n && this.tok(k)?.norm === 'of' && isSpaceOnly(this.gapBefore(k))) k++;
      if (k + 1 >= n) return -1;
      const month = this.monthAt(k);
      if (month === 0 || !validDay(day, month) || !this.yearAt(k + 1)) return -1;
      const g1 = this.gapBefore(k);
      const g2 = this.gapBefore(k + 1);
      if (isSpaceOnly(g1) && isWordDateGap(g2, true)) return k + 1;
      // "03-Sep-2012", "3/Sep/2012", not after "of".
      if (k === i + 1 && g1.length === 1 && isSepCode(g1.charCodeAt(0)) && g2 === g1) return k + 1;
      return -1;
    }
    const month = this.monthAt(i);
    if (month === 0 || i + 2 >= n) return -1;
    const d = this.dayAt(i + 1);
    if (d === 0 || !validDay(d, month) || !this.yearAt(i + 2)) return -1;
    return isWordDateGap(this.gapBefore(i + 1), false) && isWordDateGap(this.gapBefore(i + 2), true) ? i + 2 : -1;
  }

  /** "DOB", "D.O.B" and "b." end in a dot that is not the end of a sentence. */
  private isAbbreviatedCue(k: number): boolean {
    const t = this.tokens[k] as Token;
    return t.norm === 'dob' || (t.norm === 'b' && this.text.charCodeAt(t.end) === 46);
  }

  private isCue(k: number): boolean {
    const t = this.tok(k);
    if (!t) return false;
    if (CUE_WORDS.has(t.norm)) return true;
    if (t.norm !== 'b') return false;
    // "b. 03/09/2012", "D.O.B 03/09/2012"
    if (this.text.charCodeAt(t.end) === 46) return true;
    return k >= 2 && this.tok(k - 1)?.norm === 'o' && this.tok(k - 2)?.norm === 'd' && this.gapBefore(k) === '.' && this.gapBefore(k - 1) === '.';
  }

  /** '!', '?', a full stop before whitespace, or a blank line. */
  private static isSentenceBreak(gap: string): boolean {
    for (let k = 0; k < gap.length; k++) {
      const c = gap.charCodeAt(k);
      if (c === 33 || c === 63) return true;
      if (c === 46 && k + 1 < gap.length && isSpaceOnly(gap.charAt(k + 1))) return true;
    }
    const nl = gap.indexOf('\n');
    return nl !== -1 && gap.indexOf('\n', nl + 1) !== -1;
  }

  /** A cue within CUE_WINDOW tokens before token i, with no sentence break in between. */
  cueBefore(i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - CUE_WINDOW; k--) {
      if (Scanner.isSentenceBreak(this.gapBefore(k + 1)) && !this.isAbbreviatedCue(k)) return false;
      if (this.isCue(k)) return true;
    }
    return false;
  }

  /** "3 September 2012 birthday". */
  cueAfter(j: number): boolean {
    const t = this.tok(j + 1);
    return t !== undefined && AFTER_CUE_WORDS.has(t.norm) && isSpaceOnly(this.gapBefore(j + 1));
  }
}

/** Spans of dates of birth in `input`, in text order. */
export function findDatesOfBirth(input: RuleInput): Span[] {
  const { text, tokens } = input;
  const s = new Scanner(text, tokens);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = s.numericDate(i);
    if (j < 0) j = s.wordDate(i);
    if (j < 0) continue;
    if (s.cueBefore(i) || s.cueAfter(j)) {
      out.push({ start: (tokens[i] as Token).start, end: (tokens[j] as Token).end });
    }
    // A date without a cue is skipped whole, so its parts are not read as another date.
    i = j;
  }
  return out;
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findDatesOfBirth(input));
}
