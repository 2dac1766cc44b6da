/**
 * Benchmark of the class-list reader: a 50,000-row SIMS-style export (fixed seed, no real people)
 * read by `readClassListFile` from bytes, as UTF-8 and as Windows-1252 (the table decoder), p50 over
 * 5 timed runs after one warm-up.
 *
 *   npx tsx bench/import.bench.ts
 *
 * Prints a Markdown section and replaces its own section in bench/import-results.md (other
 * sections in that file are left alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { readClassListFile } from '../src/import/read-file';
import { readUploads } from '../src/import/expand';
import { makeXlsx, makeZip } from '../test/fixtures/rosters/make-xlsx';
import { rng } from './rng';

const ROWS = 50_000;
const RUNS = 5;


const FORENAMES = ['Olivia', 'Noah', 'Amelia', 'Muhammad', 'Isla', 'Oliver', 'Siobhán', 'Zoë', 'Renée', 'José', 'Ellie-Mae', 'Aarav', 'Freya', 'Jakub', 'Chloé', 'Tomás'];
const SURNAMES = ['Smith', 'Jones', 'O’Brien', 'Brontë', 'Müller', 'García', 'Patel', 'Nowak', 'Williams', 'Khan', 'van der Berg', 'Ní Bhriain', 'Evans', 'Taylor', 'Øster', 'Łukasz'];

function generate(): string {
  const next = rng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const lines = ['Adno,UPN,Legal Surname,Legal Forename,Preferred Forename,Reg Group,Year,Date of Birth,Date of Leaving,Photo Consent'];
  for (let i = 0; i < ROWS; i++) {
    const year = 7 + (i % 5);
    const dob = `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}/${String(1 + Math.floor(next() * 12)).padStart(2, '0')}/${2019 - year}`;
    const left = next() < 0.05 ? `20/07/${2020 + (i % 5)}` : '';
    const surname = `${pick(SURNAMES)}${i % 7 === 0 ? '-' + pick(SURNAMES) : ''}`;
    const cells = [String(i + 1).padStart(6, '0'), `A${String(i).padStart(12, '0')}`, surname, pick(FORENAMES), next() < 0.2 ? pick(FORENAMES) : '', `${year}${'ABCDE'[i % 5]}`, `Year ${year}`, dob, left, next() < 0.9 ? 'Yes' : 'No'];
    lines.push(cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Windows-1252 encoder for the characters the generator uses. */
function toCp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '’': 0x92 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    out[i] = high[c] ?? (code < 0x100 ? code : 0x3f);
  }
  return out;
}

function time(bytes: Uint8Array, name: string): { p50: number; people: number; format: string } {
  const once = () => {
    const t0 = performance.now();
    const r = readClassListFile(bytes, name, { today: '2026-11-23' });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error);
    return { ms, people: r.people.length, format: r.format };
  };
  once();
  const runs = Array.from({ length: RUNS }, once);
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: sorted[Math.floor(RUNS / 2)]!, people: runs[0]!.people, format: runs[0]!.format };
}

const text = generate();
const utf8 = new TextEncoder().encode(text);
// Ł is not in Windows-1252, so the cp1252 file has "?" there; the bytes are still a valid export.
const cp1252 = toCp1252(text);
const rows = [
  { label: 'UTF-8', bytes: utf8, ...time(utf8, 'mis-50k.csv') },
  { label: 'Windows-1252', bytes: cp1252, ...time(cp1252, 'mis-50k-cp1252.csv') },
];

// The same rows as an Excel workbook and inside a zip, through the async upload path (readUploads).
async function timeAsync(bytes: Uint8Array, name: string): Promise<{ p50: number; people: number; format: string }> {
  const once = async () => {
    const t0 = performance.now();
    const r = await readUploads([{ name, bytes }], { today: '2026-11-23' });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error);
    return { ms, people: r.people.length, format: r.format };
  };
  await once();
  const runs: { ms: number; people: number; format: string }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: sorted[Math.floor(RUNS / 2)]!, people: runs[0]!.people, format: runs[0]!.format };
}
const table = text.trimEnd().split('\r\n').map((l) => l.split(','));
const xlsx = makeXlsx(table);
const zip = makeZip({ 'users.csv': text });
rows.push({ label: 'XLSX (same rows)', bytes: xlsx, ...(await timeAsync(xlsx, 'mis-50k.xlsx')) });
rows.push({ label: 'zip of the UTF-8 CSV', bytes: zip, ...(await timeAsync(zip, 'mis-50k.zip')) });

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const section = [
  '<!-- import.bench:start -->',
  '## Class-list import (`bench/import.bench.ts`)',
  '',
  `Node ${process.version}, ${cpu} × ${os.cpus().length}, ${os.platform()} ${os.arch()}. ${ROWS.toLocaleString('en-GB')}-row SIMS-style CSV from a fixed seed (10 columns, accented names, dates, consent); \`readClassListFile\` from bytes (decode + parse + map + dedupe); p50 of ${RUNS} runs after 1 warm-up.`,
  '',
  '| Input | Size (MB) | People | Format | p50 (ms) |',
  '|---|---:|---:|---|---:|',
  ...rows.map((r) => `| ${r.label} | ${(r.bytes.length / 1024 / 1024).toFixed(2)} | ${r.people.toLocaleString('en-GB')} | ${r.format} | ${r.p50.toFixed(1)} |`),
  '<!-- import.bench:end -->',
].join('\n');

console.log(section);

const file = new URL('./import-results.md', import.meta.url);
const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Second Look — import benchmark\n';
const marked = /<!-- import\.bench:start -->[\s\S]*?<!-- import\.bench:end -->/;
const after = marked.test(before) ? before.replace(marked, section) : `${before.trimEnd()}\n\n${section}\n`;
writeFileSync(file, after);
