/**
 * TikTok: the real Draft.js comment box (data-e2e hooks, Enter posts) and the Studio caption whose
 * Post button is found only through the Welsh label ("Postio").
 */
import { badges, clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test } from './harness';

const COMMENT = '[data-e2e="comment-input"] [contenteditable="true"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name in a comment is warned about; Enter and the Post button are held until "post anyway"', async ({ context, stray, sw }) => {
  const page = await context.newPage();
  await page.goto(SITES.tiktok.url);
  const typed = 'Evie Carter smashed it';
  await page.click(COMMENT);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Evie Carter”', "Pupil's name", 'Edit my comment');
  await page.keyboard.press('Enter');
  await expectWarning(page, 'Your comment has not been sent');
  await page.click('[data-e2e="comment-post"]');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'comment')).toBe(typed);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('[data-e2e="comment-post"]');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: typed }]);
  // The site's own hooks found the editor: no "limited protection" badge.
  expect((await badges(sw)).map((b) => b.text)).not.toContain('!');
  expect(stray).toEqual([]);
});

test('localised label: the Welsh Studio "Postio" button is held on the school name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.tiktok.com/tiktokstudio/upload');
  await page.click('.caption-editor [contenteditable="true"]');
  await page.keyboard.type('Diwrnod chwaraeon Holbrook Primary');
  await expectWarning(page, '“Holbrook Primary”', 'Edit my post');
  await page.getByRole('button', { name: 'Postio' }).click();
  await expectWarning(page, 'Your post has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  // A button that is not a submit (Dileu = Discard) is not held.
  await page.getByRole('button', { name: 'Dileu' }).click();
  expect(await editorText(page, 'caption')).toBe('Diwrnod chwaraeon Holbrook Primary');
});
