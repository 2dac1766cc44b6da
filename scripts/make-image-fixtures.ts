/**
 * Generates the labelled image set for the image checks (scripts/image-eval.ts reads it):
 *
 *   npx tsx scripts/make-image-fixtures.ts
 *
 * writes test/fixtures/images/generated/ (git-ignored: ~25 MB of JPEGs, rebuilt in about a minute)
 * and test/fixtures/images/labels.json (committed: what each file holds and which split it is in).
 * The class list (class-list.csv) and the pack (pack.json) beside it are committed by hand.
 *
 * Drawing happens in headless Chromium (/usr/bin/chromium, canvas only, no network): synthetic
 * school crests, the shared sample crest, photos (the face-api package's demo photos and synthetic
 * street scenes) with a crest printed, embroidered on a jumper or on a sign, whole-logo variants,
 * certificates / pieces of work / signs with names. Deterministic: every case has its own seed.
 *
 * Splits: "tune" (logos L0–L3, demo photos 1–3, scene seeds < 5000) was used to set the matcher's
 * thresholds; "held-out" (logos L4–L6, demo photos 4–6, other seeds, other names) was only scored.
 * "fresh" (logo cases only: logos L10–L13, each with a deliberate near-twin T10–T13 — another
 * school's crest with the same shape, motif, emblem and font but other colours and initials — plus
 * unrelated crests L14–L16; backgrounds: demo photos 4–6, face-api's and tesseract.js's own
 * screenshots/images, the GPS test photo, new synthetic scene seeds) was added after the matcher's
 * first round and scored once (session 4); it has been used for tuning since. "fresh2" is built the
 * same way (logos L40–L45, near-twins T40–T45, unrelated crests L46–L48, other seeds) and was added
 * before that tuning, to be scored once when the method is final (see bench/image-eval.md).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { withGps, north } from '../test/fixtures/images/make';
import { rng } from '../bench/rng';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'test/fixtures/images');
const GEN = join(DIR, 'generated');
const FACE_DEMO = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

export type Split = 'tune' | 'held-out' | 'fresh' | 'fresh2';
export interface Label {
  file: string;
  split: Split;
  /** What the case is, in words. */
  desc: string;
  /** Logo files (relative to test/fixtures/images) the school has, for this case. */
  logos?: string[];
  /** Expected: the school's logo is in the image. */
  logo?: boolean;
  /** Pupils' names a person can read in the image (from class-list.csv). */
  names?: string[];
  /** Expected: the school's name can be read. */
  schoolName?: boolean;
  /** Expected: people in the photo (true) or none (false). */
  people?: boolean;
  /** Expected photo-location: GPS inside a school circle, outside, or no GPS. */
  location?: 'in' | 'out' | 'none';
}


const dataUrl = (bytes: Uint8Array, mime: string) => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
/** Images from npm packages used as photo backgrounds in the "fresh" split only. */
const PKG_IMAGES = [
  '@vladmandic/face-api/demo/screenshot-images.png',
  '@vladmandic/face-api/demo/screenshot-webcam.png',
  '@vladmandic/face-api/demo/facemesh.png',
  'tesseract.js/docs/images/tesseract.png',
];
const fromDataUrl = (u: string) => new Uint8Array(Buffer.from(u.slice(u.indexOf(',') + 1), 'base64'));

/** Pupils on class-list.csv whose names appear in the OCR cases, per split. */
function classList(): { name: string; consent: boolean }[] {
  const rows = readFileSync(join(DIR, 'class-list.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return rows.map((r) => {
    const [fore, , sur, , consent] = r.split(',');
    return { name: `${fore} ${sur}`, consent: consent !== 'No' };
  });
}

