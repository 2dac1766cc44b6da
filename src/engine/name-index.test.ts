// Keyed hashing of names and the stored forms: no plain name, key-dependent, the flags the matcher needs.
import { describe, expect, it } from 'vitest';
import { NameHasher, randomKey } from './hash';
import { buildNameIndex, hashPerson } from './name-index';
import { tokenise } from './tokenise';

const key = new Uint8Array(32).fill(7);

describe('NameHasher', () => {
  it('gives 10 base64url characters, the same for the same key and word, different across keys', () => {
    const a = new NameHasher(key);
    const b = new NameHasher(key);
    const c = new NameHasher(randomKey());
    expect(a.hash('evie')).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(a.hash('evie')).toBe(b.hash('evie'));
    expect(a.hash('evie')).not.toBe(a.hash('evie '));
    expect(a.hash('evie')).not.toBe(c.hash('evie'));
    expect(a.hash('#eviecarter')).not.toBe(a.hash('@eviecarter'));
  });

  it('refuses a short key', () => {
    expect(() => new NameHasher(new Uint8Array(8))).toThrow();
  });

  it('hashes each token once per token array, with the sign on tags', () => {
    const h = new NameHasher(key);
    const tokens = tokenise('Evie #EvieCarter @evie');
    const keys = h.keysFor(tokens);
    expect(keys).toEqual([h.hash('evie'), h.hash('#eviecarter'), h.hash('@evie')]);
    expect(h.keysFor(tokens)).toBe(keys);
  });
});

describe('hashPerson', () => {
  const h = new NameHasher(key);

  it('stores the forms as hashes with flags, and the facts, never the name', () => {
    const p = hashPerson({ role: 'pupil', forename: 'May', surname: 'Hunter', dob: '2016-05-01', group: '4B', photoConsent: true }, h);
    expect(JSON.stringify(p).toLowerCase()).not.toMatch(/may|hunter/);
    expect({ role: p.role, dob: p.dob, group: p.group, photoConsent: p.photoConsent }).toEqual({ role: 'pupil', dob: '2016-05-01', group: '4B', photoConsent: true });
    // May Hunter: two ordinary words, so every form needs capitals; no "Hunter May" form. (Nickname
    // forms of May come from the nickname data and follow their own words' case rule.)
    expect(p.forms.filter((f) => f.k !== 'nick').map((f) => [f.k, f.h.length, f.c, f.m ?? 0])).toEqual([
      ['first', 1, 0b1, 0],
      ['full', 2, 0b11, 0],
      ['rev', 2, 0b11, 0b10],
    ]);
    expect(p.forms[1]?.h).toEqual([h.hash('may'), h.hash('hunter')]);
    // Tags: '#', '@' and '@forename_surname'; ordinary-word names are not searched inside longer tags.
    expect(p.tags.filter((t) => t.k === 'full')).toEqual([
      { k: 'full', h: h.hash('#mayhunter') },
      { k: 'full', h: h.hash('@mayhunter') },
      { k: 'full', h: h.hash('@may_hunter') },
    ]);
  });

  it('expands nicknames, the first of two given names, and the family-name-first form', () => {
    const w = hashPerson({ role: 'former-pupil', forename: 'William', surname: 'Okafor' }, h);
    const kinds = w.forms.map((f) => f.k);
    expect(kinds.filter((k) => k === 'nick')).toHaveLength(8); // bill, billy, will, ...
    expect(kinds).toContain('rev-nc');
    expect(w.tags.find((t) => t.h === h.hash('#williamokafor'))).toEqual({ k: 'full', h: h.hash('#williamokafor'), r: 1 });
    const m = hashPerson({ role: 'pupil', forename: 'Muhammad Ali', surname: 'Raza' }, h);
    const full = m.forms.filter((f) => f.k === 'full').map((f) => f.h);
    expect(full).toContainEqual([h.hash('muhammad'), h.hash('ali'), h.hash('raza')]);
    expect(full).toContainEqual([h.hash('muhammad'), h.hash('raza')]);
    expect(m.forms.filter((f) => f.k === 'nick').map((f) => f.h)).toContainEqual([h.hash('mo'), h.hash('raza')]);
  });

  it('builds matchers only from pupils and former pupils, and people lookups from everyone', () => {
    const rows = [
      hashPerson({ role: 'pupil', forename: 'Evie', surname: 'Carter', group: '4B' }, h),
      hashPerson({ role: 'parent', forename: 'Mark', surname: 'Jones', group: 'PTA' }, h),
    ];
    const idx = buildNameIndex(rows, h);
    expect(idx.pupilNames.phrases.has([h.hash('evie'), h.hash('carter')].join(' '))).toBe(true);
    expect(idx.pupilNames.phrases.has([h.hash('mark'), h.hash('jones')].join(' '))).toBe(false);
    expect(idx.people.get([h.hash('mark'), h.hash('jones')].join(' '))).toEqual([1]);
    expect(idx.groups.size).toBe(1); // the pupils' group only
    expect(idx.persons).toEqual([{ role: 'pupil', group: '4B' }, { role: 'parent', group: 'PTA' }]);
  });
});

describe('preferred surname', () => {
  it('matches the legal and the known-as surname, in every form', async () => {
    const { compileRuleSet } = await import('./compile');
    const { evaluate } = await import('./evaluate');
    const c = compileRuleSet(
      {
        format: 'second-look-pack',
        version: 1,
        id: 't',
        title: 't',
        school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
        rules: { 'pupil-name': { enabled: true, severity: 'high', title: 'P', clause: 'c' } },
      },
      [{ role: 'pupil', forename: 'Evie', surname: 'Carter', preferredSurname: 'Nowak-Carter' }],
    );
    const text = 'Evie Carter, Evie Nowak-Carter, Nowak-Carter, Evie and #EvieNowakCarter; not Evie Nowak';
    expect(evaluate(c, { text, site: 'x' }).map((f) => text.slice(f.start, f.end))).toEqual([
      'Evie Carter',
      'Evie Nowak-Carter',
      'Nowak-Carter, Evie',
      '#EvieNowakCarter',
    ]);
  });
});
