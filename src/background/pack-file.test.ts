/**
 * Export with the class lists on one "computer" (a database), import into a fresh one, over
 * fake-indexeddb through the real Service and Repo: the same findings for the same text, the lists
 * with their names and counts, nothing plain in the file; and an import that fails mid-write (or
 * is refused) changes nothing at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import demoPack from '../../rules/demo.json';
import defaultPack from '../../rules/default.json';
import trustTemplate from '../../rules/templates/trust-2024.json';
import { parsePack } from '../pack/parse';
import type { RulePack } from '../pack/types';
import { NAME_KEY, openDb, type SecondLookDb } from '../storage/db';
import { Repo } from '../storage/repo';
import { Service } from './service';

const pack = (json: unknown): RulePack => {
  const r = parsePack(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};

const year5 = [
  { role: 'pupil' as const, forename: 'Evie', surname: 'Carter', group: '5H', dob: '2015-03-02' },
  { role: 'pupil' as const, forename: 'Alfred', preferred: 'Alfie', surname: 'Okafor', group: '5H' },
  { role: 'former-pupil' as const, forename: 'Siobhán', surname: "O'Brien", leftOn: '2024-07-19', dob: '2012-11-30' },
];
const adults = [
  { role: 'staff' as const, forename: 'Gwenllian', surname: 'Pryce' },
  { role: 'parent' as const, forename: 'Marguerite', surname: 'Okafor' },
];
const NAME_WORDS = ['Evie', 'Carter', 'Alfred', 'Alfie', 'Okafor', 'Siobhán', "O'Brien", 'Gwenllian', 'Pryce', 'Marguerite'];

const dbs: SecondLookDb[] = [];
let n = 0;
function computer() {
  const db = openDb(`pack-file-${++n}`);
  dbs.push(db);
  return { db, service: new Service(new Repo(db, pack(defaultPack))) };
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function ok<T extends { ok: boolean }>(p: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const r = await p;
  expect(r.ok ? '' : (r as unknown as { error: string }).error).toBe('');
  return r as Extract<T, { ok: true }>;
}

async function schoolA() {
  const a = computer();
  await ok(a.service.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) }));
  await ok(a.service.handleAdmin({ type: 'importClassList', name: 'Year 5', fileName: 'y5.csv', groups: ['5H'], people: year5 }));
  await ok(a.service.handleAdmin({ type: 'importClassList', name: 'Adults', fileName: 'adults.csv', groups: [], people: adults }));
  return a;
}

const TEXTS = [
  'Evie Carter and Alfie Okafor from 5H at Holbrook Primary',
  "Carter, Evie was brilliant today #eviecarter",
  "Well done Siobhán O'Brien!",
  'Marguerite Okafor and Gwenllian Pryce are not pupils',
  'Nothing to see here',
];

async function findings(s: Service) {
  const out: string[][] = [];
  for (const text of TEXTS) {
    const r = await s.handleSite({ type: 'check', site: 'facebook', surface: 'post', text }, 1);
    if (!r.ok) throw new Error(r.error);
    out.push(r.findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`));
  }
  return out;
}

/** A name written in the file as a word of its own, any case (a hash may contain the letters by chance). */
const appearsAsWord = (text: string, word: string) =>
  new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[^\p{L}]/gu, '.')}([^A-Za-z0-9_-]|$)`, 'iu').test(text);

async function snapshot(db: SecondLookDb) {
  return db.transaction('r', db.meta, db.lists, db.persons, async () => ({
    meta: await db.meta.toArray(),
    lists: await db.lists.toArray(),
    persons: await db.persons.toArray(),
  }));
}

describe('export with class lists → import on another computer', () => {
  it('gives the same findings for the same text, the same lists, and nothing plain in the file', async () => {
    const a = await schoolA();
    const exported = await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }));
    expect(exported.listsIncluded).toBe(2);
    const file = exported.packFile!;
    for (const w of NAME_WORDS) expect(appearsAsWord(file, w), w).toBe(false);
    // The checker finds the words where they are (the school name is in the pack).
    expect(appearsAsWord(file, 'Holbrook')).toBe(true);

    const b = computer();
    const before = await findings(b.service);
    const imported = await ok(b.service.handleAdmin({ type: 'importPackFile', fileText: file }));
    expect(imported.status!.packTitle).toBe(pack(demoPack).title);
    expect(imported.status!.lists.map((l) => [l.name, l.fileName, l.count, l.pupils, l.groups])).toEqual([
      ['Year 5', 'y5.csv', 3, 3, ['5H']],
      ['Adults', 'adults.csv', 2, 0, []],
    ]);
    expect(imported.status!.totals).toEqual({ people: 5, pupils: 3 });

    const onA = await findings(a.service);
    const onB = await findings(b.service);
    expect(onB).toEqual(onA);
    expect(onB[0]).toEqual(expect.arrayContaining(['pupil-name:Evie Carter', 'pupil-name:Alfie Okafor']));
    expect(onB[2]).toContain("pupil-name:Siobhán O'Brien");
    expect(onB[3]!.filter((f) => f.startsWith('pupil-name'))).toEqual([]);
    expect(before[0]!.filter((f) => f.startsWith('pupil-name'))).toEqual([]);

    // The file carries A's key: B now holds it, and B's own export is the same file.
    const [keyA, keyB] = await Promise.all([a.db.meta.get(NAME_KEY), b.db.meta.get(NAME_KEY)]);
    expect([...(keyB!.value as Uint8Array)]).toEqual([...(keyA!.value as Uint8Array)]);
    const again = await ok(b.service.handleAdmin({ type: 'exportPackFile', includeLists: true }));
    expect(again.packFile).toBe(file);
  });

  it('replaces the lists already on the other computer, and a later list import there uses the new key', async () => {
    const a = await schoolA();
    const file = (await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }))).packFile!;
    const b = computer();
    await ok(b.service.handleAdmin({ type: 'importClassList', name: 'Old', fileName: 'old.csv', groups: [], people: [{ role: 'pupil', forename: 'Zofia', surname: 'Nowak' }] }));
    const r = await ok(b.service.handleAdmin({ type: 'importPackFile', fileText: file }));
    expect(r.status!.lists.map((l) => l.name)).toEqual(['Year 5', 'Adults']);
    const zofia = 'Zofia Nowak came round';
    const check = async () => {
      const res = await b.service.handleSite({ type: 'check', site: 'facebook', surface: 'post', text: zofia }, 2);
      return res.ok ? res.findings.map((f) => f.rule) : [res.error];
    };
    expect(await check()).not.toContain('pupil-name');
    await ok(b.service.handleAdmin({ type: 'importClassList', name: 'New', fileName: 'new.csv', groups: [], people: [{ role: 'pupil', forename: 'Zofia', surname: 'Nowak' }] }));
    expect(await check()).toContain('pupil-name');
    expect((await findings(b.service))[0]).toContain('pupil-name:Evie Carter');
  });

  it('without lists stored, the export is the plain pack file', async () => {
    const a = computer();
    await ok(a.service.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) }));
    const r = await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }));
    expect(r.listsIncluded).toBe(0);
    expect(JSON.parse(r.packFile!)).toEqual(JSON.parse(JSON.stringify(pack(demoPack))));
    const plain = await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: false }));
    expect(plain.packFile).toBe(r.packFile);
  });
});

describe('a failed or refused import changes nothing', () => {
  async function targetWithData() {
    const b = computer();
    await ok(b.service.handleAdmin({ type: 'setPack', packText: JSON.stringify(trustTemplate) }));
    await ok(b.service.handleAdmin({ type: 'importClassList', name: 'Old', fileName: 'old.csv', groups: [], people: [{ role: 'pupil', forename: 'Zofia', surname: 'Nowak' }] }));
    return b;
  }

  it('a write that fails half-way through the people leaves pack, key, lists and people as they were', async () => {
    const a = await schoolA();
    const file = (await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }))).packFile!;
    const b = await targetWithData();
    const before = await snapshot(b.db);
    const findingsBefore = await findings(b.service);
    // Fail on the fourth person written: after the pack, the key, both clears, one list and its people.
    let created = 0;
    const hook = () => {
      if (++created === 4) throw new Error('disk full (injected)');
    };
    b.db.persons.hook('creating', hook);
    await expect(b.service.handleAdmin({ type: 'importPackFile', fileText: file })).rejects.toThrow();
    b.db.persons.hook('creating').unsubscribe(hook);
    expect(created).toBe(4);
    expect(await snapshot(b.db)).toEqual(before);
    expect(await findings(b.service)).toEqual(findingsBefore);
    const status = await b.service.status();
    expect(status.lists.map((l) => l.name)).toEqual(['Old']);
    expect(status.packId).toBe(pack(trustTemplate).id);
  });

  it.each<[string, (file: string) => string, string]>([
    ['a damaged hash', (f) => f.replace(/"words":\["[A-Za-z0-9_-]{10}"/, '"words":["short"'), 'should be a name code'],
    ['a count that does not match', (f) => f.replace('"count": 3', '"count": 4'), 'count does not match'],
    ['a file with no class lists', (f) => JSON.stringify({ ...JSON.parse(f), classLists: undefined }), 'holds no class lists'],
    ['not JSON', (f) => f.slice(0, 500), 'not valid JSON'],
  ])('%s is refused before anything is written', async (_name, damage, message) => {
    const a = await schoolA();
    const file = (await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }))).packFile!;
    const b = await targetWithData();
    const before = await snapshot(b.db);
    const r = await b.service.handleAdmin({ type: 'importPackFile', fileText: damage(file) });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(message);
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('a pack set by browser policy refuses the import', async () => {
    const a = await schoolA();
    const file = (await ok(a.service.handleAdmin({ type: 'exportPackFile', includeLists: true }))).packFile!;
    const b = await targetWithData();
    b.service.setManaged({ state: 'active', pack: pack(defaultPack) });
    const before = await snapshot(b.db);
    const r = await b.service.handleAdmin({ type: 'importPackFile', fileText: file });
    expect(r.ok ? '' : r.error).toContain("set by your school's IT");
    expect(await snapshot(b.db)).toEqual(before);
  });

  it.each([
    ['an extra key', { type: 'importPackFile', fileText: '{}', listsToo: true }],
    ['a number for the text', { type: 'importPackFile', fileText: 5 }],
    ['an export without the flag', { type: 'exportPackFile' }],
    ['an export flag as text', { type: 'exportPackFile', includeLists: 'yes' }],
  ])('a malformed message is refused: %s', async (_name, msg) => {
    const b = computer();
    expect(await b.service.handleAdmin(msg)).toEqual({ ok: false, error: 'That request was not understood.' });
  });
});
