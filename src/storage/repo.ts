/**
 * Reads and writes the rule set. Every write that changes what the matcher sees happens in one
 * Dexie transaction, so a failed import leaves the previous data exactly as it was (invariant 6).
 */
import { NameHasher } from '../engine/hash';
import { buildNameIndex, hashPerson, type NameIndex, type PersonInput } from '../engine/name-index';
import type { ClassListsExport } from '../pack/class-lists';
import type { RulePack, SchoolProfile } from '../pack/types';
import { NAME_KEY, nameKeyIn, type ListRow, type PersonRow, type SecondLookDb } from './db';

const PACK_KEY = 'pack';

/** A `replaceListId` that names no stored list: the import is refused and nothing changes. */
export class UnknownListError extends Error {}

export class Repo {
  /** One hasher per key, kept across rebuilds so its word cache stays warm. */
  private hasherFor: { key: Uint8Array; hasher: NameHasher } | null = null;

  constructor(
    private readonly db: SecondLookDb,
    private readonly defaultPack: RulePack,
  ) {}

  async getPack(): Promise<RulePack> {
    const row = await this.db.meta.get(PACK_KEY);
    // Stored packs were parsed strictly before they were written; see Service.setPack.
    return (row?.value as RulePack | undefined) ?? this.defaultPack;
  }

  async setPack(pack: RulePack): Promise<void> {
    await this.db.meta.put({ key: PACK_KEY, value: pack });
  }

  /**
   * Replaces the rules, id and title with `pack`'s and keeps the stored school profile, read and
   * written in one transaction so a school save cannot slip in between (templates, rules editor).
   */
  async setPackKeepingSchool(pack: RulePack): Promise<RulePack> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const current = await this.getPack();
      const next: RulePack = { ...pack, school: current.school };
      await this.setPack(next);
      return next;
    });
  }

  async saveSchool(school: SchoolProfile): Promise<RulePack> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const pack = await this.getPack();
      const next: RulePack = { ...pack, school: { ...school } };
      await this.setPack(next);
      return next;
    });
  }

  async lists(): Promise<ListRow[]> {
    return this.db.lists.orderBy('id').toArray();
  }

  /** The stored people: hashed name forms and facts, never a plain name. */
  async people(): Promise<PersonRow[]> {
    return this.db.persons.toArray();
  }

  private async hasher(): Promise<NameHasher> {
    const key = await this.db.transaction('rw', this.db.meta, () => nameKeyIn(this.db.meta));
    const cached = this.hasherFor;
    if (cached && sameBytes(cached.key, key)) return cached.hasher;
    const hasher = new NameHasher(key);
    this.hasherFor = { key, hasher };
    return hasher;
  }

  /** The warm matcher's name index, built from the stored hashes (no name is hashed here). */
  async nameIndex(): Promise<NameIndex> {
    const [hasher, rows] = await Promise.all([this.hasher(), this.people()]);
    return buildNameIndex(rows, hasher);
  }

  /**
   * Adds one class list and its people atomically, or with `replaceListId` replaces that list's
   * people and summary in the same transaction (the list keeps its id). The names are expanded and
   * hashed before the transaction; only hashes and facts are written. A `replaceListId` that is not
   * stored throws `UnknownListError` and changes nothing.
   */
  async importList(name: string, fileName: string, groups: string[], people: PersonInput[], replaceListId?: number): Promise<ListRow> {
    const hasher = await this.hasher();
    const hashed = people.map((p) => hashPerson(p, hasher));
    return this.db.transaction('rw', this.db.meta, this.db.lists, this.db.persons, async () => {
      // The key may have been replaced meanwhile ("delete everything"): hashes must match the stored key.
      const key = await nameKeyIn(this.db.meta);
      const rows = sameBytes(key, this.hasherFor?.key ?? new Uint8Array()) ? hashed : people.map((p) => hashPerson(p, new NameHasher(key)));
      const row = {
        name,
        fileName,
        importedAt: Date.now(),
        count: people.length,
        pupils: people.filter((p) => p.role === 'pupil' || p.role === 'former-pupil').length,
        groups: [...groups],
      };
      let id: number;
      if (replaceListId !== undefined) {
        if (!(await this.db.lists.get(replaceListId))) throw new UnknownListError(`There is no class list ${replaceListId} to replace.`);
        id = replaceListId;
        await this.db.persons.where('listId').equals(id).delete();
        await this.db.lists.put({ ...row, id });
      } else {
        id = (await this.db.lists.add(row as ListRow)) as number;
      }
      await this.db.persons.bulkAdd(rows.map((r) => ({ ...r, listId: id })));
      return { ...row, id };
    });
  }

  async deleteList(id: number): Promise<void> {
    await this.db.transaction('rw', this.db.lists, this.db.persons, async () => {
      await this.db.persons.where('listId').equals(id).delete();
      await this.db.lists.delete(id);
    });
  }

  /**
   * The class lists as an export carries them: the name-hash key and, per list, its summary and
   * its people's stored hashes and facts (never a plain name: none is stored). Read in one
   * transaction so the key and the hashes belong together. Null when there is no list.
   */
  async exportLists(): Promise<ClassListsExport | null> {
    return this.db.transaction('rw', this.db.meta, this.db.lists, this.db.persons, async () => {
      const lists = await this.db.lists.orderBy('id').toArray();
      if (lists.length === 0) return null;
      const key = await nameKeyIn(this.db.meta);
      const persons = await this.db.persons.toArray();
      return {
        key,
        lists: lists.map((l) => {
          const people = persons.filter((p) => p.listId === l.id).map(({ id: _id, listId: _listId, ...hashed }) => hashed);
          return { name: l.name, fileName: l.fileName, groups: [...l.groups], count: people.length, pupils: l.pupils, persons: people };
        }),
      };
    });
  }

  /**
   * An imported pack file with class lists: the pack (school included), the file's name-hash key
   * and its lists replace the stored pack, key and lists, all in ONE transaction: a failure at any
   * point leaves everything as it was. The input must come from the strict parser
   * (pack/class-lists.ts). Logos are kept.
   */
  async replaceWithImport(pack: RulePack, lists: ClassListsExport): Promise<ListRow[]> {
    const written = await this.db.transaction('rw', this.db.meta, this.db.lists, this.db.persons, async () => {
      await this.setPack(pack);
      await this.db.meta.put({ key: NAME_KEY, value: lists.key.slice() });
      await this.db.persons.clear();
      await this.db.lists.clear();
      const rows: ListRow[] = [];
      const importedAt = Date.now();
      for (const l of lists.lists) {
        const row = { name: l.name, fileName: l.fileName, importedAt, count: l.persons.length, pupils: l.pupils, groups: [...l.groups] };
        const id = (await this.db.lists.add(row as ListRow)) as number;
        await this.db.persons.bulkAdd(l.persons.map((p) => ({ ...p, listId: id })));
        rows.push({ ...row, id });
      }
      return rows;
    });
    // The next nameIndex reads the new key and makes a hasher for it.
    this.hasherFor = null;
    return written;
  }

  /** Everything, the name-hash key and the logos included: the next import starts with a new key. */
  async deleteEverything(): Promise<void> {
    await this.db.transaction('rw', [this.db.meta, this.db.lists, this.db.persons, this.db.logos], async () => {
      await Promise.all([this.db.meta.clear(), this.db.lists.clear(), this.db.persons.clear(), this.db.logos.clear()]);
    });
    this.hasherFor = null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
