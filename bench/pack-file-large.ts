/**
 * Writes the largest pack file the limits allow, for test/e2e/share-lists-large.spec.ts: the demo
 * pack plus 100,000 made-up pupils in 40 lists of 2,500, the last of them "Evie Carter", hashed
 * under a fresh key. Run: npx tsx bench/pack-file-large.ts <output.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { NameHasher, randomKey } from '../src/engine/hash';
import { hashPerson, type PersonInput } from '../src/engine/name-index';
import { CLASS_LIST_LIMITS, packFileText, type ListExport } from '../src/pack/class-lists';
import { parsePack } from '../src/pack/parse';

const F = ['William', 'Elizabeth', 'Katherine', 'Oliver', 'Amelia', 'Grace', 'Siobhán', 'Zofia', 'Priya', 'Mohammed', 'Wei', 'Jack', 'Olivia', 'Aarav', 'Theo'];
const S = ['Smith', 'Jones', 'Hunter', "O'Brien", 'Nowak', 'Patel', 'Khan', 'Okafor', 'Wang', 'Dubois', 'Taylor', 'Brown', 'Mensah', 'Kaur'];
const letters = (i: number) => [i % 26, Math.floor(i / 26) % 26, Math.floor(i / 676) % 26].map((n) => String.fromCharCode(97 + n)).join('');

const out = process.argv[2];
if (!out) throw new Error('usage: npx tsx bench/pack-file-large.ts <output.json>');
const KEY = randomKey();
const hasher = new NameHasher(KEY);
const n = CLASS_LIST_LIMITS.persons;
const people: PersonInput[] = [];
for (let i = 0; i < n - 1; i++) people.push({ role: 'pupil', forename: F[i % F.length]!, surname: `${S[Math.floor(i / F.length) % S.length]!}${letters(i)}` });
people.push({ role: 'pupil', forename: 'Evie', surname: 'Carter' });
const lists: ListExport[] = [];
for (let i = 0; i < n; i += 2500) {
  const slice = people.slice(i, i + 2500);
  lists.push({ name: `Year group ${lists.length + 1}`, fileName: 'mis.csv', groups: [], count: slice.length, pupils: slice.length, persons: slice.map((p) => hashPerson(p, hasher)) });
}
const pack = parsePack(JSON.parse(readFileSync(new URL('../rules/demo.json', import.meta.url), 'utf8')));
if (!pack.ok) throw new Error(pack.errors.join('\n'));
writeFileSync(out, packFileText(pack.pack, { key: KEY, lists }));
