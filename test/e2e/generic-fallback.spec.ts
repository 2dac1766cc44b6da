/**
 * When a known site's hooks are gone (x.com with every X-specific hook renamed and a different
 * editor), the generic adapter still checks the text, warns and holds the submit, and the toolbar
 * icon says protection on this tab is limited (read from the service worker). The same page at
 * its usual markup shows no badge.
 */
import { badges, expect, expectWarning, fixturePosts, loadDemo, PAGES, SITES, test } from './harness';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('renamed X hooks: generic fallback warns and holds; the toolbar shows limited protection', async ({ context, sw, stray }) => {
  const page = await context.newPage();
  await page.goto(PAGES.xRenamed.url);
  expect((await badges(sw)).map((b) => b.text)).not.toContain('!');
  await page.click('[data-testid="postComposer_0"]');
  await page.keyboard.type('Evie Carter scored twice today');
  await expectWarning(page, '“Evie Carter”', "Pupil's name");
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'has not been sent');
  await page.click('[data-testid="postButtonInline"]');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  await expect
    .poll(async () => (await badges(sw)).filter((b) => b.text === '!').map((b) => b.title))
    .toEqual([expect.stringContaining('limited protection on this page')]);
  expect(stray).toEqual([]);
});

test('the usual X markup reports full protection, and a reload clears an earlier limited badge', async ({ context, sw }) => {
  const page = await context.newPage();
  await page.goto(PAGES.xRenamed.url);
  await page.click('[data-testid="postComposer_0"]');
  await expect.poll(async () => (await badges(sw)).some((b) => b.text === '!')).toBe(true);
  // Same tab, now the normal X page: the badge goes on load, and focusing the Draft editor keeps it off.
  await page.goto(SITES.x.url);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.waitForTimeout(500);
  expect((await badges(sw)).map((b) => b.text)).not.toContain('!');
});
