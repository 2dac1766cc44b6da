/**
 * Issue 3, the whole-school file: the demo school loaded on one browser profile is exported WITH
 * its class lists (as codes and their key) through the real options page; a second, fresh profile
 * imports that file through its own options page, and a demo pupil's name typed on the Facebook
 * fixture is warned about there. The file holds no pupil's name as written; neither browser makes a
 * request (profile A through the harness net log, profile B through its request listener).
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXT_DIR, expect, expectWarning, extensionIdOf, launchWithBuild, loadDemo, SITES, test } from './harness';

const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
// Demo pupils (assets/demo/holbrook-class.csv): made-up names.
const DEMO_NAMES = ['Evie', 'Carter', 'Noémie', 'Dubois', 'Siobhán'];

test('export with class lists on one profile, import on a fresh one: the pupil is warned about there', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  // ---- Profile A: demo school, export with the lists ticked.
  const opt = await loadDemo(context, extensionId);
  const box = opt.getByRole('checkbox', { name: 'Include the class lists (names stored as codes that cannot be read back)' });
  await expect(box).not.toBeChecked();
  await box.check();
  const [download] = await Promise.all([opt.waitForEvent('download'), opt.getByRole('button', { name: 'Export rule set' }).click()]);
  expect(download.suggestedFilename()).toBe('holbrook-demo.second-look.json');
  const fileText = await readFile((await download.path())!, 'utf8');
  await expect(opt.getByText(/with the class lists as codes \(lists: 1\)/)).toBeVisible();
  const file = JSON.parse(fileText);
  expect(file.classLists.lists).toHaveLength(1);
  expect(file.classLists.lists[0].count).toBeGreaterThan(20);
  for (const w of DEMO_NAMES) expect(new RegExp(`(^|[^A-Za-z0-9_-])${w}([^A-Za-z0-9_-]|$)`, 'iu').test(fileText), w).toBe(false);

  // ---- Profile B: a fresh browser, same build.
  const root = await mkdtemp(path.join(tmpdir(), 'sl-share-'));
  const b = await launchWithBuild(path.join(root, 'profile'), EXT_DIR);
  const strayB: string[] = [];
  b.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith(new URL(SITES.facebook.url).origin + '/')) strayB.push(u);
  });
  try {
    const idB = await extensionIdOf(b);
    // Before the import, profile B does not know the pupil.
    const before = await b.newPage();
    await before.goto(`chrome-extension://${idB}/options.html`);
    await before.getByRole('heading', { name: 'Your school', exact: true }).waitFor();
    const empty = await before.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'getStatus' }));
    expect(empty.status.lists).toEqual([]);

    await before.setInputFiles('#pack-file', { name: 'holbrook-demo.second-look.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
    const region = before.getByRole('region', { name: 'Import the rule set and class lists' });
    await expect(region).toContainText('replaces your school details, your rules and every class list on this computer');
    await expect(region.getByRole('listitem')).toHaveText([`Demo: Holbrook classes: ${file.classLists.lists[0].count} people`]);
    await region.getByRole('button', { name: 'Replace rules and class lists' }).click();
    await expect(before.getByText(/Imported “Holbrook Primary School \(demo\)” and its class lists \(lists: 1\)/)).toBeVisible();
    const table = before.getByRole('table', { name: 'Imported class lists' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('Demo: Holbrook classes');
    await expect(table.getByRole('row').nth(1)).toContainText(String(file.classLists.lists[0].count));

    const fb = await b.newPage();
    await fb.goto(SITES.facebook.url);
    await fb.click(EDITOR);
    await fb.keyboard.type('Evie Carter was brilliant today', { delay: 5 });
    await expectWarning(fb, "Pupil's name", '“Evie Carter”');
    expect(strayB).toEqual([]);
  } finally {
    await b.close();
    await rm(root, { recursive: true, force: true });
  }
});
