/**
 * Social actions end to end, in Chromium with the built extension and the demo school: friend /
 * follow / connect / accept clicks held with the warning and the clause, "… anyway" letting the
 * click through once, a non-matching person going straight through, private messages to a pupil
 * held, profile fields naming the school (every field of the form checked), the LinkedIn
 * recommendation form under policy 003, and localised labels (Welsh, Polish). Fixture pages:
 * test/fixtures/sites/src/social.tsx, served at the sites' own URLs (routes registered here win
 * over the harness's per-origin ones for these paths).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { clickInWarning, expect, expectWarning, fixturePosts, loadDemo, openCopyOfWarning, openOptions, overlaps, test, warningPanelBox, warningText, type Box } from './harness';

const SOCIAL_PATHS: RegExp[] = [
  /^https:\/\/www\.facebook\.com\/(friends\/|evie\.carter|jamie\.stone|messages\/t\/[23]|me\/about_work_and_education)/,
  /^https:\/\/x\.com\/(evie_carter12|jamiestone|follower_requests|messages\/|settings\/profile)/,
  /^https:\/\/www\.instagram\.com\/(evie\.carter\/|accounts\/activity|direct\/t\/|accounts\/edit)/,
  /^https:\/\/www\.linkedin\.com\/(mynetwork\/invitation-manager|messaging\/thread|in\/)/,
  /^https:\/\/www\.tiktok\.com\/@evie_carter12/,
  /^https:\/\/bsky\.app\/profile\//,
  /^https:\/\/toot\.example\/(follow_requests|@evie_carter|settings\/profile)/,
];

async function serveSocial(context: BrowserContext): Promise<void> {
  const html = await readFile(path.resolve('test/fixtures/sites/dist/social.html'), 'utf8');
  for (const re of SOCIAL_PATHS) {
    await context.route(re, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
}

const readJson = async (rel: string): Promise<any> => JSON.parse(await readFile(path.resolve(rel), 'utf8'));
const demoPack = await readJson('rules/demo.json');
const trustTemplate = await readJson('rules/templates/trust-2024.json');

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  await serveSocial(context);
});

const demo = demoPack as unknown as { rules: Record<string, { clause: string; advice?: string; title: string }> };
const FRIEND = demo.rules['friend-request']!;
const DM = demo.rules['direct-message']!;
const WORKS_AT = demo.rules['works-at']!;

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The panel must have been on screen a moment before "… anyway" counts (anti click-through). */
async function anyway(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(400);
  await clickInWarning(page, label);
}

// ---- friend / follow / connect ---------------------------------------------------------------------

test('Facebook: confirming a pupil\'s friend request is held with the clause and the reporting advice; "Accept anyway" lets it through once', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/friends/requests');
  const card = page.getByRole('listitem').filter({ hasText: 'Evie Carter' });
  await card.getByRole('button', { name: 'Confirm' }).click();
  await expectWarning(page, 'Not done yet: accepting this friend request has been held', FRIEND.title, FRIEND.clause, 'What your policy says to do', FRIEND.advice!);
  expect(await fixturePosts(page)).toEqual([]);
  // The warning says nothing from the class list: no role, no list, no "pupil on your list".
  expect(await warningText(page)).not.toMatch(/5H|class list|Carter/);

  await anyway(page, 'Accept anyway');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'friend-accept', text: 'Evie Carter' }]);
  expect(await warningText(page)).toBe('');
});

/** The page's own boxes (viewport px) of `locator`'s matches. */
async function boxes(locator: import('@playwright/test').Locator): Promise<Box[]> {
  const out: Box[] = [];
  for (const el of await locator.all()) {
    const b = await el.boundingBox();
    if (b) out.push({ x: b.x, y: b.y, w: b.width, h: b.height });
  }
  return out;
}

