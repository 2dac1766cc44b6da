/**
 * The formats phones and browsers produce, end to end in Chromium with the built extension, chosen
 * through the sites' real file inputs from files on disk (so the browser itself fills File.type):
 * an iPhone-style HEIC and an AVIF with GPS at school (warning, held from the site, "remove location
 * data" gives the site the same format without GPS), the pictures themselves (a pupil's name in a
 * HEIC, decoded by libheif in the offscreen document, and in an AVIF, decoded by Chromium), and a
 * WebM clip whose first frame shows a pupil's name (src/offscreen/decode.ts firstVideoFrame) and
 * whose location tags put it at school. Test files: test/fixtures/images/source/README.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { readLocation } from '../../src/image/metadata';
import { clickInWarning, expect, expectImageWarning, fixtureAttachments, fixturePosts, demoSchoolAt, MAIN_SITE, SITES, test, warningText } from './harness';

const SOURCE = path.resolve('test/fixtures/images/source');
const CLAUSE = 'images "identifying sensitive school or Local Authority premises"';

/**
 * The demo school (its class list has Evie Carter), with a site where photo.heic/.avif were taken
 * (London) and one where names-gps.* and names-location.webm were (Birmingham).
 */
function demoSchoolWithSites(context: BrowserContext, extensionId: string): Promise<void> {
  return demoSchoolAt(context, extensionId, [MAIN_SITE, { name: 'Second site', latitude: 52.4862, longitude: -1.8904, radiusMetres: 150 }]);
}

test.beforeEach(async ({ context, extensionId }) => {
  await demoSchoolWithSites(context, extensionId);
});

const X = { url: SITES.x.url, editor: '[data-testid="tweetTextarea_0"]', post: '[data-testid="tweetButtonInline"]', input: '[data-testid="fileInput"]' };
const FACEBOOK = {
  url: SITES.facebook.url,
  editor: '[role="dialog"] [data-lexical-editor="true"]',
  post: '[role="dialog"] [role="button"][aria-label="Post"]',
  input: '[role="dialog"] input[type="file"]',
};

for (const [site, name, mime] of [
  ['X', 'photo.heic', 'image/heic'],
  ['Facebook', 'photo.avif', 'image/avif'],
] as const) {
  test(`${site}: a ${mime} photo with GPS at school is held; "remove location data" gives the site the same ${mime} without GPS`, async ({ context }) => {
    test.setTimeout(150_000);
    const s = site === 'X' ? X : FACEBOOK;
    const page = await context.newPage();
    await page.goto(s.url);
    await page.click(s.editor);
    await page.keyboard.type('Lovely afternoon');
    await page.setInputFiles(s.input, path.join(SOURCE, name));
    await expectImageWarning(page, 'Photo taken at school', CLAUSE, 'Remove location data from this photo');
    expect(await fixtureAttachments(page)).toEqual([]);
    await page.click(s.post);
    await expectImageWarning(page, 'Your post has not been sent. This photo may break');
    expect(await fixturePosts(page)).toEqual([]);

    await clickInWarning(page, 'Remove location data from this photo');
    await expect.poll(async () => (await fixtureAttachments(page)).map((a) => [a.via, a.name])).toEqual([['input', name]]);
    // The type the browser gave the original is kept: Chromium on Debian calls a .heic "image/heif"
    // (from the system's MIME database), and an .avif "image/avif" (measured).
    expect((await fixtureAttachments(page))[0]!.type).toBe(mime === 'image/heic' ? 'image/heif' : mime);
    const clean = new Uint8Array(Buffer.from((await fixtureAttachments(page))[0]!.base64, 'base64'));
    const before = await readLocation(new Uint8Array(await import('node:fs/promises').then((f) => f.readFile(path.join(SOURCE, name)))));
    expect(before.hasLocation).toBe(true);
    expect(await readLocation(clean)).toEqual({ kind: mime === 'image/heic' ? 'heic' : 'avif', position: null, hasLocation: false });
    await expectImageWarning(page, 'Location data removed');
  });
}

