/**
 * Firefox (no offscreen documents): the image checks run in the background event page, with the
 * same checker, OCR (tesseract.js) and face detection (face-api) as Chrome, every file loaded from
 * inside the extension. Proves, on the Facebook fixture with real file inputs:
 * - a photo without location data is checked and handed to the site;
 * - a photo taken at the school (EXIF GPS near the school's site) is held back and Post is held;
 * - a certificate with a pupil's name on it → "Name visible in an image" (image-text, OCR);
 * - the same in an iPhone HEIC photo (decoded by libheif-js in the background page);
 * - a photo of people (face-api's demo photo) → "People in a photo" (photo-people, faces);
 * - a video with a pupil's name on its first frame → "Name visible in an image";
 * - no request leaves the page for anything but the fixture.
 * The findings are read from the warning's closed shadow root through WebDriver BiDi (warningText).
 *
 * Firefox suspends an idle event page after extensions.background.idle.timeout (30 s); here it is
 * 1.5 s, far shorter than the first OCR or face check (which loads the models), so the checks only
 * finish because the background keeps itself awake while one runs (src/background/page-host.ts).
 *
 * Run after `wxt build -b firefox --mv3` and `node test/fixtures/build-fixtures.mjs`:
 *   node test/firefox/images-smoke.mjs
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { drawCertificatePng, recordNameWebm } from '../fixtures/images/canvas-media.mjs';
import { fail, FIXTURE, installAndLoadDemo, launchFirefox, OUT, waitFor, warningText } from './launch.mjs';

const DATA = path.resolve('../shared/data/generated');

// The Firefox build's CSP: WASM for the OCR core, reads of our own files only, no other origin.
const manifest = JSON.parse(await readFile('.output/firefox-mv3/manifest.json', 'utf8'));
const csp = manifest.content_security_policy?.extension_pages;
if (csp !== "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'") fail(`unexpected CSP: ${csp}`);
if (manifest.permissions.includes('offscreen')) fail('the Firefox build asks for "offscreen"');
const PEOPLE = path.resolve('node_modules/@vladmandic/face-api/demo/sample1.jpg');
const IDLE_MS = 1500;
const t0 = Date.now();
const browser = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
const stray = [];
const timings = [];
try {
  const { firstPage, options } = await installAndLoadDemo(browser, t0);

  // The demo school with a site about 100 m from where photo.jpg was taken.
  await options.evaluate(async () => {
    const s = (await browser.runtime.sendMessage({ type: 'getStatus' })).status.school;
    const school = { name: s.name, aliases: s.aliases, handles: s.handles, hashtags: s.hashtags, emailDomains: s.emailDomains, locations: [{ name: 'Main site', latitude: 51.5012, longitude: -0.1405, radiusMetres: 300 }] };
    const r = await browser.runtime.sendMessage({ type: 'saveSchool', school });
    if (!r.ok) throw new Error(r.error);
  });

  const html = await readFile(FIXTURE, 'utf8');
  const page = firstPage ?? (await browser.newPage());
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('https://www.facebook.com/')) {
      if (new URL(u).pathname === '/favicon.ico') return req.respond({ status: 204, body: '' });
      return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (!u.startsWith('moz-extension://') && !u.startsWith('data:') && !u.startsWith('about:') && !u.startsWith('blob:')) stray.push(u);
    return req.abort();
  });
  await page.bringToFront();
  const attachments = () => page.evaluate(() => window.__fixture.attachments.map((a) => a.name));
  const posts = () => page.evaluate(() => window.__fixture.posts.length);
  const compose = async (text) => {
    await page.goto('https://www.facebook.com/');
    await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
    await page.click('[role="dialog"] [data-lexical-editor="true"]');
    await page.keyboard.type(text, { delay: 5 });
  };
  const choose = async (file) => (await page.$('[role="dialog"] input[type="file"]')).uploadFile(file);
  /** Attaches `file` and waits for a warning holding every part; returns the ms it took. */
  const expectFinding = async (what, file, parts, ms = 90000) => {
    const started = Date.now();
    await choose(file);
    let last = '';
    const text = await waitFor(what, async () => {
      last = await warningText(page);
      return parts.every((p) => (p instanceof RegExp ? p.test(last) : last.includes(p))) ? last : null;
    }, ms).catch((e) => fail(`${e.message}; the warning said: ${last || '(nothing)'}`));
    const took = Date.now() - started;
    timings.push(`${what}: ${took} ms`);
    return { text, took };
  };
  const expectHeld = async () => {
    await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
    await new Promise((r) => setTimeout(r, 500));
    if (await posts()) fail('Post was not held');
  };

  // A photo without location data: checked in the background page, then given to the site.
  await compose('Sunny afternoon');
  await choose(path.join(DATA, 'busy-without-logo.jpg'));
  await waitFor('the site to be given the checked photo', async () => (await attachments()).includes('busy-without-logo.jpg'), 90000);
  console.log('a photo without location data was checked and given to the site');

  // A photo taken at the school: the site is not given it, and Post is held.
  await compose('Sunny afternoon');
  await expectFinding('the location finding', path.join(DATA, 'photo.jpg'), ['Photo taken at school', 'Remove location data from this photo']);
  if ((await attachments()).length) fail('the photo with location data at the school reached the site');
  await expectHeld();
  await page.screenshot({ path: path.join(OUT, 'images.png') });
  console.log('a photo taken at the school was held back from the site, and Post was held');

  // A certificate with a pupil's name on it (drawn here, as in test/e2e/images.spec.ts): OCR.
  await compose('Certificates today');
  const png = await page.evaluate(drawCertificatePng);
  const certificate = path.join(OUT, 'certificate.png');
  await writeFile(certificate, Buffer.from(png, 'base64'));
  const ocr = await expectFinding('the name in the picture (OCR)', certificate, ['Name visible in an image', "A pupil's name can be read in this image."]);
  if (/could not run|cannot be read/.test(ocr.text)) fail(`a stage did not run: ${ocr.text}`);
  await expectHeld();
  await page.screenshot({ path: path.join(OUT, 'images-certificate.png') });
  console.log(`a certificate with a pupil's name: "Name visible in an image" (${ocr.took} ms), Post held`);

  // A photo of people: face detection.
  await compose('Trip photos');
  const faces = await expectFinding('people in the photo (faces)', PEOPLE, ['People in a photo', /This photo shows \d+ people/]);
  if (/could not run|cannot be looked for/.test(faces.text)) fail(`a stage did not run: ${faces.text}`);
  await expectHeld();
  await page.screenshot({ path: path.join(OUT, 'images-people.png') });
  console.log(`a photo of people: "${faces.text.match(/This photo shows \d+ people/)[0]}" (${faces.took} ms), Post held`);

  // A video whose frames show a pupil's name (recorded here from a canvas, as in the Chrome e2e):
  // the background page's <video> gives its first frame to the same OCR.
  await compose('Prize giving');
  const webm = await page.evaluate(recordNameWebm);
  const video = path.join(OUT, 'name.webm');
  await writeFile(video, Buffer.from(webm, 'base64'));
  const frame = await expectFinding('the name on the video\'s first frame', video, ['Second Look: check this video', 'Name visible in an image']);
  await expectHeld();
  console.log(`a video with a pupil's name on its first frame: "Name visible in an image" (${frame.took} ms), Post held`);

  // An iPhone photo (HEIC, which Firefox cannot decode itself): libheif-js, shipped in the build,
  // decodes it in the background page, then the same OCR reads the pupil's name.
  await compose('Sports day');
  const heic = await expectFinding('the name in a HEIC photo', path.resolve('test/fixtures/images/source/names-gps.heic'), ['Name visible in an image']);
  if (/could not be looked at/.test(heic.text)) fail(`the HEIC picture was not looked at: ${heic.text}`);
  await expectHeld();
  console.log(`a HEIC photo with a pupil's name: "Name visible in an image" (${heic.took} ms), Post held`);

  // The same certificate again: a later check works too (whether Firefox suspended the page in
  // between or not; bench/firefox-images.mjs measures warm checks at the default idle timeout).
  await compose('Certificates today');
  await expectFinding('the name in the picture again', certificate, ['Name visible in an image']);

  if (stray.length) fail(`requests left the browser: ${stray.join(', ')}`);
  console.log(`attach → verdict: ${timings.join('; ')}`);
  console.log(`Firefox image smoke passed in ${Date.now() - t0} ms (background idle timeout ${IDLE_MS} ms, no stray requests)`);
} finally {
  await browser.close();
}