for (const [site, url, accept, next] of [
  ['Facebook', 'https://www.facebook.com/friends/requests', { name: 'Confirm', exact: true }, 'Jamie Stone'],
  ['LinkedIn', 'https://www.linkedin.com/mynetwork/invitation-manager/received/', { name: 'Accept Evie Carter’s invitation' }, 'Jamie Stone'],
] as const) {
  test(`${site}: the request warning sits beside the request's card and leaves the next card and its buttons uncovered and clickable`, async ({ context }) => {
    const page = await open(context, url);
    const own = page.getByRole('listitem').filter({ hasText: 'Evie Carter' });
    const neighbour = page.getByRole('listitem').filter({ hasText: next });
    await own.getByRole('button', accept).click();
    await expectWarning(page, 'accepting this friend request has been held');
    await expect.poll(() => warningPanelBox(page)).not.toBeNull();
    await page.screenshot({ path: `test-results/screenshots/request-warning-${site.toLowerCase()}.png` });
    const panel = (await warningPanelBox(page))!;
    // Not over the next card (its name, its buttons), nor over the card the warning is about.
    for (const b of [...(await boxes(neighbour)), ...(await boxes(neighbour.getByRole('button')))]) expect(overlaps(panel, b), `panel ${JSON.stringify(panel)} over ${JSON.stringify(b)}`).toBe(false);
    for (const b of await boxes(own)) expect(overlaps(panel, b), `panel over its own card ${JSON.stringify(b)}`).toBe(false);
    // Inside the viewport.
    const vp = page.viewportSize()!;
    expect(panel.x >= 0 && panel.y >= 0 && panel.x + panel.w <= vp.width && panel.y + panel.h <= vp.height).toBe(true);
    // The neighbour's own buttons still take a real click while the warning shows (Playwright
    // refuses to click an element another one covers); a request not from a pupil goes through.
    await neighbour.getByRole('button', accept.name === 'Confirm' ? { name: 'Confirm', exact: true } : { name: `Accept ${next}’s invitation` }).click({ timeout: 3000 });
    await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'friend-accept', text: next }]);
  });
}

test('Facebook: a request from someone not on the list goes straight through', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/friends/requests');
  const card = page.getByRole('listitem').filter({ hasText: 'Jamie Stone' });
  await card.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'friend-accept', text: 'Jamie Stone' }]);
  expect(await warningText(page)).toBe('');
});

test('Facebook in Welsh: "Cadarnhau" is held; "Don\'t accept" leaves the request alone', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/friends/requests?hl=cy');
  const card = page.getByRole('listitem').filter({ hasText: 'Evie Carter' });
  await card.getByRole('button', { name: 'Cadarnhau' }).click();
  await expectWarning(page, FRIEND.clause);
  await clickInWarning(page, 'Don’t accept');
  await expect.poll(() => warningText(page)).toBe('');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('Facebook: Add friend on a pupil\'s profile is held (no advice: nothing came in)', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/evie.carter.5');
  await page.getByRole('button', { name: 'Add friend' }).click();
  const text = await expectWarning(page, 'your friend request has not been sent', FRIEND.clause);
  expect(text).not.toContain('What your policy says to do');
  expect(await fixturePosts(page)).toEqual([]);
});

test('X: Follow (Polish label, handle in the aria-label) is held; a non-matching account is followed at once', async ({ context }) => {
  const page = await open(context, 'https://x.com/evie_carter12?hl=pl');
  await page.getByRole('button', { name: 'Obserwuj @evie_carter12' }).click();
  await expectWarning(page, 'Not done yet: you are not following this person', FRIEND.clause);
  expect(await fixturePosts(page)).toEqual([]);
  await anyway(page, 'Follow anyway');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'follow', text: 'evie_carter12' }]);

  const other = await open(context, 'https://x.com/jamiestone');
  await other.getByRole('button', { name: 'Follow @jamiestone' }).click();
  await expect.poll(() => fixturePosts(other)).toEqual([{ surface: 'follow', text: 'jamiestone' }]);
  expect(await warningText(other)).toBe('');
});

test('X: approving a follow request from a pupil\'s handle (display name "E.C. 🌟") is held', async ({ context }) => {
  const page = await open(context, 'https://x.com/follower_requests');
  await page.getByTestId('UserCell').filter({ hasText: '@evie_carter12' }).getByRole('button', { name: 'Accept' }).click();
  await expectWarning(page, 'approving this follow request has been held', FRIEND.advice!);
  expect(await fixturePosts(page)).toEqual([]);
  await page.getByTestId('UserCell').filter({ hasText: '@jamiestone' }).getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'follow-accept', text: 'jamiestone' }]);
});

test('Instagram: Follow on a pupil\'s profile and Confirm of their follow request (Welsh) are held', async ({ context }) => {
  const page = await open(context, 'https://www.instagram.com/evie.carter/');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expectWarning(page, FRIEND.clause);
  expect(await fixturePosts(page)).toEqual([]);

  const requests = await open(context, 'https://www.instagram.com/accounts/activity/?hl=cy');
  await requests.getByRole('button', { name: 'Cadarnhau' }).first().click();
  await expectWarning(requests, 'approving this follow request has been held', FRIEND.advice!);
  expect(await fixturePosts(requests)).toEqual([]);
  await requests.getByRole('button', { name: 'Cadarnhau' }).nth(1).click();
  await expect.poll(() => fixturePosts(requests)).toEqual([{ surface: 'follow-accept', text: 'jamie.stone' }]);
});

