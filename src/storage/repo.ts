/**
 * Reads and writes the rule set. Every write that changes what the matcher sees happens in one
 * Dexie transaction, so a failed import leaves the previous data exactly as it was (invariant 6).
 */
import type { PersonNames } from '../engine/types';
import type { RulePack, SchoolProfile } from '../pack/types';
import type { ListRow, PersonRow, SecondLookDb } from './db';

const PACK_KEY = 'pack';

export class Repo {
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

  async people(): Promise<PersonRow[]> {
    return this.db.people.toArray();
  }

  /** Adds one class list and its people atomically. */
  async importList(name: string, fileName: string, groups: string[], people: PersonNames[]): Promise<ListRow> {
    return this.db.transaction('rw', this.db.lists, this.db.people, async () => {
      const row = {
        name,
        fileName,
        importedAt: Date.now(),
        count: people.length,
        pupils: people.filter((p) => p.role === 'pupil' || p.role === 'former-pupil').length,
        groups: [...groups],
      };
      const id = (await this.db.lists.add(row as ListRow)) as number;
      await this.db.people.bulkAdd(
        people.map((p) => {
          const out: PersonRow = { listId: id, role: p.role, forename: p.forename, surname: p.surname };
          if (p.preferred) out.preferred = p.preferred;
          return out;
        }),
      );
      return { ...row, id };
    });
  }

  async deleteList(id: number): Promise<void> {
    await this.db.transaction('rw', this.db.lists, this.db.people, async () => {
      await this.db.people.where('listId').equals(id).delete();
      await this.db.lists.delete(id);
    });
  }

  async deleteEverything(): Promise<void> {
    await this.db.transaction('rw', this.db.meta, this.db.lists, this.db.people, async () => {
      await Promise.all([this.db.meta.clear(), this.db.lists.clear(), this.db.people.clear()]);
    });
  }
}
