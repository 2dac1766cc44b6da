/**
 * Images end to end, in Chromium with the built extension, on the Facebook and X fixtures at their
 * real URLs: a photo attached through the site's real file input, a paste and a drop into the
 * composer. The chip appears at once, the warning cites the clause, Post is held, and "remove
 * location data" gives the site a file with no GPS (read back here with exifr). The offscreen
 * document's own loads (scripts, WASM, model files) are watched through a DevTools session on its
 * target: every one must be an extension-local URL, on top of the harness's zero-network check.
 */
import exifr from 'exifr';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { clickInWarning, expect, expectImageWarning, fixtureAttachments, fixturePosts, demoSchoolAt, MAIN_SITE, overlaps, SITES, test, warningPanelBox, warningText, type Box } from './harness';
import { TESS_CORE } from '../../src/offscreen/tess-core';
import { recordNameWebm } from '../fixtures/images/canvas-media.mjs';

const PHOTO = path.resolve('../shared/data/generated/photo.jpg'); // EXIF GPS 51.50135 N, 0.14189 W
const CLAUSE = 'images "identifying sensitive school or Local Authority premises"';

/** Demo school, with its main site about 120 m from where photo.jpg was taken. */
const schoolNearPhoto = (context: BrowserContext, extensionId: string) => demoSchoolAt(context, extensionId, [MAIN_SITE]);

/**
 * Every URL the offscreen document loads, seen through a DevTools session on its target (attached
 * through a page's session, non-flat, so Playwright's own sessions are untouched). The document is
 * reloaded after Network.enable so its first loads are seen too.
 */
async function watchOffscreen(page: Page, extensionId: string): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  let id = 0;
  let sessionId = '';
  const send = (method: string, params: object = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  // Messages from the offscreen document's session; the workers it starts (tesseract's) are
  // auto-attached below it, and their messages arrive wrapped one level deeper.
  const onMessage = (raw: string, via: (method: string, params?: object) => Promise<unknown>) => {
    const m = JSON.parse(raw) as { method?: string; params?: any };
    if (m.method === 'Network.requestWillBeSent' && m.params?.request) urls.push(m.params.request.url);
    if (process.env.SL_DEBUG && m.method && !m.method.startsWith('Network.')) console.log('offscreen', raw.slice(0, 300));
    if (m.method === 'Target.attachedToTarget') {
      const child = m.params.sessionId as string;
      let cid = 0;
      const toChild = (method: string, params: object = {}) =>
        via('Target.sendMessageToTarget', { sessionId: child, message: JSON.stringify({ id: ++cid, method, params }) });
      void toChild('Network.enable').then(() => toChild('Runtime.runIfWaitingForDebugger'));
    }
    if (m.method === 'Target.receivedMessageFromTarget') onMessage(m.params.message, via);
  };
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => onMessage(e.message, send));
  const url = `chrome-extension://${extensionId}/offscreen.html`;
  let target: { targetId: string; url: string } | undefined;
  await expect
    .poll(
      async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
        target = targetInfos.find((t) => t.url === url);
        return !!target;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  ({ sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target!.targetId, flatten: false })) as { sessionId: string });
  await send('Network.enable');
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  if (process.env.SL_DEBUG) {
    await send('Runtime.enable');
    await send('Log.enable');
  }
  await send('Page.reload');
  return { urls, stop: () => cdp.detach() };
}

/** Opens the offscreen document the way the background does, so it can be watched from the start. */
async function openOffscreen(context: BrowserContext): Promise<void> {
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const url = c.runtime.getURL('/offscreen.html');
    const open = await c.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (!open.length) await c.offscreen.createDocument({ url, reasons: ['WORKERS', 'BLOBS'], justification: 'e2e' });
  });
}

function expectOnlyExtensionUrls(urls: string[], extensionId: string): void {
  const foreign = urls.filter((u) => !u.startsWith(`chrome-extension://${extensionId}/`) && !u.startsWith('blob:chrome-extension://') && !u.startsWith('data:'));
  expect(foreign, 'offscreen document loads outside the extension').toEqual([]);
}

const boxOf = async (page: Page, selector: string): Promise<Box> => {
  const b = (await page.locator(selector).first().boundingBox())!;
  return { x: b.x, y: b.y, w: b.width, h: b.height };
};

/** The image warning is inside the window and covers neither the composer's editor nor its Post button. */
async function expectBesideComposer(page: Page, site: { editor: string; post: string }): Promise<void> {
  await expect.poll(() => warningPanelBox(page, 'wrap')).not.toBeNull();
  const warning = (await warningPanelBox(page, 'wrap'))!;
  const vp = page.viewportSize()!;
  expect(warning.x >= 0 && warning.y >= 0 && warning.x + warning.w <= vp.width && warning.y + warning.h <= vp.height, `warning ${JSON.stringify(warning)} outside the window`).toBe(true);
  for (const [what, selector] of [['Post', site.post], ['the composer', site.editor]] as const) {
    const b = await boxOf(page, selector);
    expect(overlaps(warning, b), `warning ${JSON.stringify(warning)} over ${what} ${JSON.stringify(b)}`).toBe(false);
  }
}

