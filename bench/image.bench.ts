/**
 * Time per image check on a 12-megapixel JPEG (4000×3000, EXIF GPS, the crest on it, four people),
 * and memory with the models loaded, in Node with the CLI's engines:
 *
 *   npx tsx bench/image.bench.ts [--write]     # --write records bench/image-results.md
 *
 * The photo is built here (face-api's demo photo enlarged, the shared sample crest pasted at 400 px,
 * JPEG q90, GPS added with piexifjs), so nothing large is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode, Image } from 'image-js';
import { compileRuleSet } from '../src/engine/compile';
import { load } from '../src/cli/load';
import { analyseImage } from '../src/image/analyse';
import { readLocation } from '../src/image/metadata';
import { createNodeEngines, decodeNode } from '../src/image/node-engines';
import type { ImageCheckContext, ImageStage, LogoInput } from '../src/image/types';
import { withGps } from '../test/fixtures/images/make';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIX = join(ROOT, 'test/fixtures/images');
const RUNS = 5;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

function build12mp(): Uint8Array {
  const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo/sample4.jpg');
  const photo = decode(new Uint8Array(readFileSync(demo))).resize({ width: 4000, height: 3000 });
  const crest = decode(new Uint8Array(readFileSync(join(FIX, 'source/logo.png'))))
    .convertBitDepth(8)
    .resize({ width: 400, height: 400 });
  // Paste the crest (alpha-blended) low on the right, where a jumper would be.
  const ox = 3300;
  const oy = 2400;
  for (let y = 0; y < crest.height; y++) {
    for (let x = 0; x < crest.width; x++) {
      const a = crest.getValue(x, y, 3) / 255;
      for (let c = 0; c < 3; c++) {
        const v = crest.getValue(x, y, c) * a + photo.getValue(ox + x, oy + y, c) * (1 - a);
        photo.setValue(ox + x, oy + y, c, Math.round(v));
      }
    }
  }
  const jpeg = encode(photo as Image, { format: 'jpg', encoderOptions: { quality: 90 } });
  return withGps(jpeg, 52.4862, -1.8904);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const bytes = build12mp();
  const { pack, people } = load({ pack: join(FIX, 'pack.json'), people: join(FIX, 'class-list.csv') });
  const compiled = compileRuleSet(pack, people);
  const logoPng = new Uint8Array(readFileSync(join(FIX, 'source/logo.png')));
  const li = decodeNode(logoPng);
  const logos: LogoInput[] = [{ name: 'crest', width: li.width, height: li.height, png: logoPng }];
  const ctx: ImageCheckContext = { compiled, locations: pack.school.locations ?? [], logos, site: 'facebook', officialAccount: false };
  global.gc?.();
  const memStart = process.memoryUsage();
  const engines = createNodeEngines();
  const rows: string[] = [];
  const timeIt = async (label: string, run: () => Promise<unknown>, note = '') => {
    const first = performance.now();
    await run();
    const firstMs = performance.now() - first;
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      ms.push(performance.now() - t);
    }
    const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);
    rows.push(`| ${label} | ${f(firstMs)} ms | ${f(median(ms))} ms | ${f(Math.min(...ms))}–${f(Math.max(...ms))} ms | ${note} |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  };
  const findingsOf = async (stage: ImageStage) => (await analyseImage(bytes, 'image/jpeg', ctx, { stages: [stage], engines })).findings.map((f) => f.detail).join(' / ');

  await timeIt('EXIF / GPS (exifr, no decoding)', () => readLocation(bytes), (await findingsOf('metadata')) || 'no finding');
  await timeIt('Decode 12 MP JPEG to RGBA (image-js, Node)', () => engines.decode(bytes, 'image/jpeg'));
  // The stage timings below come from analyseImage's own `timings` (decode not included).
  const stageRun = (stage: ImageStage) => async () => {
    const r = await analyseImage(bytes, 'image/jpeg', ctx, { stages: [stage], engines });
    return r.timings[stage];
  };
  const stageRows = async (stage: ImageStage, label: string) => {
    const times: number[] = [];
    let first = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = (await stageRun(stage)()) ?? 0;
      if (i === 0) first = t;
      else times.push(t);
    }
    rows.push(`| ${label} | ${first.toFixed(0)} ms | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms | ${(await findingsOf(stage)) || 'no finding'} |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  };
  await stageRows('logo', 'Logo (features at 1280 px, RANSAC, photometric and structure checks)');
  const memLogo = process.memoryUsage();
  await stageRows('ocr', 'OCR (tesseract.js, eng best_int, image at 2400 px)');
  const memOcr = process.memoryUsage();
  await stageRows('faces', 'Faces (face-api tiny detector, tfjs WASM, 1280 px)');
  const memFaces = process.memoryUsage();
  await engines.close();

  const table = [
    '| Check | First run (includes loading the model) | Median of 5 after | Range | Finding on this photo |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const mem = [
    '| Point | RSS | JS heap used | External + array buffers |',
    '|---|---|---|---|',
    ...[
      ['Before any engine', memStart],
      ['After the logo check', memLogo],
      ['+ OCR model loaded (tesseract worker, eng)', memOcr],
      ['+ face detector loaded (tfjs WASM)', memFaces],
    ].map(([k, m]) => {
      const u = m as NodeJS.MemoryUsage;
      return `| ${k as string} | ${mb(u.rss)} | ${mb(u.heapUsed)} | ${mb(u.external + u.arrayBuffers)} |`;
    }),
  ].join('\n');
  process.stdout.write(`${table}\n\n${mem}\n`);
  if (process.argv.includes('--write')) {
    writeFileSync(
      join(ROOT, 'bench/image-results.md'),
      `# Image checks: time per check on a 12-megapixel JPEG, and memory

Generated by \`npx tsx bench/image.bench.ts --write\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other jobs, so treat the figures as upper bounds.
The photo: 4000×3000 JPEG q90 (${(bytes.length / 1024 / 1024).toFixed(1)} MB), EXIF GPS at the school's Main site,
the sample crest pasted at 400 px, four people (face-api's demo photo, enlarged).

${table}

Each stage shrinks the photo first (logo 1280 px, OCR 2400 px, faces 1280 px): the figures include
that. Decoding is timed separately: in the extension the offscreen document decodes with
createImageBitmap (native), so the image-js figure is the Node CLI's cost only.

## Memory (Node process, the CLI's engines)

${mem}

This is the Node process running the same checks, not the browser extension: the extension's
offscreen-document memory is measured on the browser side (the imgpipe work).
`,
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
