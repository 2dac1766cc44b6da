#!/usr/bin/env node
/** Prints the size of the built extension's parts (raw and gzipped). Run after `npm run build`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
console.log(`| file | raw (KiB) | gzip (KiB) |\n|---|---:|---:|`);
for (const [f, raw, gz] of rows) console.log(`| ${f} | ${kb(raw)} | ${kb(gz)} |`);
