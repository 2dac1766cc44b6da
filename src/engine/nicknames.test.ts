// Nickname table: the generated module matches the CSV, and expansion runs canonical → nickname only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NICKNAMES_DATA } from './data/nicknames';
import { nicknamesOf, UK_NICKNAMES } from './nicknames';

describe('data/nicknames.ts', () => {
  it('is in sync with nicknames.csv (rerun scripts/gen-nicknames.mjs after editing the CSV)', () => {
    const csv = readFileSync(new URL('./data/nicknames.csv', import.meta.url), 'utf8');
    const pairs = new Set<string>();
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const [a, rel, b] = line.split(',');
      if (rel === 'has_nickname' && /^[a-z]+$/.test(a ?? '') && /^[a-z]+$/.test(b ?? '') && a !== b) pairs.add(`${a}:${b}`);
    }
    const generated = new Set<string>();
    for (const entry of NICKNAMES_DATA.split(';')) {
      const [a, list] = entry.split(':') as [string, string];
      for (const b of list.split(',')) generated.add(`${a}:${b}`);
    }
    expect(generated).toEqual(pairs);
    expect(pairs.size).toBeGreaterThan(2600);
  });
});

describe('nicknamesOf', () => {
  it('expands a full name to its nicknames', () => {
    expect(nicknamesOf('william')).toEqual(expect.arrayContaining(['will', 'bill', 'billy', 'willie']));
    expect(nicknamesOf('alfred')).toEqual(expect.arrayContaining(['alfie', 'fred', 'freddie']));
    expect(nicknamesOf('charlotte')).toEqual(expect.arrayContaining(['charlie', 'lottie']));
    expect(nicknamesOf('margaret')).toContain('maisie');
    expect(nicknamesOf('olivia')).toContain('ollie');
    expect(nicknamesOf('isabella')).toEqual(expect.arrayContaining(['izzy', 'bella']));
  });

  it('never goes from a nickname back to the full name', () => {
    expect(nicknamesOf('bill')).not.toContain('william');
    expect(nicknamesOf('charlie')).not.toContain('charles');
    expect(nicknamesOf('harry')).not.toContain('henry');
    expect(nicknamesOf('harry')).not.toContain('harold');
    expect(nicknamesOf('tom')).not.toContain('thomas');
    expect(nicknamesOf('alfie')).toEqual([]);
    expect(nicknamesOf('evie')).toEqual([]);
  });

  it('has no name among its own nicknames, and [] for unknown names', () => {
    for (const n of ['william', 'elizabeth', 'henry', 'evelyn']) expect(nicknamesOf(n)).not.toContain(n);
    expect(nicknamesOf('oluwaseun')).toEqual([]);
  });

  it('supplement keys and values are token norms', () => {
    for (const [k, v] of Object.entries(UK_NICKNAMES)) {
      expect(k).toMatch(/^[a-z]+$/);
      for (const c of v) expect(c).toMatch(/^[a-z]+$/);
    }
  });
});
