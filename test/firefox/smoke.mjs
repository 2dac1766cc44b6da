/**
 * Firefox smoke test: the Firefox build (.output/firefox-mv3) in Debian's Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox; there is no
 * geckodriver offline). Proves in a real Firefox: the add-on installs; on first install it opens
 * its own options page (BiDi may not navigate to moz-extension:// URLs, so the test drives the tab
 * the add-on opened); the demo school loads into IndexedDB through the real page; on the Facebook
 * fixture served at https://www.facebook.com/ a pupil's name typed with real key presses raises the
 * warning in the closed shadow root and holds the Post click; nothing goes to the network.
 *
 * Run: npx wxt build -b firefox --mv3 && node test/fixtures/build-fixtures.mjs && node test/firefox/smoke.mjs
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

  // The Facebook fixture at its real URL, every other request refused and recorded.
  const html = await readFile(FIXTURE, 'utf8');
  const page = firstPage ?? (await browser.newPage());
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('https://www.facebook.com/')) {
      if (new URL(u).pathname === '/favicon.ico') return req.respond({ status: 204, body: '' });
      return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (!u.startsWith('moz-extension://') && !u.startsWith('data:') && !u.startsWith('about:')) stray.push(u);
    return req.abort();
  });
  await page.bringToFront();
  await page.goto('https://www.facebook.com/');
  await waitFor('the fixture', () => page.evaluate(() => window.__fixture?.ready === true));
  const editor = '[role="dialog"] [data-lexical-editor="true"]';
  await page.click(editor);
  const typed = 'Such a proud day! Evie Carter won the poetry prize';
  await page.keyboard.type(typed, { delay: 5 });

  // The warning's root is closed: the page sees only an element with a shadow root it cannot open.
  const host = await waitFor('the warning host', () =>
    page.evaluate(() => {
      const el = [...document.querySelectorAll('body *, html > *')].find((e) => e.tagName.includes('-') && e.shadowRoot === null && getComputedStyle(e).position !== '');
      return el ? el.tagName : null;
    }),
  );
  // Post is held: the fixture's submit handler never fires.
  await new Promise((r) => setTimeout(r, 600));
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await new Promise((r) => setTimeout(r, 800));
  const posts = await page.evaluate(() => window.__fixture.posts.length);
  if (posts !== 0) fail(`the post went through (${posts} posts) instead of being held`);
  const text = await page.evaluate((sel) => window.__fixture.getEditorText('post'), editor);
  if (text !== typed) fail(`editor text changed: ${JSON.stringify(text)}`);
  await page.screenshot({ path: path.join(OUT, 'warning-facebook.png') });
  console.log(`warning host <${host.toLowerCase()}> present, Post held, editor text unchanged`);
  // Control: a clean comment is not held (the hold above is the warning's, not a broken page).
  await page.click('[contenteditable="true"][aria-label="Write a comment…"]');
  await page.keyboard.type('Lovely weather for sports day', { delay: 5 });
  await new Promise((r) => setTimeout(r, 500));
  await page.keyboard.press('Enter');
  await waitFor('the clean comment to be posted', () =>
    page.evaluate(() => window.__fixture.posts.some((p) => p.surface === 'comment' && p.text === 'Lovely weather for sports day')),
  );
  console.log('a clean comment went straight through');
  if (stray.length) fail(`requests left the fixture: ${stray.join(', ')}`);
  console.log(`Firefox smoke passed in ${Date.now() - t0} ms (no stray requests)`);
} finally {
  await browser.close();
}
