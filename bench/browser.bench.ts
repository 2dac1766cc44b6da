/**
 * Browser figures for issue 7, measured in Debian Chromium with the built extension
 * (.output/chrome-mv3; run `npx wxt build && node test/fixtures/build-fixtures.mjs` first):
 *
 * 1. Service-worker cold start to first verdict with 50,000 names: the worker is stopped through
 *    DevTools, then the options page asks for a check; the clock runs until the answer arrives
 *    (worker start + Dexie read + matcher build + check).
 * 2. Typing cost: milliseconds per keystroke typed into the Lexical (Facebook) fixture, with the
 *    extension on and off (same browser build, same fixture), and the ratio.
 * 3. The page's JS heap after typing, with and without the extension (content scripts run in the
 *    page's isolate, so their heap is counted).
 *
 *   npx tsx bench/browser.bench.ts      → prints Markdown and writes bench/browser-results.md
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rng } from './rng';

const EXT = path.resolve('.output/chrome-mv3');
const FIXTURE = path.resolve('test/fixtures/sites/dist/facebook.html');
const BASE_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROUNDS = 5;

const FORENAMES = ['Oliver', 'George', 'Harry', 'Noah', 'Leo', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Evie', 'Grace', 'May', 'Aoife', 'Niamh', 'Siobhán', 'Łukasz', 'Zofia', 'Aarav', 'Priya', 'Fatima', 'Yusuf', 'Chidi', 'Amara', 'Mei', 'Hiroshi', 'Noémie', 'Ellie-Mae', 'Mateo'];
const SURNAMES = ['Smith', 'Jones', 'Taylor', 'Brown', "O'Brien", 'Murphy', 'Kowalski', 'Nowak', 'Patel', 'Khan', 'Okafor', 'Adeyemi', 'Chen', 'Wang', 'Tanaka', 'García', 'van der Berg', 'Mac an tSaoir', 'Carter', 'Hunter', 'Wilson', 'Evans', 'Hughes', 'Ahmed', 'Ali', 'Nguyen', 'Rossi', 'Dubois', 'Müller', 'Silva'];

function people(n: number) {
  const r = rng(2026);
  const pick = (xs: string[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({ role: 'pupil' as const, forename: pick(FORENAMES), surname: `${pick(SURNAMES)}${i > 900 ? '-' + pick(SURNAMES) : ''}` }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-bench-'));
  const args = withExtension ? [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...BASE_ARGS] : BASE_ARGS;
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args, viewport: { width: 1100, height: 800 } });
  const html = await readFile(FIXTURE, 'utf8');
  await context.route('https://www.facebook.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return { context, dir };
}

async function extensionId(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

async function stopWorkers(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** ms per keystroke for typing `text` into the post composer; and the page heap afterwards. */
async function typing(context: BrowserContext, text: string): Promise<{ perKey: number; heapMB: number }> {
  const page = await context.newPage();
  await page.goto('https://www.facebook.com/');
  await page.waitForFunction(() => (window as any).__fixture?.ready === true);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.waitForTimeout(300);
  const t0 = performance.now();
  await page.keyboard.type(text);
  // Wait for the page to settle (every keystroke's work done, the last check answered).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const perKey = (performance.now() - t0) / text.length;
  await page.waitForTimeout(400);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await page.close();
  return { perKey, heapMB: usedSize / 2 ** 20 };
}

const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};

say('# Browser figures (Chromium, built extension)');
say();
say(`Chromium ${(await (await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BASE_ARGS })).version())}, ${ROUNDS} rounds each, median shown. Regenerate with \`npx tsx bench/browser.bench.ts\` after \`npx wxt build && node test/fixtures/build-fixtures.mjs\`.`);
say();

// ---- 1. cold start -------------------------------------------------------------------------------
{
  const { context, dir } = await launch(true);
  const id = await extensionId(context);
  const opt = await context.newPage();
  await opt.goto(`chrome-extension://${id}/options.html`);
  const list = people(50_000);
  const importMs = await opt.evaluate(async (ppl) => {
    const t0 = performance.now();
    const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'importClassList', name: 'Bench', fileName: 'bench.csv', groups: [], people: ppl });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    return performance.now() - t0;
  }, list);
  const text = `Great day out with ${list[123]!.forename} ${list[123]!.surname} and the class. `.repeat(3);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await stopWorkers(opt);
    await opt.waitForTimeout(300);
    const [c, w] = await opt.evaluate(async (t) => {
      const send = (globalThis as any).chrome.runtime.sendMessage;
      const t0 = performance.now();
      const r = await send({ type: 'testText', site: 'facebook', text: t });
      const t1 = performance.now();
      await send({ type: 'testText', site: 'facebook', text: t });
      const t2 = performance.now();
      if (!r?.ok || !r.findings?.length) throw new Error('no verdict: ' + JSON.stringify(r));
      return [t1 - t0, t2 - t1];
    }, text);
    cold.push(c!);
    warm.push(w!);
  }
  say('## Service-worker cold start to first verdict, 50,000 names');
  say();
  say('| | ms |');
  say('|---|---:|');
  say(`| import of 50,000 people (one message, stored in IndexedDB) | ${importMs.toFixed(0)} |`);
  say(`| cold: worker stopped → first verdict (start, read, build, check) | ${median(cold).toFixed(0)} (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)}) |`);
  say(`| warm: the next verdict | ${median(warm).toFixed(1)} |`);
  say();
  await context.close();
  await rm(dir, { recursive: true, force: true });
}

// ---- 2 & 3. typing cost and heap -------------------------------------------------------------------
{
  const sentence = 'Such a lovely afternoon at the beach with friends, the weather was perfect and everyone had fun. ';
  const text = sentence.repeat(2);
  const runs: Record<'on' | 'off', { perKey: number; heapMB: number }[]> = { on: [], off: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of ['off', 'on'] as const) {
      const { context, dir } = await launch(mode === 'on');
      if (mode === 'on') {
        const id = await extensionId(context);
        const opt = await context.newPage();
        await opt.goto(`chrome-extension://${id}/options.html`);
        await opt.evaluate(async (ppl) => {
          const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'importClassList', name: 'Bench', fileName: 'b.csv', groups: [], people: ppl });
          if (!r?.ok) throw new Error(JSON.stringify(r));
        }, people(2_000));
        await opt.close();
      }
      runs[mode].push(await typing(context, text));
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const on = median(runs.on.map((r) => r.perKey));
  const off = median(runs.off.map((r) => r.perKey));
  say(`## Typing cost in the Lexical (Facebook) fixture, ${text.length} characters, 2,000 names`);
  say();
  say('| | ms per keystroke |');
  say('|---|---:|');
  say(`| extension off | ${off.toFixed(2)} |`);
  say(`| extension on | ${on.toFixed(2)} |`);
  say(`| ratio on / off | ${(on / off).toFixed(2)} |`);
  say();
  say('Each keystroke is a real key press through DevTools (`keyboard.type`), which waits for the page to handle it; checks run after a 150 ms pause in typing, so while typing the extension only records the keystroke.');
  say();
  const hOn = median(runs.on.map((r) => r.heapMB));
  const hOff = median(runs.off.map((r) => r.heapMB));
  say('## Page memory (JS heap of the page\'s isolate after typing, after GC)');
  say();
  say('| | MB |');
  say('|---|---:|');
  say(`| extension off | ${hOff.toFixed(2)} |`);
  say(`| extension on | ${hOn.toFixed(2)} |`);
  say(`| added by the content script | ${(hOn - hOff).toFixed(2)} |`);
  say();
}

await writeFile('bench/browser-results.md', out.join('\n') + '\n');
process.exit(0);
