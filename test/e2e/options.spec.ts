/**
 * The options page in the real browser: enter the school, import a class list file through the
 * file input, see the count, and then see a warning on a social fixture page. A broken file
 * changes nothing. Screenshots go to test-results/screens for people to look at.
 */
import { expect, expectWarning, loadDemo, openOptions, SITES, test, warningText } from './harness';

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

test('switching school-identity off for X on the options page stops the school name warning there, not pupil names', async ({ context, extensionId, stray }) => {
  const opt = await loadDemo(context, extensionId);
  const identity = opt.getByRole('group', { name: /school-identity$/ });
  await identity.getByRole('group', { name: 'Not on' }).getByLabel('X', { exact: true }).check();
  await expect(opt.getByText('You have unsaved changes.')).toBeVisible();
  await opt.getByRole('button', { name: 'Save rules' }).click();
  await expect(opt.getByText('Rules saved.')).toBeVisible();
  // Scrolled to the end so the sticky save bar sits in its own place in the full-page picture.
  await opt.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await opt.screenshot({ path: 'test-results/screens/options-rules.png', fullPage: true });

  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Well done Evie Carter at Holbrook Primary School #HolbrookPride', { delay: 5 });
  const text = await expectWarning(page, '“Evie Carter”');
  await page.waitForTimeout(500); // a later check must not bring the school back either
  const settled = await warningText(page);
  for (const t of [text, settled]) {
    expect(t).not.toContain('Holbrook Primary School');
    expect(t).not.toContain('HolbrookPride');
  }

  // The exception is for X only: the same words still warn about the school on Facebook.
  const fb = await context.newPage();
  await fb.goto(SITES.facebook.url);
  await fb.click('[role="dialog"] [data-lexical-editor="true"]');
  await fb.keyboard.type('Well done Evie Carter at Holbrook Primary School', { delay: 5 });
  await expectWarning(fb, '“Evie Carter”', '“Holbrook Primary School”');
  expect(stray).toEqual([]);
});

test('a rule set exported from the options page imports back identically', async ({ context, extensionId, stray }) => {
  const { readFile } = await import('node:fs/promises');
  const opt = await loadDemo(context, extensionId);
  // A change of our own, so the file is more than a shipped pack.
  await opt.getByRole('group', { name: /confidential$/ }).getByLabel('Confidential words and phrases (one per line)').fill('Project Falcon\nOfsted visit');
  await opt.getByRole('button', { name: 'Save rules' }).click();
  await expect(opt.getByText('Rules saved.')).toBeVisible();

  const exportOnce = async () => {
    const [download] = await Promise.all([opt.waitForEvent('download'), opt.getByRole('button', { name: 'Export rule set' }).click()]);
    expect(download.suggestedFilename()).toBe('holbrook-demo.second-look.json');
    return readFile((await download.path())!, 'utf8');
  };
  const first = await exportOnce();
  const pack = JSON.parse(first);
  expect(pack.school.name).toBe('Holbrook Primary School');
  expect(pack.rules.confidential.terms).toEqual(['Project Falcon', 'Ofsted visit']);
  expect(first).not.toMatch(/Evie|Carter|Okafor/); // the demo class list is stored, but never exported

  // Change everything: another template's rules and another school name.
  await opt.getByLabel('Policy template').selectOption({ label: 'Template: Oak Field policy (002)' });
  await opt.getByRole('button', { name: 'Apply template…' }).click();
  await opt.getByRole('button', { name: 'Replace the rules' }).click();
  await expect(opt.getByText(/The rules now come from “Template: Oak Field policy \(002\)”/)).toBeVisible();
  await expect(opt.getByLabel('School name')).toHaveValue('Holbrook Primary School'); // kept
  await opt.getByLabel('School name').fill('Somewhere Else Academy');
  await opt.getByRole('button', { name: 'Save school details' }).click();
  await expect(opt.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(opt.getByText('Rules saved.')).toHaveCount(0); // that note was for the rules replaced since

  // A broken file is refused with the parser's words, and changes nothing.
  await opt.setInputFiles('#pack-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"second-look-pack","version":1,') });
  await expect(opt.getByRole('alert')).toContainText('broken.json was not imported, and nothing has changed');
  await expect(opt.getByLabel('School name')).toHaveValue('Somewhere Else Academy');

  await opt.setInputFiles('#pack-file', { name: 'holbrook-demo.second-look.json', mimeType: 'application/json', buffer: Buffer.from(first) });
  await expect(opt.getByText(/Imported “Holbrook Primary School \(demo\)”/)).toBeVisible();
  await expect(opt.getByLabel('School name')).toHaveValue('Holbrook Primary School');
  expect(await exportOnce()).toBe(first);
  expect(stray).toEqual([]);
});
