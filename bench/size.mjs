#!/usr/bin/env node
/** Prints the size of the built extension's parts (raw and gzipped). Run after `npm run build`. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const rows = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|html|css|json)$/.test(f)) {
      const buf = readFileSync(p);
      rows.push([path.relative(dir, p), buf.length, gzipSync(buf, { level: 9 }).length]);
    }
  }
};
walk(dir);
rows.sort((a, b) => b[1] - a[1]);
const kb = (n) => (n / 1024).toFixed(1);
const table = [`| file | raw (KiB) | gzip -9 (KiB) |`, `|---|---:|---:|`, ...rows.map(([f, raw, gz]) => `| ${f} | ${kb(raw)} | ${kb(gz)} |`)];
console.log(table.join('\n'));
if (!process.argv[2]) {
  const md = `# Built sizes\n\n\`npm run build\`, then \`node bench/size.mjs\` (Chrome MV3 build, ${new Date().toISOString().slice(0, 10)}).\n\n${table.join('\n')}\n\nThe content script is what every social page loads; the background carries the engine and the SCOWL word list used to decide which names are ordinary words.\n`;
  writeFileSync(new URL('./size.md', import.meta.url), md);
}
