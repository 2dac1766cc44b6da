/**
 * Browser figures for the image checks (issue 6), in Debian Chromium with the built extension
 * (run `npx wxt build && node test/fixtures/build-fixtures.mjs` first):
 *
 * 1. Attach → verdict: a file chosen in the X fixture's real file input (DevTools sets it, so the
 *    browser fires a trusted change) until the chip or warning shows the result. The first one is
 *    cold (offscreen document created, OCR worker and face model loaded); then warm rounds.
 * 2. Memory: proportional set size (PSS, /proc/<pid>/smaps_rollup) of every Chromium process of the
 *    profile, before any image, with the models loaded, and after the offscreen document is closed;
 *    plus the offscreen document's JS heap (DevTools Runtime.getHeapUsage on its target).
 * 3. Built size: the files that exist only for the image checks, and the whole extension.
 *
 *   npx tsx bench/images.bench.ts      → prints Markdown and writes bench/images.md
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EXT = path.resolve('.output/chrome-mv3');
const FIXTURE = path.resolve('test/fixtures/sites/dist/x.html');
const DATA = path.resolve('../shared/data/generated');
const ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WARM_ROUNDS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kb: number) => (kb / 1024).toFixed(0);

/** PSS by process kind: browser, GPU, utility, extension renderer, page renderers. */
const byKind: Record<string, Record<string, number>> = {};
async function pssOf(dir: string, label?: string): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(dir)) continue;
      const roll = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(roll)?.[1] ?? 0);
      total += kb;
      if (label) {
        const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
        const kind = type === 'renderer' ? (cmd.includes('--extension-process') ? 'extension renderer(s)' : 'page renderer(s)') : type;
        (byKind[label] ??= {})[kind] = ((byKind[label] ??= {})[kind] ?? 0) + kb;
      }
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Text of the closed shadow roots (the chip and warnings), through DevTools. */
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

async function attachAndTime(page: Page, file: string): Promise<number> {
  await page.goto('https://x.com/home');
  await page.click('[data-testid="tweetTextarea_0"]');
  const cdp = await page.context().newCDPSession(page);
  const t0 = performance.now();
  await page.setInputFiles('[data-testid="fileInput"]', file);
  for (;;) {
    const t = await shadowText(cdp);
    if (/nothing found|check this photo|could not be checked/.test(t)) break;
    if (performance.now() - t0 > 120_000) throw new Error(`no verdict for ${file}: ${t}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  await cdp.detach();
  return ms;
}

async function offscreenHeap(page: Page, id: string): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const target = targetInfos.find((t) => t.url === `chrome-extension://${id}/offscreen.html`);
    if (!target) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<number>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (m.id === 1 && m.result) resolve(m.result.usedSize);
      }),
    );
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return await answer;
  } finally {
    await cdp.detach();
  }
}

async function sizes(): Promise<{ image: number; total: number; rows: [string, number][] }> {
  const rows: [string, number][] = [];
  const walk = async (d: string): Promise<void> => {
    for (const f of await readdir(d)) {
      const p = path.join(d, f);
      if ((await stat(p)).isDirectory()) await walk(p);
      else rows.push([path.relative(EXT, p), (await stat(p)).size]);
    }
  };
  await walk(EXT);
  const isImage = (f: string) => /^(tess|face)\//.test(f) || /^chunks\/(face-api\.esm|offscreen|src)-/.test(f) || f === 'offscreen.html';
  return {
    image: rows.filter(([f]) => isImage(f)).reduce((n, [, s]) => n + s, 0),
    total: rows.reduce((n, [, s]) => n + s, 0),
    rows: rows.filter(([f]) => isImage(f) || f === 'content-scripts/content.js' || f === 'background.js').sort((a, b) => b[1] - a[1]),
  };
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-imgbench-'));
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

  // The demo school, with a site near where photo.jpg was taken.
  const opt = await context.newPage();
  await opt.goto(`chrome-extension://${id}/options.html`);
  await opt.getByRole('button', { name: 'Load the demo school' }).click();
  await opt.getByText(/Loaded the demo school/).waitFor();
  await opt.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const s = (await c.runtime.sendMessage({ type: 'getStatus' })).status.school;
    const school = { name: s.name, aliases: s.aliases, handles: s.handles, hashtags: s.hashtags, emailDomains: s.emailDomains, locations: [{ name: 'Main site', latitude: 51.5012, longitude: -0.1405, radiusMetres: 300 }] };
    await c.runtime.sendMessage({ type: 'saveSchool', school });
  });
  await opt.close();

  const page = await context.newPage();
  await page.goto('https://x.com/home');

  // A 12-megapixel JPEG (4000 × 3000), drawn here: a busy scene with a line of text.
  const big = path.join(dir, 'twelve-mp.jpg');
  const b64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(4000, 3000);
    const g = c.getContext('2d')!;
    for (let i = 0; i < 400; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 50)}%)`;
      g.fillRect((i * 97) % 4000, (i * 53) % 3000, 300, 200);
    }
    g.fillStyle = '#fff';
    g.fillRect(800, 1300, 2400, 300);
    g.fillStyle = '#000';
    g.font = '160px sans-serif';
    g.fillText('Sports day 2026', 900, 1500);
    // Sensor-like noise, so the JPEG is the size of a phone photo rather than of flat colour.
    for (let y = 0; y < 3000; y += 500) {
      const block = g.getImageData(0, y, 4000, 500);
      for (let i = 0; i < block.data.length; i += 4) {
        const n = (Math.random() - 0.5) * 40;
        block.data[i] = block.data[i]! + n;
        block.data[i + 1] = block.data[i + 1]! + n;
        block.data[i + 2] = block.data[i + 2]! + n;
      }
      g.putImageData(block, 0, y);
    }
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  });
  await writeFile(big, Buffer.from(b64, 'base64'));
  await page.goto('https://x.com/home');
  await new Promise((r) => setTimeout(r, 3000));
  const pssBefore = await pssOf(dir, 'before');

  const files = [path.join(DATA, 'photo.jpg'), path.join(DATA, 'poster.png'), path.join(DATA, 'busy-with-logo.jpg'), big];
  const cold = await attachAndTime(page, files[0]!);
  const pssLoaded = await pssOf(dir, 'loaded');
  const heap = await offscreenHeap(page, id);
  const warm: Record<string, number[]> = {};
  for (let r = 0; r < WARM_ROUNDS; r++) {
    for (const f of files) (warm[path.basename(f)] ??= []).push(await attachAndTime(page, f));
  }
  const pssWarm = await pssOf(dir, 'after checks');
  const bigBytes = (await stat(big)).size;
  await sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    await c.offscreen.closeDocument();
  });
  await new Promise((r) => setTimeout(r, 3000));
  const pssClosed = await pssOf(dir, 'closed');
  await context.close();
  await rm(dir, { recursive: true, force: true });

  const sz = await sizes();
  const kib = (n: number) => (n / 1024).toFixed(1);
  const md = `# Image checks in the browser

