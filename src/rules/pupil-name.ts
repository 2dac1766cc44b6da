/**
 * pupil-name: a pupil's or former pupil's name from the imported class lists.
 * Pure detector: no browser API; the names live only in the compiled matchers, and a finding is just
 * a span of the user's own text plus the pack's title and clause.
 *
 * Fires on:
 * - forename + surname and preferred name + surname, whatever the accents, apostrophes, hyphens or
 *   line breaks between the parts, and with a possessive ("Evie Carter's");
 * - a known nickname of the forename or preferred name + surname ("Bill Smith" for William Smith;
 *   engine/nicknames.ts), never a nickname alone;
 * - "Surname, Forename" with a comma ("Carter, Evie");
 * - the name as one tag or handle: #EvieCarter, #evie_carter, @eviecarter, @evie_carter (not with
 *   digits added: @eviecarter2015);
 * - the forename or preferred name, or a UK short form of it ("Alfie" for Alfred), alone, only within
 *   5 tokens of a school-context cue in the same sentence ("Evie in my class", "one of my year 4s,
 *   Alfie", the school's own name; engine/context.ts), and not when another capitalised name follows
 *   ("Freddie Mercury songs in year 6": someone else's full name).
 * - "Zhang Wei" (family name first, without a comma) when both words have their capitals;
 * - the name inside a longer hashtag: camelCase (#WellDoneEvieCarter, #EvieCarterRocks) or, for
 *   names that are not ordinary words, all lower case at either end (#eviecarterrocks).
 * Names made only of ordinary words ("May Hunter", "Grace Hope") need each word capitalised; a
 * forename that is an ordinary word (May, Grace, Will) alone also needs its capital and must not
 * open a sentence ("May I remind my class…"). Surnames match exactly: "Harry Styles" is not the pupil
 * Harry Stiles. Parents and staff are other rules' business.
 * Does not fire on: a name joined by a hyphen to another capitalised word (Evie Carter-Smith is
 * someone else); "Hunter, May 2023" (a month and a date); a first name inside a story, book or
 * history character ("Charlie and the Chocolate Factory", "Grace Darling"); a "Mason, Ruby and
 * Jack" list of first names.
 *
 * The class list is only ever seen as keyed hashes (engine/name-index.ts); this module sees the
 * user's own words in plain, so the month, character and list tests look at the text.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta, type Span } from '../engine/compile';
import { findCuesNear, nearCue, opensSentence } from '../engine/context';
import { findMatches, MatcherBuilder, type Match, type PhraseMatcher } from '../engine/matcher';
import { normaliseWord } from '../engine/normalise';
import { shapeOf, tokenise, type Token } from '../engine/tokenise';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'pupil-name',
  title: "Pupil's name",
  defaultSeverity: 'high',
  description: "Warns when a post names a pupil or former pupil from the school's class lists.",
};

/** Whether token range [m.first, m.last] overlaps one of `ranges` (sorted by first); `from` is a cursor. */
function overlapsAny(m: Match<unknown>, ranges: readonly Match<unknown>[], from: { i: number }): boolean {
  while (from.i < ranges.length && (ranges[from.i] as Match<unknown>).last < m.first) from.i++;
  for (let k = from.i; k < ranges.length; k++) {
    const r = ranges[k] as Match<unknown>;
    if (r.first > m.last) return false;
    if (r.last >= m.first) return true;
  }
  return false;
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const DIGITS_RE = /^\d{1,4}(?:st|nd|rd|th)?$/;

/** Token `i` is a month written next to a day or year ("May 2023", "3 May", "May 3rd"). */
function isDate(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !MONTHS.has(t.norm)) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  return (next !== undefined && next.gap === 'space' && DIGITS_RE.test(next.norm)) ||
    (prev !== undefined && t.gap === 'space' && DIGITS_RE.test(prev.norm));
}

/** Token `i` is joined by a single hyphen to a capitalised word on either side ("Evie Carter-Smith"). */
function hyphenedToName(tokens: readonly Token[], first: number, last: number): boolean {
  const after = tokens[last + 1];
  if (after && after.gap === 'hyphen' && (after.shape === 'title' || after.shape === 'upper')) return true;
  const before = tokens[first - 1];
  return before !== undefined && (tokens[first] as Token).gap === 'hyphen' && (before.shape === 'title' || before.shape === 'upper');
}

/**
 * Story, book, history and Bible characters that share a first name with pupils and come up in
 * class ("we read about Charlie and the Chocolate Factory in class"). A first name alone inside one
 * of these is the character. Fixed English phrases, matched in any case.
 */
