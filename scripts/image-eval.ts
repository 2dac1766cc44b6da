/**
 * Scores the image checks on the labelled set (scripts/make-image-fixtures.ts makes it):
 *
 *   npx tsx scripts/make-image-fixtures.ts     # once: test/fixtures/images/generated/
 *   npx tsx scripts/image-eval.ts [--only logo,text,people,location] [--split tune|held-out|fresh] [--misses] [--write]
 *
 * Runs analyseImage exactly as the CLI does (Node engines, test/fixtures/images/pack.json and
 * class-list.csv) and prints, per rule and split, the detection rate on positives and the false
 * alarms on negatives. --write records the table in bench/image-eval.md (rows of checks and splits
 * not run this time are kept as they were).
 *
 * The "fresh" split is scored only when asked by name (--split=fresh): it is kept for one final score
 * of a finished method, never for tuning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet } from '../src/engine/compile';
import { load } from '../src/cli/load';
import { readLogos } from '../src/cli/check-image';
import { analyseImage } from '../src/image/analyse';
import { createNodeEngines, decodeNode } from '../src/image/node-engines';
import { matchLogoFeatures, prepareLogo, sceneFeatures } from '../src/image/features';
import { FEATURE_MAX_SIDE } from '../src/image/logo';
import { fitGray, toGray } from '../src/image/raster';
import type { ImageCheckContext, ImageStage, LogoInput } from '../src/image/types';
import type { Label, Split } from './make-image-fixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'test/fixtures/images');

type Task = 'logo' | 'text' | 'people' | 'location';
const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'logo,text,people,location').split(',') as Task[];
const splitArg = args.find((a) => a.startsWith('--split='))?.slice(8) as Split | undefined;
const showMisses = args.includes('--misses');
const inSplit = (s: Split) => (splitArg ? s === splitArg : s !== 'fresh');

interface Tally {
  pos: number;
  hit: number;
  neg: number;
  fa: number;
  ms: number[];
  misses: string[];
}
const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { pos: 0, hit: 0, neg: 0, fa: 0, ms: [], misses: [] }));
  return t;
};
function score(key: string, expected: boolean, got: boolean, ms: number, what: string): void {
  const t = tally(key);
  t.ms.push(ms);
  if (expected) {
    t.pos++;
    if (got) t.hit++;
    else t.misses.push(`miss ${what}`);
  } else {
    t.neg++;
    if (got) {
      t.fa++;
      t.misses.push(`FALSE ALARM ${what}`);
    }
  }
}

/**
 * More false-alarm trials for the logo check: every logo-task image is checked against every school
 * logo of its split that it does not contain (other schools' crests, other scenes). Uses the same
 * matcher as analyseImage (scene features once per image, then each logo).
 */
function crossLogos(labels: Label[]): void {
  for (const split of ['tune', 'held-out', 'fresh'] as const) {
    if (!inSplit(split)) continue;
    const cases = labels.filter((l) => l.split === split && l.logo !== undefined);
    const logoFiles = [...new Set(cases.map((l) => (l.logos as string[])[0] as string))];
    const prepared = logoFiles.map((f) => ({ f, p: prepareLogo(decodeNode(new Uint8Array(readFileSync(join(DIR, f))))) }));
    for (const l of cases) {
      const gray = fitGray(toGray(decodeNode(new Uint8Array(readFileSync(join(DIR, l.file))))), FEATURE_MAX_SIDE).img;
      const t0 = performance.now();
      const f = sceneFeatures(gray);
      for (const { f: lf, p } of prepared) {
        if (lf === (l.logos as string[])[0]) continue;
        const got = !!f && matchLogoFeatures(gray, f, p) !== null;
        score(`logo ${split}, against the other logos of the split`, false, got, performance.now() - t0, `${l.file} vs ${lf}`);
      }
      process.stderr.write(':');
    }
  }
}

