/**
 * Storage over fake-indexeddb: only keyed hashes and facts are written, per-list replace is atomic,
 * and a version-1 database (test/fixtures/db/v1.json, plain names) migrates to hashed rows that give
 * the same findings as the plain list, with the plain table gone.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import defaultPack from '../../rules/default.json';
import demoPack from '../../rules/demo.json';
import v1 from '../../test/fixtures/db/v1.json';
import { Service } from '../background/service';
import { compileRuleSet } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import type { PersonNames } from '../engine/types';
import { parsePack } from '../pack/parse';
import type { RulePack } from '../pack/types';
import { NAME_KEY, openDb, type SecondLookDb } from './db';
import { Repo } from './repo';

const pack = (json: unknown): RulePack => {
  const r = parsePack(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};

let n = 0;
const open: Dexie[] = [];
function fresh(): SecondLookDb {
  const db = openDb(`repo-test-${++n}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const findings = async (s: Service, text: string) => {
  const r = await s.handleAdmin({ type: 'testText', site: 'facebook', text });
  if (!r.ok) throw new Error(r.error);
  return (r.findings ?? []).filter((f) => f.rule === 'pupil-name').map((f) => text.slice(f.start, f.end));
};

async function seeded(db: SecondLookDb) {
  const s = new Service(new Repo(db, pack(defaultPack)));
  expect((await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) })).ok).toBe(true);
  return s;
}

describe('Repo', () => {
  it('stores keyed hashes and facts, never a plain name', async () => {
    const db = fresh();
    const s = await seeded(db);
    const r = await s.handleAdmin({
      type: 'importClassList',
      name: '4B',
      fileName: '4b.csv',
      groups: ['4B'],
      people: [
        { role: 'pupil', forename: 'Evie', surname: 'Carter', dob: '2016-03-01', group: '4B', photoConsent: false },
        { role: 'former-pupil', forename: 'Zoë', preferred: 'Zoe', surname: 'Brontë', dob: '2009-12-31', leftOn: '2021-07-20' },
      ],
    });
    expect(r.ok).toBe(true);
    const rows = await db.persons.toArray();
    const dump = JSON.stringify(rows).toLowerCase();
    for (const plain of ['evie', 'carter', 'zoe', 'zoë', 'bront']) expect(dump).not.toContain(plain);
    expect(rows.map(({ role, dob, leftOn, photoConsent, group }) => ({ role, dob, leftOn, photoConsent, group }))).toEqual([
      { role: 'pupil', dob: '2016-03-01', leftOn: undefined, photoConsent: false, group: '4B' },
      { role: 'former-pupil', dob: '2009-12-31', leftOn: '2021-07-20', photoConsent: undefined, group: undefined },
    ]);
    // Every word of every form is a 10-character keyed hash.
    for (const row of rows) for (const f of row.forms) for (const h of f.h) expect(h).toMatch(/^[A-Za-z0-9_-]{10}$/);
    const key = (await db.meta.get(NAME_KEY))?.value as Uint8Array;
    expect(key.byteLength).toBe(32);
    expect(await findings(s, 'Evie Carter and Zoe Bronte, Carter, Evie')).toEqual(['Evie Carter', 'Zoe Bronte', 'Carter, Evie']);
  });

  it('replaces one list in place and leaves the others', async () => {
    const db = fresh();
    const s = await seeded(db);
    const add = (name: string, people: PersonNames[], replaceListId?: number) =>
      s.handleAdmin({ type: 'importClassList', name, fileName: `${name}.csv`, groups: [], people, ...(replaceListId ? { replaceListId } : {}) });
    await add('4B', [{ role: 'pupil', forename: 'Evie', surname: 'Carter' }]);
    await add('5H', [{ role: 'pupil', forename: 'May', surname: 'Hunter' }]);
    const st = await s.handleAdmin({ type: 'getStatus' });
    const id4b = st.ok ? st.status?.lists.find((l) => l.name === '4B')?.id : undefined;
    expect(id4b).toBeTypeOf('number');

    const r = await add('4B (spring)', [{ role: 'pupil', forename: 'Kuba', surname: 'Kowalski' }, { role: 'parent', forename: 'Ann', surname: 'Kowalski' }], id4b);
    expect(r.ok && r.status?.lists.map((l) => [l.id, l.name, l.count, l.pupils])).toEqual([
      [id4b, '4B (spring)', 2, 1],
      [id4b! + 1, '5H', 1, 1],
    ]);
    expect(await findings(s, 'Evie Carter, May Hunter, Kuba Kowalski')).toEqual(['May Hunter', 'Kuba Kowalski']);
    expect(await db.persons.count()).toBe(3);
  });

  it('a replace that fails changes nothing: unknown list, or a write error half-way', async () => {
    const db = fresh();
    const s = await seeded(db);
    await s.handleAdmin({ type: 'importClassList', name: '4B', fileName: '4b.csv', groups: [], people: [{ role: 'pupil', forename: 'Evie', surname: 'Carter' }] });
    const unknown = await s.handleAdmin({
      type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'May', surname: 'Hunter' }], replaceListId: 99,
    });
    expect(unknown).toEqual({ ok: false, error: 'There is no class list 99 to replace. Nothing was imported.' });

    const spy = vi.spyOn(db.persons, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      s.handleAdmin({ type: 'importClassList', name: 'x', fileName: 'x.csv', groups: [], people: [{ role: 'pupil', forename: 'May', surname: 'Hunter' }], replaceListId: 1 }),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    const st = await s.handleAdmin({ type: 'getStatus' });
    expect(st.ok && st.status?.lists.map((l) => [l.id, l.name])).toEqual([[1, '4B']]);
    expect(await findings(s, 'Evie Carter and May Hunter')).toEqual(['Evie Carter']);
  });

  it('delete everything also forgets the key: the next import hashes under a new one', async () => {
    const db = fresh();
    const s = await seeded(db);
    const person = { role: 'pupil' as const, forename: 'Evie', surname: 'Carter' };
    await s.handleAdmin({ type: 'importClassList', name: 'a', fileName: 'a.csv', groups: [], people: [person] });
    const before = (await db.persons.toArray())[0]?.forms.find((f) => f.k === 'full')?.h;
    await s.handleAdmin({ type: 'deleteEverything' });
    expect(await db.meta.get(NAME_KEY)).toBeUndefined();
    expect(await db.logos.count()).toBe(0);
    await s.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) });
    await s.handleAdmin({ type: 'importClassList', name: 'a', fileName: 'a.csv', groups: [], people: [person] });
    const after = (await db.persons.toArray())[0]?.forms.find((f) => f.k === 'full')?.h;
    expect(after).toHaveLength(2);
    expect(after).not.toEqual(before);
    expect(await findings(s, 'Evie Carter')).toEqual(['Evie Carter']);
  });
});

describe('schema migration', () => {
  /** Writes the committed version-1 fixture with the version-1 schema, as session 1 did. */
  async function writeV1(name: string): Promise<void> {
    const old = new Dexie(name);
    old.version(1).stores({ meta: 'key', lists: '++id, name', people: '++id, listId' });
    await old.open();
    await old.table('lists').bulkAdd(v1.tables.lists);
    await old.table('people').bulkAdd(v1.tables.people);
    old.close();
  }

  it('converts version-1 plain rows to hashed rows, deletes the plain names, and finds the same names', async () => {
    const name = `migrate-${++n}`;
    await writeV1(name);
    const db = openDb(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.backendDB().objectStoreNames.contains('people')).toBe(false);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['lists', 'logos', 'meta', 'persons']);

    const rows = await db.persons.toArray();
    expect(rows.map((r) => [r.listId, r.role])).toEqual(v1.tables.people.map((p) => [p.listId, p.role]));
    // No plain name anywhere: no name fields, no name as a whole value, no "forename surname". (A bare
    // substring test would flake: a short name such as "may" turns up inside random base64url codes.)
    const dump = JSON.stringify(rows).toLowerCase();
    for (const key of ['"forename"', '"surname"', '"preferred"']) expect(dump).not.toContain(key);
    for (const p of v1.tables.people) {
      for (const part of [p.forename, p.surname, p.preferred ?? 'evie']) expect(dump).not.toContain(`"${part.toLowerCase()}"`);
      expect(dump).not.toContain(`${p.forename} ${p.surname}`.toLowerCase());
    }
    expect(await db.lists.toArray()).toEqual(v1.tables.lists);

    // Same findings as the plain v1 list compiled directly.
    const s = await seeded(db);
    const plain = compileRuleSet(pack(demoPack), v1.tables.people as PersonNames[]);
    for (const text of [
      'Evie Carter, Seun Adebayo and Siobhan OBrien',
      'Hunter, May; #EvieCarter @oluwaseun_adebayo',
      'Bill Okafor in my class', // former pupil, nickname
      'Mark Jones came in', // a parent: not a pupil name
      'Evie in my class at Holbrook Primary',
      'Hunter may come later',
    ]) {
      const want = evaluate(plain, { text, site: 'facebook' }).filter((f) => f.rule === 'pupil-name').map((f) => text.slice(f.start, f.end));
      expect(await findings(s, text)).toEqual(want);
    }
    expect(await findings(s, 'Evie Carter, Seun Adebayo and Siobhan OBrien')).toEqual(['Evie Carter', 'Seun Adebayo', 'Siobhan OBrien']);
  });
});
