/**
 * official-account end to end on the X fixture: the side-nav account switcher says who is posting;
 * the background compares it with the demo pack's `school.handles` (HolbrookPrimary). Signed in as
 * the school, a post naming a pupil with a photo attached is held with the posting-protocol point
 * and the pack's clause, and the personal-account rules (school named) stay quiet; the same post as
 * a personal account gets the ordinary pupil-name warning; a pupil whose record says "no photo
 * consent" is flagged on the school account even without a photo.
 */
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixturePosts, loadDemo, openOptions, SITES, test, warningText } from './harness';

const EDITOR = '[data-testid="tweetTextarea_0"]';
const POST = '[data-testid="tweetButtonInline"]';
const INPUT = '[data-testid="fileInput"]';
const PHOTO = path.resolve('../shared/data/generated/photo.jpg');
const AS_SCHOOL = `${SITES.x.url}?as=HolbrookPrimary`;
/** The demo pack's official-account clause (rules/demo.json). */
const CLAUSE = 'Appendix A.5: on school sites "Pupils and other participants in sites must not be able to be identified"';

/** Waits on the warning's text (image checks run OCR and face detection: generous on a loaded machine). */
async function warningWith(page: Page, ...parts: string[]): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        text = await warningText(page);
        return parts.every((p) => text.includes(p));
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  return text;
}

/** A second class list with one pupil whose record says "no photo consent", through the admin channel. */
async function addPupilWithoutConsent(context: BrowserContext, extensionId: string): Promise<void> {
  const opt = await openOptions(context, extensionId);
  const r = await opt.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return c.runtime.sendMessage({
      type: 'importClassList',
      name: '6R',
      fileName: '6r.csv',
      groups: ['6R'],
      people: [{ role: 'pupil', forename: 'Oliver', surname: 'Ashdown', group: '6R', photoConsent: false }],
    });
  });
  expect(r.ok).toBe(true);
  await opt.close();
}

test.beforeEach(async ({ context, extensionId }) => {
  await (await loadDemo(context, extensionId)).close();
});

const TEXT = 'Well done Evie Carter at Holbrook Primary sports day!';

test('as the school account: a pupil named in a post with a photo is held with the posting protocol and the pack clause', async ({ context, stray }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  await page.goto(AS_SCHOOL);
  await expect(page.locator('[data-testid="SideNav_AccountSwitcher_Button"]')).toContainText('@HolbrookPrimary');
  await page.click(EDITOR);
  await page.keyboard.type(TEXT, { delay: 5 });
  await page.setInputFiles(INPUT, PHOTO);
  const text = await warningWith(page, 'Posting as the school', 'never name a child featured in a photograph', '003 step 2', CLAUSE);
  // The personal-account rules do not speak for the school's own account.
  expect(text).not.toContain("Pupil's name");
  expect(text).not.toContain('School named');

  await page.locator(POST).first().click();
  await warningWith(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect(stray).toEqual([]);
});

test('as a personal account: the same post gets the ordinary pupil-name warning, not the school protocol', async ({ context, stray }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await expect(page.locator('[data-testid="SideNav_AccountSwitcher_Button"]')).toContainText('@msteacher_gp');
  await page.click(EDITOR);
  await page.keyboard.type(TEXT, { delay: 5 });
  await warningWith(page, '“Evie Carter”', "Pupil's name", 'School named');
  await page.setInputFiles(INPUT, PHOTO);
  // The image check has answered (its chip is gone from "Checking").
  await expect.poll(async () => (await warningText(page)).includes('Checking image'), { timeout: 90_000 }).toBe(false);
  const text = await warningText(page);
  expect(text).toContain("Pupil's name");
  expect(text).not.toContain('Posting as the school');

  await page.locator(POST).first().click();
  await warningWith(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect(stray).toEqual([]);
});

test('as the school account: a pupil without photo consent is flagged even without a photo; one with consent is not', async ({ context, extensionId, stray }) => {
  test.setTimeout(120_000);
  await addPupilWithoutConsent(context, extensionId);
  const page = await context.newPage();
  await page.goto(AS_SCHOOL);
  await page.click(EDITOR);
  await page.keyboard.type('Oliver Ashdown read beautifully in assembly', { delay: 5 });
  await warningWith(page, '“Oliver Ashdown”', 'Posting as the school', 'no photo consent on record', '003 step 1', CLAUSE);
  await page.locator(POST).first().click();
  await warningWith(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  // A pupil with no consent problem, no photo: the school account may celebrate them; the post goes.
  const other = await context.newPage();
  await other.goto(AS_SCHOOL);
  await other.click(EDITOR);
  await other.keyboard.type('Evie Carter read beautifully in assembly', { delay: 5 });
  await other.locator(POST).first().click();
  await expect.poll(() => fixturePosts(other), { timeout: 30_000 }).toEqual([{ surface: 'post', text: 'Evie Carter read beautifully in assembly' }]);
  expect(await warningText(other)).not.toContain('Posting as the school');
  expect(stray).toEqual([]);
});

test('Facebook: the school Page posting as itself (Create-post header) is held on a pupil without photo consent; a teacher is not', async ({ context, extensionId, stray }) => {
  test.setTimeout(120_000);
  await addPupilWithoutConsent(context, extensionId);
  const editor = '[role="dialog"] [data-lexical-editor="true"]';
  const post = '[role="dialog"] [role="button"][aria-label="Post"]';
  const typed = 'Oliver Ashdown read beautifully in assembly';

  const asPage = await context.newPage();
  await asPage.goto(`${SITES.facebook.url}?as=HolbrookPrimary`);
  await asPage.click(editor);
  await asPage.keyboard.type(typed, { delay: 5 });
  await warningWith(asPage, '“Oliver Ashdown”', 'Posting as the school', 'no photo consent on record', CLAUSE);
  await asPage.locator(post).click();
  await warningWith(asPage, 'has not been sent');
  expect(await fixturePosts(asPage)).toEqual([]);

  // A teacher's own profile: the ordinary pupil-name warning.
  const asTeacher = await context.newPage();
  await asTeacher.goto(SITES.facebook.url);
  await asTeacher.click(editor);
  await asTeacher.keyboard.type(typed, { delay: 5 });
  const text = await warningWith(asTeacher, '“Oliver Ashdown”', "Pupil's name");
  expect(text).not.toContain('Posting as the school');
  expect(stray).toEqual([]);
});
