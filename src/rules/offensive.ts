/**
 * offensive: abusive, derogatory, discriminatory or threatening language aimed at the school, its
 * staff, pupils or their families. Policies: 000 "never post or send abusive or defamatory
 * messages"; 001 §5.5 "attack, insult, abuse or defame pupils, their family members, colleagues …";
 * 002 §4 "derogatory, defamatory, discriminatory, threatening or offensive about the School, staff or
 * pupils"; 003 "discriminatory comments, insults or obscenity".
 * Pure detector: no browser API.
 *
 * Finds (word lists and kinds in engine/offensive-lexicon.ts):
 * - lexicon words and phrases, as whole tokens in any case ("idiots", "is a joke", "shambles");
 * - obfuscated swearing, through obscenity's matcher run only on the few chunks that look obfuscated
 *   (a letter next to a digit or one of $@!*|+€£ inside a word: sh1t, $h!t, @$$hole; a letter three
 *   times running: fuuuck) and on runs of single spaced letters (f u c k, s.h.i.t); censored forms
 *   (f***ing, sh*t, c**t) count as swearing. Plain text never reaches obscenity, which keeps the
 *   cost of a clean 5,000-character post to one token pass;
 * - the pack's own words (`rules.offensive.terms`, literals), treated like swearing.
 * Aimed means a target within 8 tokens in the same sentence: a TARGET_PHRASES word (kids, parents,
 * staff, the head, SLT, Ofsted, the school…), a class-context cue ("my class", "year 9"), the
 * school's names (school-identity), a pupil's full name or a registration group. "my parents"
 * is the writer's own family, not a target.
 * Severity: slurs always at the pack's severity; swearing, insults and threats that are aimed at it;
 * swearing that is not aimed (or only intensifies praise: "bloody brilliant kids") at `info`; mild
 * words, insults and threats that are not aimed give nothing. An insult the writer says of themself
 * ("I'm useless at names") or negates within three words ("not lazy", "not calling people stupid") gives nothing; "lazy Sunday" is not an insult.
 * Known limits: no grammar, so "the kids hate idiots on bikes" counts as aimed; sarcasm and
 * defamation without abusive words ("the head fiddles the budget") are not seen.
 */
