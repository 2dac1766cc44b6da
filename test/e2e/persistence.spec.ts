/**
 * Data survives (issue 7): the school, rule set and class list stay after the browser is closed and
 * opened again on the same profile, and after the extension is updated in place (a newer build
 * with a higher version number in the same folder, started on the same profile).
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, EXT_DIR, expect, expectWarning, loadDemo, SITES, test } from './harness';

const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';

async function launch(profile: string, extDir: string): Promise<BrowserContext> {
  const args = CHROMIUM_ARGS.map((a) =>
    a.startsWith('--disable-extensions-except=') ? `--disable-extensions-except=${extDir}` : a.startsWith('--load-extension=') ? `--load-extension=${extDir}` : a,
  );
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args });
  const html = await readFile('test/fixtures/sites/dist/facebook.html', 'utf8');
  await context.route('https://www.facebook.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return context;
}

async function idOf(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

async function expectPupilWarning(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(EDITOR);
  await page.keyboard.type('Evie Carter was brilliant today', { delay: 5 });
  await expectWarning(page, "Pupil's name", '“Evie Carter”');
  await page.close();
}

async function statusOf(context: BrowserContext, id: string) {
  const opt = await context.newPage();
  await opt.goto(`chrome-extension://${id}/options.html`);
  const status = await opt.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'getStatus' }));
  const pack = await opt.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'getPack' }));
  await opt.close();
  return { status, pack };
}

test('the school, rules and class list survive a browser restart and an extension update', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'sl-persist-'));
  const profile = path.join(root, 'profile');
  // A copy of the build, so "updating" it does not touch the build other tests use.
  const ext = path.join(root, 'ext');
  await cp(EXT_DIR, ext, { recursive: true });
  try {
    // 1. First run: load the demo school and class list through the options page.
    let context = await launch(profile, ext);
    let id = await idOf(context);
    await loadDemo(context, id);
    await expectPupilWarning(context);
    const before = await statusOf(context, id);
    expect(before.status.ok).toBe(true);
    expect(before.status.status.totals.pupils).toBeGreaterThan(0);
    await context.close();

    // 2. Browser restart on the same profile.
    context = await launch(profile, ext);
    id = await idOf(context);
    const afterRestart = await statusOf(context, id);
    expect(afterRestart.pack).toEqual(before.pack);
    expect(afterRestart.status.status.totals).toEqual(before.status.status.totals);
    await expectPupilWarning(context);

    // 3. Extension update: a newer version lands in the same folder (as a store update replaces
    // the installed files) and the browser starts it on the same profile.
    await context.close();
    const manifestPath = path.join(ext, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const bumped = manifest.version.replace(/(\d+)$/, (n: string) => String(Number(n) + 1));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: bumped }));
    context = await launch(profile, ext);
    id = await idOf(context);
    const sw = context.serviceWorkers()[0]!;
    expect(await sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest().version)).toBe(bumped);
    const afterUpdate = await statusOf(context, id);
    expect(afterUpdate.pack).toEqual(before.pack);
    expect(afterUpdate.status.status.totals).toEqual(before.status.status.totals);
    await expectPupilWarning(context);
    await context.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
