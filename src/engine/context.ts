/**
 * School-context cues: words that show a post is talking about school ("in my class", "year 4s",
 * "Y4", "pupils", "reception"), so that a pupil's first name alone can count (rules/pupil-name.ts).
 * Pure: no browser API. The cues are fixed English phrases compiled once into the same token matcher
 * the names use, so finding them is one linear pass over the tokens.
 */
import { findMatches, MatcherBuilder, MAX_PATTERN_TOKENS, type Match, type PhraseMatcher } from './matcher';
import { tokenise, type Token } from './tokenise';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];

/** Cue phrases, matched in any case, across line breaks. */
export function cuePhrases(): string[] {
  const out = [
    // The class and its people.
    'my class', 'in class', 'our class', 'your class', 'her class', 'his class', 'their class', 'whole class',
    'class teacher', 'my classes', 'classroom', 'classmate', 'classmates',
    'pupil', 'pupils', 'student', 'students', 'my kids at school', 'kids at school', 'children at school',
    'form group', 'tutor group', 'my tutees', 'tutee',
    // The school itself (its own name comes from the pack: see `schoolCues`).
    'our school', 'my school', 'at school', 'school trip', 'school play', 'sports day', 'parents evening',
    'reception', 'nursery class', 'key stage', 'eyfs', 'senco',
    'class assembly', 'school assembly',
  ];
  for (let n = 1; n <= 13; n++) {
    const w = NUMBER_WORDS[n - 1] as string;
    // "year 4", "year 4s", "year four", "yr 4", "Y4", "yr4", "year4"; "KS2" below.
    for (const form of [`year ${n}`, `year ${n}s`, `year ${w}`, `year ${w}s`, `yr ${n}`, `yr ${n}s`, `y${n}`, `y${n}s`, `yr${n}`, `year${n}`]) {
      out.push(form);
    }
  }
  for (let n = 1; n <= 5; n++) out.push(`ks${n}`);
  return out;
}

let cues: PhraseMatcher<'cue'> | null = null;

/** The fixed cue matcher, built on first use. */
export function contextCues(): PhraseMatcher<'cue'> {
  if (!cues) {
    const b = new MatcherBuilder<'cue'>();
    for (const phrase of cuePhrases()) {
      b.addPhrase(tokenise(phrase).map((t) => ({ norm: t.norm, poss: false })), { needsCase: false, allowHyphen: true, value: 'cue' });
    }
    cues = b.build();
  }
  return cues;
}

/** Token ranges of school-context cues, sorted by first token: fixed cues plus `extra` matches (the school's name). */
export function findCues(tokens: readonly Token[], extra: readonly Match<unknown>[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = findMatches(contextCues(), tokens);
  if (extra.length === 0) return out;
  return [...out, ...extra].sort((a, b) => a.first - b.first);
}

/** How far (in tokens) a cue may be from a first name: "Evie in my class" is 2, "my year 4s, Alfie" 1. */
export const CUE_WINDOW = 5;

/** Above this many first names, one scan of the whole text is cheaper than one per name. */
const LOCAL_SCAN_MAX = 8;

type Range = { first: number; last: number };

/**
 * Cue ranges that can matter to `spans` (token ranges sorted by first): the fixed cues plus matches
 * of `school` (the school's names). With few spans only the tokens around each are scanned (a window
 * wide enough to hold any whole cue within CUE_WINDOW of the span, or any cue containing it), so a
 * post with one first name costs a few dozen lookups; otherwise the whole text is scanned once.
 */
export function findCuesNear(
  tokens: readonly Token[],
  spans: readonly Range[],
  school: PhraseMatcher<unknown>,
  groups?: PhraseMatcher<unknown>,
): Range[] {
  // The pupils' registration groups ("in 4B") are cues like the school's name.
  const extra = (ts: readonly Token[]): Match<unknown>[] =>
    groups && groups.size > 0 ? [...findMatches(school, ts), ...findMatches(groups, ts)] : findMatches(school, ts);
  if (spans.length > LOCAL_SCAN_MAX) return findCues(tokens, extra(tokens));
  const reach = CUE_WINDOW + Math.max(contextCues().maxLength, school.maxLength, groups?.maxLength ?? 0, 1);
  const out: Range[] = [];
  let k = 0;
  while (k < spans.length) {
    // Merge the windows of neighbouring spans, so no token is scanned twice.
    const lo = Math.max(0, (spans[k] as Range).first - reach);
    let hi = Math.min(tokens.length, (spans[k] as Range).last + reach + 1);
    while (k + 1 < spans.length && (spans[k + 1] as Range).first - reach <= hi) {
      k++;
      hi = Math.min(tokens.length, (spans[k] as Range).last + reach + 1);
    }
    k++;
    const slice = tokens.slice(lo, hi);
    const found = findCues(slice, extra(slice));
    for (const c of found) out.push({ first: c.first + lo, last: c.last + lo });
  }
  return out;
}

const SENTENCE_END_RE = /[.!?]|\n\s*\n/;

/** Whether `text` between two offsets holds a sentence end or a blank line. */
export function crossesSentence(text: string, from: number, to: number): boolean {
  return from < to && SENTENCE_END_RE.test(text.slice(from, to));
}

/** Whether token `i` opens a sentence: the first token, or one after [.!?] or a line break. */
export function opensSentence(text: string, tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1] as Token;
  const between = text.slice(prev.end, (tokens[i] as Token).start);
  return /[.!?\n\r\u2028\u2029]/.test(between);
}

/**
 * For each range in `spans` (token ranges, sorted by first), whether some cue lies within
 * `CUE_WINDOW` tokens of it in the same sentence, without overlapping it. One forward pass: cues are
 * sorted by first token and no match is longer than MAX_PATTERN_TOKENS.
 */
export function nearCue(
  text: string,
  tokens: readonly Token[],
  spans: readonly { first: number; last: number }[],
  cueRanges: readonly { first: number; last: number }[],
): boolean[] {
  const out: boolean[] = [];
  let lo = 0;
  for (const s of spans) {
    while (lo < cueRanges.length && (cueRanges[lo] as { first: number }).first + MAX_PATTERN_TOKENS < s.first - CUE_WINDOW) lo++;
    let hit = false;
    let inside = false;
    for (let p = lo; p < cueRanges.length; p++) {
      const c = cueRanges[p] as { first: number; last: number };
      if (c.first > s.last + CUE_WINDOW) break;
      if (c.last < s.first) {
        if (!hit && s.first - c.last <= CUE_WINDOW) {
          hit = !crossesSentence(text, (tokens[c.last] as Token).end, (tokens[s.first] as Token).start);
        }
      } else if (c.first > s.last) {
        if (!hit) hit = !crossesSentence(text, (tokens[s.last] as Token).end, (tokens[c.first] as Token).start);
      } else {
        // The name is part of a cue ("St Mary's School" for a pupil Mary): it names the school, not her.
        inside = true;
        break;
      }
    }
    out.push(hit && !inside);
  }
  return out;
}
