// direct-message: verdicts for a private message's recipient, with a fixed clock.
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import type { PersonInput } from '../engine/name-index';
import type { RulePack } from '../pack/types';
import { check, detect, meta } from './direct-message';
import { prepareInput } from '../engine/evaluate';
import type { ActionVerdict, PersonRef, SocialAction } from './person-match';

const people: PersonInput[] = [
  { role: 'pupil', forename: 'Evie', surname: 'Carter' },
  { role: 'parent', forename: 'Mark', surname: 'Bell' },
  { role: 'staff', forename: 'Sarah', surname: 'Price' },
];
const CLAUSE = '§8: "Employees should not enter into personal dialogue with pupils on social networking sites".';
const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: {
    'direct-message': { enabled: true, severity: 'high', title: 'Private message to a pupil', clause: CLAUSE, advice: 'Report it.', sites: { whatsapp: { enabled: false } } },
  },
};
const compiled = compileRuleSet(pack, people);
const now = new Date('2026-06-14T12:00:00Z');
const base = { rule: 'direct-message', title: 'Private message to a pupil', clause: CLAUSE } as const;

const cases: [SocialAction, string, PersonRef | undefined, ActionVerdict | null][] = [
  ['message', 'facebook', { displayName: 'Evie Carter' }, { ...base, severity: 'high' }], // no advice: the user is writing, nothing came in
  ['message', 'x', { displayName: 'E', handle: '@EvieCarter' }, { ...base, severity: 'high' }],
  ['message', 'instagram', { handle: 'evie.carter' }, { ...base, severity: 'high' }],
  ['message', 'linkedin', { displayName: 'Mark Bell' }, { ...base, severity: 'warn' }],
  ['message', 'linkedin', { displayName: 'Sarah Price' }, null],
  ['message', 'facebook', { displayName: 'Evie Cartwright' }, null],
  ['message', 'whatsapp', { displayName: 'Evie Carter' }, null], // switched off for the site
  ['message', 'facebook', undefined, null], // recipient not known: nothing to say
  ['friend-accept', 'facebook', { displayName: 'Evie Carter' }, null],
];

describe('direct-message', () => {
  it('has matching meta', () => expect(meta.id).toBe('direct-message'));
  it.each(cases)('%s on %s %j', (action, site, person, expected) => {
    expect(check(compiled, { action, site: site as never, person }, now)).toEqual(expected);
  });
  it('finds nothing in text (it is an action rule)', () => {
    expect(detect(prepareInput({ text: 'Hi Evie Carter', site: 'facebook', surface: 'message' }), compiled)).toEqual([]);
  });
});
