#!/usr/bin/env node
/** Prints the size of the built extension's parts (raw and gzipped). Run after `npm run build`. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const rows = [];
let total = 0;
let image = 0;
// The files that exist only for the image checks (the offscreen document, its models and code).
const isImage = (f) => /^(tess|face)\//.test(f) || /^chunks\/(face-api\.esm|offscreen|src)-/.test(f) || f === 'offscreen.html';
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) {
      walk(p);
      continue;
    }
    const rel = path.relative(dir, p);
    const size = statSync(p).size;
    total += size;
    if (isImage(rel)) image += size;
    if (/\.(js|html|css|json)$/.test(f)) {
      const buf = readFileSync(p);
      rows.push([rel, buf.length, gzipSync(buf, { level: 9 }).length]);
    }
  }
};
walk(dir);
rows.sort((a, b) => b[1] - a[1]);
const kb = (n) => (n / 1024).toFixed(1);
const mb = (n) => (n / 1e6).toFixed(2);
const summary = `Whole build unpacked: **${mb(total)} MB**, of which ${mb(image)} MB exist only for the image checks (every file, models included; the table lists the code and JSON files).`;
const table = [`| file | raw (KiB) | gzip -9 (KiB) |`, `|---|---:|---:|`, ...rows.map(([f, raw, gz]) => `| ${f} | ${kb(raw)} | ${kb(gz)} |`)];
console.log(summary + '\n\n' + table.join('\n'));
if (!process.argv[2]) {
  const md = `# Built sizes\n\n\`npm run build\`, then \`node bench/size.mjs\` (Chrome MV3 build, ${new Date().toISOString().slice(0, 10)}).\n\n${summary}\n\n${table.join('\n')}\n\nThe content script is what every social page loads; the background carries the engine and the SCOWL word list used to decide which names are ordinary words. One tesseract core ships (the LSTM-only SIMD build, bench/ocr-cores.md); until 2026-11-23 three did, and the build was 18.42 MB.\n`;
  writeFileSync(new URL('./size.md', import.meta.url), md);
}