test('LinkedIn: Accept (Polish, name in the label) and Connect are held; another person\'s invitation goes through', async ({ context }) => {
  const page = await open(context, 'https://www.linkedin.com/mynetwork/invitation-manager/received/?hl=pl');
  await page.getByRole('button', { name: 'Zaakceptuj zaproszenie od Evie Carter' }).click();
  await expectWarning(page, 'accepting this friend request has been held', FRIEND.clause);
  expect(await fixturePosts(page)).toEqual([]);
  await page.getByRole('button', { name: 'Zaakceptuj zaproszenie od Jamie Stone' }).click();
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'friend-accept', text: 'Jamie Stone' }]);

  const profile = await open(context, 'https://www.linkedin.com/in/evie-carter-1a2b3c/');
  await profile.getByRole('button', { name: 'Invite Evie Carter to connect' }).click();
  await expectWarning(profile, 'your friend request has not been sent');
  expect(await fixturePosts(profile)).toEqual([]);
});

test('TikTok and Bluesky: following a pupil is held', async ({ context }) => {
  const tiktok = await open(context, 'https://www.tiktok.com/@evie_carter12');
  await tiktok.locator('[data-e2e="follow-button"]').click();
  await expectWarning(tiktok, 'you are not following this person', FRIEND.clause);
  expect(await fixturePosts(tiktok)).toEqual([]);

  const bsky = await open(context, 'https://bsky.app/profile/eviecarter.bsky.social');
  await bsky.getByTestId('followBtn').click();
  await expectWarning(bsky, 'you are not following this person', FRIEND.clause);
  expect(await fixturePosts(bsky)).toEqual([]);
});

test('a page clicking its own Follow button gets no check and no warning (untrusted clicks are ignored)', async ({ context }) => {
  const page = await open(context, 'https://x.com/evie_carter12');
  await page.evaluate(() => (document.querySelector('[data-testid="1001-follow"]') as HTMLElement).click());
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'follow', text: 'evie_carter12' }]);
  expect(await warningText(page)).toBe('');
});

// ---- private messages -----------------------------------------------------------------------------

test('Messenger: writing to a pupil warns; Send is held until "Send anyway", then the next Send goes', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/messages/t/200000000000002');
  await page.getByRole('textbox', { name: 'Message' }).click();
  await page.keyboard.type('See you tomorrow');
  await expectWarning(page, 'A private message to this person may break', DM.title, DM.clause);
  await page.keyboard.press('Enter');
  await expectWarning(page, 'Your message has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
  await anyway(page, 'Send anyway');
  await page.getByRole('textbox', { name: 'Message' }).click();
  await page.keyboard.press('Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'message', text: 'See you tomorrow' }]);
});

test('Messenger in Welsh ("Sgwrs gyda …", "Pwyswch Enter i anfon"): clicking send to a pupil is held', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/messages/t/200000000000002?hl=cy');
  await page.getByRole('textbox', { name: 'Neges' }).click();
  await page.keyboard.type('Helo');
  await expectWarning(page, DM.clause);
  await page.getByRole('button', { name: 'Pwyswch Enter i anfon' }).click();
  await expectWarning(page, 'Your message has not been sent');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('Messenger: a conversation with someone not on the list is not held', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/messages/t/300000000000003');
  await page.getByRole('textbox', { name: 'Message' }).click();
  await page.keyboard.type('See you tomorrow');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'message', text: 'See you tomorrow' }]);
  expect(await warningText(page)).toBe('');
});

test('X DMs: the recipient is read from the conversation header (handle in the avatar link); Send is held', async ({ context }) => {
  const page = await open(context, 'https://x.com/messages/123-456');
  await page.getByTestId('dmComposerTextInput').click();
  await page.keyboard.type('Hello');
  await expectWarning(page, DM.clause);
  await page.getByTestId('dmComposerSendButton').click();
  await expectWarning(page, 'Your message has not been sent');
  expect(await fixturePosts(page)).toEqual([]);
});

