/**
 * Instagram: the Lexical caption in the create dialog ("Share"), the comment <textarea> (Enter and
 * "Post") and the Lexical DM box (Enter and "Send"); a Polish UI where only the label table knows
 * the controls.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const CAPTION = '[role="dialog"] [data-lexical-editor="true"]';
const COMMENT = 'form textarea';
const DM = '.ig-dm [data-lexical-editor="true"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('caption: a pupil name is cited, Share is held, "post anyway" lets it through', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.instagram.url);
  const typed = 'Sports day winners! Well done Evie Carter 🏅';
  await page.click(CAPTION);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Evie Carter”', "Pupil's name", 'Policy:');
  expect(await editorText(page, 'caption')).toBe(typed);

  await page.click('#fixture-share');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('#fixture-share');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'caption', text: typed }]);
  expect(stray).toEqual([]);
});

test('comment: Enter and the Post control are both held on a pupil name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.instagram.url);
  await page.click(COMMENT);
  await page.keyboard.type('So proud of Mei Chen today');
  await expectWarning(page, '“Mei Chen”', "Pupil's name");
  await page.keyboard.press('Enter');
  await expectWarning(page, 'has not been sent');
  // The panel sits beside the one-line comment box, over "Post": close it as a person would.
  await page.keyboard.press('Escape');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await page.click('#fixture-comment-post');
  await expectWarning(page, 'has not been sent');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'comment')).toBe('So proud of Mei Chen today');
});

test('DM: Enter is held on a pupil name; a clean message is sent', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.instagram.url);
  await page.click(DM);
  await page.keyboard.type('Is Evie Carter coming to the party?');
  await expectWarning(page, '“Evie Carter”');
  await page.keyboard.press('Enter');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  await page.keyboard.press('Escape'); // back to the editor, caret where it was
  for (let i = 0; i < 'Evie Carter coming to the party?'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('everyone coming?');
  await expect.poll(() => editorText(page, 'message')).toBe('Is everyone coming?');
  await page.waitForTimeout(500);
  expect(await warningText(page)).toBe('');
  await page.keyboard.press('Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'message', text: 'Is everyone coming?' }]);
});

test('Polish UI: "Opublikuj" (a div, no test id) is still held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${SITES.instagram.url}?hl=pl`);
  await page.click('textarea[aria-label="Dodaj komentarz…"]');
  await page.keyboard.type('Brawo Evie Carter');
  await expectWarning(page, '“Evie Carter”');
  await clickInWarning(page, 'Edit my comment'); // the panel sits over the button (see the comment test)
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});
