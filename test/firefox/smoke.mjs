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
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, FIXTURE, installAndLoadDemo, launchFirefox, OUT, waitFor } from './launch.mjs';

const t0 = Date.now();
const browser = await launchFirefox();
const stray = [];
try {
  const { firstPage, options } = await installAndLoadDemo(browser, t0);

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