test('Instagram and LinkedIn DMs to a pupil are held', async ({ context }) => {
  const ig = await open(context, 'https://www.instagram.com/direct/t/1/');
  await ig.getByRole('textbox').click();
  await ig.keyboard.type('Hi');
  await expectWarning(ig, DM.clause);
  await ig.keyboard.press('Enter');
  await expectWarning(ig, 'Your message has not been sent');
  expect(await fixturePosts(ig)).toEqual([]);

  const li = await open(context, 'https://www.linkedin.com/messaging/thread/1/');
  await li.locator('.msg-form__contenteditable').click();
  await li.keyboard.type('Hi');
  await expectWarning(li, DM.clause);
  await li.locator('.msg-form__send-button').click();
  await expectWarning(li, 'Your message has not been sent');
  expect(await fixturePosts(li)).toEqual([]);
});

// ---- profiles and references ----------------------------------------------------------------------

test('Facebook workplace (Polish labels): Save is held when any field names the school, not only the one typed last', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/me/about_work_and_education?hl=pl');
  await page.getByRole('textbox', { name: 'Firma' }).click();
  await page.keyboard.type('Holbrook Primary School');
  await expectWarning(page, '“Holbrook Primary School”', WORKS_AT.title, WORKS_AT.clause);
  await page.getByRole('textbox', { name: 'Stanowisko' }).click();
  await page.keyboard.type('Teacher');
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await expectWarning(page, 'Your profile has not been saved', '“Holbrook Primary School”');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);
});

test('X bio and LinkedIn headline naming the school are works-at; a clean form saves', async ({ context }) => {
  const x = await open(context, 'https://x.com/settings/profile');
  await x.getByRole('textbox', { name: 'Bio' }).click();
  await x.keyboard.type('Year 5 teacher at Holbrook Primary');
  await expectWarning(x, '“Holbrook Primary”', WORKS_AT.title);
  await x.getByTestId('Profile_Save_Button').click();
  await expectWarning(x, 'Your profile has not been saved');
  expect(await fixturePosts(x)).toEqual([]);

  const li = await open(context, 'https://www.linkedin.com/in/me/edit/forms/intro/?hl=cy');
  await li.getByRole('textbox', { name: 'Pennawd' }).click();
  await li.keyboard.type('Teacher');
  await li.getByRole('textbox', { name: 'Swydd' }).click();
  await li.keyboard.type('Class teacher');
  await li.getByRole('button', { name: 'Cadw' }).click();
  await expect.poll(() => fixturePosts(li)).toEqual([{ surface: 'intro', text: 'Teacher | Class teacher' }]);
});

async function usePolicy003(context: BrowserContext, extensionId: string): Promise<void> {
  const opt = await openOptions(context, extensionId);
  const res = await opt.evaluate(
    (packText) => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'setPack', packText, keepSchool: true }),
    JSON.stringify(trustTemplate),
  );
  expect(res.ok).toBe(true);
  await opt.close();
}

test('LinkedIn under policy 003: the recommendation form (Polish labels) is held with the reference clause; Endorse is held; the headline is allowed', async ({ context, extensionId }) => {
  await usePolicy003(context, extensionId);
  const ref = (trustTemplate as unknown as { rules: Record<string, { clause: string; title: string }> }).rules.reference!;

  const page = await open(context, 'https://www.linkedin.com/in/evie-carter-1a2b3c/edit/forms/recommendation/write/?hl=pl');
  await page.getByRole('textbox', { name: 'Rekomendacja' }).click();
  await page.keyboard.type('Sam is a brilliant colleague');
  await expectWarning(page, '“Sam is a brilliant colleague”', ref.title, ref.clause);
  await page.getByRole('button', { name: 'Wyślij' }).click();
  await expectWarning(page, 'Your recommendation has not been sent');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  const profile = await open(context, 'https://www.linkedin.com/in/evie-carter-1a2b3c/');
  await profile.getByRole('button', { name: 'Endorse Teaching' }).click();
  await expectWarning(profile, 'your endorsement has not been given', ref.clause);
  await anyway(profile, 'Endorse anyway');
  await expect.poll(() => fixturePosts(profile)).toEqual([{ surface: 'endorse', text: 'Teaching' }]);

  // Policy 003 allows naming the school on LinkedIn ("excluding LinkedIn"): the headline saves.
  const intro = await open(context, 'https://www.linkedin.com/in/me/edit/forms/intro/');
  await intro.getByRole('textbox', { name: 'Headline' }).click();
  await intro.keyboard.type('Teacher at Holbrook Primary School');
  await intro.waitForTimeout(500);
  await intro.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => fixturePosts(intro)).toEqual([{ surface: 'intro', text: 'Teacher at Holbrook Primary School | ' }]);
  expect(await warningText(intro)).toBe('');
});

// ---- Mastodon (a user-added instance) ---------------------------------------------------------------

