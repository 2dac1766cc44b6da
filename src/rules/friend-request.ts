/**
 * friend-request: accepting or sending a friend / follow / connect request to or from a person on
 * the class lists: a pupil, a former pupil under 18 (engine/person-lookup.ts), or a parent or
 * guardian (one step lower: rules/person-match.ts). Pure: no browser API.
 *
 * Not a text rule: the content script reports the click on the site's own control with who the
 * other person is (display name, handle as the page shows them), and `check` answers with the
 * verdict. `detect` is the registry's text entry point and finds nothing in text.
 * For an incoming request from a child of the school the verdict carries the pack's reporting
 * advice (policy 004 §1; 001 §6.6), which the warning offers as text to copy.
 */
import type { CompiledRuleSet, RuleInput, RuleMeta } from '../engine/compile';
import type { Finding } from '../engine/types';
import { personVerdict, type ActionInput, type ActionVerdict, type SocialAction } from './person-match';

export const meta: RuleMeta = {
  id: 'friend-request',
  title: 'Friend request with a pupil',
  defaultSeverity: 'high',
  description: 'Holds accepting or sending a friend, follow or connect request to or from a pupil, a former pupil under 18 or a parent on the class list.',
};

/** The actions this rule answers. */
export const FRIEND_ACTIONS: ReadonlySet<SocialAction> = new Set(['friend-accept', 'friend-send', 'follow', 'follow-accept']);

export function check(compiled: CompiledRuleSet, input: ActionInput, now: Date): ActionVerdict | null {
  if (!FRIEND_ACTIONS.has(input.action)) return null;
  return personVerdict(compiled, meta.id, input, now);
}

export function detect(_input: RuleInput, _compiled: CompiledRuleSet): Finding[] {
  return [];
}
