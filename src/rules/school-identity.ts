/**
 * school-identity: the school's name, aliases, social handles and hashtags.
 * Pure detector: no browser API.
 *
 * Names and aliases are literal phrases ("Holbrook Primary School"; "Oak Field" needs capitals
 * because both are ordinary words, "Holbrook" does not). A name written as one tag or handle
 * ("#HolbrookPrimarySchool", "@holbrookprimary") counts too; handles and tags compare without case.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { findMatches } from '../engine/matcher';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'school-identity',
  title: 'Names the school',
  defaultSeverity: 'warn',
  description: "Warns when a post names the school or uses its handles or hashtags.",
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findMatches(compiled.schoolIdentity, input.tokens));
}
