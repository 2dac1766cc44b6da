/**
 * Firefox (no offscreen documents): the image checks run in the background page without the
 * models. A photo without location data is checked and handed to the site; a photo taken at the
 * school (EXIF GPS near the school's site) is held back from the site and Post is held. Run after
 * `wxt build -b firefox --mv3`: node test/firefox/images-smoke.mjs
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, FIXTURE, installAndLoadDemo, launchFirefox, OUT, waitFor } from './launch.mjs';

const DATA = path.resolve('../shared/data/generated');
const t0 = Date.now();
const browser = await launchFirefox();
const stray = [];
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
  const choose = async (file) => (await page.$('[role="dialog"] input[type="file"]')).uploadFile(file);

  // A photo without location data: checked in the background page, then given to the site.
  await page.goto('https://www.facebook.com/');
  await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Sunny afternoon', { delay: 5 });
  await choose(path.join(DATA, 'busy-without-logo.jpg'));
  await waitFor('the site to be given the checked photo', async () => (await attachments()).includes('busy-without-logo.jpg'), 30000);
  console.log('a photo without location data was checked and given to the site');

  // A photo taken at the school: the site is not given it, and Post is held.
  await page.goto('https://www.facebook.com/');
  await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Sunny afternoon', { delay: 5 });
  await choose(path.join(DATA, 'photo.jpg'));
  // The clean photo above came through within seconds, so after 5 s it is the location finding,
  // not a check still running, that keeps this one from the site.
  await new Promise((r) => setTimeout(r, 5000));
  if ((await attachments()).length) fail('the photo with location data at the school reached the site');
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await new Promise((r) => setTimeout(r, 500));
  if (await page.evaluate(() => window.__fixture.posts.length)) fail('Post was not held');
  await page.screenshot({ path: path.join(OUT, 'images.png') });
  console.log('a photo taken at the school was held back from the site, and Post was held');
  if (stray.length) fail(`requests left the browser: ${stray.join(', ')}`);
  console.log(`Firefox image smoke passed in ${Date.now() - t0} ms (no stray requests)`);
} finally {
  await browser.close();
}