test.beforeEach(async ({ context, extensionId }) => {
  await schoolNearPhoto(context, extensionId);
});

const X = { name: 'X', url: SITES.x.url, editor: '[data-testid="tweetTextarea_0"]', post: '[data-testid="tweetButtonInline"]', input: '[data-testid="fileInput"]' };

const SITES_UNDER_TEST = [
  X,
  {
    name: 'Facebook',
    url: SITES.facebook.url,
    editor: '[role="dialog"] [data-lexical-editor="true"]',
    post: '[role="dialog"] [role="button"][aria-label="Post"]',
    input: '[role="dialog"] input[type="file"]',
  },
] as const;

for (const site of SITES_UNDER_TEST) {
  test(`${site.name}: a photo with GPS through the file input is checked, held, and "remove location data" gives the site a clean file`, async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    const page = await context.newPage();
    await page.goto(site.url);
    await openOffscreen(context);
    const watch = await watchOffscreen(page, extensionId);

    await page.click(site.editor);
    await page.keyboard.type('Lovely afternoon in the sunshine');
    await page.setInputFiles(site.input, PHOTO);
    await expectImageWarning(page, 'Checking image');
    const text = await expectImageWarning(page, 'Photo taken at school', CLAUSE, 'Remove location data from this photo');
    expect(text).toContain('Post anyway');
    // The site has not been given the photo yet: it carries location data nobody has answered for.
    expect(await fixtureAttachments(page)).toEqual([]);

    await page.click(site.post);
    await expectImageWarning(page, 'Your post has not been sent. This photo may break');
    expect(await fixturePosts(page)).toEqual([]);
    // Beside the composer, over neither it nor Post; and again after the page scrolls.
    await expectBesideComposer(page, site);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(200);
    await expectBesideComposer(page, site);

    await clickInWarning(page, 'Remove location data from this photo');
    await expect.poll(async () => (await fixtureAttachments(page)).map((a) => [a.via, a.name, a.type, a.base64.length > 0])).toEqual([['input', 'photo.jpg', 'image/jpeg', true]]);
    const [att] = await fixtureAttachments(page);
    const clean = Buffer.from(att!.base64, 'base64');
    const original = await readFile(PHOTO);
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(51.50135, 4) });
    expect(clean.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // still a JPEG
    expect(await exifr.gps(clean)).toBeUndefined();
    expect(await exifr.parse(clean, { gps: true }).catch(() => undefined)).toBeFalsy();
    await expectImageWarning(page, 'Location data removed');

    // The location finding is answered; nothing else stands, so Post goes.
    if (!(await warningText(page)).includes('Post anyway')) {
      await page.click(site.post);
      await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Lovely afternoon in the sunshine' }]);
    }
    if (process.env.SL_DEBUG) console.log('offscreen urls:', watch.urls);
    expectOnlyExtensionUrls(watch.urls, extensionId);
    // The watch really sees the document and the OCR worker below it (so an outside load would show).
    expect(watch.urls.some((u) => u.endsWith('/offscreen.html'))).toBe(true);
    expect(watch.urls.some((u) => u.endsWith('/tess/lang/eng.traineddata.gz'))).toBe(true);
    // The one core we ship, by name (no feature-detected pick of a build that is not there).
    expect(watch.urls.filter((u) => u.includes('/tess/core/')).map((u) => u.split('/tess/core/')[1])).toEqual([TESS_CORE]);
    expect(watch.urls.some((u) => u.endsWith('/face/tiny_face_detector_model.bin'))).toBe(true);
    await watch.stop();
  });

  test(`${site.name}: a photo dropped into the composer is checked, Post is held, and a clean copy can be saved`, async ({ context }) => {
    test.setTimeout(120_000);
    const page = await context.newPage();
    await page.goto(site.url);
    await page.click(site.editor);
    await page.keyboard.type('Look at this');
    const box = (await page.locator(site.editor).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    const data = { items: [], files: [PHOTO], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
    await cdp.detach();

    await expectImageWarning(page, 'Photo taken at school', CLAUSE, 'Save a copy without location data');
    // A drop goes to the site at once (it cannot be held back like a file input's change).
    await expect.poll(async () => (await fixtureAttachments(page)).map((a) => a.via)).toEqual(['drop']);
    await page.click(site.post);
    await expectImageWarning(page, 'Your post has not been sent. This photo may break');
    expect(await fixturePosts(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await clickInWarning(page, 'Save a copy without location data');
    const file = await (await download).path();
    const clean = await readFile(file);
    expect((await download).suggestedFilename()).toBe('photo-no-location.jpg');
    expect(clean.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(await exifr.gps(clean)).toBeUndefined();
    await expectImageWarning(page, 'A copy without location data was saved');

    // The photo is still in the post: Post stays held until the user says otherwise.
    await page.click(site.post);
    expect(await fixturePosts(page)).toEqual([]);
    await clickInWarning(page, 'I have removed this photo from my post');
    await page.click(site.post);
    await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Look at this' }]);
  });

  test(`${site.name}: a pasted picture is checked (chip at once, then the verdict), and Post waits for a check still running`, async ({ context }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(site.url);
    await page.click(site.editor);
    await page.keyboard.type('Certificates today');
    // A picture of a certificate with a pupil's name on it, drawn here and put on the clipboard.
    await page.evaluate(async () => {
      const c = new OffscreenCanvas(900, 300);
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 900, 300);
      g.fillStyle = '#000';
      g.font = '56px sans-serif';
      g.fillText('Well done Evie Carter', 60, 170);
      const blob = await c.convertToBlob({ type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    });
    await page.keyboard.press('Control+V');
    await expectImageWarning(page, 'Checking image');
    // Pressed while the check runs: held, and the chip says the post is waiting.
    await page.click(site.post);
    expect(await fixturePosts(page)).toEqual([]);
    await expect.poll(async () => (await fixtureAttachments(page)).map((a) => a.via)).toEqual(['paste']);
    // Then the verdict: the name in the picture, with the clause; the post stays held.
    await expectImageWarning(page, 'Name visible in an image', "A pupil's name can be read in this image.", 'Policy: §6.9');
    expect(await fixturePosts(page)).toEqual([]);
    await page.waitForTimeout(400);
    await clickInWarning(page, 'Post anyway');
    await page.click(site.post);
    await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Certificates today' }]);
  });
}

test('X: a text warning and an image warning about one post: side by side, neither over the other, the composer or Post', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click(X.editor);
  await page.keyboard.type('Well done Evie Carter at Holbrook Primary today', { delay: 5 });
  await expectImageWarning(page, "Pupil's name");
  await page.setInputFiles(X.input, PHOTO);
  await expectImageWarning(page, 'Photo taken at school', "Pupil's name");
  await expectBesideComposer(page, X);
  // The text warning's panel is the one with class `floating` (the image warning's are in `wrap`).
  const text = (await warningPanelBox(page, 'floating'))!;
  const image = (await warningPanelBox(page, 'wrap'))!;
  expect(overlaps(text, image), `text warning ${JSON.stringify(text)}, image warning ${JSON.stringify(image)}`).toBe(false);
});

test('X: a video is checked on its first frame (a pupil\'s name on the opening title)', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  // A short WebM whose frames show a name, recorded here from a canvas (MediaRecorder).
  const webm = await page.evaluate(recordNameWebm);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Our assembly');
  // From a file on disk, so the choice arrives as the browser's own (trusted) change: Playwright sets
  // a buffer by script, which a page could do too, and page-made events are ignored by design.
  const file = test.info().outputPath('assembly.webm');
  await writeFile(file, Buffer.from(webm, 'base64'));
  await page.setInputFiles('[data-testid="fileInput"]', file);
  await expectImageWarning(page, 'Checking image');
  await expectImageWarning(page, 'Second Look: check this video', 'Name visible in an image', "A pupil's name can be read in this image.");
  // No location in this video: the site is given it at once, and Post is held for the name.
  await expect.poll(async () => (await fixtureAttachments(page)).map((a) => [a.via, a.type])).toEqual([['input', 'video/webm']]);
  await page.click('[data-testid="tweetButtonInline"]');
  await expectImageWarning(page, 'Your post has not been sent. This video may break');
  expect(await fixturePosts(page)).toEqual([]);
});

test('X: files a page attaches by script (untrusted events) are not checked and hold nothing (no oracle)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Nice view');
  // Playwright sets a buffer through a page script with untrusted input/change events, as a
  // hostile page could: the photo has GPS at the school, yet nothing is checked or held.
  await page.setInputFiles('[data-testid="fileInput"]', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await readFile(PHOTO) });
  await expect.poll(async () => (await fixtureAttachments(page)).map((a) => a.name)).toEqual(['photo.jpg']);
  // A paste the page makes up is ignored too.
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'photo.jpg', { type: 'image/jpeg' }));
    document.querySelector('[data-testid="tweetTextarea_0"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, (await readFile(PHOTO)).toString('base64'));
  await page.click('[data-testid="tweetButtonInline"]');
  await expect.poll(() => fixturePosts(page)).toEqual([{ surface: 'post', text: 'Nice view' }]);
  expect(await warningText(page)).toBe('');
});
