/**
 * Facebook surfaces whose markup differs from the feed: Messenger (/messages, Lexical "Message"
 * box, "Press enter to send"), a group's Create-post dialog that only exists once opened, and
 * m.facebook.com through the generic adapter (legacy textarea form).
 */
import { badges, expect, expectWarning, fixturePosts, loadDemo, PAGES, test } from './harness';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('Messenger: Enter and the send control are held on a pupil name', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PAGES.messenger.url);
  await page.click('[role="textbox"][aria-label="Message"]');
  await page.keyboard.type('Is Evie Carter in school tomorrow?');
  await expectWarning(page, '“Evie Carter”', 'Edit my message');
  await page.keyboard.press('Enter');
  await expectWarning(page, 'Your message has not been sent');
  await page.click('[aria-label="Press enter to send"]');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('a group: the Create-post dialog opened later is checked and Post is held', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PAGES.fbGroup.url);
  await page.getByText('Write something...').click();
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Reminder from Holbrook Primary: trip on Friday');
  await expectWarning(page, '“Holbrook Primary”', 'Edit my post');
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await expectWarning(page, 'Your post has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('m.facebook.com: the generic adapter holds the legacy composer form, and full protection is not in doubt', async ({ context, sw }) => {
  const page = await context.newPage();
  await page.goto(PAGES.fbMobile.url);
  await page.click('textarea[data-sigil~="composer-textarea"]');
  await page.keyboard.type('Evie Carter read beautifully today');
  await expectWarning(page, '“Evie Carter”');
  await page.click('button[data-sigil~="submit_composer"]');
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect((await badges(sw)).map((b) => b.text)).not.toContain('!');
});
