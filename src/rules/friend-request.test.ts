// friend-request: verdicts for every action, role and site override, with a fixed clock.
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import type { PersonInput } from '../engine/name-index';
import type { RulePack } from '../pack/types';
import { check, detect, meta } from './friend-request';
import { prepareInput } from '../engine/evaluate';
import type { ActionVerdict, PersonRef, SocialAction } from './person-match';

const people: PersonInput[] = [
  { role: 'pupil', forename: 'Evie', surname: 'Carter', dob: '2016-03-01' },
  { role: 'former-pupil', forename: 'William', surname: 'Jones', dob: '2008-06-15' },
  { role: 'former-pupil', forename: 'Amara', surname: 'James', dob: '2004-01-01' },
  { role: 'parent', forename: 'Mark', surname: 'Bell' },
  { role: 'staff', forename: 'Sarah', surname: 'Price' },
];
const CLAUSE = '§6.6: staff "must decline \'friend requests\' from pupils".';
const ADVICE = 'Decline the request and tell the designated safeguarding lead.';
const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: {
    'friend-request': {
      enabled: true,
      severity: 'high',
      title: 'Friend request with a pupil',
      clause: CLAUSE,
      advice: ADVICE,
      sites: { tiktok: { enabled: false }, mastodon: { severity: 'warn' } },
    },
  },
};
const compiled = compileRuleSet(pack, people);
const now = new Date('2026-06-14T12:00:00Z');
const base = { rule: 'friend-request', title: 'Friend request with a pupil', clause: CLAUSE } as const;
const HIGH: ActionVerdict = { ...base, severity: 'high' };
const HIGH_ADVICE: ActionVerdict = { ...HIGH, advice: ADVICE };

const cases: [SocialAction, string, PersonRef | undefined, ActionVerdict | null][] = [
  // Incoming requests from a child of the school carry the reporting advice.
  ['friend-accept', 'facebook', { displayName: 'Evie Carter' }, HIGH_ADVICE],
  ['follow-accept', 'x', { displayName: 'ec', handle: '@evie_carter12' }, HIGH_ADVICE],
  ['follow-accept', 'instagram', { handle: 'eviecarter' }, HIGH_ADVICE],
  ['friend-accept', 'linkedin', { displayName: 'William Jones' }, HIGH_ADVICE], // former pupil, 17
  // Requests the user sends: no advice (nothing came in to report).
  ['friend-send', 'facebook', { displayName: 'Evie Carter' }, HIGH],
  ['follow', 'x', { handle: 'EvieCarter' }, HIGH],
  ['follow', 'bluesky', { displayName: 'Evie Carter', handle: 'eviecarter.bsky.social' }, HIGH],
  // Site overrides from the pack.
  ['follow', 'tiktok', { handle: 'eviecarter' }, null],
  ['follow-accept', 'mastodon', { handle: 'evie_carter@school.social' }, { ...base, severity: 'warn', advice: ADVICE }],
  // Parents: one step lower, and never advice.
  ['friend-accept', 'facebook', { displayName: 'Mark Bell' }, { ...base, severity: 'warn' }],
  // Nobody to warn about.
  ['friend-accept', 'facebook', { displayName: 'Amara James' }, null], // former pupil, now 22
  ['friend-accept', 'facebook', { displayName: 'Sarah Price' }, null], // a colleague
  ['friend-send', 'facebook', { displayName: 'Emma Watson' }, null],
  ['follow', 'x', { displayName: 'Harry Styles', handle: 'harrystyles' }, null],
  ['follow', 'x', { handle: 'eviecarterfan' }, null],
  ['follow', 'x', undefined, null],
  // Not this rule's actions.
  ['message', 'facebook', { displayName: 'Evie Carter' }, null],
  ['endorse', 'linkedin', { displayName: 'Evie Carter' }, null],
];

describe('friend-request', () => {
  it('has matching meta', () => expect(meta.id).toBe('friend-request'));
  it.each(cases)('%s on %s %j', (action, site, person, expected) => {
    expect(check(compiled, { action, site: site as never, person }, now)).toEqual(expected);
  });
  it('finds nothing in text (it is an action rule)', () => {
    expect(detect(prepareInput({ text: 'Evie Carter sent me a friend request', site: 'facebook' }), compiled)).toEqual([]);
  });
  it('is silent when the pack does not configure it or switches it off', () => {
    const off = compileRuleSet({ ...pack, rules: { 'friend-request': { ...pack.rules['friend-request']!, enabled: false } } }, people);
    const none = compileRuleSet({ ...pack, rules: {} }, people);
    for (const c of [off, none]) expect(check(c, { action: 'friend-accept', site: 'facebook', person: { displayName: 'Evie Carter' } }, now)).toBeNull();
  });
  it('gives no advice when the pack has none', () => {
    const { advice: _, ...noAdvice } = pack.rules['friend-request']!;
    const c = compileRuleSet({ ...pack, rules: { 'friend-request': noAdvice } }, people);
    expect(check(c, { action: 'friend-accept', site: 'facebook', person: { displayName: 'Evie Carter' } }, now)).toEqual(HIGH);
  });
});
