/**
 * Wikipedia's source editor (issue 4, policy 001 §6.11): the edit form is checked with the
 * 'wiki-edit' surface, so naming the school gives the wiki-edit warning with its clause and holds
 * "Publish changes" (Welsh "Cyhoeddi newidiadau" too) until "Post anyway"; "Show preview" is never
 * held. The background reads its own clock, so no test here depends on when it runs:
 *  - naming the school warns at any time;
 *  - the demo pack has no working hours, so every edit gets the reminder, whatever the time;
 *  - a pack whose school is on holiday every day from 2000 to 2099 is never in working time, so a
 *    plain edit goes straight through, whatever the time.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { clickInWarning, expect, expectWarning, fixturePosts, loadDemo, openOptions, PAGES, SITES, test, warningText } from './harness';

const SOURCE = '#wpTextbox1';
const CLAUSE = '§6.11';

async function openEditor(context: BrowserContext, url: string = SITES.wikipedia.url): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __fixture?: { ready: boolean } }).__fixture?.ready === true);
  return page;
}

/** Imports the demo pack with working hours and a holiday over every date the test could run on. */
async function importNeverAtWorkPack(context: BrowserContext, extensionId: string): Promise<void> {
  const pack = JSON.parse(await readFile('rules/demo.json', 'utf8'));
  pack.title = 'Holbrook (closed all century)';
  pack.school.workingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' };
  pack.school.holidays = [{ name: 'Closed for the test', from: '2000-01-01', to: '2099-12-31' }];
  const opt = await openOptions(context, extensionId);
  await opt.setInputFiles('#pack-file', { name: 'closed.second-look.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(opt.getByText(/Imported “Holbrook \(closed all century\)”/)).toBeVisible();
  await opt.close();
}

test('naming the school in the source editor warns with the wiki-edit clause and holds "Publish changes"', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await openEditor(context);
  const typed = "'''Holbrook Primary School''' is a primary school in the West Midlands.";
  await page.click(SOURCE);
  await page.keyboard.type(typed);
  const text = await expectWarning(page, 'Editing Wikipedia at work', CLAUSE, '“Holbrook Primary School”');
  expect(text).toContain('Post anyway');

  // Publishing is held; the form's own submit never runs.
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  // "Show preview" publishes nothing and is never held.
  await page.getByRole('button', { name: 'Show preview' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'wpPreview', text: typed }]);

  // "Post anyway" lets the next publish through, with the text exactly as typed.
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expectWarning(page, 'has not been sent');
  await page.waitForTimeout(400); // the panel must have been on screen a moment before "anyway" counts
  await clickInWarning(page, 'Post anyway');
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([
    { surface: 'wpPreview', text: typed },
    { surface: 'wpSave', text: typed },
  ]);
});

test('the Welsh interface ("Cyhoeddi newidiadau" on cy.wikipedia.org) is held too', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await openEditor(context, PAGES.wikipediaCy.url);
  await expect(page.locator('#wpSave')).toHaveValue('Cyhoeddi newidiadau');
  await page.click(SOURCE);
  await page.keyboard.type('Mae Holbrook Primary yn ysgol gynradd.');
  await expectWarning(page, CLAUSE, '“Holbrook Primary”');
  await page.getByRole('button', { name: 'Cyhoeddi newidiadau' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('with CodeMirror 6 syntax highlighting, the contenteditable is checked and publishing held', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await openEditor(context, `${SITES.wikipedia.url}&cm6=1`);
  await page.click('.cm-content');
  await page.keyboard.type('Holbrook School opened in 1972.');
  await expectWarning(page, CLAUSE, '“Holbrook School”');
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('VisualEditor: the toolbar opens the save dialog, the dialog\'s "Publish changes" is held', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await openEditor(context, SITES.wikipedia.url.replace('action=edit', 'veaction=edit'));
  await page.click('.ve-ce-documentNode');
  await page.keyboard.type('Holbrook Primary School has 400 pupils.');
  await expectWarning(page, CLAUSE, '“Holbrook Primary School”');
  // The toolbar button only opens the dialog: not held.
  await page.getByRole('button', { name: 'Publish changes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish changes', exact: true }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await dialog.getByRole('button', { name: 'Publish changes', exact: true }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'visualeditor', text: 'Holbrook Primary School has 400 pupils.' }]);
});

test('with no working hours in the pack (demo), an edit not naming the school still gets the reminder', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await openEditor(context);
  await page.click(SOURCE);
  await page.keyboard.type('Fixed a typo in the history section');
  const text = await expectWarning(page, 'Reminder: Editing Wikipedia at work', CLAUSE);
  expect(text).not.toContain('“'); // a whole-edit reminder quotes no words
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('outside working time, an edit not naming the school goes straight through', async ({ context, extensionId }) => {
  await importNeverAtWorkPack(context, extensionId);
  const page = await openEditor(context);
  const typed = 'Fixed a typo in the history section';
  await page.click(SOURCE);
  await page.keyboard.type(typed);
  // Published within the debounce: held, checked, found clean, then let through as the user meant.
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'wpSave', text: typed }]);
  expect(await warningText(page)).toBe('');

  // The same pack still warns on the school's name, whatever the time.
  await page.click(SOURCE);
  await page.keyboard.type(' at Holbrook Primary');
  await expectWarning(page, CLAUSE, '“Holbrook Primary”');
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toHaveLength(1);
});