const NOT_ON_LIST = ['Tom Jenkins', 'Priya Shah', 'Oscar Wright', 'Nina Petrova', 'Leo Martin', 'Ada Brooks', 'Sam Okafor', 'Ruth Hale'];
const REASONS = ['for excellent reading', 'for kindness to others', 'for a super science project', 'for 100% attendance', 'for brilliant handwriting', 'Star of the Week'];
const FONTS = ['DejaVu Serif', 'DejaVu Sans', 'Liberation Serif', 'Liberation Sans', 'DejaVu Sans Condensed', 'Liberation Sans Narrow'];
const SCHOOL = 'Holbrook Primary School';

const photoUrl = (p: string) => dataUrl(readFileSync(p), p.endsWith('.png') ? 'image/png' : 'image/jpeg');

/**
 * A logo placed in a scene (printed, on a fabric patch or on a sign, by `k`): size, place, rotation,
 * shear, opacity, tint, blur, noise and JPEG quality drawn from `r` (in a fixed order: the committed
 * labels depend on it), over one of `photos` or a synthetic scene. Returns the spec and its words.
 */
function placedScene(r: () => number, logoSrc: string, k: number, seed: number, photos: readonly string[]) {
  const w = r() < 0.5 ? 1600 : 1200;
  const h = Math.round(w * 0.75);
  const size = w * (0.07 + r() * 0.28);
  const mode = (['print', 'fabric', 'sign'] as const)[k % 3];
  const usePhoto = r() < 0.6;
  const bg = usePhoto ? photoUrl(photos[Math.floor(r() * photos.length)] as string) : null;
  const spec = {
    w,
    h,
    seed,
    bg,
    logo: {
      src: logoSrc,
      cx: w * (0.2 + r() * 0.6),
      cy: h * (0.25 + r() * 0.5),
      size,
      angle: (r() - 0.5) * 0.8,
      skew: (r() - 0.5) * 0.3,
      alpha: mode === 'fabric' ? 0.6 + r() * 0.3 : 0.85 + r() * 0.15,
      mode,
      tint: `hsl(${Math.floor(r() * 360)},40%,${20 + Math.floor(r() * 40)}%)`,
      filter: mode === 'fabric' ? 'saturate(0.7)' : '',
    },
    blur: r() * 1.2,
    noise: r() * 12,
    quality: 0.6 + r() * 0.3,
  };
  return { spec, d: `${mode}, ${Math.round((size / w) * 100)} % of the width, ${usePhoto ? 'photo' : 'synthetic scene'}` };
}

