/**
 * works-at: a profile field (bio, headline, workplace, experience, intro, profile metadata) that
 * names the school: its name, an alias, its handle or hashtag. Pure detector: no browser API.
 *
 * Runs only on the 'profile' surface (the site adapter says which fields are profile fields);
 * elsewhere naming the school is school-identity's business. Per-site exceptions come from the
 * pack like every rule's (`sites.linkedin.enabled: false` in policy 003's template: "excluding
 * LinkedIn"). The school's own words are matched by the same compiled matcher as school-identity,
 * so "Teacher at Holbrook Primary", "@HolbrookPrimary" and "#HolbrookPride" all count.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { findMatches } from '../engine/matcher';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'works-at',
  title: 'School as your workplace',
  defaultSeverity: 'warn',
  description: 'Warns when a bio, headline or workplace field of your profile names the school.',
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  if (input.surface !== 'profile') return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findMatches(compiled.schoolIdentity, input.tokens));
}
