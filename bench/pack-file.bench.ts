/**
 * Size and speed of a rule-pack file that carries the class lists in hashed form (issue 3): file
 * bytes per person, and the time to write it and to parse it strictly, for a school of 2,000 and a
 * trust of 100,000 people (the limit). Synthetic names from a fixed seed (no real people), with
 * the nickname-rich English forenames (William, Elizabeth…) that make a person's forms numerous.
 * Run: npx tsx bench/pack-file.bench.ts   (writes bench/pack-file.md)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { NameHasher, randomKey } from '../src/engine/hash';
import { hashPerson, type PersonInput } from '../src/engine/name-index';
import { CLASS_LIST_LIMITS, packFileText, parsePackFileText } from '../src/pack/class-lists';
import { parsePack } from '../src/pack/parse';
import demo from '../rules/demo.json';
import { rng } from './rng';

const FORENAMES = ['William', 'Elizabeth', 'Katherine', 'Alexander', 'Margaret', 'Oliver', 'Amelia', 'Evie', 'Grace', 'May', 'Siobhán', 'Zofia', 'Łukasz', 'Priya', 'Mohammed', 'Chiamaka', 'Wei', 'Noémie', 'Jack', 'Harry', 'Olivia', 'Isla', 'Aarav', 'Fatima', 'Kwame', 'Theo', 'Ruby', 'Archie', 'Aoife', 'Hamza'];
const SURNAMES = ['Smith', 'Jones', 'Carter', 'Hunter', "O'Brien", 'Nowak', 'Wiśniewski', 'Patel', 'Khan', 'Okafor', 'Wang', 'Dubois', 'van der Berg', 'Al-Hassan', 'Taylor', 'Brown', 'Mensah', 'Kaur', 'Murphy', 'Lewis-Hall'];

function people(n: number, seed: number): PersonInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const p: PersonInput = { role: i % 10 === 0 ? 'parent' : 'pupil', forename: pick(FORENAMES), surname: pick(SURNAMES), group: `${1 + (i % 6)}${'ABC'[i % 3]}` };
    if (r() < 0.15) p.preferred = pick(FORENAMES);
    if (p.role === 'pupil') p.dob = `20${10 + (i % 8)}-0${1 + (i % 9)}-1${i % 9}`;
    return p;
  });
}

const pack = parsePack(demo);
if (!pack.ok) throw new Error('demo pack');
const rows: string[] = [];
for (const n of [2_000, CLASS_LIST_LIMITS.persons]) {
  const key = randomKey();
  const hasher = new NameHasher(key);
  const ps = people(n, n);
  const perList = Math.ceil(n / 40);
  const lists = [];
  for (let i = 0; i < n; i += perList) {
    const slice = ps.slice(i, i + perList);
    lists.push({ name: `List ${lists.length + 1}`, fileName: 'mis.csv', groups: [], count: slice.length, pupils: slice.filter((p) => p.role === 'pupil').length, persons: slice.map((p) => hashPerson(p, hasher)) });
  }
  let t = performance.now();
  const text = packFileText(pack.pack, { key, lists });
  const write = performance.now() - t;
  t = performance.now();
  const back = parsePackFileText(text);
  const parse = performance.now() - t;
  if (!back.ok) throw new Error(back.errors.join('\n'));
  const bytes = Buffer.byteLength(text);
  rows.push(`| ${n.toLocaleString('en-GB')} | ${lists.length} | ${(bytes / 1024 / 1024).toFixed(2)} MB | ${Math.round(bytes / n)} | ${write.toFixed(0)} ms | ${parse.toFixed(0)} ms |`);
  console.log(rows.at(-1));
}
writeFileSync(
  new URL('./pack-file.md', import.meta.url),
  `# Pack file with class lists: size and parse time\n\nMeasured by \`npx tsx bench/pack-file.bench.ts\` (Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}), ${new Date().toISOString().slice(0, 10)}.\nSynthetic people (fixed seed), 10% parents, 15% with a preferred name; lists of up to 2,500.\nThe file limit is ${CLASS_LIST_LIMITS.maxBytes / 1024 / 1024} MB.\n\n| people | lists | file | bytes per person | write | strict parse |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
