/**
 * Multi-pattern phrase matcher over tokens. Patterns (names, school names) are sequences of token
 * norms stored as literal keys in a Map — never compiled into a RegExp — so any number of class-list
 * names costs one Map lookup per token n-gram.
 * Pure: no browser API.
 *
 * Cost: each token position tries n = 1..maxLength, stopping as soon as the n-gram is not the prefix
 * of any pattern; a first-token Set rejects almost every position with one lookup. So matching is
 * linear in the number of tokens, whatever the number of patterns.
 */
import type { Prefix, Token } from './tokenise';

/** One word of a pattern, as produced by `tokenise` on the pattern text. */
export interface PatternWord {
  norm: string;
  /** Written with a possessive in the pattern itself ("St Mary's School"). */
  poss: boolean;
  /**
   * The text must have a comma (plus optional whitespace) before this word, instead of whitespace or
   * a hyphen: the forename of a "Carter, Evie" pattern. Ignored on the first word.
   */
  comma?: boolean;
}

export interface PhraseOptions<T> {
  /**
   * Every matched token must be Title or UPPER case in the text. Set when the pattern is made only
   * of ordinary words ("May Hunter"), so prose ("may hunter") does not match.
   */
  needsCase: boolean;
  /**
   * Bit k set: pattern word k must be Title or UPPER case in the text, whatever `needsCase` says
   * (the ordinary-word surname of a "Hunter, Evie" pattern).
   */
  caseMask?: number;
  /** Allow a single hyphen between tokens as well as whitespace ("Ellie-Mae" ~ "Ellie Mae"). */
  allowHyphen: boolean;
  value: T;
}

/** Longest pattern we index, in tokens; longer phrases are ignored by `addPhrase`. */
export const MAX_PATTERN_TOKENS = 24;

interface PhraseEntry<T> {
  /** Bit k set: matched token k must be Title or UPPER case. */
  readonly caseMask: number;
  readonly allowHyphen: boolean;
  /** Bit k set: pattern word k carries a possessive. */
  readonly possMask: number;
  readonly value: T;
}

export interface Match<T> {
  /** Span in the original text (JS string offsets, end exclusive). */
  start: number;
  end: number;
  /** Token index range, inclusive. */
  first: number;
  last: number;
  /** Values of every pattern that matched this span (one per distinct pattern/value). */
  values: T[];
}

export interface PhraseMatcher<T> {
  /** n-gram key (norms joined by ' ') → the patterns with exactly those words. */
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry<T>[]>;
  /** Keys that are proper prefixes of some longer pattern, including every first token. */
  readonly prefixes: ReadonlySet<string>;
  /** First tokens of all phrase patterns: the per-position prefilter. */
  readonly starts: ReadonlySet<string>;
  /** prefix sign + body ("#holbrookprimary", "@holbrookprimary") → values. */
  readonly compact: ReadonlyMap<string, readonly T[]>;
  readonly maxLength: number;
  /** Number of distinct phrase keys and compact keys (for status and benchmarks). */
  readonly size: number;
  /**
   * Set when the patterns are keyed hashes (engine/name-index.ts): the lookup key of each token
   * ('#'/'@' tokens with their sign), in order. Absent: a token's key is its norm.
   */
  readonly keysFor?: (tokens: readonly Token[]) => readonly string[];
  /**
   * Set for phrases that may be written with any punctuation between their words ("Views: my own");
   * absent: only whitespace, one hyphen, or a comma where the pattern has one.
   */
  readonly anyGap?: boolean;
}

/** Collects patterns, merging duplicates; `build()` hands them over as a `PhraseMatcher` (add nothing after). */
export class MatcherBuilder<T> {
  private readonly phrases = new Map<string, readonly PhraseEntry<T>[]>();
  private readonly prefixes = new Set<string>();
  private readonly starts = new Set<string>();
  private readonly compact = new Map<string, readonly T[]>();
  private maxLength = 0;

