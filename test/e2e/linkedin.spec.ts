/**
 * LinkedIn: the real Quill share composer inside #interop-outlet's open shadow root (Post button
 * and Ctrl+Enter), the messaging box (Enter and the form's Send); a Welsh UI whose Post button has
 * no BEM hook.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, highlightBoxes, loadDemo, SITES, test, warningText } from './harness';

// Playwright's CSS engine pierces open shadow roots.
const SHARE = '#interop-outlet .ql-editor[role="textbox"]';
const POST = '#interop-outlet #fixture-share-post';
const MESSAGE = '.msg-form [role="textbox"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('shadow-root composer: a pupil name is cited and highlighted; Post and Ctrl+Enter are held; "post anyway" lets it through', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.linkedin.url);
  const typed = 'Proud of Evie Carter for leading our assembly';
  await page.click(SHARE);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Evie Carter”', "Pupil's name", 'Policy:');
  expect(await editorText(page, 'post')).toBe(typed);
  // The highlight is drawn from a Range over text inside the shadow root: it sits on the words.
  const words = await page.evaluate(() => {
    const root = document.getElementById('interop-outlet')!.shadowRoot!;
    const p = root.querySelector('.ql-editor p')!;
    const text = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('Evie'));
    range.setEnd(text, text.data.indexOf('Carter') + 'Carter'.length);
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  });
  const boxes = await highlightBoxes(page);
  expect(boxes.length).toBeGreaterThan(0);
  expect(Math.abs(boxes[0]!.x - words.x)).toBeLessThan(2);
  expect(Math.abs(boxes[0]!.y - words.y)).toBeLessThan(2);
  expect(Math.abs(boxes.reduce((w, b) => w + b.w, 0) - words.w)).toBeLessThan(2);

  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  await page.click(POST);
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click(POST);
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: typed }]);
  expect(stray).toEqual([]);
});

test('a clean post goes through on Ctrl+Enter (Quill\'s own binding), even before the check finished', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.linkedin.url);
  await page.click(SHARE);
  await page.keyboard.type('Great INSET day on phonics');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Great INSET day on phonics' }]);
  expect(await warningText(page)).toBe('');
});

test('"Edit my post" returns to the shadow-root editor with the caret where it was', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.linkedin.url);
  await page.click(SHARE);
  await page.keyboard.type('Well done Mei Chen today');
  for (let i = 0; i < ' today'.length; i++) await page.keyboard.press('ArrowLeft');
  await expectWarning(page, '“Mei Chen”');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  await clickInWarning(page, 'Edit my post');
  await expect.poll(() => warningText(page)).not.toContain('Post anyway');
  for (let i = 0; i < 'Mei Chen'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('everyone');
  await expect.poll(() => editorText(page, 'post')).toBe('Well done everyone today');
});

test('messaging: Enter and Send are held on a pupil name; "post anyway" lets the form submit through', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.linkedin.url);
  await page.click(MESSAGE);
  const typed = 'Mei Chen was unwell today';
  await page.keyboard.type(typed);
  await expectWarning(page, '“Mei Chen”');
  await page.keyboard.press('Enter');
  await expectWarning(page, 'has not been sent');
  await page.click('#fixture-send');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'message')).toBe(typed);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('#fixture-send');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'message', text: typed }]);
});

test('Welsh UI: "Postio" in the shadow root, without the BEM hook, is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${SITES.linkedin.url}?hl=cy`);
  await page.click(SHARE);
  await page.keyboard.type('Da iawn Evie Carter');
  await expectWarning(page, '“Evie Carter”');
  await page.click(POST);
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});
