/**
 * Photos caught as they are attached, on every supported site's fixture and on Messenger
 * (images.spec.ts covers Facebook and X in depth: OCR, faces, video, "remove location data", the
 * offscreen document's loads). Each site's own attachment UI, built after the real one: its photo
 * button opens a real file picker (Bluesky's and Reddit's make the <input type=file> on the click
 * and remove it after; LinkedIn's and Reddit's live in shadow roots), a drop on the composer or
 * its drop zone, and a paste into the editor where the site takes pasted pictures.
 *
 * The chosen or dropped photo carries GPS about 120 m from the school: the chip shows at once, the
 * warning cites the clause, and the site's own Post / Send / Share is held. A pasted picture is a
 * plain one (a clipboard holds PNG, without location): checked, nothing found, the post goes. Then
 * taking a photo out: with the site's own × (its preview leaves the composer) or with the
 * warning's "I have removed this photo from my post": the hold goes, and the post is sent.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { clickInWarning, expect, expectImageWarning, fixtureAttachments, fixturePosts, demoSchoolAt, MAIN_SITE, openOptions, overlaps, PAGES, SITES, test, warningPanelBox, warningText, type Box } from './harness';

const PHOTO = path.resolve('../shared/data/generated/photo.jpg'); // EXIF GPS 51.50135 N, 0.14189 W
const CLAUSE = 'images "identifying sensitive school or Local Authority premises"';
const TEXT = 'Lovely afternoon in the sunshine';

/** What the site was given, and whether it was taken out again with the site's ×. */
const attachments = async (page: Page) => (await fixtureAttachments(page)).map((a) => ({ via: a.via, name: a.name, removed: !!a.removed }));

/** Demo school, with its main site about 120 m from where photo.jpg was taken. */
const schoolNearPhoto = (context: BrowserContext, extensionId: string) => demoSchoolAt(context, extensionId, [MAIN_SITE]);

/** Mastodon runs on an instance the user adds (see mastodon.spec.ts for the permission). */
async function addMastodon(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate((id) => (globalThis as unknown as { chrome: any }).chrome.developerPrivate.addHostPermission(id, 'https://toot.example/*'), extensionId);
  const opt = await openOptions(context, extensionId);
  await opt.getByLabel('Site address').fill('toot.example');
  await opt.getByRole('button', { name: 'Add site' }).click();
  await expect(opt.getByText('Added https://toot.example.')).toBeVisible();
  await opt.close();
  await page.close();
}

interface Site {
  name: string;
  url: string;
  /** What the composer sends, as the warning words it (a post unless said). */
  noun?: 'comment' | 'message';
  /** Opens the composer when the page does not show one at load. */
  open?: (page: Page) => Promise<void>;
  editor: string;
  post: (page: Page) => Locator;
  /** How the user sends, when not by clicking `post`. */
  send?: (page: Page, site: Site) => Promise<void>;
  /** The site's own "add photo" control (it opens the file picker). */
  photoButton: string;
  /** Where a photo is dropped (the composer, or the site's drop zone). */
  dropOn: string;
  /** The site's remove (×) button on the preview. */
  remove: string;
  /** The site takes a picture pasted into the composer as the post's media. */
  paste?: boolean;
  setup?: (context: BrowserContext, extensionId: string) => Promise<void>;
}

