/**
 * direct-message: writing a private message to a person on the class lists (a pupil, a former
 * pupil under 18, or a parent or guardian one step lower: rules/person-match.ts). Pure: no browser
 * API.
 *
 * The content script reads the recipient from the conversation's header (Messenger, X, Instagram,
 * LinkedIn) when the user starts writing, and holds Send while the verdict stands. The message
 * text itself is checked by the text rules as usual. `detect` finds nothing in text.
 */
import type { CompiledRuleSet, RuleInput, RuleMeta } from '../engine/compile';
import type { Finding } from '../engine/types';
import { personVerdict, type ActionInput, type ActionVerdict } from './person-match';

export const meta: RuleMeta = {
  id: 'direct-message',
  title: 'Private message to a pupil',
  defaultSeverity: 'high',
  description: 'Warns when a private message is being written to a pupil, a former pupil under 18 or a parent on the class list.',
};

export function check(compiled: CompiledRuleSet, input: ActionInput, now: Date): ActionVerdict | null {
  if (input.action !== 'message') return null;
  return personVerdict(compiled, meta.id, input, now);
}

export function detect(_input: RuleInput, _compiled: CompiledRuleSet): Finding[] {
  return [];
}
