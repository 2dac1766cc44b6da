/**
 * Threads: the real Lexical composer, the "Post" div[role=button] (no test id, found by its label)
 * and Ctrl+Enter; replies; a Welsh UI.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test } from './harness';

const NEW = '[role="dialog"] [data-lexical-editor="true"]';
const REPLY = '[data-pressable-container] [data-lexical-editor="true"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name in a new thread is cited; Post and Ctrl+Enter are held; "post anyway" lets it through', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.threads.url);
  const typed = 'Big congratulations to Mei Chen on her swimming badge';
  await page.click(NEW);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Mei Chen”', "Pupil's name", 'Policy:');
  expect(await editorText(page, 'post')).toBe(typed);

  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  await page.click('#fixture-post');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('#fixture-post');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(stray).toEqual([]);
});

test('a reply naming the school is held as a comment', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.threads.url);
  await page.click(REPLY);
  await page.keyboard.type('Lovely news from Holbrook Primary');
  const text = await expectWarning(page, '“Holbrook Primary”');
  expect(text).toContain('Edit my comment');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('Welsh UI: "Postio" is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${SITES.threads.url}?hl=cy`);
  await page.click(NEW);
  await page.keyboard.type('Da iawn Evie Carter');
  await expectWarning(page, '“Evie Carter”');
  await page.getByRole('button', { name: 'Postio' }).first().click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('a clean thread goes through on Ctrl+Enter (the fixture\'s own binding), even before the check finished', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.threads.url);
  await page.click(NEW);
  await page.keyboard.type('Marking done, time for tea');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Marking done, time for tea' }]);
});