/** Kept with the table: what the set is and how the splits were used (update when they change). */
const NOTES = `
## Notes: what these figures do and do not show

- **The set.** 396 labelled files, all synthetic or from npm packages, drawn by
  scripts/make-image-fixtures.ts in headless Chromium (canvas; deterministic seeds). Logos: the shared
  sample crest (L0) and nine synthetic crests (L1–L9) from one template (shape × motif × emblem ×
  initials). Photos: @vladmandic/face-api's six demo photos, the shared busy scene and synthetic street
  scenes. Each school logo appears whole (half size JPEG q40, 160 %, cropped 4–8 %, hue +140°,
  greyscale, small on navy) and in 14 scenes (printed, on a fabric patch at 60–90 % opacity, on a
  sign; 7–35 % of the width; rotated ±23°, sheared ±0.15, blur ≤ 1.2 px, noise, JPEG q60–90).
  Negatives: photos and scenes without it, other crests (L7–L9) in scenes and whole.
- **Splits.** "tune" = logos L0–L3, demo photos 1–3 + the busy scene, pupils 1–15 of the class list;
  "held-out" = logos L4–L6, demo photos 4–6, pupils 16–30, other seeds. Every threshold in
  src/image/features.ts was set on "tune". Honesty note: "held-out" was scored twice, once before the
  photometric check existed (100 % found, 4/42 = 9.5 % false alarms, 12/204 in the cross trials) and
  once after (the table). The photometric threshold (0.45, median of 4×4 cell correlations) was chosen
  from "tune" alone.
- **"Against the other logos of the split"**: every logo-task image checked against every school logo
  of its split that it does not contain (same matcher, scene features computed once): 612 more
  false-alarm trials.
- **All logo false alarms are near-duplicate crests.** L7 has the same shape, motif and emblem as L4
  and L1 (a circle with rays or quarters around an open book) and differs only in colour and two
  letters. Because a recoloured logo must still match, the check works on grey levels and cannot tell
  those apart. Real schools' crests are seldom this alike, but two schools sharing one trust crest
  would look the same to this check. Across both splits: 134/140 = 95.7 % logos found, 7/710 = 1.0 %
  false alarms.
- **Logo misses (tune)**: the synthetic crest L2 at 22–34 % of the width (few keypoints agree on its
  large flat areas), and one fabric patch.
- **Names**: 28/30 per split. Misses are photographed certificates (rotated, blurred, with noise).
  The school's name on signs, 6/8 per split: in each miss, the large capitals run off the white board
  onto the photo behind and OCR loses the first letters ("LBROOK PRIMARY ScHO"). No false alarm on
  blank certificates or on names that are not on the class list.
- **People**: only six real photos of people (face-api's demo photos) are available here; all six are
  found, and no face is reported on the 24 synthetic scenes. This says little about children, groups
  at a distance, or faces in profile.
- **Location**: exact by construction (GPS written with piexifjs); the cases check the 150 m circle
  edge (in at 10–140 m, out at 165–465 m, another town, no GPS).
- The previous attempt's figures (logo 96.7 % tuning / 90 % held-out, names 93.3 %) were measured on
  its own set, which is lost; they are not directly comparable with these.
`;