  // Tens of thousands of names share a handful of distinct entries (a few flag combinations per
  // value): one frozen entry and one frozen one-element list per distinct entry, instead of an
  // object and an array per name.
  private readonly shared: { entry: PhraseEntry<T>; list: readonly PhraseEntry<T>[] }[] = [];
  private readonly sharedValues = new Map<T, readonly T[]>();

  /** Adds a token-sequence pattern. Empty or over-long word lists are ignored. */
  addPhrase(words: readonly PatternWord[], options: PhraseOptions<T>): void {
    if (words.length === 0 || words.length > MAX_PATTERN_TOKENS) return;
    // Key parts: the norm, with a ',' in front when the word follows a comma ("carter ,evie"). Norms
    // hold neither spaces nor commas, so keys cannot collide.
    const norms: string[] = [];
    let possMask = 0;
    for (let k = 0; k < words.length; k++) {
      const w = words[k] as PatternWord;
      if (w.norm === '') return;
      if (k > 0) this.prefixes.add(norms.join(' '));
      norms.push(k > 0 && w.comma ? ',' + w.norm : w.norm);
      if (w.poss) possMask |= 1 << k;
    }
    // join() gives flat strings; `a + ' ' + b` would keep a rope node per key alive in the Map.
    const key = norms.join(' ');
    this.starts.add((words[0] as PatternWord).norm);
    const caseMask = (options.needsCase ? (2 ** words.length - 1) : 0) | (options.caseMask ?? 0);
    const shared = this.shareEntry(caseMask, options.allowHyphen, possMask, options.value);
    const list = this.phrases.get(key);
    if (!list) this.phrases.set(key, shared.list);
    // Copy on write: the one-element lists are shared between keys.
    else if (!list.includes(shared.entry)) this.phrases.set(key, [...list, shared.entry]);
    if (words.length > this.maxLength) this.maxLength = words.length;
  }

  /** Adds a single '@'/'#' token pattern; `body` must already be a `prefixedNorm`. */
  addCompact(prefix: Prefix, body: string, value: T): void {
    if (body === '') return;
    const key = [prefix, body].join('');
    const list = this.compact.get(key);
    if (!list) this.compact.set(key, this.shareValue(value));
    else if (!list.includes(value)) this.compact.set(key, [...list, value]);
  }

  private shareEntry(caseMask: number, allowHyphen: boolean, possMask: number, value: T) {
    for (const s of this.shared) {
      const e = s.entry;
      if (e.caseMask === caseMask && e.allowHyphen === allowHyphen && e.possMask === possMask && e.value === value) return s;
    }
    const entry: PhraseEntry<T> = Object.freeze({ caseMask, allowHyphen, possMask, value });
    const s = { entry, list: Object.freeze([entry]) };
    this.shared.push(s);
    return s;
  }

  private shareValue(value: T): readonly T[] {
    let list = this.sharedValues.get(value);
    if (!list) this.sharedValues.set(value, (list = Object.freeze([value])));
    return list;
  }

  /**
   * `keysFor`: the patterns were added as keyed hashes (each `PatternWord.norm` a word hash, each
   * compact body the hash of sign + body, added with `addHashedCompact`); the text is looked up
   * through the same keyed hash.
   */
  build(keysFor?: (tokens: readonly Token[]) => readonly string[]): PhraseMatcher<T> {
    const m: PhraseMatcher<T> = {
      phrases: this.phrases,
      prefixes: this.prefixes,
      starts: this.starts,
      compact: this.compact,
      maxLength: this.maxLength,
      size: this.phrases.size + this.compact.size,
    };
    return keysFor ? { ...m, keysFor } : m;
  }

  /** Adds a single '@'/'#' token pattern by the keyed hash of sign + body. */
  addHashedCompact(hash: string, value: T): void {
    const list = this.compact.get(hash);
    if (!list) this.compact.set(hash, this.shareValue(value));
    else if (!list.includes(value)) this.compact.set(hash, [...list, value]);
  }
}

/** Tokens i..j carry case evidence (Title or UPPER) wherever bit k - i of `mask` is set. */
function casedRange(tokens: readonly Token[], i: number, j: number, mask: number): boolean {
  for (let k = i; k <= j; k++) {
    if ((mask & (1 << (k - i))) === 0) continue;
    const shape = (tokens[k] as Token).shape;
    if (shape !== 'title' && shape !== 'upper') return false;
  }
  return true;
}