\`npx wxt build && node test/fixtures/build-fixtures.mjs && npx tsx bench/images.bench.ts\` (Debian Chromium, headless,
no GPU: face detection on tfjs's WebGL backend where SwiftShader provides it, else CPU; a 2-core machine shared with other
jobs, so treat the times as upper bounds). ${new Date().toISOString().slice(0, 10)}.

## Attach → verdict (X fixture, real file input)

From choosing the file until the chip or warning shows the result (all stages: metadata, logo, OCR, faces).

| file | first (cold: offscreen document + models) ms | warm, median of ${WARM_ROUNDS} ms |
|---|---:|---:|
${files
  .map((f) => `| ${path.basename(f) === 'twelve-mp.jpg' ? `12 MP JPEG, 4000 × 3000 (${(bigBytes / 1048576).toFixed(1)} MB)` : path.basename(f)} | ${f === files[0] ? cold.toFixed(0) : ''} | ${median(warm[path.basename(f)]!).toFixed(0)} |`)
  .join('\n')}

## Memory (PSS of all of the profile's Chromium processes)

| state | MiB |
|---|---:|
| X fixture open, no image checked yet | ${mib(pssBefore)} |
| after the first check (offscreen document, OCR worker, face model loaded) | ${mib(pssLoaded)} |
| after ${WARM_ROUNDS * files.length} more checks (including the 12 MP photo) | ${mib(pssWarm)} |
| after the offscreen document is closed (the background does this after 60 s idle) | ${mib(pssClosed)} |

By process kind (MiB):

| state | ${Object.keys(byKind.before ?? {}).sort().join(' | ')} |
|---|${Object.keys(byKind.before ?? {}).map(() => '---:').join('|')}|
${Object.entries(byKind)
  .map(([label, kinds]) => `| ${label} | ${Object.keys(byKind.before ?? {}).sort().map((k) => mib(kinds[k] ?? 0)).join(' | ')} |`)
  .join('\n')}

The image models cost about **${mib(pssLoaded - pssBefore)} MiB** once loaded (${mib(pssWarm - pssBefore)} MiB after the 12 MP checks, which decode
48 MB of pixels); closing the document gives back ${mib(pssWarm - pssClosed)} MiB; the offscreen document's own JS heap was
${heap === null ? 'not measured' : `${(heap / 1048576).toFixed(1)} MiB`} (the OCR worker's WASM memory is in its own heap, counted in the PSS above).

## Built size (Chrome MV3)

Files that exist only for the image checks: **${(sz.image / 1048576).toFixed(2)} MiB** of **${(sz.total / 1048576).toFixed(2)} MiB** unpacked.

| file | KiB |
|---|---:|
${sz.rows.map(([f, s]) => `| ${f.replace(/-[A-Za-z0-9_-]{8}\.js$/, '-*.js')} | ${kib(s)} |`).join('\n')}

One tesseract core ships: the LSTM-only SIMD build, named as an explicit corePath (bench/ocr-cores.md: tesseract.js would
pick the relaxed-SIMD build in Chromium, the SIMD build in Firefox ESR; the SIMD build reads as fast in Chromium, and every
browser we support has SIMD).
`;
  console.log(md);
  // Keep the sections other scripts write: "Formats" (bench/formats.bench.ts) and the Firefox
  // section (bench/firefox-images.mjs).
  const old = await readFile(path.resolve('bench/images.md'), 'utf8').catch(() => '');
  const firefox = /<!-- firefox:start -->[\s\S]*<!-- firefox:end -->/.exec(old)?.[0];
  const withoutFirefox = firefox ? old.replace(firefox, '') : old;
  const at = withoutFirefox.indexOf('\n## Formats');
  const formats = at >= 0 ? withoutFirefox.slice(at).trim() : '';
  await writeFile(path.resolve('bench/images.md'), [md.trimEnd(), formats, firefox].filter(Boolean).join('\n\n') + '\n');
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
