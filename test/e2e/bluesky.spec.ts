/**
 * Bluesky: the real TipTap / ProseMirror composer in a dialog that does not exist at load, SPA
 * navigation with history.pushState, Ctrl+Enter and the publish button, and a Polish reply composer
 * recognised as a reply through the label table.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test } from './harness';

const EDITOR = '[data-testid="composePostView"] .ProseMirror';
const PUBLISH = '[data-testid="composerPublishBtn"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a composer dialog opened after load is checked; Ctrl+Enter and Publish are held', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.bluesky.url);
  await page.waitForTimeout(500); // the content script has started; no editor exists yet
  expect(await page.locator(EDITOR).count()).toBe(0);
  await page.click('[data-testid="composeFAB"]');
  await page.locator(EDITOR).waitFor();
  const typed = 'Proud of Evie Carter today';
  await page.keyboard.type(typed, { delay: 5 }); // the dialog focuses the editor itself
  await expectWarning(page, '“Evie Carter”', 'Edit my post');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'Your post has not been sent');
  await page.click(PUBLISH);
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'post')).toBe(typed);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click(PUBLISH);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(stray).toEqual([]);
});

test('after SPA navigation (pushState), a Polish reply dialog is a reply and is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.bluesky.url);
  await page.click('a[aria-label="Notifications"]');
  await expect(page).toHaveURL('https://bsky.app/notifications');
  await page.click('[data-testid="replyBtn"]');
  await page.locator(EDITOR).waitFor();
  await page.keyboard.type('Dzięki, Holbrook Primary!');
  // The label table reads "Opublikuj odpowiedź" as a reply: the warning speaks of a comment.
  await expectWarning(page, '“Holbrook Primary”', 'Edit my comment');
  await page.getByRole('button', { name: 'Opublikuj odpowiedź' }).click();
  await expectWarning(page, 'Your comment has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});
