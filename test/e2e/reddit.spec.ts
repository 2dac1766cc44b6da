/**
 * Reddit: the shreddit comment composer (web components with open shadow roots around a slotted
 * Lexical editor that stops input propagation), its slotted submit button inside a native form,
 * and Ctrl+Enter (the form's requestSubmit); a Welsh UI where the button has no slot hook.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const BODY = 'shreddit-composer div[role="textbox"][name="body"]';
const SUBMIT = 'button[slot="submit-button"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name is cited; the Comment button and the form submit are held; "post anyway" lets it through', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.reddit.url);
  const typed = 'My pupil Mei Chen loved the talent show idea';
  await page.click(BODY);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Mei Chen”', "Pupil's name", 'Policy:');
  expect(await editorText(page, 'comment')).toBe(typed);

  await page.click(SUBMIT);
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  // The click and the form's own submit event are one gesture: "post anyway" lets both through.
  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click(SUBMIT);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: typed }]);
  expect(stray).toEqual([]);
});

test('Ctrl+Enter is held on the school name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.reddit.url);
  await page.click(BODY);
  await page.keyboard.type('We tried it at Holbrook Primary');
  await expectWarning(page, '“Holbrook Primary”');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('a clean comment submitted before the check finished goes through once', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.reddit.url);
  await page.click(BODY);
  await page.keyboard.type('A talent show is a great idea');
  await page.click(SUBMIT);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: 'A talent show is a great idea' }]);
});

test('Welsh UI: "Sylw" with no slot hook is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${SITES.reddit.url}?hl=cy`);
  await page.click(BODY);
  await page.keyboard.type('Da iawn Evie Carter');
  await expectWarning(page, '“Evie Carter”');
  // Unhooked, the button lands under the editor, where the panel sits: close it as a person would.
  await clickInWarning(page, 'Edit my comment');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await page.getByRole('button', { name: 'Sylw' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('post page: a pupil name in the title (a textarea inside a shadow root) holds Post', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.reddit.com/r/Teachers/submit/?type=TEXT');
  await page.click('faceplate-textarea-input textarea');
  await page.keyboard.type('Evie Carter won the county art prize');
  await expectWarning(page, '“Evie Carter”', 'Edit my post');
  expect(await editorText(page, 'title')).toBe('Evie Carter won the county art prize');
  await clickInWarning(page, 'Edit my post'); // the panel sits below the title, over Post
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  await page.click('#submit-post-button');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('a clean comment goes through on Ctrl+Enter (through the form\'s requestSubmit)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.reddit.url);
  await page.click(BODY);
  await page.keyboard.type('We did a book swap');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'comment', text: 'We did a book swap' }]);
});
