/**
 * The options page in the real browser: enter the school, import a class list file through the
 * file input, see the count, and then see a warning on a social fixture page. A broken file
 * changes nothing. Screenshots go to test-results/screens for people to look at.
 */
import { expect, expectWarning, openOptions, SITES, test } from './harness';

const CSV = 'Legal Forename,Preferred Forename,Surname,Reg Group\nOlamide,,Balogun,4B\nJessica,Jess,Whitfield,4B\n';

test('school details and a class list entered on the options page drive warnings on X', async ({ context, extensionId }) => {
  const opt = await openOptions(context, extensionId);
  await opt.getByLabel('School name').fill('St Brigid’s Catholic Primary');
  await opt.getByLabel('Other names people use (one per line)').fill('St Brigid’s\nSt Brigids');
  await opt.getByLabel("The school's social media handles (one per line)").fill('@StBrigidsPrimary');
  await opt.getByRole('button', { name: 'Save school details' }).click();
  await expect(opt.getByText('Saved.')).toBeVisible();

  await opt.setInputFiles('#classlist-file', { name: 'class-4b.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(opt.getByText(/Found 2 people in class-4b.csv/)).toBeVisible();
  await opt.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(opt.getByTestId('pupil-count')).toHaveText('2 pupils stored');
  await opt.screenshot({ path: 'test-results/screens/options.png', fullPage: true });

  // Broken file: a clear message, nothing changes.
  await opt.setInputFiles('#classlist-file', { name: 'oops.csv', mimeType: 'text/csv', buffer: Buffer.from('Name\nJust One Column\n') });
  await expect(opt.getByRole('alert')).toContainText('oops.csv');
  await expect(opt.getByRole('alert')).toContainText('Nothing was imported');
  await expect(opt.getByTestId('pupil-count')).toHaveText('2 pupils stored');

  await opt.getByLabel('Sentence to check').fill('Jess Whitfield was brilliant at St Brigid’s today');
  await opt.getByRole('button', { name: 'Check' }).click();
  await expect(opt.locator('.results')).toContainText('“Jess Whitfield”');
  await expect(opt.locator('.results')).toContainText('“St Brigid’s”');

  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('So proud of Olamide Balogun today @StBrigidsPrimary', { delay: 5 });
  await expectWarning(page, '“Olamide Balogun”', '“@StBrigidsPrimary”');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screens/warning-x.png' });

  // Delete everything: the count goes to zero and the warning stops.
  await opt.bringToFront();
  await opt.getByRole('button', { name: 'Delete everything…' }).click();
  await opt.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(opt.getByTestId('pupil-count')).toHaveText('0 pupils stored');
});

test('a Windows-1252 export from Excel imports through the real page with its accents intact', async ({ context, extensionId }) => {
  const { readFile } = await import('node:fs/promises');
  const opt = await openOptions(context, extensionId);
  const bytes = await readFile(new URL('../../../shared/data/generated/roster-cp1252.csv', import.meta.url));
  await opt.setInputFiles('#classlist-file', { name: 'roster-cp1252.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(opt.getByRole('region', { name: 'Import preview' })).toContainText('Read as: SIMS / MIS export');
  await opt.getByRole('button', { name: /^Import \d+ people$/ }).click();
  await opt.getByLabel('Sentence to check').fill('Siobhán O’Brien and Zoë Brontë');
  await opt.getByRole('button', { name: 'Check' }).click();
  await expect(opt.locator('.results')).toContainText('“Siobhán O’Brien”');
  await expect(opt.locator('.results')).toContainText('“Zoë Brontë”');
});
