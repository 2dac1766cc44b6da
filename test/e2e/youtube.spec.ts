/**
 * YouTube comments: the plain contenteditable #contenteditable-root, the #submit-button "Comment"
 * button and Ctrl+Enter; a Polish UI where the submit renderer has no id.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const BOX = '#contenteditable-root';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name in a comment is cited; Comment and Ctrl+Enter are held; "post anyway" lets it through', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.youtube.url);
  const typed = 'Evie Carter sang so well in this!';
  await page.click(BOX);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Evie Carter”', "Pupil's name", 'Policy:');
  expect(await editorText(page, 'comment')).toBe(typed);

  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  await page.click('#submit-button button');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('#submit-button button');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: typed }]);
  expect(stray).toEqual([]);
});

test('a clean comment goes straight through', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.youtube.url);
  await page.click(BOX);
  await page.keyboard.type('What a lovely concert');
  await page.click('#submit-button button');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: 'What a lovely concert' }]);
});

test('a comment\'s own Reply button is not a submit, even while the comment box holds a pupil name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.youtube.url);
  await page.click(BOX);
  await page.keyboard.type('Evie Carter sang so well');
  await expectWarning(page, '“Evie Carter”');
  await clickInWarning(page, 'Edit my comment');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await page.click('#reply-button-end button');
  // Not held: the site's own handler ran and opened the reply box.
  await expect(page.locator('ytd-comment-reply-dialog-renderer #contenteditable-root')).toBeVisible();
  expect(await warningText(page)).not.toContain('has not been sent');
});

test('Polish UI: "Skomentuj" with no #submit-button hook is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${SITES.youtube.url}&hl=pl`);
  await page.click(BOX);
  await page.keyboard.type('Brawo Mei Chen');
  await expectWarning(page, '“Mei Chen”');
  await page.getByRole('button', { name: 'Skomentuj' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('replies: a comment\'s Reply button opens a reply box; its Reply submit is held on a pupil name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.youtube.url);
  await page.click('#reply-button-end button');
  const box = 'ytd-comment-reply-dialog-renderer #contenteditable-root';
  await page.click(box);
  await page.keyboard.type('Thank you, Mei Chen was brilliant');
  await expectWarning(page, '“Mei Chen”', 'Edit my comment');
  await page.click('ytd-comment-reply-dialog-renderer #submit-button button');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'reply')).toBe('Thank you, Mei Chen was brilliant');
});

test('a clean comment goes through on Ctrl+Enter', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.youtube.url);
  await page.click(BOX);
  await page.keyboard.type('Beautiful harmonies');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: 'Beautiful harmonies' }]);
});