async function main(): Promise<void> {
  const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Label[];
  const { pack, people } = load({ pack: join(DIR, 'pack.json'), people: join(DIR, 'class-list.csv') });
  const compiled = compileRuleSet(pack, people);
  const engines = createNodeEngines({ ocr: only.includes('text'), faces: only.includes('people') });
  const logoCache = new Map<string, LogoInput[]>();
  const base: ImageCheckContext = { compiled, locations: pack.school.locations ?? [], logos: [], site: 'facebook', officialAccount: false };
  for (const label of labels) {
    if (!inSplit(label.split)) continue;
    const task: Task | null =
      label.logo !== undefined ? 'logo' : label.names !== undefined ? 'text' : label.people !== undefined ? 'people' : label.location ? 'location' : null;
    if (!task || !only.includes(task)) continue;
    const bytes = new Uint8Array(readFileSync(join(DIR, label.file)));
    const stage: ImageStage = task === 'logo' ? 'logo' : task === 'text' ? 'ocr' : task === 'people' ? 'faces' : 'metadata';
    let logos: LogoInput[] = [];
    if (label.logos) {
      const key = label.logos.join('|');
      if (!logoCache.has(key)) logoCache.set(key, readLogos(label.logos.map((f) => join(DIR, f))));
      logos = logoCache.get(key) as LogoInput[];
    }
    const t0 = performance.now();
    const report = await analyseImage(bytes, label.file.endsWith('.png') ? 'image/png' : 'image/jpeg', { ...base, logos }, { stages: [stage], engines });
    const ms = performance.now() - t0;
    const rules = new Set(report.findings.map((f) => f.rule));
    const what = `${label.file} (${label.desc})`;
    if (task === 'logo') score(`logo ${label.split}`, label.logo === true, rules.has('logo'), ms, what);
    else if (task === 'location') score(`photo-location ${label.split}`, label.location === 'in', rules.has('photo-location'), ms, what);
    else if (task === 'people') score(`photo-people ${label.split}`, label.people === true, rules.has('photo-people'), ms, what);
    else {
      const text = report.findings.filter((f) => f.rule === 'image-text').flatMap((f) => f.textFindings ?? []);
      const names = text.some((f) => f.rule === 'pupil-name');
      const schoolName = text.some((f) => f.rule === 'school-identity');
      if (label.schoolName) score(`image-text: school name ${label.split}`, true, schoolName, ms, what);
      else score(`image-text: pupil names ${label.split}`, (label.names ?? []).length > 0, names, ms, what);
    }
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  await engines.close();
  if (only.includes('logo')) crossLogos(labels);

  const rows: string[] = [];
  rows.push('| Check and split | Found (positives) | False alarms (negatives) | Median time per image |');
  rows.push('|---|---|---|---|');
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${a}/${b} = ${((100 * a) / b).toFixed(1)} %`);
  for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...t.ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    rows.push(`| ${key} | ${pct(t.hit, t.pos)} | ${pct(t.fa, t.neg)} | ${median.toFixed(0)} ms |`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
  if (showMisses) for (const [key, t] of tallies) for (const m of t.misses) process.stdout.write(`${key}: ${m}\n`);
  if (args.includes('--write')) {
    // Keep the rows (and their misses) of checks and splits not run this time.
    const mdPath = join(ROOT, 'bench/image-eval.md');
    const old = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
    const keyOf = (row: string) => row.split('|')[1]?.trim() ?? '';
    const oldRows = old.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Check') && !tallies.has(keyOf(l)));
    const oldMisses = old.split('\n').filter((l) => {
      const m = /^- (.*?): (miss|FALSE ALARM) /.exec(l);
      return m !== null && !tallies.has(m[1] as string);
    });
    const head = rows.slice(0, 2);
    const body = [...rows.slice(2), ...oldRows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    rows.splice(0, rows.length, ...head, ...body);
    const misses = [...tallies].flatMap(([key, t]) => t.misses.map((m) => `- ${key}: ${m}`)).concat(oldMisses);
    const md = `# Image checks: evaluation on the labelled set

Generated by \`npx tsx scripts/make-image-fixtures.ts && npx tsx scripts/image-eval.ts --write\`
(${new Date().toISOString().slice(0, 10)}, Node ${process.version}, this machine: 2 shared cores).
The set is synthetic (scripts/make-image-fixtures.ts, labels in test/fixtures/images/labels.json):
see the notes below for what that does and does not show.

${rows.join('\n')}

## Misses and false alarms

${misses.length ? misses.join('\n') : '(none)'}
${NOTES}`;
    writeFileSync(mdPath, md);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