export const CHARACTER_PHRASES: readonly string[] = [
  'Alice in Wonderland', 'Amelia Earhart', 'Anne Frank', 'Charlie and the Chocolate Factory', 'Charlie and the Great Glass Elevator',
  'Charlie Bucket', 'Charles Darwin', 'Danny the Champion of the World', 'Emmeline Pankhurst', 'Florence Nightingale',
  'Fantastic Mr Fox', "George's Marvellous Medicine", 'Goldilocks', 'Grace Darling', 'Harry Potter', 'Henry VIII',
  'Hermione Granger', 'Horrid Henry', 'Isaac Newton', 'Jack and the Beanstalk', 'James and the Giant Peach', 'Mary Anning',
  'Mary Poppins', 'Mary Seacole', 'Matilda Wormwood', 'Noah and the flood', "Noah's Ark", 'Noahs Ark', 'story of Noah',
  'Oliver Twist', 'Paddington Bear', 'Percy Jackson', 'Peter Pan', 'Peter Rabbit', 'Rosa Parks', 'Ron Weasley',
  'Tracy Beaker', 'Winnie the Pooh', 'Winston Churchill', 'Lucy Pevensie', 'Edmund Pevensie', 'Katniss Everdeen',
];

let characters: PhraseMatcher<'character'> | null = null;
function characterMatcher(): PhraseMatcher<'character'> {
  if (!characters) {
    const b = new MatcherBuilder<'character'>();
    for (const phrase of CHARACTER_PHRASES) {
      b.addPhrase(tokenise(phrase).map((t) => ({ norm: t.norm, poss: t.poss > 0 })), { needsCase: false, allowHyphen: true, value: 'character' });
    }
    characters = b.build();
  }
  return characters;
}

/**
 * Whether a "Surname, Forename" match is really a list of first names ("Drinks with Mason, Ruby and
 * Jack"): the "surname" is also a pupil's first name and the list goes on with another name.
 */
function firstNameList(m: Match<unknown>, tokens: readonly Token[], compiled: CompiledRuleSet): boolean {
  const keys = compiled.pupilForenames.keysFor?.(tokens);
  const head = keys ? keys[m.first] : (tokens[m.first] as Token).norm;
  if (head === undefined || !compiled.pupilForenames.starts.has(head)) return false;
  const next = tokens[m.last + 1];
  if (!next) return false;
  const named = (t: Token | undefined) => t !== undefined && (t.shape === 'title' || t.shape === 'upper');
  if (next.gap === 'comma') return named(next);
  return next.gap === 'space' && next.norm === 'and' && named(tokens[m.last + 2]);
}

/** Full-name matches that name someone else or something else (see the header). */
function keepName(m: Match<unknown>, tokens: readonly Token[], compiled: CompiledRuleSet): boolean {
  if ((tokens[m.first] as Token).prefix !== undefined) return true; // a whole tag or handle
  if (hyphenedToName(tokens, m.first, m.last)) return false;
  if (m.values.every((v) => v === 'surname-first')) {
    if (isDate(tokens, m.last)) return false;
    if (firstNameList(m, tokens, compiled)) return false;
  }
  return true;
}

// camelCase parts of a tag body: "WellDoneEvieCarter" → Well, Done, Evie, Carter; digits apart.
const CAMEL_RE = /\p{Lu}[\p{Ll}\p{M}'’]*|\p{Ll}[\p{Ll}\p{M}'’]*|\p{N}+/gu;
const DIGIT_START_RE = /^\p{N}/u;
const DIGIT_END_RE = /\p{N}$/u;
/** Shortest name part looked for at either end of an all-lower-case tag. */
const MIN_RUN = 6;
/** Longest tag body searched for run-together names. */
const MAX_RUN_BODY = 60;

/**
 * Hashtags that hold a pupil's name with other words run on: "#WellDoneEvieCarter" (camelCase: the
 * parts are matched as words, with the usual case rule) and "#eviecarterrocks" (lower case: the
 * name's tag form at the start or end of the body; only names that are not ordinary words).
 */
function runTogetherTags(input: RuleInput, compiled: CompiledRuleSet, exact: readonly Match<unknown>[]): Span[] {
  const { text, tokens } = input;
  if (!text.includes('#')) return [];
  let seen = tagVerdicts.get(compiled);
  if (!seen) tagVerdicts.set(compiled, (seen = new Map()));
  const out: Span[] = [];
  let e = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.prefix !== '#') continue;
    while (e < exact.length && (exact[e] as Match<unknown>).last < i) e++;
    if (e < exact.length && (exact[e] as Match<unknown>).first === i) continue;
    const body = text.slice(t.start + 1, t.end);
    if (body.length > MAX_RUN_BODY) continue;
    // The same tags recur in every check of a post being typed: one verdict per tag and rule set.
    let hit = seen.get(body);
    if (hit === undefined) {
      hit = t.shape === 'lower' ? lowerRun(t.norm, compiled) : camelRun(body, compiled);
      if (seen.size >= TAG_VERDICTS_MAX) seen.clear();
      seen.set(body, hit);
    }
    if (hit) out.push({ start: t.start, end: t.end });
  }
  return out;
}

