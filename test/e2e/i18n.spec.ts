/**
 * Localisation in the real browser (issue 7): the language chosen on the options page is kept by
 * the background and reaches the warning on a social site with each verdict, so the warning's
 * text and buttons are Welsh after "Cymraeg" is chosen, survive a service-worker restart, and go
 * back to English when English is chosen again. English is the default (these tests run with the
 * browser's own English UI).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  clickInWarning,
  expect,
  expectWarning,
  fixturePosts,
  loadDemo,
  demoSchoolAt,
  MAIN_SITE,
  openOptions,
  SITES,
  EXT_DIR,
  stopServiceWorker,
  test,
  warningText,
} from './harness';

const POST_EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
const POST_BUTTON = '[role="dialog"] [role="button"][aria-label="Post"]';
const TYPED = 'Such a proud day! Evie Carter won the poetry prize';

async function chooseLanguage(opt: Page, from: 'Language' | 'Iaith', name: 'English' | 'Cymraeg', heading: string) {
  await opt.getByLabel(from, { exact: true }).selectOption({ label: name });
  await opt.getByRole('heading', { name: heading, exact: true }).waitFor();
  await expect(opt.locator('html')).toHaveAttribute('lang', name === 'Cymraeg' ? 'cy' : 'en-GB');
}

async function holdAPost(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type(TYPED, { delay: 5 });
  await page.click(POST_BUTTON);
  return page;
}

test('after choosing Cymraeg on the options page, the warning on a site is in Welsh, text and buttons', async ({ context, extensionId }) => {
  const opt = await loadDemo(context, extensionId);
  // English by default.
  await expect(opt.getByLabel('Language', { exact: true })).toHaveValue('en-GB');
  await chooseLanguage(opt, 'Language', 'Cymraeg', 'Eich ysgol');
  await expect(opt.getByRole('button', { name: 'Cadw manylion yr ysgol' })).toBeVisible();

  const page = await holdAPost(context);
  const text = await expectWarning(
    page,
    'Second Look: gwiriwch cyn postio',
    'Nid yw eich postiad wedi’i anfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.',
    '“Evie Carter”',
    'Polisi:',
    'Gwiriwyd ar y ddyfais hon.',
  );
  expect(text).not.toContain('has not been sent');
  expect(text).not.toContain('Post anyway');
  expect(await fixturePosts(page)).toEqual([]);

  // The Welsh buttons are the real ones: "Postio beth bynnag" lets the next press through.
  await expect
    .poll(
      async () => {
        await clickInWarning(page, 'Postio beth bynnag').catch(() => undefined);
        return warningText(page);
      },
      { timeout: 15_000 },
    )
    .toContain('Iawn. Bydd eich postiad yn mynd fel y mae');
  expect(await warningText(page)).toContain('Golygu fy mhostiad');
  await page.click(POST_BUTTON);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: TYPED }]);
});

test('the choice survives a service-worker restart, and English comes back when chosen', async ({ context, extensionId }) => {
  const opt = await loadDemo(context, extensionId);
  await chooseLanguage(opt, 'Language', 'Cymraeg', 'Eich ysgol');
  await stopServiceWorker(opt);
  // A fresh options page asks the (restarted) background: still Welsh.
  await opt.reload();
  await opt.getByRole('heading', { name: 'Eich ysgol', exact: true }).waitFor();
  await expect(opt.getByLabel('Iaith', { exact: true })).toHaveValue('cy');

  const welsh = await holdAPost(context);
  await expectWarning(welsh, 'Nid yw eich postiad wedi’i anfon', 'Golygu fy mhostiad', 'Postio beth bynnag');
  await welsh.close();

  await chooseLanguage(opt, 'Iaith', 'English', 'Your school');
  const english = await holdAPost(context);
  const text = await expectWarning(english, 'Second Look: check before you post', 'Your post has not been sent', 'Edit my post', 'Post anyway');
  expect(text).not.toContain('Golygu');
});

test('a photo taken at school: the image warning, what it found and its buttons are Welsh too', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  await demoSchoolAt(context, extensionId, [MAIN_SITE]);
  const opt = await openOptions(context, extensionId);
  await chooseLanguage(opt, 'Language', 'Cymraeg', 'Eich ysgol');
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type('Prynhawn braf');
  // ../shared/data/generated/photo.jpg carries GPS about 100 m from the main site.
  await page.setInputFiles('[role="dialog"] input[type="file"]', path.resolve('../shared/data/generated/photo.jpg'));
  // Room for the image check on a loaded machine; a failure shows the warning's last text.
  await expect.poll(() => warningText(page), { timeout: 60_000 }).toMatch(/Wedi’i dynnu tua \d+ m o Main site\./);
  const text = await warningText(page);
  for (const part of ['Second Look: gwiriwch y llun hwn', 'Tynnu data lleoliad o’r llun hwn', 'Postio beth bynnag']) expect(text).toContain(part);
  expect(text).not.toContain('Taken about');
  expect(text).not.toContain('Remove location data');
});

test('the content script carries the warning in both languages and none of the options page text', () => {
  const bundle = readFileSync(path.join(EXT_DIR, 'content-scripts/content.js'), 'utf8');
  for (const inPage of ['Edit my post', 'Golygu fy mhostiad', 'Postio beth bynnag', 'Gwiriwyd ar y ddyfais hon.']) expect(bundle).toContain(inPage);
  // The options page's catalogue (about 12 KB gzipped) stays out of every social site's page.
  for (const pageOnly of ['Save school details', 'Cadw manylion yr ysgol', 'Choose a class list file', 'Rhestrau dosbarth']) expect(bundle).not.toContain(pageOnly);
});