function entryFits<T>(e: PhraseEntry<T>, tokens: readonly Token[], i: number, j: number): boolean {
  for (let k = i + 1; k <= j; k++) {
    if (!e.allowHyphen && (tokens[k] as Token).gap === 'hyphen') return false;
  }
  // A possessive inside the span ("Evie's Carter") only fits a pattern written that way
  // ("St Mary's School"); on the last token it is always fine ("Evie Carter's").
  for (let k = i; k < j; k++) {
    if ((tokens[k] as Token).poss > 0 && (e.possMask & (1 << (k - i))) === 0) return false;
  }
  return e.caseMask === 0 || casedRange(tokens, i, j, e.caseMask);
}

/**
 * All matches in `tokens`, in text order. At each position the longest fitting pattern wins, and a
 * match that lies inside an earlier, longer match is not reported ("Ellie Mae Smith" hides
 * "Mae Smith"); overlapping but not contained matches are both reported.
 * Phrase tokens must be separated by whitespace or (when allowed) one hyphen, never other
 * punctuation ("May. Hunter" is not "May Hunter"); a comma only where the pattern has one.
 */
export function findMatches<T>(matcher: PhraseMatcher<T>, tokens: readonly Token[]): Match<T>[] {
  const out: Match<T>[] = [];
  const { phrases, prefixes, starts, compact, maxLength } = matcher;
  // Hashed matchers: every token's key, computed once per token array (engine/hash.ts).
  const keys = matcher.keysFor ? matcher.keysFor(tokens) : null;
  let coveredTo = -1; // last token index of the furthest-reaching reported match

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.prefix !== undefined) {
      const values = compact.get(keys ? (keys[i] as string) : t.prefix + t.norm);
      if (values && i > coveredTo) {
        out.push({ start: t.start, end: t.end, first: i, last: i, values: [...values] });
        coveredTo = i;
      }
      continue;
    }
    const first = keys ? (keys[i] as string) : t.norm;
    if (!starts.has(first)) continue;

    let key = first;
    let bestJ = -1;
    let bestValues: T[] = [];
    let bestPossEnd = false;
    let comma = false; // the key so far crosses a comma
    let bestComma = false;
    const limit = Math.min(tokens.length, i + maxLength);
    for (let j = i; j < limit; j++) {
      if (j > i) {
        const u = tokens[j] as Token;
        if (u.prefix !== undefined) break;
        const k = keys ? (keys[j] as string) : u.norm;
        if (u.gap === 'space' || u.gap === 'hyphen') key += ' ' + k;
        // Only patterns written with a comma there ("Carter, Evie") have such a key.
        else if (u.gap === 'comma' && !matcher.anyGap) {
          key += ' ,' + k;
          comma = true;
        }
        else if (matcher.anyGap) key += ' ' + k;
        else break;
      }
      const entries = phrases.get(key);
      if (entries) {
        const values: T[] = [];
        let possEnd = false;
        for (const e of entries) {
          if (!entryFits(e, tokens, i, j)) continue;
          if (!values.includes(e.value)) values.push(e.value);
          if (e.possMask & (1 << (j - i))) possEnd = true;
        }
        if (values.length > 0) {
          bestJ = j;
          bestValues = values;
          bestPossEnd = possEnd;
          bestComma = comma;
        }
      }
      if (!prefixes.has(key)) break;
    }

    // A comma pattern starting inside an earlier match is that match plus the next item of a list
    // ("Seun Adebayo, Oluwaseun Adebayo" does not also hold "Adebayo, Oluwaseun").
    if (bestJ > coveredTo && !(bestComma && i <= coveredTo)) {
      const last = tokens[bestJ] as Token;
      // A pattern written with a possessive ("St Mary's") covers the suffix too.
      const end = bestPossEnd ? last.end + last.poss : last.end;
      out.push({ start: t.start, end, first: i, last: bestJ, values: bestValues });
      coveredTo = bestJ;
    }
  }
  return out;
}
