/**
 * The background service over fake-indexeddb: both channels, hostile payloads rejected with no
 * side effect, the matcher rebuilt after writes and after a "restart" (a new Service on the same
 * database), and a failed import leaving the previous data intact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  { role: 'pupil' as const, forename: 'Evie', surname: 'Carter' },
  { role: 'pupil' as const, forename: 'Alfred', preferred: 'Alfie', surname: 'Okafor' },
];

beforeEach(() => {
  db = openDb(`test-${++n}`);
});
afterEach(async () => {
  db.close();
});

function service(now?: () => number) {
  return new Service(new Repo(db, pack(defaultPack)), now);
}

async function seed(s: Service) {
  expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) })).ok).toBe(true);
  const r = await s.handleAdmin({ type: 'importClassList', name: '5H', fileName: '5h.csv', groups: ['5H'], people });
  expect(r.ok).toBe(true);
}

describe('Service', () => {
  it('checks site text against the stored class list and school, returning only public fields', async () => {
    const s = service();
    await seed(s);
    const text = 'Alfie Okafor and Evie Carter at Holbrook Primary';
    const res = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text }, 1);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.findings.map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([
      ['pupil-name', 'Alfie Okafor'],
      ['pupil-name', 'Evie Carter'],
      ['school-identity', 'Holbrook Primary'],
    ]);
    for (const f of res.findings) expect(Object.keys(f).sort()).toEqual(['clause', 'end', 'rule', 'severity', 'start', 'title']);
  });

  it('official account: decided from the pack handles, the protocol rule replaces the personal-account rules', async () => {
    const s = service();
    await seed(s);
    await s.handleAdmin({
      type: 'importClassList',
      name: '6R',
      fileName: '6r.csv',
      groups: ['6R'],
      people: [{ role: 'pupil', forename: 'Oliver', surname: 'Ashdown', photoConsent: false }],
    });
    const text = 'Evie Carter at Holbrook Primary';
    const rules = async (extra: Record<string, unknown>, t = text) => {
      const res = await s.handleSite({ type: 'check', site: 'x', surface: 'post', text: t, ...extra }, 1);
      if (!res.ok) throw new Error(res.error);
      return res.findings.map((f) => [f.rule, t.slice(f.start, f.end)]);
    };
    // Personal account (or none shown): the ordinary rules.
    expect(await rules({ account: { handle: 'ms_jones' }, hasMedia: true })).toEqual([
      ['pupil-name', 'Evie Carter'],
      ['school-identity', 'Holbrook Primary'],
    ]);
    expect(await rules({ hasMedia: true })).toEqual(await rules({ account: { handle: 'ms_jones' }, hasMedia: true }));
    // The school's handle (demo pack: HolbrookPrimary), any case, with '@'.
    expect(await rules({ account: { handle: '@holbrookprimary' }, hasMedia: true })).toEqual([['official-account', 'Evie Carter']]);
    expect(await rules({ account: { handle: '@HolbrookPrimary' } })).toEqual([]);
    expect(await rules({ account: { displayName: 'Holbrook Primary School' } }, 'Oliver Ashdown read in assembly')).toEqual([
      ['official-account', 'Oliver Ashdown'],
    ]);
    // The page cannot claim it: unknown keys are refused.
    expect(await s.handleSite({ type: 'check', site: 'x', surface: 'post', text, officialAccount: true }, 1)).toEqual({ ok: false, error: 'invalid' });
    expect(await s.handleSite({ type: 'check', site: 'x', surface: 'post', text, account: { handle: 'a b' } }, 1)).toEqual({ ok: false, error: 'invalid' });
    expect(await s.handleSite({ type: 'check', site: 'x', surface: 'post', text, hasMedia: 'yes' }, 1)).toEqual({ ok: false, error: 'invalid' });
  });

  it('reports status with counts, and rebuilds the matcher after each write', async () => {
    const s = service();
    await seed(s);
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.totals).toEqual({ people: 2, pupils: 2 });
    expect(st.ok && st.status?.lists.map((l) => [l.name, l.groups])).toEqual([['5H', ['5H']]]);
    const before = await s.handleSite({ type: 'check', site: 'x', surface: 'post', text: 'Evie Carter' }, 1);
    expect(before.ok && before.findings.length).toBe(1);
    const id = st.ok ? st.status!.lists[0]!.id : 0;
    await s.handleAdmin({ type: 'deleteList', id });
    const after = await s.handleSite({ type: 'check', site: 'x', surface: 'post', text: 'Evie Carter' }, 1);
    expect(after.ok && after.findings).toEqual([]);
  });

  it('rebuilds from IndexedDB after the worker restarts', async () => {
    await seed(service());
    const fresh = service();
    const res = await fresh.handleSite({ type: 'check', site: 'x', surface: 'post', text: 'evie carter' }, 1);
    expect(res.ok && res.findings.map((f) => f.rule)).toEqual(['pupil-name']);
  });

  const hostileSite: Array<[string, unknown]> = [
    ['unknown type', { type: 'export' }],
    ['extra key', { type: 'check', site: 'x', surface: 'post', text: 'hi', people: [] }],
    ['oversized text', { type: 'check', site: 'x', surface: 'post', text: 'a'.repeat(20_001) }],
    ['wrong type', { type: 'check', site: 'x', surface: 'post', text: 42 }],
    ['unknown site', { type: 'check', site: 'myspace', surface: 'post', text: 'hi' }],
    ['admin command on the site channel', { type: 'deleteEverything' }],
    ['null', null],
    ['prototype pollution', JSON.parse('{"type":"check","site":"x","surface":"post","text":"hi","__proto__":{"polluted":1}}')],
  ];
  it.each(hostileSite)('site channel rejects %s with no side effect', async (_n, msg) => {
    const s = service();
    await seed(s);
    expect(await s.handleSite(msg, 1)).toEqual({ ok: false, error: 'invalid' });
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.totals.people).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const hostileAdmin: Array<[string, unknown]> = [
    ['an empty list', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [] }],
    ['a person with extra keys', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B', upn: 'A123' }] }],
    ['a date of birth that is not a date', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B', dob: '2015-02-30' }] }],
    ['a leaving date in another format', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'former-pupil', forename: 'A', surname: 'B', leftOn: '31/07/2024' }] }],
    ['photo consent that is not a boolean', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B', photoConsent: 'yes' }] }],
    ['a bad replaceListId', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B' }], replaceListId: 0 }],
    ['a date of birth that is not ISO', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B', dob: '01/02/2015' }] }],
    ['a logo that is not base64', { type: 'addLogo', name: 'x', png: '<svg onload=alert(1)>', width: 1, height: 1 }],
    ['a logo larger than 512 px', { type: 'addLogo', name: 'x', png: 'AAAA', width: 513, height: 1 }],
    ['a replace id that is not a list id', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B' }], replaceListId: 0 }],
    ['a bad role', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'admin', forename: 'A', surname: 'B' }] }],
    ['an over-long name', { type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A'.repeat(201), surname: 'B' }] }],
    ['a bad list id', { type: 'deleteList', id: -1 }],
    ['a school with a non-string alias', { type: 'saveSchool', school: { name: 'X', aliases: [1], handles: [], hashtags: [], emailDomains: [] } }],
    ['a pack that is not text', { type: 'setPack', packText: { format: 'second-look-pack' } }],
    ['keepSchool that is not a boolean', { type: 'setPack', packText: JSON.stringify(trustTemplate), keepSchool: 'yes' }],
    ['a pack over 1 MB', { type: 'setPack', packText: ' '.repeat(1_048_577) }],
    ['setPack with an extra key', { type: 'setPack', packText: JSON.stringify(trustTemplate), school: { name: 'Evil' } }],
    ['getPack with an extra key', { type: 'getPack', id: 'uk-default' }],
  ];
  it.each(hostileAdmin)('admin channel rejects %s and changes nothing', async (_n, msg) => {
    const s = service();
    await seed(s);
    const res = await s.handleAdmin(msg);
    expect(res.ok).toBe(false);
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.totals.people).toBe(2);
    const after = await s.handleAdmin({ type: 'getPack' });
    expect(after.ok && after.pack).toEqual(JSON.parse(JSON.stringify(pack(demoPack))));
  });

  it('getPack returns a JSON-safe copy of the stored pack, never the stored object', async () => {
    const s = service();
    const first = await s.handleAdmin({ type: 'getPack' });
    expect(first.ok && first.pack?.id).toBe('uk-default');
    await seed(s);
    const res = await s.handleAdmin({ type: 'getPack' });
    if (!res.ok || !res.pack) throw new Error('no pack');
    expect(res.pack).toEqual(JSON.parse(JSON.stringify(pack(demoPack))));
    expect(Object.isFrozen(res.pack)).toBe(false);
    res.pack.school.name = 'Changed by the caller';
    res.pack.rules['pupil-name']!.enabled = false;
    const again = await s.handleAdmin({ type: 'getPack' });
    expect(again.ok && again.pack?.school.name).toBe('Holbrook Primary School');
    expect(again.ok && again.pack?.rules['pupil-name']?.enabled).toBe(true);
    // What getPack gives is what setPack takes back unchanged (export → import).
    expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(res.pack) })).ok).toBe(true);
  });

  it('a template applied with keepSchool replaces the rules and keeps the school', async () => {
    const s = service();
    await seed(s);
    const res = await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(trustTemplate), keepSchool: true });
    expect(res.ok && res.status?.school.name).toBe('Holbrook Primary School');
    expect(res.ok && res.status?.packId).toBe('template-trust-2024');
    const got = await s.handleAdmin({ type: 'getPack' });
    const t = pack(trustTemplate);
    expect(got.ok && got.pack?.rules).toEqual(JSON.parse(JSON.stringify(t.rules)));
    expect(got.ok && got.pack?.school).toEqual(JSON.parse(JSON.stringify(pack(demoPack).school)));
    // The trust template switches school-identity off on LinkedIn, and the matcher follows. It also
    // asks for a disclaimer when the school is named (policy 003).
    const on = await s.handleSite({ type: 'check', site: 'x', surface: 'post', text: 'At Holbrook Primary today' }, 1);
    expect(on.ok && on.findings.map((f) => f.rule)).toEqual(['disclaimer', 'school-identity']);
    const off = await s.handleSite({ type: 'check', site: 'linkedin', surface: 'post', text: 'At Holbrook Primary today' }, 1);
    expect(off.ok && off.findings.map((f) => f.rule)).not.toContain('school-identity');
  });

  it('passes its own local time and the surface to the clock-driven rules', async () => {
    // Monday 23 November 2026, 10:15 local time, then 19:15 the same day.
    let clock = new Date(2026, 10, 23, 10, 15).getTime();
    const s = service(() => clock);
    const hours = JSON.parse(JSON.stringify(demoPack));
    hours.school.workingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' };
    hours.rules['working-hours'].enabled = true;
    expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(hours) })).ok).toBe(true);
    const rules = async (surface: 'post' | 'message') => {
      const r = await s.handleSite({ type: 'check', site: 'facebook', surface, text: 'Lovely walk' }, 1);
      return r.ok ? r.findings.map((f) => [f.rule, f.start, f.end]) : r.error;
    };
    expect(await rules('post')).toEqual([['working-hours', 0, 0]]);
    expect(await rules('message')).toEqual([['working-hours', 0, 0]]);
    clock = new Date(2026, 10, 23, 19, 15).getTime();
    expect(await rules('post')).toEqual([]);
  });

  it('saveSchool keeps holidays and checks their dates with the pack parser', async () => {
    const s = service();
    await seed(s);
    const school = { ...pack(demoPack).school, holidays: [{ name: 'Christmas holidays', from: '2026-12-21', to: '2027-01-01' }] };
    const ok = await s.handleAdmin({ type: 'saveSchool', school: JSON.parse(JSON.stringify(school)) });
    expect(ok.ok && ok.status?.school.holidays).toEqual(school.holidays);
    const bad = await s.handleAdmin({ type: 'saveSchool', school: { ...JSON.parse(JSON.stringify(school)), holidays: [{ name: 'x', from: '2027-01-02', to: '2027-01-01' }] } });
    expect(bad).toEqual({ ok: false, error: 'school.holidays[0] should not end before it starts (from is on or before to)' });
  });

  it('setPack without keepSchool takes the school from the file (import)', async () => {
    const s = service();
    await seed(s);
    const res = await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(trustTemplate) });
    expect(res.ok && res.status?.school.name).toBe('');
  });

  it('a refused pack with keepSchool changes nothing', async () => {
    const s = service();
    await seed(s);
    const bad = { ...trustTemplate, rules: { ...trustTemplate.rules, 'pupil-name': { enabled: 'no' } } };
    const res = await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(bad), keepSchool: true });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/pupil-name/);
    const got = await s.handleAdmin({ type: 'getPack' });
    expect(got.ok && got.pack?.id).toBe('holbrook-demo');
  });

  it('a hostile pack is refused with its parser message and the previous pack stays', async () => {
    const s = service();
    await seed(s);
    const res = await s.handleAdmin({ type: 'setPack', packText: '{"format":"second-look-pack","version":1,"__proto__":{}}' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/__proto__/);
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.school.name).toBe('Holbrook Primary School');
  });

  it('an import that fails half-way writes nothing', async () => {
    const s = service();
    await seed(s);
    const spy = vi.spyOn(db.persons, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      s.handleAdmin({ type: 'importClassList', name: '5W', fileName: '5w.csv', groups: [], people: [{ role: 'pupil', forename: 'Mei', surname: 'Chen' }] }),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.lists.map((l) => l.name)).toEqual(['5H']);
    expect(await db.persons.count()).toBe(2);
  });

  it('rate-limits a tab that checks too fast', async () => {
    let t = 0;
    const s = service(() => t);
    await seed(s);
    const msg = { type: 'check', site: 'x', surface: 'post', text: 'hello' };
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await s.handleSite(msg, 7));
    expect(results.filter((r) => !r.ok)).not.toHaveLength(0);
    expect((await s.handleSite(msg, 8)).ok).toBe(true); // another tab is unaffected
    t += 1000;
    expect((await s.handleSite(msg, 7)).ok).toBe(true);
  });

  it('delete everything clears lists, people and the school', async () => {
    const s = service();
    await seed(s);
    const res = await s.handleAdmin({ type: 'deleteEverything' });
    expect(res.ok && res.status?.totals).toEqual({ people: 0, pupils: 0 });
    expect(res.ok && res.status?.school.name).toBe('');
    expect(await db.persons.count()).toBe(0);
  });
});

describe('Service: admin messages added for school setup', () => {
  const png1x1 = () => {
    // A real 1×1 PNG (IHDR 1×1) for the logo table.
    const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    return b64;
  };

  it('stores a logo only when the PNG matches the claimed size; lists and deletes it; delete everything clears it', async () => {
    const { LogoRepo } = await import('../storage/logos');
    const s = new Service(new Repo(db, pack(defaultPack)), Date.now, new LogoRepo(db));
    expect(await s.handleAdmin({ type: 'addLogo', name: 'Crest', png: png1x1(), width: 2, height: 1 })).toEqual({
      ok: false,
      error: 'The logo was not stored: its size does not match the image data.',
    });
    expect(await s.handleAdmin({ type: 'addLogo', name: 'Crest', png: btoa('<svg/>'), width: 1, height: 1 })).toEqual({ ok: false, error: 'The logo was not stored: the image data is not a PNG.' });
    expect((await s.handleAdmin({ type: 'addLogo', name: 'Crest', png: png1x1(), width: 1, height: 1, extra: 1 })).ok).toBe(false);
    expect(await db.logos.count()).toBe(0);
    const r = await s.handleAdmin({ type: 'addLogo', name: 'Crest', png: png1x1(), width: 1, height: 1 });
    if (!r.ok) throw new Error(r.error);
    expect(r.status!.logos!.map((l) => [l.name, l.width, l.height])).toEqual([['Crest', 1, 1]]);
    const got = await s.handleAdmin({ type: 'getLogos' });
    if (!got.ok) throw new Error(got.error);
    expect(got.logos![0]!.png).toBe(png1x1());
    const id = got.logos![0]!.id;
    expect((await s.handleAdmin({ type: 'deleteLogo', id })).ok).toBe(true);
    expect(await db.logos.count()).toBe(0);
    await s.handleAdmin({ type: 'addLogo', name: 'Crest', png: png1x1(), width: 1, height: 1 });
    await s.handleAdmin({ type: 'deleteEverything' });
    expect(await db.logos.count()).toBe(0);
  });

  it('replaceListId replaces that list and keeps the others; an unknown id changes nothing', async () => {
    const s = service();
    await seed(s);
    await s.handleAdmin({ type: 'importClassList', name: '6B', fileName: '6b.csv', groups: [], people: [{ role: 'pupil', forename: 'Mo', surname: 'Salah' }] });
    const before = (await s.status()).lists;
    const fiveH = before.find((l) => l.name === '5H')!;
    const r = await s.handleAdmin({
      type: 'importClassList',
      name: '5H (new)',
      fileName: '5h-new.xlsx',
      groups: ['5H'],
      people: [{ role: 'pupil', forename: 'Zara', surname: 'Quinn', group: '5H', dob: '2015-03-01', photoConsent: false }],
      replaceListId: fiveH.id,
    });
    if (!r.ok) throw new Error(r.error);
    // Replaced in place: the list keeps its id and position.
    expect(r.status!.lists.map((l) => [l.name, l.count])).toEqual([
      ['5H (new)', 1],
      ['6B', 1],
    ]);
    const check = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text: 'Evie Carter and Zara Quinn' }, 1);
    expect(check.ok && check.findings.map((f) => 'Evie Carter and Zara Quinn'.slice(f.start, f.end))).toContain('Zara Quinn');
    expect(check.ok && check.findings.map((f) => 'Evie Carter and Zara Quinn'.slice(f.start, f.end))).not.toContain('Evie Carter');
    const missing = await s.handleAdmin({ type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'A', surname: 'B' }], replaceListId: 999 });
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/Nothing was imported\.$/) });
    expect((await s.status()).lists.length).toBe(2);
  });

  it('saveSchool checks locations and working hours with the pack parser', async () => {
    const s = service();
    const school = { name: 'Holbrook', aliases: [], handles: [], hashtags: [], emailDomains: [] };
    const bad = await s.handleAdmin({ type: 'saveSchool', school: { ...school, workingHours: { days: ['mon'], start: '18:00', end: '08:00' } } });
    expect(bad).toEqual({ ok: false, error: 'school.workingHours should start before it ends (start and end are on the same day)' });
    const good = await s.handleAdmin({
      type: 'saveSchool',
      school: { ...school, locations: [{ name: 'Main site', latitude: 52.1, longitude: -1.2, radiusMetres: 200 }], workingHours: { days: ['tue', 'mon'], start: '08:00', end: '16:00' } },
    });
    if (!good.ok) throw new Error(good.error);
    expect(good.status!.school.workingHours).toEqual({ days: ['mon', 'tue'], start: '08:00', end: '16:00' });
    expect(good.status!.school.locations).toEqual([{ name: 'Main site', latitude: 52.1, longitude: -1.2, radiusMetres: 200 }]);
  });

  it('a managed pack wins, locks school and rules, and an invalid one is reported while the local pack stays', async () => {
    const s = service();
    s.setManaged({ state: 'active', pack: pack(demoPack) });
    const st = await s.status();
    expect(st.managed).toEqual({ state: 'active' });
    expect(st.school.name).toBe('Holbrook Primary School');
    const locked = "The rule pack is set by your school's IT, so it cannot be changed here.";
    expect(await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(defaultPack) })).toEqual({ ok: false, error: locked });
    expect(await s.handleAdmin({ type: 'saveSchool', school: { name: 'X', aliases: [], handles: [], hashtags: [], emailDomains: [] } })).toEqual({ ok: false, error: locked });
    const check = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text: 'Great day at Holbrook Primary School' }, 1);
    expect(check.ok && check.findings.length).toBeGreaterThan(0);
    s.setManaged({ state: 'invalid', errors: ['extra is not a known setting'] });
    const st2 = await s.status();
    expect(st2.managed).toEqual({ state: 'invalid', errors: ['extra is not a known setting'] });
    expect(st2.school.name).toBe('');
    expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) })).ok).toBe(true);
  });
});