const SITES_UNDER_TEST: Site[] = [
  {
    name: 'Messenger',
    noun: 'message',
    url: PAGES.messenger.url,
    editor: '[role="textbox"][aria-label="Message"]',
    post: (p) => p.locator('[aria-label="Press enter to send"]'),
    // Enter, as people do (the composer runs along the bottom, its send arrow at the right end).
    send: async (p, site) => {
      await p.click(site.editor);
      await p.keyboard.press('Enter');
    },
    photoButton: '[aria-label="Attach a file"]',
    dropOn: '[role="textbox"][aria-label="Message"]',
    remove: '[aria-label="Remove attachment"]',
  },
  {
    name: 'Instagram',
    url: SITES.instagram.url,
    editor: '[role="dialog"] [aria-label="Write a caption..."]',
    post: (p) => p.locator('#fixture-share'),
    photoButton: '[role="dialog"] button:has-text("Select from computer")',
    dropOn: '[role="dialog"] .ig-media',
    remove: '[role="dialog"] [aria-label="Delete"]',
  },
  {
    name: 'LinkedIn',
    paste: true,
    url: SITES.linkedin.url,
    editor: '#interop-outlet .ql-editor',
    post: (p) => p.locator('#fixture-share-post'),
    photoButton: '#interop-outlet [aria-label="Add media"]',
    dropOn: '#interop-outlet .ql-editor',
    remove: '#interop-outlet [aria-label="Remove"]',
  },
  {
    name: 'Threads',
    paste: true,
    url: SITES.threads.url,
    editor: '[role="dialog"] [contenteditable="true"]',
    post: (p) => p.locator('#fixture-post'),
    photoButton: '[role="dialog"] .th-attach',
    dropOn: '[role="dialog"] [contenteditable="true"]',
    remove: '[role="dialog"] [aria-label="Remove"]',
  },
  {
    name: 'TikTok',
    url: SITES.tiktok.url,
    editor: '.caption-editor [contenteditable="true"]',
    post: (p) => p.getByRole('button', { name: 'Postio' }),
    photoButton: '[data-e2e="select_video_button"]',
    dropOn: '.upload-card',
    remove: '.upload-card [aria-label="Tynnu"]',
  },
  {
    name: 'Bluesky',
    paste: true,
    url: SITES.bluesky.url,
    open: (p) => p.click('[data-testid="composeFAB"]'),
    editor: '[data-testid="composePostView"] .ProseMirror',
    post: (p) => p.locator('[data-testid="composerPublishBtn"]'),
    photoButton: '[data-testid="openMediaBtn"]',
    dropOn: '[data-testid="composePostView"] .ProseMirror',
    remove: '[data-testid="composePostView"] [aria-label="Remove image"]',
  },
  {
    name: 'Mastodon',
    paste: true,
    url: SITES.mastodon.url,
    setup: addMastodon,
    editor: 'form.compose-form >> nth=0 >> textarea',
    post: (p) => p.locator('form.compose-form').nth(0).locator('.compose-form__submit button'),
    photoButton: 'form.compose-form >> nth=0 >> .compose-form__upload-button',
    dropOn: 'form.compose-form >> nth=0 >> textarea',
    remove: 'form.compose-form >> nth=0 >> [aria-label="Delete"]',
  },
  {
    name: 'Reddit',
    noun: 'comment',
    paste: true,
    url: SITES.reddit.url,
    editor: 'shreddit-composer [slot="rte"]',
    post: (p) => p.locator('#fixture-comment-submit'),
    photoButton: 'reddit-rte button.image',
    dropOn: 'shreddit-composer [slot="rte"]',
    remove: 'shreddit-composer [aria-label="Remove image"]',
  },
  {
    name: 'YouTube',
    paste: true,
    url: 'https://www.youtube.com/@greenfieldprimary/posts',
    editor: 'ytd-backstage-post-dialog-renderer #contenteditable-root',
    post: (p) => p.locator('ytd-backstage-post-dialog-renderer #submit-button button'),
    photoButton: 'ytd-backstage-post-dialog-renderer [aria-label="Add image"]',
    dropOn: 'ytd-backstage-post-dialog-renderer #contenteditable-root',
    remove: 'ytd-backstage-post-dialog-renderer [aria-label="Remove image"]',
  },
];

const X: Site = {
  name: 'X',
  url: SITES.x.url,
  editor: '[data-testid="tweetTextarea_0"]',
  post: (p) => p.locator('[data-testid="tweetButtonInline"]').first(),
  photoButton: '[aria-label="Add photos or video"] >> nth=0',
  dropOn: '[data-testid="tweetTextarea_0"]',
  remove: '[data-testid="attachments"] [aria-label="Remove media"]',
};

// Every test has its own browser profile (the harness's context) and sets the school up itself:
// they share nothing, so they spread over the workers.
test.describe.configure({ mode: 'parallel' });

test.beforeEach(async ({ context, extensionId }) => {
  await schoolNearPhoto(context, extensionId);
});

async function compose(context: BrowserContext, extensionId: string, site: Site): Promise<Page> {
  await site.setup?.(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => (window as unknown as { __fixture?: { ready: boolean } }).__fixture?.ready === true);
  await site.open?.(page);
  await page.click(site.editor);
  await page.keyboard.type(TEXT);
  return page;
}

/** The user picks photo.jpg in the file picker the site's photo button opens (a trusted change). */
async function pickPhoto(page: Page, site: Site): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click(site.photoButton);
  await (await chooser).setFiles(PHOTO);
}

/** Drags photo.jpg from the desktop onto `selector` (the browser's own, trusted drag events). */
async function dropPhoto(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 20);
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [PHOTO], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  await cdp.detach();
}

const send = (page: Page, site: Site) => (site.send ? site.send(page, site) : site.post(page).click());

async function expectHeld(page: Page, site: Site): Promise<void> {
  await send(page, site);
  await expectImageWarning(page, `Your ${site.noun ?? 'post'} has not been sent. This photo may break`);
  expect(await fixturePosts(page)).toEqual([]);
}

const boxOf = async (l: Locator): Promise<Box> => {
  const b = (await l.boundingBox())!;
  return { x: b.x, y: b.y, w: b.width, h: b.height };
};

/**
 * The image warning (its column of chips and panels, in the closed root) is inside the window and
 * covers neither the composer's editor nor the site's own Send / Post: the user can still see what
 * they wrote and reach the button.
 */
