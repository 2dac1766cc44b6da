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

// ---- School setup (issue 3) ------------------------------------------------------------------

test('an Excel workbook imported through the real options page drives a warning on Facebook', async ({ context, extensionId, stray }) => {
  const { makeXlsx } = await import('../fixtures/rosters/make-xlsx');
  const opt = await openOptions(context, extensionId);
  const xlsx = makeXlsx([
    ['Class list 3W', null, null, null],
    ['Legal Surname', 'Legal Forename', 'Preferred Forename', 'Reg Group', 'DOB'],
    ['Achterberg', 'Maximilian', 'Max', '3W', { date: '2018-05-04' }],
    [{ formula: 'PROPER("nwosu")', cached: 'Nwosu' }, 'Chiamaka', null, '3W', { date: '2018-02-11' }],
  ]);
  await opt.setInputFiles('#classlist-file', { name: 'class-3w.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsx) });
  const preview = opt.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Found 2 people in class-3w.xlsx (groups: 3W). Read as: SIMS / MIS export.');
  await opt.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(opt.getByTestId('pupil-count')).toHaveText('2 pupils stored');

  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Lovely assembly from Max Achterberg and Chiamaka Nwosu', { delay: 5 });
  await expectWarning(page, '“Max Achterberg”', '“Chiamaka Nwosu”');
  expect(stray).toEqual([]);
});

test('50,000 rows: the worker reads them with a progress bar while the page keeps responding; cancel changes nothing', async ({ context, extensionId, stray }) => {
  const opt = await openOptions(context, extensionId);
  const first = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Noah', 'Oliver', 'George', 'Arthur', 'Muhammad', 'Zoë', 'Siobhán'];
  const last = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'O’Brien', 'Müller', 'Nowak'];
  const rows = Array.from({ length: 50_000 }, (_, i) => `${first[i % 12]}${i % 97 ? '' : 'a'},${last[(i * 7) % 12]}-${i},${7 + (i % 5)}${'ABCDE'[i % 5]},${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/201${i % 10}`);
  const csv = Buffer.from(`Legal Forename,Legal Surname,Reg Group,DOB\n${rows.join('\n')}\n`);

  // The longest gap between animation frames while reading: how long the page froze, if at all.
  const watch = () =>
    opt.evaluate(() => {
      const w = window as unknown as { __gap: number; __stop: boolean; __bars: number[]; __barGap: number; __barAt: number };
      w.__gap = 0;
      w.__barGap = 0;
      w.__barAt = 0;
      w.__stop = false;
      w.__bars = [];
      let last = performance.now();
      // Every value the progress bar shows.
      new MutationObserver(() => {
        if (!w.__barAt && document.querySelector('progress')) w.__barAt = performance.now();
        const v = document.querySelector('progress')?.getAttribute('value');
        if (v && !w.__bars.includes(+v)) w.__bars.push(+v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      const tick = (t: number) => {
        w.__gap = Math.max(w.__gap, t - last);
        // From the moment the bar is on screen: our own code's share (file hand-over excluded).
        if (w.__barAt && last >= w.__barAt) w.__barGap = Math.max(w.__barGap, t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // Cancel first: nothing is stored. (On a fast run the read may already have reached the preview when
  // the click lands; the preview's Cancel says the same and stores nothing either.)
  await opt.setInputFiles('#classlist-file', { name: 'whole-school.csv', mimeType: 'text/csv', buffer: csv });
  await expect(opt.getByRole('progressbar', { name: 'Reading the class list' })).toBeVisible();
  await opt.getByRole('button', { name: 'Cancel' }).click();
  await expect(opt.getByRole('alert')).toHaveText('Import cancelled. Nothing was changed.');
  await expect(opt.getByTestId('pupil-count')).toHaveText('0 pupils stored');

  // Then the real read, timed from choosing the file to the preview.
  await watch();
  await opt.evaluate(() => ((window as unknown as { __t0: number }).__t0 = performance.now()));
  await opt.setInputFiles('#classlist-file', { name: 'whole-school.csv', mimeType: 'text/csv', buffer: csv });
  await expect(opt.getByRole('progressbar', { name: 'Reading the class list' })).toBeVisible();
  await expect(opt.getByRole('region', { name: 'Import preview' })).toContainText('Found 50000 people in whole-school.csv', { timeout: 30_000 });
  const read = await opt.evaluate(() => {
    const w = window as unknown as { __t0: number; __gap: number; __stop: boolean; __bars: number[]; __barGap: number; __barAt: number };
    w.__stop = true;
    return { ms: performance.now() - w.__t0, gap: w.__gap, bars: w.__bars, barGap: w.__barGap, barMs: performance.now() - w.__barAt };
  });
  await opt.evaluate(() => ((window as unknown as { __t1: number }).__t1 = performance.now()));
  await opt.getByRole('button', { name: 'Import 50000 people' }).click();
  await expect(opt.getByTestId('pupil-count')).toHaveText('50000 pupils stored', { timeout: 60_000 });
  const stored = await opt.evaluate(() => performance.now() - (window as unknown as { __t1: number }).__t1);
  console.log(`IMPORT_E2E read_ms=${read.ms.toFixed(0)} longest_frame_gap_ms=${read.gap.toFixed(0)} bar_to_preview_ms=${read.barMs.toFixed(0)} longest_gap_after_bar_ms=${read.barGap.toFixed(0)} progress_values=${read.bars.length} store_ms=${stored.toFixed(0)}`);
  // The bar moved through the rows (the worker posts every 2,000) and the page drew each step: a read
  // on the page's own thread would freeze it and show no step between 0 and the end. The frame gaps
  // are printed above, not asserted: on this shared 2-core machine they include Playwright's own file
  // transfer (one CI run saw a 984 ms gap in a 992 ms read, all before the bar) and scheduling under
  // load; bench/import-results.md has the measured figures.
  expect(read.bars.filter((b) => b > 0 && b < 50_000).length).toBeGreaterThanOrEqual(5);
  expect(read.bars.at(-1)).toBe(50_000);
  expect(stray).toEqual([]);
});

test('logos: a PNG and an SVG are stored as our own PNG with thumbnails; a hostile SVG is refused', async ({ context, extensionId, stray }) => {
  const { readFile } = await import('node:fs/promises');
  const opt = await openOptions(context, extensionId);
  const logo = await readFile(new URL('../../../shared/data/generated/logo.png', import.meta.url));
  await opt.setInputFiles('#logo-file', { name: 'crest.png', mimeType: 'image/png', buffer: logo });
  await expect(opt.getByText(/^Added crest\.png \(\d+ × \d+\)\.$/)).toBeVisible();
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 120 60"><rect width="120" height="60" fill="#1d4ed8"/><circle cx="60" cy="30" r="20" fill="#facc15"/></svg>';
  await opt.setInputFiles('#logo-file', { name: 'badge.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await expect(opt.getByText('Added badge.svg (512 × 256).')).toBeVisible();
  const thumb = opt.getByRole('img', { name: 'badge (stored copy)' });
  await expect(thumb).toBeVisible();
  // The thumbnail is our PNG, drawn from the SVG: yellow circle in the middle, blue corner.
  const pixels = await thumb.evaluate(async (img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return { src: img.src.slice(0, 22), size: [c.width, c.height], centre: [...ctx.getImageData(256, 128, 1, 1).data], corner: [...ctx.getImageData(5, 5, 1, 1).data] };
  });
  expect(pixels.src).toBe('data:image/png;base64,');
  expect(pixels.size).toEqual([512, 256]);
  expect(pixels.centre).toEqual([250, 204, 21, 255]);
  expect(pixels.corner).toEqual([29, 78, 216, 255]);

  const evil = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="https://tracker.example/p.png" width="100" height="100"/></svg>';
  await opt.setInputFiles('#logo-file', { name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(evil) });
  await expect(opt.getByRole('alert')).toHaveText('evil.svg was not added: it refers to an external file (https://tracker.example/p.png). Export the logo as PNG and try again. Nothing was changed.');
  await expect(opt.locator('ul.logos li')).toHaveCount(2);
  // Bytes that are not an image, under an image name: refused by the real decoder, nothing stored.
  await opt.setInputFiles('#logo-file', { name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Legal Forename,Surname\nAmy,Lee\n') });
  await expect(opt.getByRole('alert')).toHaveText('fake.jpg could not be read as an image. Nothing was changed.');
  await expect(opt.locator('ul.logos li')).toHaveCount(2);
  // The stored copy is what is shown: after a reload the thumbnails come back from the database.
  await opt.reload();
  await expect(opt.getByRole('img', { name: 'crest (stored copy)' })).toBeVisible();
  await opt.getByRole('button', { name: 'Remove crest' }).click();
  await expect(opt.locator('ul.logos li')).toHaveCount(1);
  expect(stray).toEqual([]);
});

test('screenshots of the options page for the README (docs/screenshots)', async ({ context, extensionId }) => {
  const { readFile } = await import('node:fs/promises');
  const opt = await loadDemo(context, extensionId);
  await opt.setViewportSize({ width: 1000, height: 900 });
  // School profile with a location and working hours.
  await opt.getByRole('button', { name: 'Add a location' }).click();
  const loc = opt.getByRole('group', { name: 'Location 1' });
  await loc.getByLabel('Name').fill('Main site');
  await loc.getByLabel('Latitude').fill('52.4862');
  await loc.getByLabel('Longitude').fill('-1.8904');
  await loc.getByLabel('Radius (metres)').fill('200');
  await opt.getByLabel('Set working hours').check();
  await opt.getByRole('button', { name: 'Save school details' }).click();
  await expect(opt.getByText('Saved.')).toBeVisible();
  await opt.locator('section', { has: opt.getByRole('heading', { name: 'Your school', exact: true }) }).screenshot({ path: 'docs/screenshots/options-school.png' });

  // A logo, then a file whose columns Second Look cannot name: the mapping step.
  const logo = await readFile(new URL('../../../shared/data/generated/logo.png', import.meta.url));
  await opt.setInputFiles('#logo-file', { name: 'holbrook-crest.png', mimeType: 'image/png', buffer: logo });
  await expect(opt.getByText(/^Added holbrook-crest\.png/)).toBeVisible();
  await opt.setInputFiles('#classlist-file', { name: 'export-4c.csv', mimeType: 'text/csv', buffer: Buffer.from('Kid,Family,Tutor,Born\nAmara,Osei,4C,12/03/2017\nLeo,Brennan,4C,01/09/2016\nPriya,Nair,4C,23/06/2017\n') });
  await expect(opt.getByRole('region', { name: 'Choose the columns' })).toBeVisible();
  await opt.getByLabel('Forename column').selectOption('Kid');
  await opt.getByLabel('Surname column').selectOption('Family');
  await opt.getByLabel('Group or class column').selectOption('Tutor');
  await opt.getByLabel('Date of birth column').selectOption('Born');
  const lists = opt.locator('section', { has: opt.getByRole('heading', { name: 'Class lists' }) });
  await lists.screenshot({ path: 'docs/screenshots/options-mapping.png' });
  await opt.getByRole('button', { name: 'Read again with these columns' }).click();
  await expect(opt.getByRole('region', { name: 'Import preview' })).toContainText('Found 3 people in export-4c.csv');
  await opt.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(opt.getByText('Imported 3 people from export-4c.csv.')).toBeVisible();
  await lists.screenshot({ path: 'docs/screenshots/options-class-lists.png' });
  await opt.locator('section', { has: opt.getByRole('heading', { name: 'School logos' }) }).screenshot({ path: 'docs/screenshots/options-logos.png' });
});
