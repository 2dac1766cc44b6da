/**
 * The end-to-end slice on Facebook: a pupil's name typed into the real Lexical composer is caught,
 * the post is held (the fixture's own submit handler never fires), "post anyway" releases it, and
 * the editor's own state is exactly what was typed.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const POST_EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
const POST_BUTTON = '[role="dialog"] [role="button"][aria-label="Post"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name in a post is highlighted, cited and held until "post anyway"', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  const typed = 'Such a proud day! Evie Carter won the poetry prize 🎉';
  await page.click(POST_EDITOR);
  await page.keyboard.type(typed, { delay: 5 });

  const text = await expectWarning(page, '“Evie Carter”', "Pupil's name", 'Policy:');
  expect(text).toContain('Post anyway');
  expect(await editorText(page, 'post')).toBe(typed);
  // Highlights are overlays: the editor's DOM holds only Lexical's own markup.
  const tags = await page.$eval(POST_EDITOR, (ed) => [...new Set([...ed.querySelectorAll('*')].map((e) => e.tagName))].sort());
  expect(tags).toEqual(['P', 'SPAN']);

  // Post is held while the warning stands.
  await page.click(POST_BUTTON);
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);

  // "Post anyway" lets the next click through, with the text exactly as typed.
  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click(POST_BUTTON);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(stray).toEqual([]);
});

test('the school name is caught, keyboard submit (Ctrl+Enter) is held too', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type('Parents evening at Holbrook Primary tonight');
  await expectWarning(page, '“Holbrook Primary”', 'Policy:');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  await expectWarning(page, 'has not been sent');
});

test('a clean post goes straight through, even when submitted before the check finished', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  const typed = 'Lovely walk by the river this morning';
  await page.keyboard.type(typed);
  await page.click(POST_BUTTON); // within the debounce: held, checked, then replayed
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(await warningText(page)).toBe('');
});

test('comments: Enter is held on a pupil name; the name may be split across lines', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('form[role="presentation"] [data-lexical-editor="true"]');
  await page.keyboard.type('Well done Noemie');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Dubois!');
  await expectWarning(page, "Pupil's name");
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'comment')).toBe('Well done Noemie\nDubois!');
});

test('the generic adapter checks any other textarea on the site', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('textarea[aria-label="Write a message"]');
  await page.keyboard.type('See you at Holbrook Primary School tomorrow');
  await expectWarning(page, 'Holbrook Primary School');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('an ordinary sentence with name-like words does not warn', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type('Hunter may come later, turn to page four');
  await page.waitForTimeout(800);
  expect(await warningText(page)).toBe('');
});

test('the other text rules reach the page too: confidential term, school e-mail, date of birth', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type('Dreading the Ofsted inspection. Email jane.smith@holbrook.sch.uk, I was born 03/09/1988', { delay: 2 });
  await expectWarning(page, '“Ofsted inspection”', 'Confidential information', '“jane.smith@holbrook.sch.uk”', 'School e-mail address', '“03/09/1988”', 'Your personal details');
});
