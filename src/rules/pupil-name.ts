/**
 * pupil-name: a pupil's or former pupil's full name from the imported class lists.
 * Pure detector: no browser API; the names live only in the compiled matcher, and a finding is just
 * a span of the user's own text plus the pack's title and clause.
 *
 * Fires on forename + surname and preferred name + surname, whatever the accents, apostrophes,
 * hyphens or line breaks between the parts, and with a possessive ("Evie Carter's"). Names made
 * only of ordinary words ("May Hunter", "Grace Hope") need each word capitalised. A forename alone
 * does not fire; parents and staff are other rules' business.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { findMatches } from '../engine/matcher';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'pupil-name',
  title: "Pupil's name",
  defaultSeverity: 'high',
  description: "Warns when a post names a pupil or former pupil from the school's class lists.",
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findMatches(compiled.pupilNames, input.tokens));
}
