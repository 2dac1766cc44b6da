/**
 * The end-to-end slice on X: the real Draft.js composer, the Post / Reply buttons and Ctrl+Enter.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const EDITOR = '[data-testid="tweetTextarea_0"]';
const POST = '[data-testid="tweetButtonInline"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name with a possessive and curly apostrophe is caught, held, and released', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  const typed = 'Siobhán O’Brien’s painting is up in the hall';
  await page.click(EDITOR);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Siobhán O’Brien”', "Pupil's name");
  expect(await editorText(page, 'post')).toBe(typed);

  await page.locator(POST).first().click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.locator(POST).first().click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(stray).toEqual([]);
});

test('Ctrl+Enter is held on the school hashtag', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click(EDITOR);
  await page.keyboard.type('Great day #HolbrookPride');
  await expectWarning(page, '#HolbrookPride');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('"Edit my post" closes the panel and returns to the editor; fixing the text clears the warning', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click(EDITOR);
  await page.keyboard.type('Well done Evie Carter');
  await expectWarning(page, 'Evie Carter');
  await page.waitForTimeout(400);
  await clickInWarning(page, 'Edit my post');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  for (let i = 0; i < 'Evie Carter'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('everyone');
  await expect.poll(() => editorText(page, 'post')).toBe('Well done everyone');
  await page.waitForTimeout(500);
  expect(await warningText(page)).toBe('');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Well done everyone' }]);
});

test('keyboard: a held post moves focus into the warning, Tab reaches its buttons, Escape closes it and returns to the editor', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click(EDITOR);
  await page.keyboard.type('Lovely work from Mei Chen');
  await expectWarning(page, 'Mei Chen');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  // Focus is inside our (closed) host: the page sees only the host element.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.includes('-'))).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tweetTextarea_0');
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'post')).toBe('Lovely work from Mei Chen');
});
