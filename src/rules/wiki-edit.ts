/**
 * wiki-edit: a reminder on a wiki's edit form (Wikipedia and other open encyclopaedias). Policy 001
 * §6.11: "Staff members must not edit open access online encyclopedias such as Wikipedia in a
 * personal capacity at work", because the edit is recorded against the school's IP address and looks
 * as if the school made it; §5.6: be accurate, fair and transparent when altering online sources
 * about the school. Pure detector: no browser API, no clock of its own (`CheckInput.now`).
 *
 * Input signal: `surface === 'wiki-edit'`, set by the content script's adapter on an edit form
 * (*.wikipedia.org with action=edit/submit or the VisualEditor). Nothing fires on any other surface.
 * On that surface, one finding per check:
 * - on the first mention of the school (school-identity matcher), whatever the time: an edit about
 *   the school by its own staff is the case §6.11 and §5.6 are about;
 * - otherwise a whole-post reminder (a zero-length span at 0) when it is working time: the pack's
 *   `school.workingHours` and `school.holidays` (engine/clock.ts); when the pack has no working
 *   hours, whenever a time is given (the rule cannot tell work from home, so it reminds).
 * Silent without a time and without a mention of the school.
 */
import { inWorkingTime } from '../engine/clock';
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { findMatches } from '../engine/matcher';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'wiki-edit',
  title: 'Editing Wikipedia at work',
  defaultSeverity: 'info',
  description: 'Reminds you, on a Wikipedia edit form, not to edit it in a personal capacity at work.',
};

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  if (input.surface !== 'wiki-edit') return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const named = findMatches(compiled.schoolIdentity, input.tokens);
  if (named.length > 0) return findingsFor(meta.id, active, [{ start: named[0]!.start, end: named[0]!.end }]);
  if (!input.now) return [];
  const atWork = compiled.workingHours ? inWorkingTime(input.now, compiled.workingHours, compiled.holidays) : true;
  return atWork ? findingsFor(meta.id, active, [{ start: 0, end: 0 }]) : [];
}
