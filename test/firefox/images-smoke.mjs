/**
 * Firefox (no offscreen documents): the image checks run in the background page without the
 * models. A photo without location data is checked and handed to the site; a photo taken at the
 * school (EXIF GPS near the school's site) is held back from the site and Post is held. Run after
 * `wxt build -b firefox --mv3`: node test/firefox/images-smoke.mjs
 */
import puppeteer from 'puppeteer-core';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const EXT = path.resolve('.output/firefox-mv3');
const GECKO_ID = 'second-look@second-look.invalid';
const UUID = '5ec0d100-0000-4000-8000-000000000001';
const FIXTURE = path.resolve('test/fixtures/sites/dist/facebook.html');
const OUT = path.resolve('test-results/firefox');
const DATA = path.resolve('../shared/data/generated');

if (!existsSync(FIREFOX)) {
  console.error(`Firefox smoke: ${FIREFOX} is not installed (apt-get install -y firefox-esr).`);
  process.exit(1);
}

const fail = (msg) => {
  throw new Error(msg);
};
const waitFor = async (what, fn, ms = 15000) => {
  const t0 = Date.now();
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() - t0 > ms) fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

await mkdir(OUT, { recursive: true });
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX,
  headless: true,
  protocol: 'webDriverBiDi',
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    // Firefox's own background traffic off, so the request log below is ours alone.
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  },
});
const stray = [];
try {
  const firstPage = (await browser.pages())[0];
  const id = await browser.installExtension(EXT);
  if (id !== GECKO_ID) fail(`installed as ${id}, expected ${GECKO_ID}`);
  console.log(`launched and installed in ${Date.now() - t0} ms`);

  // The add-on opens its options page on first install.
  const options = await waitFor('the options page the add-on opens on install', async () => {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`moz-extension://${UUID}/options.html`)) return p;
    }
    return null;
  });
  await waitFor('the options page heading', () =>
    options.evaluate(() => [...document.querySelectorAll('h2')].some((h) => h.textContent?.trim() === 'Your school')),
  );
  await options.evaluate(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Load the demo school');
    if (!b) throw new Error('no demo button');
    b.click();
  });
  await waitFor('"Loaded the demo school"', () => options.evaluate(() => document.body.innerText.includes('Loaded the demo school')));
  await options.screenshot({ path: path.join(OUT, 'options.png') });
  console.log('demo school loaded through the options page (IndexedDB in the background)');

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
