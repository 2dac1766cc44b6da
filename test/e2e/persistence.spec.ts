/**
 * Data survives (issue 7): the school, rule set and class list stay after the browser is closed and
 * opened again on the same profile, and after the extension is updated in place (a newer build
 * with a higher version number in the same folder, started on the same profile).
 */
import type { BrowserContext } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXT_DIR, expect, extensionIdOf, launchWithBuild, expectWarning, loadDemo, SITES, test } from './harness';

const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';


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
    let context = await launchWithBuild(profile, ext);
    let id = await extensionIdOf(context);
    await loadDemo(context, id);
    await expectPupilWarning(context);
    const before = await statusOf(context, id);
    expect(before.status.ok).toBe(true);
    expect(before.status.status.totals.pupils).toBeGreaterThan(0);
    await context.close();

    // 2. Browser restart on the same profile.
    context = await launchWithBuild(profile, ext);
    id = await extensionIdOf(context);
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
    context = await launchWithBuild(profile, ext);
    id = await extensionIdOf(context);
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