async function main(): Promise<void> {
  rmSync(GEN, { recursive: true, force: true });
  mkdirSync(join(GEN, 'logos'), { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><title>fixtures</title>');
  await page.addScriptTag({ content: readFileSync(join(ROOT, 'scripts/image-fixtures/draw.js'), 'utf8') });
  await page.evaluate(() => document.fonts.ready);

  type Api = { drawLogo(seed: number, twin?: number): string; scene(s: unknown): Promise<string>; whole(s: unknown): Promise<string>; paper(s: unknown): Promise<string> };
  const call = (fn: keyof Api, arg: unknown) =>
    page.evaluate(([f, a]) => (window as unknown as { fixtures: Api }).fixtures[f as keyof Api](...((Array.isArray(a) ? a : [a]) as [never, never])), [fn, arg] as const) as Promise<string>;

  // Logos: L0 is the shared sample crest; L1–L9 synthetic. `logos[at]` = generated/logos/<name>.png,
  // drawn from seed `seed` (or as the near-twin of crest `seed`).
  const logos: string[] = ['source/logo.png'];
  const drawTo = async (name: string, at: number, seed: number, twin = false) => {
    const file = `generated/logos/${name}.png`;
    writeFileSync(join(DIR, file), fromDataUrl(await call('drawLogo', twin ? [seed, seed] : seed)));
    logos[at] = file;
  };
  for (let i = 1; i <= 9; i++) await drawTo(`L${i}`, i, i);
  // Fresh split: L10–L16 (index = number), then the near-twins T10–T13 at indexes 20–23.
  for (let i = 10; i <= 16; i++) await drawTo(`L${i}`, i, i);
  // Near-twins of the tune split's synthetic crests (T1–T3 at indexes 31–33): tuning negatives.
  for (let i = 1; i <= 3; i++) await drawTo(`T${i}`, i + 30, i, true);
  for (let i = 10; i <= 13; i++) await drawTo(`T${i}`, i + 10, i, true);
  // Second fresh split: L40–L48 (index = number), near-twins T40–T45 at indexes 60–65.
  for (let i = 40; i <= 48; i++) await drawTo(`L${i}`, i, i);
  for (let i = 40; i <= 45; i++) await drawTo(`T${i}`, i + 20, i, true);
  const logoUrl = logos.map((f) => (f ? dataUrl(readFileSync(join(DIR, f)), 'image/png') : ''));
  const logoName = (i: number) => (i >= 60 ? `T${i - 20}` : i >= 40 ? `L${i}` : i >= 30 ? `T${i - 30}` : i >= 20 ? `T${i - 10}` : `L${i}`);
  const school: Record<'tune' | 'held-out', number[]> = { tune: [0, 1, 2, 3], 'held-out': [4, 5, 6] };
  const distractors = [7, 8, 9];
  const photos: Record<'tune' | 'held-out' | 'fresh', string[]> = {
    fresh: [],
    tune: [1, 2, 3].map((i) => join(FACE_DEMO, `sample${i}.jpg`)).concat(join(DIR, 'source/busy-without-logo.jpg')),
    'held-out': [4, 5, 6].map((i) => join(FACE_DEMO, `sample${i}.jpg`)),
  };
  photos.fresh = [4, 5, 6]
    .map((i) => join(FACE_DEMO, `sample${i}.jpg`))
    .concat(PKG_IMAGES.map((p) => require.resolve(p)), join(DIR, 'source/photo.jpg'));

  const labels: Label[] = [];
  const write = (name: string, bytes: Uint8Array, label: Omit<Label, 'file'>) => {
    const file = `generated/${name}`;
    writeFileSync(join(DIR, file), bytes);
    labels.push({ file, ...label });
  };

  for (const split of ['tune', 'held-out'] as const) {
    const base = split === 'tune' ? 1 : 5001;
    for (const li of school[split]) {
      const r = rng(base * 31 + li);
      const logoFiles = [logos[li] as string];
      // Whole-logo variants.
      const wholes = [
        { scale: 0.5, crop: [0, 0, 0, 0], filter: '', bg: '#fff', type: 'image/jpeg', quality: 0.4, d: 'half size, JPEG q40' },
        { scale: 1.6, crop: [0, 0, 0, 0], filter: '', bg: null, type: 'image/png', quality: 1, d: 'enlarged 160 %' },
        { scale: 1, crop: [0.06, 0.04, 0.05, 0.08], filter: '', bg: '#fff', type: 'image/jpeg', quality: 0.7, d: 'cropped 4–8 %' },
        { scale: 0.8, crop: [0, 0, 0, 0], filter: 'hue-rotate(140deg)', bg: '#fff', type: 'image/jpeg', quality: 0.8, d: 'recoloured (hue +140°)' },
        { scale: 0.7, crop: [0, 0, 0, 0], filter: 'grayscale(1) contrast(1.3)', bg: '#fff', type: 'image/png', quality: 1, d: 'greyscale' },
        { scale: 0.4, crop: [0.02, 0.02, 0.02, 0.02], filter: '', bg: '#1a2a6c', type: 'image/jpeg', quality: 0.6, d: 'small, on navy' },
      ];
      for (const [k, w] of wholes.entries()) {
        const bytes = fromDataUrl(await call('whole', { ...w, src: logoUrl[li] }));
        write(`logo-${split}-L${li}-whole${k}.${w.type === 'image/png' ? 'png' : 'jpg'}`, bytes, {
          split,
          desc: `L${li} ${w.d}`,
          logos: logoFiles,
          logo: true,
        });
      }
      // The logo inside a photo.
      for (let k = 0; k < 14; k++) {
        const { spec, d } = placedScene(r, logoUrl[li] as string, k, base + li * 100 + k, photos[split]);
        write(`logo-${split}-L${li}-scene${k}.jpg`, fromDataUrl(await call('scene', spec)), { split, desc: `L${li} ${d}`, logos: logoFiles, logo: true });
      }
      // Negatives for this school: photos and scenes without it, other schools' crests, other crests whole.
      for (let k = 0; k < 14; k++) {
        const w = r() < 0.5 ? 1600 : 1200;
        const h = Math.round(w * 0.75);
        const usePhoto = k < 5;
        const bg = usePhoto ? photoUrl(photos[split][k % photos[split].length] as string) : null;
        const other = distractors[k % distractors.length] as number;
        if (k >= 12) {
          const bytes = fromDataUrl(await call('whole', { src: logoUrl[other], scale: 0.9, crop: [0, 0, 0, 0], filter: '', bg: '#fff', type: 'image/jpeg', quality: 0.8 }));
          write(`logo-${split}-L${li}-neg${k}.jpg`, bytes, { split, desc: `another school's crest L${other}, whole`, logos: logoFiles, logo: false });
          continue;
        }
        const withOther = k >= 8;
        const spec = {
          w,
          h,
          seed: base + 50_000 + li * 100 + k,
          bg,
          logo: withOther
            ? { src: logoUrl[other], cx: w / 2, cy: h / 2, size: w * (0.1 + r() * 0.25), angle: (r() - 0.5) * 0.5, skew: 0, alpha: 1, mode: 'print', tint: '#333', filter: '' }
            : null,
          blur: r(),
          noise: r() * 10,
          quality: 0.75,
        };
        write(`logo-${split}-L${li}-neg${k}.jpg`, fromDataUrl(await call('scene', spec)), {
          split,
          desc: withOther ? `another school's crest L${other} in a scene` : usePhoto ? 'photo without the crest' : 'synthetic scene without the crest',
          logos: logoFiles,
          logo: false,
        });
      }
    }

    // Names and the school's name in images.
    const pupils = classList();
    const half = split === 'tune' ? pupils.slice(0, pupils.length / 2) : pupils.slice(pupils.length / 2);
    const r = rng(base * 97);
    for (let k = 0; k < 30; k++) {
      const pupil = half[k % half.length] as { name: string };
      const kind = (['certificate', 'work', 'certificate'] as const)[k % 3];
      const photo = k % 2 === 1;
      const font = FONTS[Math.floor(r() * FONTS.length)] as string;
      const w = photo ? 1600 : 1400;
      const h = photo ? 1200 : 990;
      const nameSize = kind === 'work' ? 30 + Math.floor(r() * 14) : 44 + Math.floor(r() * 40);
      const lines =
        kind === 'certificate'
          ? [
              { text: 'Certificate of Achievement', size: 54, font: 'DejaVu Serif', bold: true },
              { text: 'This certificate is awarded to', size: 30, font },
              { text: pupil.name, size: nameSize, font, bold: r() < 0.5, italic: r() < 0.4, colour: `hsl(${Math.floor(r() * 360)},60%,25%)` },
              { text: REASONS[k % REASONS.length] as string, size: 30, font },
              { text: 'Signed: Mrs K. Adams, Class teacher', size: 24, font },
            ]
          : [
              { text: `Name: ${pupil.name}`, size: nameSize, font, italic: r() < 0.5 },
              { text: 'My holiday', size: 34, font, bold: true },
              { text: 'In the summer we went to the seaside and I built', size: 26, font },
              { text: 'a sandcastle with a moat and a flag on the top.', size: 26, font },
            ];
      const spec = {
        kind,
        lines,
        w,
        h,
        seed: base + 9000 + k,
        paper: `hsl(${40 + Math.floor(r() * 30)},${Math.floor(r() * 40)}%,${92 + Math.floor(r() * 7)}%)`,
        angle: photo ? (r() - 0.5) * 0.2 : 0,
        bgPhoto: photo ? photoUrl(photos[split][k % photos[split].length] as string) : null,
        blur: photo ? r() * 1.2 : 0,
        noise: photo ? r() * 10 : 0,
        quality: photo ? 0.7 + r() * 0.2 : 0.9,
      };
      write(`text-${split}-name${k}.jpg`, fromDataUrl(await call('paper', spec)), {
        split,
        desc: `${kind} with a pupil's name (${nameSize}px ${font}${photo ? ', photographed' : ''})`,
        names: [pupil.name],
        schoolName: false,
      });
    }
    for (let k = 0; k < 8; k++) {
      const spec = {
        kind: 'sign',
        lines: [
          { text: 'Welcome to', size: 50, font: 'DejaVu Sans' },
          { text: k % 2 ? SCHOOL.toUpperCase() : SCHOOL, size: 60 + Math.floor(r() * 30), font: FONTS[k % FONTS.length] as string, bold: true, colour: '#12326b' },
          { text: 'Headteacher: Mrs J. Morgan', size: 32, font: 'DejaVu Sans' },
        ],
        w: 1600,
        h: 1000,
        seed: base + 9500 + k,
        paper: '#f2f2ee',
        angle: (r() - 0.5) * 0.15,
        bgPhoto: photoUrl(photos[split][k % photos[split].length] as string),
        blur: r() * 0.8,
        noise: r() * 8,
        quality: 0.8,
      };
      write(`text-${split}-sign${k}.jpg`, fromDataUrl(await call('paper', spec)), { split, desc: 'sign with the school name', names: [], schoolName: true });
    }
    for (let k = 0; k < 10; k++) {
      const blank = k % 2 === 0;
      const spec = {
        kind: 'certificate',
        lines: [
          { text: 'Certificate of Achievement', size: 54, font: 'DejaVu Serif', bold: true },
          { text: 'This certificate is awarded to', size: 30, font: 'DejaVu Sans' },
          { text: blank ? '______________________' : (NOT_ON_LIST[(k + (split === 'tune' ? 0 : 4)) % NOT_ON_LIST.length] as string), size: 60, font: FONTS[k % FONTS.length] as string },
          { text: REASONS[k % REASONS.length] as string, size: 30, font: 'DejaVu Sans' },
        ],
        w: 1400,
        h: 990,
        seed: base + 9800 + k,
        paper: '#fbf8ef',
        angle: 0,
        bgPhoto: null,
        quality: 0.9,
      };
      write(`text-${split}-neg${k}.jpg`, fromDataUrl(await call('paper', spec)), {
        split,
        desc: blank ? 'blank certificate' : 'certificate with a name not on the class list',
        names: [],
        schoolName: false,
      });
    }

    // People: the face-api demo photos (people) against crests, certificates and scenes (none).
    for (const p of photos[split]) {
      if (p.endsWith('busy-without-logo.jpg')) continue;
      const name = p.split('/').pop() as string;
      write(`people-${split}-${name}`, new Uint8Array(readFileSync(p)), { split, desc: 'photo of people (face-api demo)', people: true });
    }
    for (let k = 0; k < 12; k++) {
      const spec = { w: 1200, h: 900, seed: base + 7000 + k, bg: null, logo: null, blur: 0, noise: 5, quality: 0.8 };
      write(`people-${split}-none${k}.jpg`, fromDataUrl(await call('scene', spec)), { split, desc: 'synthetic scene, no people', people: false });
    }

    // Location: the same scene with GPS at school, just outside, far away, or none.
    const MAIN = { latitude: 52.4862, longitude: -1.8904 };
    for (let k = 0; k < 16; k++) {
      const spec = { w: 800, h: 600, seed: base + 8000 + k, bg: null, logo: null, blur: 0, noise: 0, quality: 0.8 };
      const jpeg = fromDataUrl(await call('scene', spec));
      const which = (['in', 'out', 'far', 'none'] as const)[k % 4];
      const offset = which === 'in' ? 10 + r() * 130 : 165 + r() * 300;
      const bytes =
        which === 'none' ? jpeg : which === 'far' ? withGps(jpeg, 51.5 + r(), -0.1 - r()) : withGps(jpeg, north(MAIN.latitude, offset * (r() < 0.5 ? -1 : 1)), MAIN.longitude);
      write(`gps-${split}-${k}.jpg`, bytes, {
        split,
        desc: which === 'none' ? 'no GPS' : which === 'far' ? 'GPS in another town' : `GPS ${Math.round(offset)} m from Main site (radius 150 m)`,
        location: which === 'in' ? 'in' : which === 'none' ? 'none' : 'out',
      });
    }
  }
  /** A logo-only split: each school logo whole and in 14 scenes, and 16 negatives (see the header). */
  async function logoOnlySplit(split: Split, base: number, schoolLogos: number[], twinOf: (li: number) => number, unrelated: number[]): Promise<void> {
    for (const li of schoolLogos) {
      const r = rng(base * 31 + li);
      const logoFiles = [logos[li] as string];
      const twin = twinOf(li);
      const wholes = [
        { scale: 0.5, crop: [0, 0, 0, 0], filter: '', bg: '#fff', type: 'image/jpeg', quality: 0.4, d: 'half size, JPEG q40' },
        { scale: 1.6, crop: [0, 0, 0, 0], filter: '', bg: null, type: 'image/png', quality: 1, d: 'enlarged 160 %' },
        { scale: 1, crop: [0.05, 0.07, 0.08, 0.04], filter: '', bg: '#fff', type: 'image/jpeg', quality: 0.7, d: 'cropped 4–8 %' },
        { scale: 0.8, crop: [0, 0, 0, 0], filter: 'hue-rotate(220deg)', bg: '#fff', type: 'image/jpeg', quality: 0.8, d: 'recoloured (hue +220°)' },
        { scale: 0.7, crop: [0, 0, 0, 0], filter: 'grayscale(1) contrast(1.3)', bg: '#fff', type: 'image/png', quality: 1, d: 'greyscale' },
        { scale: 0.4, crop: [0.02, 0.02, 0.02, 0.02], filter: '', bg: '#6c1a2a', type: 'image/jpeg', quality: 0.6, d: 'small, on maroon' },
      ];
      for (const [k, w] of wholes.entries()) {
        const bytes = fromDataUrl(await call('whole', { ...w, src: logoUrl[li] }));
        write(`logo-${split}-L${li}-whole${k}.${w.type === 'image/png' ? 'png' : 'jpg'}`, bytes, { split, desc: `L${li} ${w.d}`, logos: logoFiles, logo: true });
      }
      const placed = (src: number, k: number, seed: number) => placedScene(r, logoUrl[src] as string, k, seed, photos.fresh);
      for (let k = 0; k < 14; k++) {
        const { spec, d } = placed(li, k, base + li * 100 + k);
        write(`logo-${split}-L${li}-scene${k}.jpg`, fromDataUrl(await call('scene', spec)), { split, desc: `L${li} ${d}`, logos: logoFiles, logo: true });
      }
      // Negatives: 4 photos/scenes without it, 4 scenes with its near-twin, the twin whole (plain and
      // greyscale), 3 scenes with an unrelated crest, one unrelated crest whole, 2 more photos without.
      for (let k = 0; k < 16; k++) {
        const file = `logo-${split}-L${li}-neg${k}.jpg`;
        const neg = { split, logos: logoFiles, logo: false as const };
        if (k === 8 || k === 9 || k === 13) {
          const other = k === 13 ? (unrelated[li % unrelated.length] as number) : twin;
          const grey = k === 9;
          const bytes = fromDataUrl(
            await call('whole', { src: logoUrl[other], scale: 0.9, crop: [0, 0, 0, 0], filter: grey ? 'grayscale(1) contrast(1.3)' : '', bg: '#fff', type: 'image/jpeg', quality: 0.8 }),
          );
          const who = other === twin ? `the near-twin ${logoName(twin)}` : `an unrelated crest L${other}`;
          write(file, bytes, { ...neg, desc: `${who}, whole${grey ? ', greyscale' : ''}` });
          continue;
        }
        if ((k >= 4 && k <= 7) || (k >= 10 && k <= 12)) {
          const other = k <= 7 ? twin : (unrelated[(li + k) % unrelated.length] as number);
          const { spec, d } = placed(other, k, base + 50_000 + li * 100 + k);
          const who = other === twin ? `the near-twin ${logoName(twin)}` : `an unrelated crest L${other}`;
          write(file, fromDataUrl(await call('scene', spec)), { ...neg, desc: `${who}: ${d}` });
          continue;
        }
        const w = r() < 0.5 ? 1600 : 1200;
        const usePhoto = k % 2 === 0;
        const spec = {
          w,
          h: Math.round(w * 0.75),
          seed: base + 50_000 + li * 100 + k,
          bg: usePhoto ? photoUrl(photos.fresh[(li + k) % photos.fresh.length] as string) : null,
          logo: null,
          blur: r(),
          noise: r() * 10,
          quality: 0.75,
        };
        write(file, fromDataUrl(await call('scene', spec)), { ...neg, desc: usePhoto ? 'photo without the crest' : 'synthetic scene without the crest' });
      }
    }
  }

  // Tune split, added for tuning the check against near-twins (own seeds, after the rest of tune):
  // each synthetic tune crest's twin T1–T3 in 4 scenes and whole (plain and greyscale).
  for (const li of [1, 2, 3]) {
    const r = rng(7 * 31 + li);
    const twin = li + 30;
    for (let k = 0; k < 6; k++) {
      const file = `logo-tune-L${li}-twin${k}.jpg`;
      const neg = { split: 'tune' as const, logos: [logos[li] as string], logo: false as const };
      if (k >= 4) {
        const bytes = fromDataUrl(
          await call('whole', { src: logoUrl[twin], scale: 0.9, crop: [0, 0, 0, 0], filter: k === 5 ? 'grayscale(1) contrast(1.3)' : '', bg: '#fff', type: 'image/jpeg', quality: 0.8 }),
        );
        write(file, bytes, { ...neg, desc: `the near-twin ${logoName(twin)}, whole${k === 5 ? ', greyscale' : ''}` });
        continue;
      }
      const { spec, d } = placedScene(r, logoUrl[twin] as string, k, 3000 + li * 100 + k, photos.tune);
      write(file, fromDataUrl(await call('scene', spec)), { ...neg, desc: `the near-twin ${logoName(twin)}: ${d}` });
    }
  }

  // The fresh splits: logo cases only. Each school logo has a near-twin (T) made on purpose.
  // "fresh" (L10–L13) was scored once in session 4 and then used for tuning; "fresh2" (L40–L45,
  // added before that tuning) is scored once, with the final method.
  await logoOnlySplit('fresh', 20_001, [10, 11, 12, 13], (li) => li + 10, [14, 15, 16]);
  await logoOnlySplit('fresh2', 40_001, [40, 41, 42, 43, 44, 45], (li) => li + 20, [46, 47, 48]);
  await browser.close();
  writeFileSync(join(DIR, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  process.stdout.write(`wrote ${labels.length} labelled files to ${GEN}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
