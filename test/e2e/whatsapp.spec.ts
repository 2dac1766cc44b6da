/**
 * WhatsApp Web: the real Lexical message box (Enter sends), the chat search box that must never be
 * checked, and a media-caption dialog opened later whose French "Envoyer" button has no icon hook.
 */
import { clickInWarning, editorText, expect, expectWarning, fixturePosts, loadDemo, SITES, test, warningText } from './harness';

const MESSAGE = '#main footer [data-tab="10"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('a pupil name in a message holds Enter and Send until "send anyway"', async ({ context, stray }) => {
  const page = await context.newPage();
  await page.goto(SITES.whatsapp.url);
  const typed = 'Did Evie Carter get home ok?';
  await page.click(MESSAGE);
  await page.keyboard.type(typed, { delay: 5 });
  await expectWarning(page, '“Evie Carter”', 'Edit my message');
  await page.keyboard.press('Enter');
  await expectWarning(page, 'Your message has not been sent');
  await page.click('button[aria-label="Send"]');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'message')).toBe(typed);

  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click('button[aria-label="Send"]');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'message', text: typed }]);
  expect(stray).toEqual([]);
});

test('the chat search box is not checked', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.whatsapp.url);
  await page.click('#side [data-tab="3"]');
  await page.keyboard.type('Evie Carter');
  await page.waitForTimeout(800);
  expect(await warningText(page)).toBe('');
});

test('localised label: a caption in the French media dialog is held by "Envoyer"', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.whatsapp.url);
  await page.click('button[aria-label="Attach"]');
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Sortie scolaire Holbrook Primary');
  await expectWarning(page, '“Holbrook Primary”');
  await page.click('[role="dialog"] [aria-label="Envoyer"]');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect(await editorText(page, 'caption')).toBe('Sortie scolaire Holbrook Primary');
});
