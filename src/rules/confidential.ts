/**
 * confidential: the school's own confidential terms (`rules.confidential.terms` in the pack), such
 * as "Ofsted inspection", "safeguarding referral" or a project name.
 * Pure detector: no browser API; the terms live only in the compiled matcher, and a finding is just
 * a span of the user's own text plus the pack's title and clause.
 *
 * Terms are literal phrases, matched as whole tokens ("redundancy" does not fire inside
 * "redundancyfund"), in any case (they are deliberate phrases, not names that prose could collide
 * with), ignoring accents, across a single hyphen or a line break, and written as one hashtag
 * ("#OfstedInspection"). Where terms overlap, the longest one at a position wins. No stemming:
 * "Ofsted inspections" does not match the term "Ofsted inspection" (list both if both matter).
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { findMatches } from '../engine/matcher';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'confidential',
  title: 'Confidential information',
  defaultSeverity: 'high',
  description: "Warns when a post uses one of the school's confidential terms from the rule pack.",
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findMatches(compiled.confidentialTerms, input.tokens));
}
