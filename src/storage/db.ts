/**
 * The extension's database (Dexie over IndexedDB). Trusted side only: opened by the background
 * service worker, never by a content script, whose IndexedDB would belong to the social site
 * (design invariant 2; a bundle scan and the before-stop hook check this).
 *
 * Schema versions are append-only: a new version adds a `db.version(n)` block with an upgrade
 * function, and test/fixtures/db/ keeps a fixture for every released version.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { HASH_KEY_BYTES, NameHasher, randomKey } from '../engine/hash';
import { hashPerson, type HashedPerson } from '../engine/name-index';
import type { PersonRole } from '../engine/types';
import type { ListSummary } from '../messaging/protocol';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A class list's summary row: exactly what the options page is shown about it. */
export type ListRow = ListSummary;

/** Version 1 only: a person's names as written. Converted to `PersonRow` and deleted by version 2. */
export interface PlainPersonRowV1 {
  id?: number;
  listId: number;
  role: PersonRole;
  forename: string;
  preferred?: string;
  surname: string;
}

/** A person as stored since version 2: keyed hashes of the name forms plus the facts (engine/name-index.ts). */
export interface PersonRow extends HashedPerson {
  id?: number;
  listId: number;
}

/** A school logo as the image checks need it: a downscaled raster, never the uploaded file or SVG markup. */
export interface LogoRow {
  id?: number;
  name: string;
  width: number;
  height: number;
  png: Uint8Array;
  addedAt: number;
}

export type SecondLookDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  lists: EntityTable<ListRow, 'id'>;
  persons: EntityTable<PersonRow, 'id'>;
  logos: EntityTable<LogoRow, 'id'>;
};

export const DB_NAME = 'second-look';
/** `meta` row holding the per-install key of the name hashes (engine/hash.ts). */
export const NAME_KEY = 'nameKey';

/** The stored name-hash key, or a new one written to `meta` (inside the caller's transaction). */
export async function nameKeyIn(meta: { get(k: string): Promise<MetaRow | undefined>; put(r: MetaRow): Promise<unknown> }): Promise<Uint8Array> {
  const row = await meta.get(NAME_KEY);
  const v = row?.value;
  // Checked by shape, not `instanceof`: a value read back from IndexedDB may come from another realm.
  if (ArrayBuffer.isView(v) && v.byteLength === HASH_KEY_BYTES) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice();
  const key = randomKey();
  await meta.put({ key: NAME_KEY, value: key });
  return key;
}

/** Version 1 → 2: every plain person becomes hashed forms under a new key; the plain table goes. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const plain = (await tx.table('people').toArray()) as PlainPersonRowV1[];
  const key = await nameKeyIn(tx.table('meta'));
  const hasher = new NameHasher(key);
  const rows: PersonRow[] = plain.map((p) => {
    const names = p.preferred
      ? { role: p.role, forename: p.forename, preferred: p.preferred, surname: p.surname }
      : { role: p.role, forename: p.forename, surname: p.surname };
    return { listId: p.listId, ...hashPerson(names, hasher) };
  });
  await tx.table('persons').bulkAdd(rows);
  // Dexie deletes the `people` store itself after this upgrade (`people: null` below).
}

export function openDb(name = DB_NAME): SecondLookDb {
  const db = new Dexie(name) as SecondLookDb;
  db.version(1).stores({
    meta: 'key',
    lists: '++id, name',
    people: '++id, listId',
  });
  db.version(2)
    .stores({
      people: null,
      persons: '++id, listId',
      logos: '++id',
    })
    .upgrade(upgradeToV2);
  return db;
}
