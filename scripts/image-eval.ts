/**
 * Scores the image checks on the labelled set (scripts/make-image-fixtures.ts makes it):
 *
 *   npx tsx scripts/make-image-fixtures.ts     # once: test/fixtures/images/generated/
 *   npx tsx scripts/image-eval.ts [--only logo,text,people,location] [--split tune|held-out|fresh|fresh2] [--misses] [--write]
 *
 * Runs analyseImage exactly as the CLI does (Node engines, test/fixtures/images/pack.json and
 * class-list.csv) and prints, per rule and split, the detection rate on positives and the false
 * alarms on negatives. --write records the table in bench/image-eval.md (rows of checks and splits
 * not run this time are kept as they were).
 *
 * The "fresh" and "fresh2" splits are scored only when asked by name (--split=fresh2): each is kept
 * for one final score of a finished method. "fresh" had its score in session 4 and has been used for
 * tuning since; "fresh2" was made before that tuning and is scored once, at the end.
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
const inSplit = (s: Split) => (splitArg ? s === splitArg : s !== 'fresh' && s !== 'fresh2');

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
  for (const split of ['tune', 'held-out', 'fresh', 'fresh2'] as const) {
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

- **The set.** 774 labelled files, all synthetic or from npm packages, drawn by
  scripts/make-image-fixtures.ts in headless Chromium (canvas; deterministic seeds). Logos: the shared
  sample crest (L0) and synthetic crests from one template (shape × motif × emblem × initials):
  L1–L9, L10–L16, L40–L48, and near-twins T1–T3, T10–T13 and T40–T45 (a twin keeps its crest's
  shape, motif, emblem and font and changes its colours and both initials, as L7 relates to L4 by
  chance). Photos: @vladmandic/face-api's six demo photos, the shared busy scene, synthetic street
  scenes, and (fresh splits only) face-api's and tesseract.js's own screenshots/images and the GPS
  test photo. Each school logo appears whole (half size JPEG q40, 160 %, cropped 4–8 %, recoloured by
  a hue turn, greyscale, small on a dark ground) and in 14 scenes (printed, on a fabric patch at
  60–90 % opacity, on a sign; 7–35 % of the width; rotated ±23°, sheared ±0.15, blur ≤ 1.2 px, noise,
  JPEG q60–90). Negatives: photos and scenes without it, other crests in scenes and whole, and
  near-twins.
- **Splits.** "tune" = logos L0–L3, demo photos 1–3 + the busy scene, pupils 1–15 of the class list,
  and 18 near-twin negatives: T1–T3 in 4 scenes each and whole, plain and greyscale. "held-out" =
  logos L4–L6 (distractors L7–L9), demo photos 4–6, pupils 16–30, other seeds. "fresh" (logo only) =
  school logos L10–L13, each with 16 negatives: 4 photos/scenes without it, its near-twin T10–T13 in
  4 scenes (printed, fabric, sign, like the positives) and whole (plain and greyscale), unrelated
  crests L14–L16 in 3 scenes and whole; backgrounds as above, new seeds. "fresh2" = the same recipe
  (same builder) for six school logos L40–L45, near-twins T40–T45 and unrelated crests L46–L48, other
  seeds: 120 positives, 96 negatives. Thresholds in src/image/features.ts were set on "tune" and, in
  the last round, on "tune", "held-out" and "fresh" together (scripts/logo-debug.ts prints the scores
  per case); image-eval.ts scores the fresh splits only when named (--split=fresh2).
- **How often each split was scored.** "tune": many times (it is for tuning). "held-out": three
  times before the last round — 100 % found with 4/42, then 2/42, then 0/42 false alarms — and it
  was looked at in the last round (no longer unseen). "fresh": scored once in session 4 (79/80 =
  98.8 % found, **2/64 = 3.1 % false alarms**, 2/432 in the cross trials), then its false alarms
  were studied and the method changed (below): its present row (0/64) is a tuning figure, not a test.
  "fresh2": made and committed before that change (commit 2ca3af1), scored **once**, with the final
  method, reported as is: this is the figure to quote.
- **The method (src/image/features.ts).** Oriented FAST + steered BRIEF, multi-scale, RANSAC
  similarity → affine; where a logo repeats a part (two identical initials, the two pages of a book)
  a close match keeps both places and the geometry chooses; a logo saved opaque on white has that
  white ground masked. Then checks at the placement: grey levels on a 4×4 grid (median cell
  correlation ≥ 0.45), and edges on an 8×8 grid (each pixel's gradient as a doubled-angle vector, so
  recolouring, greyscale and the negative keep it; per cell the best cosine over shifts of ±3 px;
  the placement refined once by an affine fit to the cells' shifts). Two scores from those cells:
  the mean of the two lowest among the most detailed cells, where another school's initials differ
  (≥ 0.62; was 0.57), and — new in the last round — the lower quartile of all cells, so that most of
  the logo agrees, not only its emblem and letters (≥ 0.80). On tune, held-out and fresh together
  the school's own crests scored ≥ 0.67 and ≥ 0.89 on these; the four false alarms of "fresh"
  scored 0.57–0.60 on the first, and the crests of another design among them 0.68–0.74 on the second.
- **Result on "fresh2" (scored once): 118/120 = 98.3 % found, 0/96 = 0.0 % false alarms** (the
  target was ≥ 95 % and ≤ 1 %); against the other logos of the split 4/1080 = 0.4 %. With 96
  negatives, 0 false alarms is consistent with a true rate up to about 3 % (95 % upper bound), so
  this says "low", not "below 1 %". The four cross-trial false alarms are all L40 and L45 taken for
  each other: a roundel and a shield with the same stripes, the same open book, the same serif font
  and the same first initial ("FD", "FJ") — crests that differ in little but the outline (which a
  transparent logo's check leaves out) and one letter. The two misses are large prints (27 % and
  34 % of the width) over a photo that shows through the crest's flat areas: the keypoints agreed
  (17 and 22 matches) but the grey-level check failed (0.37 and 0.33 < 0.45).
- **Earlier rounds on "tune"** (same files): found 74/80 → 80/80; false alarms 5/74 → 0/74 (the
  near-twin T1 fired in 4 of 6 cases); cross trials 1/462 → 0/462.
- **What this does not show.** All synthetic crests come from one template with three emblems, so
  "unrelated" crests here share far more than real schools' crests usually do; equally, nothing here
  is a real photo of a jumper or a sign, of a crest on a fold or in poor light.
- **Time.** The structure check and the extra matches cost time: on 52 tune images, interleaved runs
  of the previous and the present matcher gave medians of 176–278 ms and 157–318 ms (means 192–286
  ms and 197–425 ms) at 1280 px; the machine was heavily loaded (load average 7–9 on 2 cores), so the
  table's medians vary by run. On the 12 MP bench photo (bench/image-results.md) the logo step took a
  median of 742 ms (531–1172 ms) against 575 ms (317–762 ms) before; the same runs' JPEG decoding,
  which did not change, also went 1647 → 1816 ms, so part of that is the load.
- **"Against the other logos of the split"**: every logo-task image checked against every school logo
  of its split that it does not contain (same matcher, scene features computed once).
- **Names**: 28/30 per split. Misses are photographed certificates (rotated, blurred, with noise).
  The school's name on signs: 6/8 (tune) and 4/8 (held-out): the large lettering runs off the white
  board onto the photo behind and OCR loses the first letters ("LBROOK PRIMARY ScHO").
- The image-text rows were re-run after the Node OCR engine switched to an 8-bit grey image (the
  32-bit one crashed tesseract.js on 12 MP photos): names unchanged (28/30 and 28/30), school name on
  signs held-out 6/8 → 4/8, tune unchanged, median time 6.6–7.2 s → 1.4–1.6 s per image. No false alarm on
  blank certificates or on names that are not on the class list. The image-text, people and location
  rows were not re-run in this round (the cases are unchanged).
- **People**: only six real photos of people (face-api's demo photos) are available here; all six are
  found, and no face is reported on the 24 synthetic scenes. This says little about children, groups
  at a distance, or faces in profile.
- **Location**: exact by construction (GPS written with piexifjs); the cases check the 150 m circle
  edge (in at 10–140 m, out at 165–465 m, another town, no GPS).
- **A "not our logo" list** (e.g. a trust's shared crest that must not count as the school's) was
  considered and not added: the structure check already tells crests of one design apart by their
  initials when they are large enough, and a list would need pack schema, options page, validation
  and translations. If schools in a trust report false alarms from the trust crest, the cheap form is
  a second list in the pack whose matches, when at least as strong, cancel a school-logo match.
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
