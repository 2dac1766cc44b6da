/**
 * reference: writing a recommendation, reference or endorsement for someone on a professional
 * network (policy 003: "Staff should never provide references for other individuals on social or
 * professional networking sites"). Pure: no browser API.
 *
 * Text: on the 'reference' surface (LinkedIn's recommendation form, as its adapter reports it) any
 * words at all are a reference; the finding covers the opening words (at most eight), so the
 * highlight shows where without painting the whole text. Action: a skill endorsement click
 * ('endorse') gets the same clause through `check`.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import type { Finding } from '../engine/types';
import type { ActionInput, ActionVerdict } from './person-match';

export const meta: RuleMeta = {
  id: 'reference',
  title: 'Reference or recommendation',
  defaultSeverity: 'info',
  description: 'Warns when you write a recommendation or endorse someone on a professional network.',
};

/** Words of the reference the finding covers. */
export const OPENING_WORDS = 8;

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  if (input.surface !== 'reference') return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const words = input.tokens.slice(0, OPENING_WORDS);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return [];
  return findingsFor(meta.id, active, [{ start: first.start, end: last.end + last.poss }]);
}

export function check(compiled: CompiledRuleSet, input: ActionInput): ActionVerdict | null {
  if (input.action !== 'endorse') return null;
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return null;
  return { rule: meta.id, severity: active.severity, title: active.title, clause: active.clause };
}
