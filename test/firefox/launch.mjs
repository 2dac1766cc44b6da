/**
 * What both Firefox smoke tests start with: Debian's Firefox ESR driven by puppeteer-core over
 * WebDriver BiDi, the Firefox build (.output/firefox-mv3) installed with a fixed internal UUID,
 * Firefox's own background traffic off (so a request log is ours alone), and the demo school
 * loaded through the options page the add-on opens on first install (BiDi may not navigate to
 * moz-extension:// URLs, so the tab the add-on opened is driven).
 */
import puppeteer from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const EXT = path.resolve('.output/firefox-mv3');
const GECKO_ID = 'second-look@second-look.invalid';
const UUID = '5ec0d100-0000-4000-8000-000000000001';
export const FIXTURE = path.resolve('test/fixtures/sites/dist/facebook.html');
export const OUT = path.resolve('test-results/firefox');

export const fail = (msg) => {
  throw new Error(msg);
};

export const waitFor = async (what, fn, ms = 15000) => {
  const t0 = Date.now();
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() - t0 > ms) fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

/** Launches Firefox (`prefs`: extra preferences); the caller closes `browser` (also when `loadDemo` throws). */
export async function launchFirefox({ prefs = {} } = {}) {
  if (!existsSync(FIREFOX)) {
    console.error(`Firefox smoke: ${FIREFOX} is not installed (apt-get install -y firefox-esr).`);
    process.exit(1);
  }
  await mkdir(OUT, { recursive: true });
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // FIREFOX_DUMPIO=1: Firefox's output, with the extension's console, on this process's stderr.
    dumpio: !!process.env.FIREFOX_DUMPIO,
    extraPrefsFirefox: {
      ...(process.env.FIREFOX_DUMPIO ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...prefs,
    },
  });
}

/** Installs the add-on and loads the demo school through its options page: { firstPage, options }. */
export async function installAndLoadDemo(browser, t0) {
  const firstPage = (await browser.pages())[0];
  const id = await browser.installExtension(EXT);
  if (id !== GECKO_ID) fail(`installed as ${id}, expected ${GECKO_ID}`);
  console.log(`launched and installed in ${Date.now() - t0} ms`);

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
  return { firstPage, options };
}

/**
 * The text of the extension's warnings, read the way a user sees them: the page cannot open their
 * closed shadow roots, but WebDriver BiDi's node serialisation can (includeShadowTree: 'all'), so
 * this reads every custom element's shadow tree, without <style>, as one string.
 */
export async function warningText(page) {
  const context = page.mainFrame().browsingContext;
  const { result } = await context.userContext.browser.session.send('script.evaluate', {
    expression: `[...document.querySelectorAll('*')].filter((e) => e.localName.includes('-'))`,
    target: { context: context.id },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  });
  const texts = [];
  const walk = (node) => {
    if (node?.type !== 'node' || !node.value || node.value.localName === 'style') return;
    if (node.value.nodeType === 3 && node.value.nodeValue?.trim()) texts.push(node.value.nodeValue.trim());
    for (const child of node.value.children ?? []) walk(child);
    if (node.value.shadowRoot) walk(node.value.shadowRoot);
  };
  for (const el of result.result.value ?? []) walk(el);
  return texts.join(' | ');
}
