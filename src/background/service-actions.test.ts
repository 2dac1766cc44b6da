/**
 * The background service's social-action channel over fake-indexeddb: verdicts for friend / follow
 * / message / endorse actions against the stored class list, only public fields back, hostile
 * payloads rejected, the shared rate limit, and the audience raising text findings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import demoPack from '../../rules/demo.json';
import defaultPack from '../../rules/default.json';
import trustTemplate from '../../rules/templates/trust-2024.json';
import { parsePack } from '../pack/parse';
import type { RulePack } from '../pack/types';
import { openDb, type SecondLookDb } from '../storage/db';
import { Repo } from '../storage/repo';
import { Service } from './service';

const pack = (json: unknown): RulePack => {
  const r = parsePack(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};

let db: SecondLookDb;
let n = 0;
const people = [
  { role: 'pupil' as const, forename: 'Evie', surname: 'Carter', dob: '2016-03-01' },
  { role: 'parent' as const, forename: 'Mark', surname: 'Bell' },
  { role: 'staff' as const, forename: 'Sarah', surname: 'Price' },
];
const NOW = Date.parse('2026-06-14T12:00:00Z');

beforeEach(() => {
  db = openDb(`actions-${++n}`);
});
afterEach(() => db.close());

async function seeded(packJson: unknown = demoPack): Promise<Service> {
  const s = new Service(new Repo(db, pack(defaultPack)), () => NOW);
  expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(packJson) })).ok).toBe(true);
  expect((await s.handleAdmin({ type: 'importClassList', name: '5H', fileName: '5h.csv', groups: [], people })).ok).toBe(true);
  return s;
}

const demo = pack(demoPack);
const fr = demo.rules['friend-request']!;
const dm = demo.rules['direct-message']!;

describe('Service.handleAction', () => {
  it('answers an incoming pupil friend request with the verdict, the clause and the reporting advice, and nothing else', async () => {
    const s = await seeded();
    const res = await s.handleAction({ type: 'checkAction', action: 'friend-accept', site: 'facebook', person: { displayName: 'Evie Carter' } }, 1);
    expect(res).toEqual({ ok: true, verdict: { rule: 'friend-request', severity: 'high', title: fr.title, clause: fr.clause, advice: fr.advice } });
    // Never the person's role, age, name or any list data.
    expect(res.ok && Object.keys(res.verdict ?? {}).sort()).toEqual(['advice', 'clause', 'rule', 'severity', 'title']);
    expect(JSON.stringify(res)).not.toMatch(/"role"|under18|protected|Carter|5H|2016/);
  });

  it.each([
    ['follow by handle', { action: 'follow', site: 'x', person: { handle: '@evie_carter12' } }, { rule: 'friend-request', severity: 'high', title: fr.title, clause: fr.clause }],
    ['a message to a pupil', { action: 'message', site: 'instagram', person: { displayName: 'Evie', handle: 'eviecarter' } }, { rule: 'direct-message', severity: 'high', title: dm.title, clause: dm.clause }],
    ['a parent, one step lower', { action: 'friend-accept', site: 'facebook', person: { displayName: 'Mark Bell' } }, { rule: 'friend-request', severity: 'warn', title: fr.title, clause: fr.clause }],
    ['a colleague', { action: 'friend-accept', site: 'facebook', person: { displayName: 'Sarah Price' } }, null],
    ['a famous name', { action: 'follow', site: 'x', person: { displayName: 'Harry Styles', handle: 'harrystyles' } }, null],
    ['a substring handle', { action: 'follow', site: 'x', person: { handle: 'eviecarterfanclub' } }, null],
    ['no person', { action: 'follow', site: 'x' }, null],
    ['endorse with reference off (demo pack)', { action: 'endorse', site: 'linkedin' }, null],
  ])('%s', async (_n, msg, verdict) => {
    const s = await seeded();
    expect(await s.handleAction({ type: 'checkAction', ...msg }, 1)).toEqual({ ok: true, verdict });
  });

  it('answers an endorsement under policy 003 (reference on)', async () => {
    const s = await seeded(trustTemplate);
    const ref = pack(trustTemplate).rules.reference!;
    expect(await s.handleAction({ type: 'checkAction', action: 'endorse', site: 'linkedin' }, 1)).toEqual({
      ok: true,
      verdict: { rule: 'reference', severity: ref.severity, title: ref.title, clause: ref.clause },
    });
  });

  const hostile: [string, unknown][] = [
    ['extra key', { type: 'checkAction', action: 'follow', site: 'x', person: { handle: 'a' }, role: 'pupil' }],
    ['extra person key', { type: 'checkAction', action: 'follow', site: 'x', person: { handle: 'a', dob: '2016-01-01' } }],
    ['unknown action', { type: 'checkAction', action: 'poke', site: 'x' }],
    ['unknown site', { type: 'checkAction', action: 'follow', site: 'myspace' }],
    ['oversized display name', { type: 'checkAction', action: 'follow', site: 'x', person: { displayName: 'a'.repeat(201) } }],
    ['oversized handle', { type: 'checkAction', action: 'follow', site: 'x', person: { handle: 'a'.repeat(101) } }],
    ['handle with a space', { type: 'checkAction', action: 'follow', site: 'x', person: { handle: 'evie carter' } }],
    ['empty handle', { type: 'checkAction', action: 'follow', site: 'x', person: { handle: '' } }],
    ['wrong types', { type: 'checkAction', action: 'follow', site: 'x', person: { displayName: 42 } }],
    ['a text check on the action route', { type: 'check', site: 'x', surface: 'post', text: 'hi' }],
    ['null', null],
  ];
  it.each(hostile)('rejects %s', async (_n, msg) => {
    const s = await seeded();
    expect(await s.handleAction(msg, 1)).toEqual({ ok: false, error: 'invalid' });
  });

  it('shares the per-tab rate limit with text checks', async () => {
    const s = await seeded();
    const msg = { type: 'checkAction', action: 'follow', site: 'x', person: { handle: 'someone' } };
    const results = [];
    for (let i = 0; i < 40; i++) results.push((await s.handleAction(msg, 3)).ok);
    expect(results.filter((ok) => !ok).length).toBeGreaterThan(0);
    expect((await s.handleAction(msg, 4)).ok).toBe(true);
  });
});

describe('Service.handleSite: surfaces and audience', () => {
  it('a profile field naming the school is works-at; the same words in a post are school-identity', async () => {
    const s = await seeded();
    const text = 'Teacher at Holbrook Primary';
    const profile = await s.handleSite({ type: 'check', site: 'facebook', surface: 'profile', text }, 1);
    const post = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text }, 1);
    expect(profile.ok && profile.findings.map((f) => [f.rule, f.start, f.end])).toEqual([['works-at', 11, 27]]);
    expect(post.ok && post.findings.map((f) => [f.rule, f.start, f.end])).toEqual([['school-identity', 11, 27]]);
  });

  it('a public audience raises every finding one step', async () => {
    const s = await seeded();
    const text = 'Great day #HolbrookPride';
    const plain = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text }, 1);
    const friends = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text, audience: 'restricted' }, 1);
    const pub = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text, audience: 'public' }, 1);
    expect(plain.ok && plain.findings.map((f) => f.severity)).toEqual(['warn']);
    expect(friends.ok && friends.findings.map((f) => f.severity)).toEqual(['warn']);
    expect(pub.ok && pub.findings.map((f) => f.severity)).toEqual(['high']);
  });

  it('rejects an unknown audience', async () => {
    const s = await seeded();
    expect(await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text: 'hi', audience: 'everyone' }, 1)).toEqual({ ok: false, error: 'invalid' });
  });
});