for (const [site, name] of [
  ['X', 'names-gps.heic'],
  ['Facebook', 'names-gps.avif'],
] as const) {
  test(`${site}: the picture in ${name} is looked at: a pupil's name is found, and the location too`, async ({ context }) => {
    test.setTimeout(150_000);
    const s = site === 'X' ? X : FACEBOOK;
    const page = await context.newPage();
    await page.goto(s.url);
    await page.click(s.editor);
    await page.keyboard.type('Sports day');
    await page.setInputFiles(s.input, path.join(SOURCE, name));
    const text = await expectImageWarning(page, 'Photo taken at school', 'Name visible in an image', "A pupil's name can be read in this image.");
    expect(text).toContain('Taken at Second site');
    await page.click(s.post);
    await expectImageWarning(page, 'Your post has not been sent. This photo may break');
    expect(await fixturePosts(page)).toEqual([]);
  });
}

test("Facebook: a WebM clip is checked on its first frame (a pupil's name) and on its location tags", async ({ context }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(FACEBOOK.url);
  await page.click(FACEBOOK.editor);
  await page.keyboard.type('Our assembly');
  await page.setInputFiles(FACEBOOK.input, path.join(SOURCE, 'names-location.webm'));
  await expectImageWarning(page, 'Second Look: check this video', 'Photo taken at school', 'Name visible in an image', "A pupil's name can be read in this image.");
  // Location data in a video: held from the site like a photo's.
  expect(await fixtureAttachments(page)).toEqual([]);
  await page.click(FACEBOOK.post);
  await expectImageWarning(page, 'Your post has not been sent. This video may break');
  expect(await fixturePosts(page)).toEqual([]);
});

test('X: a WebM clip with no location is given to the site at once, and its first frame still holds the post', async ({ context }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(X.url);
  await page.click(X.editor);
  await page.keyboard.type('Our assembly');
  await page.setInputFiles(X.input, path.join(SOURCE, 'names.webm'));
  await expectImageWarning(page, 'Second Look: check this video', 'Name visible in an image');
  expect(await warningText(page)).not.toContain('Photo taken at school');
  await expect.poll(async () => (await fixtureAttachments(page)).map((a) => [a.via, a.name, a.type])).toEqual([['input', 'names.webm', 'video/webm']]);
  await page.click(X.post);
  await expectImageWarning(page, 'Your post has not been sent. This video may break');
  expect(await fixturePosts(page)).toEqual([]);
});

test('X: an iPhone-style HEVC .mov: its location is checked, and the chip says its first frame could not be looked at', async ({ context }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(X.url);
  await page.click(X.editor);
  await page.keyboard.type('Our assembly');
  await page.setInputFiles(X.input, path.join(SOURCE, 'hevc-location.mov'));
  // Debian's Chromium has no HEVC decoder (measured): the location is all that can be checked.
  await expectImageWarning(page, 'Second Look: check this video', 'Photo taken at school', 'from Main site', "the video's first frame could not be looked at");
  expect(await fixtureAttachments(page)).toEqual([]);
});

test('X: "remove location data from this video" gives the site the .mov without its location', async ({ context }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(X.url);
  await page.click(X.editor);
  await page.keyboard.type('Our assembly');
  const original = new Uint8Array(await readFile(path.join(SOURCE, 'hevc-location.mov')));
  expect((await readLocation(original)).hasLocation).toBe(true);
  await page.setInputFiles(X.input, path.join(SOURCE, 'hevc-location.mov'));
  await expectImageWarning(page, 'Second Look: check this video', 'Photo taken at school', 'Remove location data from this video');
  expect(await fixtureAttachments(page)).toEqual([]);
  await clickInWarning(page, 'Remove location data from this video');
  await expect.poll(async () => (await fixtureAttachments(page)).map((a) => [a.via, a.name, a.type])).toEqual([['input', 'hevc-location.mov', 'video/quicktime']]);
  const clean = new Uint8Array(Buffer.from((await fixtureAttachments(page))[0]!.base64, 'base64'));
  expect(clean.length).toBe(original.length); // location boxes become 'free' boxes of the same size
  expect(await readLocation(clean)).toMatchObject({ hasLocation: false });
  await expectImageWarning(page, 'Location data removed: the video now attached has no location in it.');
});
