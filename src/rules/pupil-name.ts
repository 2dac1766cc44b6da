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
 * - the forename or preferred name alone, only within 5 tokens of a school-context cue in the same
 *   sentence ("Evie in my class", "one of my year 4s, Alfie", the school's own name; engine/context.ts).
 * Names made only of ordinary words ("May Hunter", "Grace Hope") need each word capitalised; a
 * forename that is an ordinary word (May, Grace, Will) alone also needs its capital and must not
 * open a sentence ("May I remind my class…"). Surnames match exactly: "Harry Styles" is not the pupil
 * Harry Stiles. Parents and staff are other rules' business.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta, type Span } from '../engine/compile';
import { findCuesNear, nearCue, opensSentence } from '../engine/context';
import { findMatches, type Match } from '../engine/matcher';
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

/** First names alone that sit in a school context, not already inside a full-name match. */
function forenamesInContext(input: RuleInput, compiled: CompiledRuleSet, names: readonly Match<unknown>[]): Match<unknown>[] {
  const { text, tokens } = input;
  const candidates: Match<unknown>[] = [];
  const cursor = { i: 0 };
  for (const m of findMatches(compiled.pupilForenames, tokens)) {
    if (overlapsAny(m, names, cursor)) continue;
    // "May I remind my class…": an ordinary-word forename opening a sentence is just the word.
    if (m.values.every((v) => v === 'word') && opensSentence(text, tokens, m.first)) continue;
    candidates.push(m);
  }
  // Cues are only looked for when there is a candidate: most posts stop here.
  if (candidates.length === 0) return [];
  const cues = findCuesNear(tokens, candidates, compiled.schoolIdentity);
  if (cues.length === 0) return [];
  const near = nearCue(text, tokens, candidates, cues);
  return candidates.filter((_, k) => near[k]);
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const names = findMatches(compiled.pupilNames, input.tokens);
  const alone = forenamesInContext(input, compiled, names);
  const spans: Span[] = alone.length === 0 ? names : [...names, ...alone].sort((a, b) => a.start - b.start);
  return findingsFor(meta.id, active, spans);
}
