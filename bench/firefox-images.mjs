/**
 * Firefox figures for the image checks (issue 6): the Firefox build in Debian's Firefox ESR,
 * headless, over WebDriver BiDi (test/firefox/launch.mjs), on the Facebook fixture with its real
 * file input. Run `npx wxt build -b firefox --mv3 && node test/fixtures/build-fixtures.mjs` first.
 *
 * 1. Attach → verdict: from choosing the file until the warning (read from its closed shadow root)
 *    shows the finding; every check runs all stages (metadata, logo, OCR, faces). The first one is
 *    cold (the background page loads /image-checker.js, the OCR worker, its WASM core and the
 *    English model, and the face model); then warm rounds. Firefox's default idle timeout (30 s).
 * 2. Memory: PSS (/proc/<pid>/smaps_rollup) of Firefox's processes by kind, the "extension"
 *    process being the one the background page (and the options page) live in, and the OCR
 *    worker with it: before any image, with the models loaded, and later when idle.
 *
 *   node bench/firefox-images.mjs   → prints Markdown and writes its section of bench/images.md
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { drawCertificatePng } from '../test/fixtures/images/canvas-media.mjs';
import { FIXTURE, installAndLoadDemo, launchFirefox, OUT, waitFor, warningText } from '../test/firefox/launch.mjs';

const WARM = 3;
const PEOPLE = path.resolve('node_modules/@vladmandic/face-api/demo/sample1.jpg');
const DATA = path.resolve('../shared/data/generated');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kb) => (kb / 1024).toFixed(0);

/** PSS in kB of every process under `root`, by kind. */
async function pss(root) {
  const parent = new Map();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parent.set(Number(pid), ppid);
  }
  const under = (pid) => {
    for (let p = pid; p; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const kinds = {};
  for (const pid of [root, ...[...parent.keys()].filter((p) => p !== root && under(p))]) {
    // Firefox names each child's main thread by its kind: "WebExtensions" (our background page,
    // its OCR worker, the options page), "Web Content" (the fixture page here), "RDD
    // Process", "Socket Process", "Utility Process"...
    const comm = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
    const roll = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const kb = Number(/^Pss:\s+(\d+) kB/m.exec(roll)?.[1] ?? 0);
    const kind = pid === root ? 'main (parent)' : comm.replace(/ Process$/, '') || 'other';
    kinds[kind] = (kinds[kind] ?? 0) + kb;
  }
  return kinds;
}

const t0 = Date.now();
const browser = await launchFirefox();
const root = browser.process().pid;
const version = await browser.version();
const rows = [];
const mem = [];
try {
  const { firstPage } = await installAndLoadDemo(browser, t0);
  const html = await readFile(FIXTURE, 'utf8');
  const page = firstPage ?? (await browser.newPage());
  await page.setRequestInterception(true);
  page.on('request', (req) =>
    req.url().startsWith('https://www.facebook.com/') ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : req.abort(),
  );
  await page.bringToFront();
  const check = async (file, expect) => {
    await page.goto('https://www.facebook.com/');
    await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
    await page.click('[role="dialog"] [data-lexical-editor="true"]');
    await page.keyboard.type('Hello', { delay: 5 });
    const started = Date.now();
    await (await page.$('[role="dialog"] input[type="file"]')).uploadFile(file);
    // A finding: its text in the warning; none (null): the site is given the checked file.
    const done = expect
      ? async () => (await warningText(page)).includes(expect)
      : () => page.evaluate((name) => window.__fixture.attachments.some((a) => a.name === name), path.basename(file));
    await waitFor(`the verdict on ${path.basename(file)}`, done, 120000);
    return Date.now() - started;
  };

  // A certificate with a pupil's name (as in test/firefox/images-smoke.mjs).
  const certificate = path.join(OUT, 'certificate.png');
  await page.goto('https://www.facebook.com/');
  const png = await page.evaluate(drawCertificatePng);
  await writeFile(certificate, Buffer.from(png, 'base64'));

  await new Promise((r) => setTimeout(r, 2000));
  mem.push(['Facebook fixture and options page open, no image checked yet', await pss(root)]);
  const cold = await check(certificate, 'Name visible in an image');
  mem.push(['after the first check (checker script, OCR worker, face model loaded)', await pss(root)]);
  const cases = [
    ['certificate.png, 900 × 300, a pupil\'s name (image-text)', certificate, 'Name visible in an image'],
    ['face-api demo sample1.jpg, 3 people (photo-people)', PEOPLE, 'People in a photo'],
    ['busy-without-logo.jpg, 800 × 600 scene, nothing found (given to the site)', path.join(DATA, 'busy-without-logo.jpg'), null],
  ];
  for (const [label, file, expect] of cases) {
    const warm = [];
    for (let i = 0; i < WARM; i++) warm.push(await check(file, expect));
    rows.push([label, file === certificate ? cold : '', median(warm), warm]);
  }
  mem.push([`after ${1 + WARM * cases.length} checks`, await pss(root)]);
  // The router frees the models after 60 s without an image (engines.dispose: the OCR worker is
  // terminated, the face weights disposed). Typing in the composer every 5 s sends text checks,
  // events that keep Firefox from suspending the event page, so this row shows dispose alone.
  await page.goto('https://www.facebook.com/');
  await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  for (let i = 0; i < 15; i++) {
    await page.keyboard.type(' x', { delay: 5 });
    await new Promise((r) => setTimeout(r, 5000));
  }
  mem.push(['75 s later, typing in a composer (page awake; the router freed the models at 60 s)', await pss(root)]);
  // Nothing open: Firefox suspends the event page after 30 s without an event.
  await page.goto('about:blank');
  await new Promise((r) => setTimeout(r, 45000));
  mem.push(['45 s later, no composer open (event page suspended)', await pss(root)]);
} finally {
  await browser.close();
}

const kinds = [...new Set(mem.flatMap(([, k]) => Object.keys(k)))].sort();
const md = `<!-- firefox:start -->
## Firefox ESR (background event page)

\`npx wxt build -b firefox --mv3 && node test/fixtures/build-fixtures.mjs && node bench/firefox-images.mjs\` (Debian
Firefox ESR ${version.replace(/^firefox\//i, "")}, headless, over WebDriver BiDi; no WebGL here, so face
detection runs on tfjs's CPU backend; the same shared 2-core machine). ${new Date().toISOString().slice(0, 10)}.

Firefox has no offscreen documents: the same checker and engines run in the background event page
(src/background/page-host.ts), loading /image-checker.js on the first attachment. Attach → verdict, all stages:

| file | first (cold: checker script + models) ms | warm, median of ${WARM} ms | warm rounds ms |
|---|---:|---:|---|
${rows.map(([l, c, m, w]) => `| ${l} | ${c} | ${m} | ${w.join(', ')} |`).join('\n')}

Memory, PSS (MiB) of the Firefox processes by kind (\`WebExtensions\` is the extension process: the background page,
its OCR worker and the options page; \`Web Content\` the fixture page):

| state | total | ${kinds.join(' | ')} |
|---|---:|${kinds.map(() => '---:').join('|')}|
${mem.map(([s, k]) => `| ${s} | ${mib(Object.values(k).reduce((a, b) => a + b, 0))} | ${kinds.map((x) => mib(k[x] ?? 0)).join(' | ')} |`).join('\n')}

Notes:
- The models cost the extension process about ${mib((mem[1][1].WebExtensions ?? 0) - (mem[0][1].WebExtensions ?? 0))} MiB (Chrome: +99 MiB in the extension renderer
  and +249 MiB in the GPU process, which runs tfjs's WebGL there; Firefox here has no WebGL, so the models are all in
  the extension process). The last two rows: the router's dispose alone (the event page kept awake by text checks),
  then Firefox suspending the idle event page (checked once with logging: the page was not restarted while typing,
  and the router's close ran 60 s after the last image).
- Keep-alive: with \`extensions.background.idle.timeout\` at 1.5 s (test/firefox/images-smoke.mjs), the first face
  check (models loading, about 5–9 s) came back "This file could not be checked." without the keep-alive (the event
  page was suspended mid-check, although the content script was still waiting for its answer) and with the finding
  with it (an extension API call every 500 ms while the checker loads or checks). At the default 30 s no check
  measured here comes near the limit.
- about:memory was not read (not tried headless over BiDi); PSS from /proc is the whole process (JS heaps, WASM
  memory, code), so the options page open in the same process is in the WebExtensions column too.
<!-- firefox:end -->
`;
console.log(md);
const file = path.resolve('bench/images.md');
const old = await readFile(file, 'utf8');
const at = old.indexOf('<!-- firefox:start -->');
const end = old.indexOf('<!-- firefox:end -->');
await writeFile(file, at >= 0 ? old.slice(0, at) + md.trimEnd() + old.slice(end + '<!-- firefox:end -->'.length) : `${old.trimEnd()}\n\n${md}`);