import { activeRule, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { crossesSentence, cuePhrases } from '../engine/context';
import { findMatches, type Match } from '../engine/matcher';
import { HARMLESS_AFTER, HARMLESS_BEFORE, lexiconMatcher, NEEDS_BEFORE, obfuscationMatcher, PRAISE, targetMatcher, type OffenceKind } from '../engine/offensive-lexicon';
import type { Token } from '../engine/tokenise';
import type { Finding, Severity } from '../engine/types';

export const meta: RuleMeta = {
  id: 'offensive',
  title: 'Offensive or derogatory',
  defaultSeverity: 'warn',
  description: 'Warns when a post uses abusive, derogatory or discriminatory language about the school or its people.',
};

/** How far (in tokens, same sentence) a target may be from the abusive words. */
export const TARGET_WINDOW = 8;

interface Candidate {
  start: number;
  end: number;
  first: number;
  last: number;
  kind: OffenceKind;
}

// A letter next to a leet character inside a word, or a letter three times running.
const TRIGGER_RE = /[A-Za-z][0-9$@*|+€£]|[0-9$@!*|+€£][A-Za-z]|([A-Za-z])\1\1/g;
// Three or more single characters, each followed by one separator: "f u c k", "s.h.i.t", "f-u-c-k".
const SPACED_RE = /(?<![\p{L}\p{N}$@*])(?:[\p{L}0-9$@!*][ .\-_*]){2,}[\p{L}0-9$@!*](?![\p{L}\p{N}])/gu;
const SPACE_RE = /\s/;
const EDGE_PUNCT = /^[("'‘“[]+|[)"'’”\].,;:!?]+$/g;
// Not obfuscation: handles and tags, e-mail addresses, web addresses, "Y4", "4B", "10am", "21st".
const BENIGN_RE = /^(?:[@#][\p{L}\p{N}_]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)\S*|[A-Za-z]{1,3}\d{1,3}|\d+(?:st|nd|rd|th|s|am|pm|m|k|km|kg|cm|mm|ml|[A-Za-z]))$/iu;
// Censored swearing: "f***", "sh*t", "c**t", "b*****d", "motherf*cker".
const CENSORED_RE = /^(?:[A-Za-z]{1,2}\*+[A-Za-z]{0,6}|[A-Za-z]{3,}\*+[A-Za-z]{1,6})$/;

/** Index of the first token ending after `offset` (tokens.length if none). */
function tokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function candidateAt(tokens: readonly Token[], start: number, end: number, kind: OffenceKind): Candidate {
  const first = Math.min(tokenAfter(tokens, start), Math.max(tokens.length - 1, 0));
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
  return { start, end, first, last, kind };
}

/**
 * obscenity's verdict on one word, cached: a post is re-checked as it is typed, so the same few
 * obfuscated words come back on every check. The cache holds only words that looked obfuscated.
 */
const verdicts = new Map<string, OffenceKind | null>();
const VERDICTS_MAX = 1000;
function obscenityVerdict(word: string): OffenceKind | null {
  let kind = verdicts.get(word);
  if (kind === undefined) {
    const ob = obfuscationMatcher();
    const hits = ob.matcher.getAllMatches(word, true);
    kind = hits.length > 0 ? strongest(hits.map((h) => ob.kindOf(h.termId))) : null;
    if (verdicts.size >= VERDICTS_MAX) verdicts.clear();
    verdicts.set(word, kind);
  }
  return kind;
}

/** Obfuscated and censored swearing in `text`, found by obscenity on the suspicious chunks only. */
function obfuscated(text: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  let coveredTo = -1;
  const chunk = (s: number, e: number) => {
    // Trim quotes, brackets and sentence punctuation: "(sh1t)" is the word sh1t.
    let a = s;
    let b = e;
    while (a < b && /[("'‘“[]/.test(text[a] as string)) a++;
    while (b > a && /[)"'’”\].,;:!?]/.test(text[b - 1] as string)) b--;
    const word = text.slice(a, b);
    if (word === '' || BENIGN_RE.test(word)) return;
    if (CENSORED_RE.test(word)) {
      out.push(candidateAt(tokens, a, b, 'profanity'));
      return;
    }
    // The whole obfuscated word is the span ("$h!thead", "@$$hole"), not the part obscenity knows.
    const kind = obscenityVerdict(word);
    if (kind) out.push(candidateAt(tokens, a, b, kind));
  };
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m; m = TRIGGER_RE.exec(text)) {
    let s = m.index;
    if (s < coveredTo) continue;
    while (s > 0 && !SPACE_RE.test(text[s - 1] as string)) s--;
    let e = m.index + m[0].length;
    while (e < text.length && !SPACE_RE.test(text[e] as string)) e++;
    coveredTo = e;
    TRIGGER_RE.lastIndex = e;
    chunk(s, e);
  }
  if (text.length >= 5) {
    SPACED_RE.lastIndex = 0;
    for (let m = SPACED_RE.exec(text); m; m = SPACED_RE.exec(text)) {
      const run = m[0];
      const letters = run.replace(/[ .\-_*]/g, '');
      const kind = obscenityVerdict(letters);
      if (kind) out.push(candidateAt(tokens, m.index, m.index + run.length, kind));
    }
  }
  return out;
}

const KIND_ORDER: readonly OffenceKind[] = ['slur', 'profanity', 'threat', 'insult', 'mild'];
const strongest = (kinds: readonly OffenceKind[]): OffenceKind => KIND_ORDER.find((k) => kinds.includes(k)) ?? 'insult';

const SELF = new Set(['i', 'im', 'me', 'myself', 'ive', 'id']);
const NEGATION = new Set(['not', 'never', 'no', 'isnt', 'arent', 'wasnt', 'werent', 'hardly', 'dont', 'didnt', 'nobody', 'none']);
const OWN_FAMILY = new Set(['parents', 'parent', 'mums', 'dads', 'mum', 'dad', 'families', 'carers']);

function norm(tokens: readonly Token[], i: number): string | undefined {
  return tokens[i]?.norm;
}

/** Whether any of tokens [from, to) has a norm in `set`. */
function anyIn(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (set.has((tokens[k] as Token).norm)) return true;
  return false;
}

type Range = { first: number; last: number };

/**
 * Targets near the candidates: the matchers run only on the tokens around them (a window wide enough
 * for any target within TARGET_WINDOW), so the pupil-name and school matchers are not run over the
 * whole post a second time.
 */
function targetsNear(input: RuleInput, compiled: CompiledRuleSet, candidates: readonly Candidate[]): Range[] {
  const { tokens } = input;
  const fixedMatcher = targetMatcher(cuePhrases());
  const groups = compiled.names.groups;
  const reach = TARGET_WINDOW + Math.max(fixedMatcher.maxLength, compiled.schoolIdentity.maxLength, compiled.pupilNames.maxLength, groups.maxLength, 1);
  const out: Range[] = [];
  let k = 0;
  while (k < candidates.length) {
    const lo = Math.max(0, (candidates[k] as Candidate).first - reach);
    let hi = Math.min(tokens.length, (candidates[k] as Candidate).last + reach + 1);
    while (k + 1 < candidates.length && (candidates[k + 1] as Candidate).first - reach <= hi) {
      k++;
      hi = Math.min(tokens.length, (candidates[k] as Candidate).last + reach + 1);
    }
    k++;
    const slice = tokens.slice(lo, hi);
    const found: Range[] = [
      ...findMatches(fixedMatcher, slice).filter(
        // "my parents", "my mum's family": the writer's own family.
        (m) => !(m.first === m.last && OWN_FAMILY.has((slice[m.first] as Token).norm) && norm(slice, m.first - 1) === 'my'),
      ),
      ...findMatches(compiled.schoolIdentity, slice),
      ...findMatches(compiled.pupilNames, slice),
      ...(groups.size > 0 ? findMatches(groups, slice) : []),
    ];
    for (const m of found) out.push({ first: m.first + lo, last: m.last + lo });
  }
  return out.sort((a, b) => a.first - b.first);
}

function aimed(c: Candidate, targets: readonly Range[], text: string, tokens: readonly Token[]): boolean {
  for (const t of targets) {
    if (t.first > c.last + TARGET_WINDOW) break;
    if (t.last < c.first - TARGET_WINDOW) continue;
    if (t.last < c.first) {
      if (!crossesSentence(text, (tokens[t.last] as Token).end, c.start)) return true;
    } else if (t.first > c.last) {
      if (!crossesSentence(text, c.end, (tokens[t.first] as Token).start)) return true;
    } else {
      return true;
    }
  }
  return false;
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const { text, tokens } = input;
  const found: Candidate[] = [];
  for (const m of findMatches(lexiconMatcher(), tokens)) found.push({ start: m.start, end: m.end, first: m.first, last: m.last, kind: strongest(m.values) });
  for (const m of findMatches(compiled.offensiveTerms, tokens) as Match<unknown>[]) {
    found.push({ start: m.start, end: m.end, first: m.first, last: m.last, kind: 'profanity' });
  }
  for (const c of obfuscated(text, tokens)) {
    // A word the lexicon already has ("idiot" in "idiots!!!") is not counted twice.
    if (!found.some((f) => f.start < c.end && c.start < f.end)) found.push(c);
  }
  if (found.length === 0) return [];
  // Longest first at each start; then a match inside another ("muppets" in the pack's "Ofsted muppets") goes.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  const kept = found.filter((c) => {
    if (c.end <= reach) return false;
    reach = c.end;
    return true;
  });

  // Targets are looked for only around the words that need one (most posts stop before this).
  const needTarget = kept.filter((c) => c.kind !== 'slur');
  const targets = needTarget.length > 0 ? targetsNear(input, compiled, needTarget) : [];
  const out: Finding[] = [];
  for (const c of kept) {
    const lastNorm = (tokens[c.last] as Token | undefined)?.norm ?? '';
    const next = norm(tokens, c.last + 1);
    if (next !== undefined && HARMLESS_AFTER.get(lastNorm)?.has(next)) continue;
    const prev = norm(tokens, c.first - 1);
    if (prev !== undefined && HARMLESS_BEFORE.get((tokens[c.first] as Token | undefined)?.norm ?? '')?.has(prev)) continue;
    const needs = c.first === c.last ? NEEDS_BEFORE.get(lastNorm) : undefined;
    if (needs && (prev === undefined || !needs.has(prev))) continue;
    if (c.kind === 'insult' && (anyIn(tokens, c.first - 3, c.first, SELF) || anyIn(tokens, c.first - 3, c.first, NEGATION))) continue;
    let severity: Severity | null;
    if (c.kind === 'slur') severity = active.severity;
    else {
      const praise = (c.kind === 'profanity' || c.kind === 'mild') &&
        ((next !== undefined && PRAISE.has(next)) || PRAISE.has(norm(tokens, c.last + 2) ?? ''));
      const isAimed = !praise && aimed(c, targets, text, tokens);
      if (isAimed) severity = active.severity;
      else severity = c.kind === 'profanity' ? 'info' : null;
    }
    if (severity === null) continue;
    out.push({ rule: meta.id, start: c.start, end: c.end, severity, title: active.title, clause: active.clause });
  }
  return out;
}
