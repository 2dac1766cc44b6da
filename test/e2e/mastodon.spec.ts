/**
 * Mastodon on an instance the user adds. The user adds toot.example under "Other sites" on the
 * options page; the background registers the content script for that origin only, and the
 * Mastodon adapter then holds the compose form. Playwright cannot answer the browser's permission
 * prompt, so the test grants the host permission the way a user can in the extension's details
 * page (chrome://extensions, "Site access": developerPrivate.addHostPermission), after which
 * permissions.request() resolves at once without a prompt.
 */
import { badges, expect, expectWarning, fixturePosts, loadDemo, openOptions, SITES, test, warningText } from './harness';
import type { Page, Worker } from '@playwright/test';

async function grantHost(page: Page, extensionId: string, pattern: string): Promise<void> {
  await page.goto('chrome://extensions/');
  await page.evaluate(
    ([id, p]) => (globalThis as unknown as { chrome: any }).chrome.developerPrivate.addHostPermission(id, p),
    [extensionId, pattern] as const,
  );
}

async function registered(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () =>
    ((await (globalThis as unknown as { chrome: any }).chrome.scripting.getRegisteredContentScripts()) as { id: string }[]).map((s) => s.id),
  );
}

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

test('before the site is added, nothing runs there', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.mastodon.url);
  await page.click('.compose-form textarea >> nth=0');
  await page.keyboard.type('Evie Carter');
  await page.waitForTimeout(800);
  expect(await warningText(page)).toBe('');
});

test('an added instance is checked: post, reply and the Polish fork button are held', async ({ context, extensionId, sw }) => {
  await grantHost(await context.newPage(), extensionId, 'https://toot.example/*');
  const opt = await openOptions(context, extensionId);
  await opt.getByLabel('Site address').fill('toot.example');
  await opt.getByRole('button', { name: 'Add site' }).click();
  await expect(opt.getByText('Added https://toot.example.')).toBeVisible();
  await expect(opt.getByRole('button', { name: 'Remove https://toot.example' })).toBeVisible();
  expect(await registered(sw)).toEqual(['user-site:https://toot.example']);

  const page = await context.newPage();
  await page.goto(SITES.mastodon.url);
  const compose = page.locator('form.compose-form').nth(0);
  await compose.locator('textarea').click();
  await page.keyboard.type('Well done Evie Carter');
  await expectWarning(page, '“Evie Carter”', 'Edit my post');
  await page.keyboard.press('Control+Enter');
  await expectWarning(page, 'Your post has not been sent');
  await compose.getByRole('button', { name: 'Post' }).click();
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  // A reply (the .reply-indicator) is a comment.
  await compose.getByRole('button', { name: 'Reply to PTA' }).click();
  await compose.locator('textarea').click();
  await page.keyboard.type('!');
  await expectWarning(page, 'Edit my comment');

  // Localised label: the fork's Polish "Opublikuj" (type=button, no Mastodon class) is held.
  const fork = page.locator('form.compose-form').nth(1);
  await fork.locator('textarea').click();
  await page.keyboard.type('Wycieczka Holbrook Primary');
  await expectWarning(page, '“Holbrook Primary”');
  await fork.getByRole('button', { name: 'Opublikuj' }).click();
  await expectWarning(page, 'has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  expect((await badges(sw)).map((b) => b.text)).not.toContain('!');

  // Removing the site unregisters the script and gives the permission back.
  await opt.getByRole('button', { name: 'Remove https://toot.example' }).click();
  await expect(opt.getByText('Removed https://toot.example.')).toBeVisible();
  expect(await registered(sw)).toEqual([]);
  expect(await sw.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.permissions.contains({ origins: ['https://toot.example/*'] }))).toBe(false);
});
