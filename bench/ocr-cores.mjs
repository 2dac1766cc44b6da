#!/usr/bin/env node
/**
 * Which tesseract.js-core build to ship (the build carries one; see wxt.config.ts).
 *
 * 1. What tesseract.js 7's worker would pick when given a directory as corePath: it asks
 *    wasm-feature-detect for relaxed SIMD, then SIMD (node_modules/tesseract.js/src/worker-script/
 *    browser/getCore.js). Probed in Debian Chromium and Firefox ESR.
 * 2. OCR time per LSTM-only core in Chromium, and with the SIMD core (the one we ship) in Firefox
 *    ESR: the same worker, model and image, each core loaded by an explicit corePath from a server
 *    on 127.0.0.1 (nothing leaves the machine).
 *
 *   node bench/ocr-cores.mjs [image]   → prints Markdown and writes bench/ocr-cores.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';

const IMAGE = process.argv[2] ?? '../shared/data/generated/poster.png';
const CORES = ['relaxedsimd-lstm', 'simd-lstm', 'lstm'];
// The build we ship (src/offscreen/tess-core.ts), without its prefix and suffix.
const TESS_CORE_VARIANT = /tesseract-core-(.+)\.wasm\.js/.exec(readFileSync('src/offscreen/tess-core.ts', 'utf8'))[1];
const ROUNDS = 3;
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const detect = readFileSync('node_modules/wasm-feature-detect/dist/umd/index.js', 'utf8');
const probe = `(async () => { ${detect}; const w = globalThis.wasmFeatureDetect; return { simd: await w.simd(), relaxedSimd: await w.relaxedSimd() }; })()`;
const pick = (f) => (f.relaxedSimd ? 'relaxedsimd-lstm' : f.simd ? 'simd-lstm' : 'lstm');

const files = {
  '/': null,
  '/tesseract.min.js': 'node_modules/tesseract.js/dist/tesseract.min.js',
  '/worker.min.js': 'node_modules/tesseract.js/dist/worker.min.js',
  '/eng.traineddata.gz': 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  '/img': IMAGE,
  ...Object.fromEntries(CORES.map((v) => [`/tesseract-core-${v}.wasm.js`, `node_modules/tesseract.js-core/tesseract-core-${v}.wasm.js`])),
};
const server = createServer((req, res) => {
  const u = new URL(req.url, 'http://x').pathname;
  if (!(u in files)) return res.writeHead(404).end();
  if (u === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<script src="/tesseract.min.js"></script>');
  res.writeHead(200, { 'content-type': u.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(readFileSync(files[u]));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}/`;

/** Loads the worker with one core, then recognises the image `runs` times (the first is dropped). */
const measure = async (evaluate, v) =>
  evaluate(`(async () => {
    const t0 = performance.now();
    const w = await Tesseract.createWorker('eng', 1, { workerPath: '/worker.min.js', corePath: '/tesseract-core-${v}.wasm.js', langPath: '/', workerBlobURL: false, cacheMethod: 'none', gzip: true });
    const load = performance.now() - t0;
    const img = await (await fetch('/img')).blob();
    const ocr = [];
    let text = '';
    for (let i = 0; i < ${RUNS}; i++) {
      const s = performance.now();
      text = (await w.recognize(img)).data.text;
      ocr.push(performance.now() - s);
    }
    await w.terminate();
    return { load, ocr: ocr.slice(1), text: text.replace(/\\s+/g, ' ').trim() };
  })()`);

const runs = []; // [browser, core, { load, ocr, text }]
const features = {};
const chrome = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const ff = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi' });
try {
  const cname = `Chromium ${chrome.version()}`;
  const fname = (await ff.version()).replace('firefox/', 'Firefox ') + ' (ESR)';
  const cp = await chrome.newPage();
  await cp.goto(origin);
  const fp = (await ff.pages())[0];
  await fp.goto(origin);
  features[cname] = await cp.evaluate(probe);
  features[fname] = await fp.evaluate(probe);
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of CORES) runs.push([cname, v, await measure((x) => cp.evaluate(x), v)]);
    runs.push([fname, TESS_CORE_VARIANT, await measure((x) => fp.evaluate(x), TESS_CORE_VARIANT)]);
  }
} finally {
  await ff.close();
  await chrome.close();
  server.close();
}
const rows = new Map();
for (const [b, v, r] of runs) {
  const row = rows.get(`${b}|${v}`) ?? { b, v, load: [], ocr: [], text: new Set() };
  row.load.push(r.load);
  row.ocr.push(...r.ocr);
  row.text.add(r.text);
  rows.set(`${b}|${v}`, row);
}

const ratio = (a, b) => {
  const ms = (v) => median([...rows.values()].find((r) => r.b.startsWith('Chromium') && r.v === v).ocr);
  return (ms(a) / ms(b)).toFixed(2);
};
const lines = [
  '# tesseract.js-core: which build to ship',
  '',
  `\`node bench/ocr-cores.mjs\` (${new Date().toISOString().slice(0, 10)}; 2 shared CPU cores, so single figures are noisy).`,
  '',
  '## What tesseract.js 7 would pick from a directory (wasm-feature-detect)',
  '',
  '| browser | SIMD | relaxed SIMD | core it would load |',
  '|---|---|---|---|',
  ...Object.entries(features).map(([b, f]) => `| ${b} | ${f.simd} | ${f.relaxedSimd} | tesseract-core-${pick(f)}.wasm.js |`),
  '',
  `## OCR per core (${IMAGE.split('/').pop()}; ${ROUNDS} rounds × ${RUNS - 1} warm recognitions; shipped: ${TESS_CORE_VARIANT})`,
  '',
  '| browser | core | worker + model load, median (ms) | warm OCR, median (ms) | text read |',
  '|---|---|---:|---:|---|',
  ...[...rows.values()].map((r) => `| ${r.b} | ${r.v} | ${median(r.load).toFixed(0)} | ${median(r.ocr).toFixed(0)} | ${[...r.text].join(' / ')} |`),
  '',
  `Warm OCR in Chromium, SIMD build ÷ relaxed-SIMD build: ${ratio('simd-lstm', 'relaxedsimd-lstm')}; plain build ÷ SIMD build: ${ratio('lstm', 'simd-lstm')}.`,
  '',
];
console.log(lines.join('\n'));
if (!process.argv[2]) writeFileSync(new URL('./ocr-cores.md', import.meta.url), lines.join('\n'));
