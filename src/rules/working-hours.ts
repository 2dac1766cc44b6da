/**
 * working-hours: a reminder when social media is used during the school's working time. Policy 002
 * §2: no personal use "during lessons/working time"; 003: personal use "is never permitted during
 * working time"; 001 §6.13: only limited use at work, none "while working with children".
 * Pure detector: no browser API and no clock of its own: the caller passes the local time
 * (`CheckInput.now`, engine/clock.ts), so the rule is testable with a fixed clock.
 *
 * Fires once per check, as a whole-post reminder (a zero-length span at 0: no words are highlighted),
 * when `now` falls on one of `school.workingHours.days`, from `start` up to but not including `end`,
 * and not inside one of `school.holidays` (half-terms, bank holidays, closure days). Silent when the
 * pack has no working hours, when no time was given, and on a wiki edit form (wiki-edit reminds there,
 * citing its own clause). Severity comes from the pack (info or warn). Known limit: lunch breaks
 * count as working time unless the hours are split by the school, and the rule cannot tell whether
 * you are with children.
 */
import { inWorkingTime } from '../engine/clock';
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'working-hours',
  title: 'Social media in working time',
  defaultSeverity: 'info',
  description: "Reminds you when you use social media during the school's working hours.",
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  if (!input.now || input.surface === 'wiki-edit') return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  if (!inWorkingTime(input.now, compiled.workingHours, compiled.holidays)) return [];
  return findingsFor(meta.id, active, [{ start: 0, end: 0 }]);
}