async function expectBesideComposer(page: Page, site: Site): Promise<Box> {
  await expect.poll(() => warningPanelBox(page, 'wrap')).not.toBeNull();
  const warning = (await warningPanelBox(page, 'wrap'))!;
  const vp = page.viewportSize()!;
  expect(warning.x >= 0 && warning.y >= 0 && warning.x + warning.w <= vp.width && warning.y + warning.h <= vp.height, `warning ${JSON.stringify(warning)} outside ${vp.width} × ${vp.height}`).toBe(true);
  const send = await boxOf(site.post(page));
  expect(overlaps(warning, send), `warning ${JSON.stringify(warning)} over ${site.name}'s send button ${JSON.stringify(send)}`).toBe(false);
  const editor = await boxOf(page.locator(site.editor));
  expect(overlaps(warning, editor), `warning ${JSON.stringify(warning)} over the composer ${JSON.stringify(editor)}`).toBe(false);
  return warning;
}

async function expectPosted(page: Page, site: Site): Promise<void> {
  await send(page, site);
  await expect.poll(() => fixturePosts(page).then((p) => p.map((x) => x.text))).toEqual([TEXT]);
}

for (const site of SITES_UNDER_TEST) {
  test(`${site.name}: a photo taken at school, chosen with the site's photo button, is checked and the post held`, async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    const page = await compose(context, extensionId, site);
    await pickPhoto(page, site);
    await expectImageWarning(page, 'Checking image');
    await expectImageWarning(page, 'Photo taken at school', CLAUSE, 'Remove location data from this photo');
    // The site has not been given the photo: it carries location data nobody has answered for.
    expect(await attachments(page)).toEqual([]);
    await expectHeld(page, site);
    await expectBesideComposer(page, site);
    if (site.name === 'Messenger') {
      await page.screenshot({ path: 'docs/screenshots/image-warning-messenger.png' });
      // A smaller window: placed again, still clear of the composer and the send arrow.
      await page.setViewportSize({ width: 760, height: 560 });
      await expectBesideComposer(page, site);
    }
  });

  test(`${site.name}: a photo taken at school, dropped on the composer, is checked and the post held`, async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    const page = await compose(context, extensionId, site);
    await dropPhoto(page, site.dropOn);
    await expectImageWarning(page, 'Photo taken at school', CLAUSE, 'Save a copy without location data');
    // A drop reaches the site at once; it shows the photo in the composer.
    await expect.poll(() => attachments(page)).toEqual([{ via: 'drop', name: 'photo.jpg', removed: false }]);
    await expectHeld(page, site);
  });
}

for (const site of SITES_UNDER_TEST.filter((s) => s.paste)) {
  test(`${site.name}: a pasted picture is checked (chip at once); nothing found, so the post goes (after the check, if still running)`, async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await compose(context, extensionId, site);
    // A plain picture (nothing in it to find), put on the clipboard as a screenshot would be.
    await page.evaluate(async () => {
      const c = new OffscreenCanvas(320, 200);
      const g = c.getContext('2d')!;
      g.fillStyle = '#7fb3d5';
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = '#f4d03f';
      g.beginPath();
      g.arc(250, 60, 30, 0, Math.PI * 2);
      g.fill();
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': await c.convertToBlob({ type: 'image/png' }) })]);
    });
    await page.click(site.editor);
    await page.keyboard.press('Control+V');
    await expectImageWarning(page, 'Checking image');
    await expect.poll(() => attachments(page)).toEqual([{ via: 'paste', name: expect.stringMatching(/\.png$/), removed: false }]);
    // Pressed at once: the post goes when the check has found nothing (it waits if still running).
    await send(page, site);
    await expect.poll(() => fixturePosts(page).then((p) => p.map((x) => x.text)), { timeout: 60_000 }).toEqual([TEXT]);
    expect(await warningText(page)).not.toContain('Second Look: check this photo');
  });
}

for (const site of [X, SITES_UNDER_TEST.find((s) => s.name === 'Bluesky')!, SITES_UNDER_TEST.find((s) => s.name === 'Reddit')!]) {
  test(`${site.name}: the photo taken out with the site's own × no longer holds the post`, async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    const page = await compose(context, extensionId, site);
    await dropPhoto(page, site.dropOn);
    await expectImageWarning(page, 'Photo taken at school', CLAUSE);
    await expectHeld(page, site);
    await page.click(site.remove);
    expect(await attachments(page)).toEqual([{ via: 'drop', name: 'photo.jpg', removed: true }]);
    await expect.poll(() => warningText(page)).not.toContain('Photo taken at school');
    await expectPosted(page, site);
  });

  test(`${site.name}: "I have removed this photo from my ${site.noun ?? 'post'}" drops the finding; a held-back photo never reaches the site`, async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    const removed = `I have removed this photo from my ${site.noun ?? 'post'}`;
    const page = await compose(context, extensionId, site);
    await pickPhoto(page, site);
    await expectImageWarning(page, 'Photo taken at school', CLAUSE, removed);
    await expectHeld(page, site);
    await page.waitForTimeout(400);
    await clickInWarning(page, removed);
    await expect.poll(() => warningText(page)).not.toContain('Photo taken at school');
    await expectPosted(page, site);
    // The site was never given the photo the user took back.
    expect(await attachments(page)).toEqual([]);
  });
}
