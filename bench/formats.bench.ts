/**
 * Attach → verdict for the formats phones produce besides JPEG (issue 6), in Debian Chromium with
 * the built extension (run `npx wxt build && node test/fixtures/build-fixtures.mjs` first; needs
 * Debian's libheif-examples for heif-enc): the small HEIC/AVIF/WebM test files and a 12 MP photo
 * (4032 × 3024, noisy like a phone photo, with a line of text) as JPEG, HEIC (x265) and AVIF (aom).
 * Chosen in the X fixture's real file input until the chip or warning shows the result, all stages.
 * The first file is cold (offscreen document, OCR worker, face model, and for a HEIC libheif).
 *
 *   npx tsx bench/formats.bench.ts     → prints a Markdown table (copied into bench/images.md)
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EXT = path.resolve('.output/chrome-mv3');
const FIXTURE = path.resolve('test/fixtures/sites/dist/x.html');
const SOURCE = path.resolve('test/fixtures/images/source');
const ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function shadowText(cdp: CDPSession): Promise<string> {
  type N = { nodeType: number; nodeName: string; nodeValue?: string; children?: N[]; shadowRoots?: N[]; shadowRootType?: string };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: N };
  let out = '';
  const text = (n: N): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : n.nodeName === 'STYLE' ? '' : (n.children ?? []).map(text).join(' '));
  const walk = (n: N) => {
    for (const s of n.shadowRoots ?? []) {
      if (s.shadowRootType === 'closed') out += text(s);
      walk(s);
    }
    (n.children ?? []).forEach(walk);
  };
  walk(root);
  return out;
}

async function attachAndTime(page: Page, file: string): Promise<{ ms: number; text: string }> {
  await page.goto('https://x.com/home');
  await page.click('[data-testid="tweetTextarea_0"]');
  const cdp = await page.context().newCDPSession(page);
  const t0 = performance.now();
  await page.setInputFiles('[data-testid="fileInput"]', file);
  let t = '';
  for (;;) {
    t = await shadowText(cdp);
    if (/nothing found|check this photo|check this video|could not be checked|could not be looked at/.test(t)) break;
    if (performance.now() - t0 > 180_000) throw new Error(`no verdict for ${file}: ${t}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  await cdp.detach();
  return { ms, text: t };
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-fmtbench-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...ARGS],
    viewport: { width: 1100, height: 800 },
  });
  const html = await readFile(FIXTURE, 'utf8');
  await context.route('https://x.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const opt = await context.newPage();
  await opt.goto(`chrome-extension://${id}/options.html`);
  await opt.getByRole('button', { name: 'Load the demo school' }).click();
  await opt.getByText(/Loaded the demo school/).waitFor();
  await opt.close();

  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const b64 = await page.evaluate(async () => {
    const W = 4032;
    const H = 3024;
    const c = new OffscreenCanvas(W, H);
    const g = c.getContext('2d')!;
    const id = g.createImageData(W, H);
    let s = 1;
    for (let i = 0; i < W * H; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const n = (s >> 16) & 63;
      id.data[i * 4] = ((i % W) / W) * 200 + n;
      id.data[i * 4 + 1] = (Math.floor(i / W) / H) * 200 + n;
      id.data[i * 4 + 2] = 120 + n;
      id.data[i * 4 + 3] = 255;
    }
    g.putImageData(id, 0, 0);
    g.fillStyle = '#fff';
    g.fillRect(200, 1200, 3600, 700);
    g.fillStyle = '#000';
    g.font = '220px sans-serif';
    g.fillText('Sports day 2026', 260, 1650);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  });
  const jpeg = path.join(dir, '12mp.jpg');
  await writeFile(jpeg, Buffer.from(b64, 'base64'));
  const heic = path.join(dir, '12mp.heic');
  const avif = path.join(dir, '12mp.avif');
  execFileSync('heif-enc', ['-q', '60', '-o', heic, jpeg]);
  execFileSync('heif-enc', ['-A', '-q', '60', '-o', avif, jpeg]);

  const files = ['names-gps.heic', 'names-gps.avif', 'names.webm', 'names-location.webm'].map((f) => path.join(SOURCE, f)).concat([heic, avif, jpeg]);
  const cold = await attachAndTime(page, files[0]!);
  const warm: Record<string, number[]> = {};
  const said: Record<string, string> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const f of files) {
      const { ms, text } = await attachAndTime(page, f);
      (warm[f] ??= []).push(ms);
      said[f] = text;
    }
  }
  const rows: string[] = [];
  for (const f of files) {
    const size = ((await stat(f)).size / 1048576).toFixed(2);
    const name = f.startsWith(dir) ? `12 MP ${path.extname(f).slice(1).toUpperCase()}, 4032 × 3024` : path.basename(f);
    const result = /Name visible/.test(said[f]!) ? 'name found' : /check this|Photo taken/.test(said[f]!) ? 'warning' : /could not be looked at/.test(said[f]!) ? 'picture not looked at' : 'nothing found';
    rows.push(`| ${name} | ${size} | ${f === files[0] ? cold.ms.toFixed(0) : ''} | ${median(warm[f]!).toFixed(0)} | ${result} |`);
  }
  console.log(['| file | MB | first (cold) ms | warm, median of 3 ms | result |', '|---|---:|---:|---:|---|', ...rows].join('\n'));
  await context.close();
}

void main();
