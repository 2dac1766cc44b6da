/**
 * The extension's database (Dexie over IndexedDB). Trusted side only: opened by the background
 * service worker, never by a content script, whose IndexedDB would belong to the social site
 * (design invariant 2; a bundle scan and the before-stop hook check this).
 *
 * Schema versions are append-only: a new version adds a `db.version(n)` block with an upgrade
 * function, and test/fixtures/db/ keeps a fixture for every released version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PersonRole } from '../engine/types';
import type { ListSummary } from '../messaging/protocol';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A class list's summary row: exactly what the options page is shown about it. */
export type ListRow = ListSummary;

export interface PersonRow {
  id?: number;
  listId: number;
  role: PersonRole;
  forename: string;
  preferred?: string;
  surname: string;
}

export type SecondLookDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  lists: EntityTable<ListRow, 'id'>;
  people: EntityTable<PersonRow, 'id'>;
};

export const DB_NAME = 'second-look';

export function openDb(name = DB_NAME): SecondLookDb {
  const db = new Dexie(name) as SecondLookDb;
  db.version(1).stores({
    meta: 'key',
    lists: '++id, name',
    people: '++id, listId',
  });
  return db;
}