const tagVerdicts = new WeakMap<CompiledRuleSet, Map<string, boolean>>();
const TAG_VERDICTS_MAX = 1000;

/** Whether the camelCase parts of a tag body hold a pupil's name, not run on to a number. */
function camelRun(body: string, compiled: CompiledRuleSet): boolean {
  const parts: Token[] = [];
  for (const p of body.matchAll(CAMEL_RE)) {
    const norm = normaliseWord(p[0]);
    if (norm === '') continue;
    const start = p.index as number;
    parts.push({ start, end: start + p[0].length, norm, shape: shapeOf(p[0]), gap: parts.length ? 'space' : 'none', poss: 0 });
  }
  if (parts.length < 2) return false;
  // A number run on to the name is a username or a year (#EvieCarter2015), as with handles.
  const digits = (p: Token | undefined) => p !== undefined && DIGIT_START_RE.test(p.norm);
  return findMatches(compiled.pupilNames, parts).some((m) => !digits(parts[m.first - 1]) && !digits(parts[m.last + 1]));
}

function lowerRun(norm: string, compiled: CompiledRuleSet): boolean {
  const runs = compiled.names.tagRuns;
  if (runs.size === 0) return false;
  const h = compiled.names.hasher;
  for (let n = norm.length - 1; n >= MIN_RUN; n--) {
    const cut = norm.length - n;
    // Not where the rest is a number (#eviecarter2015), as with handles.
    if (!DIGIT_START_RE.test(norm.slice(n)) && runs.has(h.hash('#' + norm.slice(0, n)))) return true;
    if (!DIGIT_END_RE.test(norm.slice(0, cut)) && runs.has(h.hash('#' + norm.slice(cut)))) return true;
  }
  return false;
}

/** Token `last + 1` is a Title-case word after a space on the same line: "Freddie Mercury". */
function followedByName(text: string, tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (next === undefined || next.gap !== 'space' || next.shape !== 'title' || next.prefix !== undefined) return false;
  // A list of names one per line ("Alfie\nEvie") is not a full name.
  return !/[\n\r\u2028\u2029]/.test(text.slice((tokens[last] as Token).end, next.start));
}

/** First names alone that sit in a school context, not already inside a full-name match. */
function forenamesInContext(input: RuleInput, compiled: CompiledRuleSet, names: readonly Match<unknown>[]): Match<unknown>[] {
  const { text, tokens } = input;
  const candidates: Match<unknown>[] = [];
  const cursor = { i: 0 };
  let chars: Match<'character'>[] | null = null;
  const charCursor = { i: 0 };
  for (const m of findMatches(compiled.pupilForenames, tokens)) {
    if (overlapsAny(m, names, cursor)) continue;
    // "May I remind my class…": an ordinary-word forename opening a sentence is just the word.
    if (m.values.every((v) => v === 'word') && opensSentence(text, tokens, m.first)) continue;
    // "In May 2023 my class…": the month.
    if (m.first === m.last && isDate(tokens, m.first)) continue;
    // "Evie-Rose in my class" is not Evie.
    if (hyphenedToName(tokens, m.first, m.last)) continue;
    // "Freddie Mercury", "Mo Salah": a first name followed by another capitalised name is someone
    // else's full name (the pupil's own full name is matched, and hidden from here, above).
    if (followedByName(text, tokens, m.last)) continue;
    chars ??= findMatches(characterMatcher(), tokens);
    if (overlapsAny(m, chars, charCursor)) continue;
    candidates.push(m);
  }
  // Cues are only looked for when there is a candidate: most posts stop here.
  if (candidates.length === 0) return [];
  const cues = findCuesNear(tokens, candidates, compiled.schoolIdentity, compiled.names.groups);
  if (cues.length === 0) return [];
  const near = nearCue(text, tokens, candidates, cues);
  return candidates.filter((_, k) => near[k]);
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, pupilNameSpans(input, compiled));
}

/** Where the text names a pupil or former pupil, by the rules above, whatever the pack's settings (official-account reuses it). */
export function pupilNameSpans(input: RuleInput, compiled: CompiledRuleSet): Span[] {
  const all = findMatches(compiled.pupilNames, input.tokens);
  const names = all.filter((m) => keepName(m, input.tokens, compiled));
  // Dropped matches still hide the first name inside them ("Hunter, May 2023" is not "May").
  const alone = forenamesInContext(input, compiled, all);
  const tags = runTogetherTags(input, compiled, all);
  return alone.length === 0 && tags.length === 0 ? names : [...names, ...alone, ...tags].sort((a, b) => a.start - b.start);
}
