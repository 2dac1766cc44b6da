/**
 * What a hostile page can learn: nothing from the class list. A page script searches the DOM, open
 * shadow roots, its own storage and the messages it can observe for a pupil's name the user never
 * typed; the warning's root is closed; synthetic clicks and programmatic typing gain nothing.
 * Also: the matcher is rebuilt from IndexedDB after the service worker is stopped.
 */
import { readFile } from 'node:fs/promises';
import {
  expect,
  expectWarning,
  fixturePosts,
  loadDemo,
  openOptions,
  SITES,
  stopServiceWorker,
  test,
  warningText,
} from './harness';

const SENTINEL = 'Zephyrine';

test.beforeEach(async ({ context, extensionId }) => {
  const opt = await loadDemo(context, extensionId);
  // A second list holding only the sentinel pupil, imported through the real file input.
  await opt.setInputFiles('#classlist-file', {
    name: 'sentinel-class.csv',
    mimeType: 'text/csv',
    buffer: await readFile('test/fixtures/rosters/sentinel-class.csv'),
  });
  await opt.getByRole('button', { name: /^Import \d+ people$/ }).click();
  await expect(opt.getByText(/Imported 1 people/)).toBeVisible();
});

test('a page script finds no class-list data and cannot reach the warning', async ({ context }) => {
  const page = await context.newPage();
  const messages: string[] = [];
  await page.exposeFunction('__record', (s: string) => messages.push(s));
  await page.addInitScript(() => {
    window.addEventListener('message', (e) => (window as any).__record(JSON.stringify(e.data)), true);
    for (const t of ['sl-check', 'second-look']) document.addEventListener(t, (e) => (window as any).__record(String(e.type)), true);
  });
  await page.goto(SITES.facebook.url);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Well done Evie Carter');
  await expectWarning(page, 'Evie Carter');

  const found = await page.evaluate(async (sentinel) => {
    const hits: string[] = [];
    const seen: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      const html = root instanceof Document ? root.documentElement.outerHTML : root.innerHTML;
      seen.push(html);
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    for (const h of seen) if (h.includes(sentinel)) hits.push('dom');
    if (document.body.innerText.includes('Post anyway')) hits.push('warning readable');
    // Any element the extension added must have a closed root (shadowRoot === null).
    const custom = [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-'));
    for (const e of custom) if (e.shadowRoot) hits.push('open root');
    if (custom.length !== 1) hits.push(`hosts:${custom.length}`);
    const dbs = await indexedDB.databases();
    if (dbs.length) hits.push(`idb:${dbs.map((d) => d.name).join(',')}`);
    if (localStorage.length) hits.push('localStorage');
    if (document.cookie) hits.push('cookie');
    return hits;
  }, SENTINEL);
  expect(found).toEqual([]);
  expect(messages.join('\n')).not.toContain(SENTINEL);
  expect(await warningText(page)).not.toContain(SENTINEL);
});

test('synthetic clicks on the warning and programmatic typing gain nothing', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Well done Evie Carter');
  await expectWarning(page, 'Evie Carter');
  // The page tries to release the hold: synthetic clicks and .click() on every custom element (our
  // host is one) and on whatever custom element sits at each point of the viewport.
  await page.evaluate(() => {
    const targets = new Set<Element>([...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-')));
    for (let x = 0; x < innerWidth; x += 40) for (let y = 0; y < innerHeight; y += 40) {
      const el = document.elementFromPoint(x, y);
      if (el && el.tagName.includes('-')) targets.add(el);
    }
    if (targets.size === 0) throw new Error('the warning host was not found by the probe');
    for (const el of targets) {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 10, clientY: 10 }));
      (el as HTMLElement).click?.();
    }
  });
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await page.waitForTimeout(300);
  expect(await fixturePosts(page)).toEqual([]);

  // The page probes the matcher by inserting the sentinel name without any trusted input.
  const page2 = await context.newPage();
  await page2.goto(SITES.x.url);
  await page2.evaluate((name) => {
    const ed = document.querySelector('[data-testid="tweetTextarea_0"]') as HTMLElement;
    ed.focus();
    document.execCommand('insertText', false, `${name} Quillfeather`);
    ed.dispatchEvent(new InputEvent('input', { bubbles: true, data: name }));
  }, SENTINEL);
  await page2.waitForTimeout(800);
  expect(await warningText(page2)).toBe('');
});

test('after the service worker is stopped, the next check still works', async ({ context, extensionId }) => {
  const opt = await openOptions(context, extensionId);
  await stopServiceWorker(opt);
  const page = await context.newPage();
  await page.goto(SITES.x.url);
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Congratulations Daan van der Berg');
  await expectWarning(page, 'Daan van der Berg');
});