test('Mastodon: Authorise of a pupil\'s follow request (Welsh) and Follow are held; the bio naming the school is held', async ({ context, extensionId }) => {
  const grant = await context.newPage();
  await grant.goto('chrome://extensions/');
  await grant.evaluate(
    ([id, p]) => (globalThis as unknown as { chrome: any }).chrome.developerPrivate.addHostPermission(id, p),
    [extensionId, 'https://toot.example/*'] as const,
  );
  const opt = await openOptions(context, extensionId);
  await opt.getByLabel('Site address').fill('toot.example');
  await opt.getByRole('button', { name: 'Add site' }).click();
  await expect(opt.getByText('Added https://toot.example.')).toBeVisible();

  const requests = await open(context, 'https://toot.example/follow_requests?hl=cy');
  await requests.locator('.account-authorize__wrapper').first().getByRole('button', { name: 'Awdurdodi' }).click();
  await expectWarning(requests, 'approving this follow request has been held', FRIEND.advice!);
  expect(await fixturePosts(requests)).toEqual([]);
  await requests.locator('.account-authorize__wrapper').nth(1).getByRole('button', { name: 'Awdurdodi' }).click();
  await expect.poll(() => fixturePosts(requests)).toEqual([{ surface: 'follow-accept', text: 'jamie' }]);

  const profile = await open(context, 'https://toot.example/@evie_carter');
  await profile.getByRole('button', { name: 'Follow' }).click();
  await expectWarning(profile, 'you are not following this person');
  expect(await fixturePosts(profile)).toEqual([]);

  const settings = await open(context, 'https://toot.example/settings/profile');
  await settings.getByRole('textbox', { name: 'Bio' }).click();
  await settings.keyboard.type('Teacher. Views my own.');
  await settings.getByRole('textbox', { name: 'Content' }).click();
  await settings.keyboard.type('Holbrook Primary');
  await settings.getByRole('button', { name: 'Save changes' }).click();
  await expectWarning(settings, 'Your profile has not been saved', '“Holbrook Primary”', WORKS_AT.title);
  expect(await fixturePosts(settings)).toEqual([]);
});

// ---- audience ------------------------------------------------------------------------------------

/** The severity class of the warning panel, read inside the closed shadow roots through CDP. */
async function panelSeverity(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type N = { attributes?: string[]; children?: N[]; shadowRoots?: N[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: N };
    let found: string | null = null;
    const walk = (n: N) => {
      const a = n.attributes ?? [];
      const i = a.indexOf('class');
      const m = i >= 0 ? /(?:^|\s)panel sev-(\w+)/.exec(a[i + 1] ?? '') : null;
      if (m) found = m[1]!;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

test('Facebook audience: the same post is "warn" shared with Friends and "high" shared with Public', async ({ context }) => {
  const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
  const friends = await open(context, 'https://www.facebook.com/');
  await friends.click(EDITOR);
  await friends.keyboard.type('Great day #HolbrookPride');
  await expectWarning(friends, '#HolbrookPride');
  await expect.poll(() => panelSeverity(friends)).toBe('warn');

  const pub = await open(context, 'https://www.facebook.com/');
  await pub.getByRole('button', { name: 'Edit privacy. Sharing with Friends.' }).click();
  await expect(pub.getByRole('button', { name: 'Edit privacy. Sharing with Public.' })).toBeVisible();
  await pub.click(EDITOR);
  await pub.keyboard.type('Great day #HolbrookPride');
  await expectWarning(pub, '#HolbrookPride');
  await expect.poll(() => panelSeverity(pub)).toBe('high');
});

// ---- accessibility of the action warning -------------------------------------------------------------

test('the action warning (with the reporting advice) passes axe-core WCAG A/AA', async ({ context }) => {
  const page = await open(context, 'https://www.facebook.com/friends/requests');
  await page.getByRole('listitem').filter({ hasText: 'Evie Carter' }).getByRole('button', { name: 'Confirm' }).click();
  await expectWarning(page, 'What your policy says to do');
  // Copy the closed root's markup into an open root (axe, like the page, cannot enter a closed one).
  expect(await openCopyOfWarning(page, 'axe-action-copy')).toContain('alertdialog');
  await page.evaluate(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
  const run = () =>
    page.evaluate(async () => {
      const ax = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
      const r = await ax.run({ include: [['#axe-action-copy']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help}`);
    });
  expect(await run()).toEqual([]);
  // The check does reach into the copy: a nameless button added there is reported.
  await page.evaluate(() => document.getElementById('axe-action-copy')!.shadowRoot!.append(document.createElement('button')));
  expect((await run()).join('\n')).toContain('button-name');
});
