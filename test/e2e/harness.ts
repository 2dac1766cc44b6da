/**
 * Playwright fixtures for the built extension: a persistent Chromium context with the extension
 * loaded, fixture pages served at the real site URLs with context.route (no network), every other
 * request blocked and recorded, and helpers that see inside the warning's closed shadow root
 * through the DevTools protocol (page scripts cannot).
 */
import type { FixtureAttachment } from '../fixtures/sites/src/fixture-api';
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readNetLogRequests, type NetLogRequest } from './netlog';

export const EXT_DIR = path.resolve('.output/chrome-mv3');
const FIXTURES = path.resolve('test/fixtures/sites/dist');

export const SITES = {
  facebook: { url: 'https://www.facebook.com/', file: 'facebook.html' },
  x: { url: 'https://x.com/home', file: 'x.html' },
  instagram: { url: 'https://www.instagram.com/', file: 'instagram.html' },
  threads: { url: 'https://www.threads.com/', file: 'threads.html' },
  youtube: { url: 'https://www.youtube.com/watch?v=fixture0001', file: 'youtube.html' },
  reddit: { url: 'https://www.reddit.com/r/Teachers/comments/fixture/end_of_term/', file: 'reddit.html' },
  linkedin: { url: 'https://www.linkedin.com/feed/', file: 'linkedin.html' },
  tiktok: { url: 'https://www.tiktok.com/@holbrookfan/video/7300000000000000001', file: 'tiktok.html' },
  bluesky: { url: 'https://bsky.app/', file: 'bluesky.html' },
  whatsapp: { url: 'https://web.whatsapp.com/', file: 'whatsapp.html' },
  mastodon: { url: 'https://toot.example/home', file: 'mastodon.html' },
  wikipedia: { url: 'https://en.wikipedia.org/w/index.php?title=Holbrook_Primary_School&action=edit', file: 'wikipedia.html' },
} as const;

/**
 * Pages at one exact URL of an origin SITES already serves (or a new one): registered after SITES,
 * so they win for that path only.
 */
export const PAGES = {
  messenger: { url: 'https://www.facebook.com/messages/t/100000000000001', file: 'facebook-messenger.html' },
  fbGroup: { url: 'https://www.facebook.com/groups/holbrookparents', file: 'facebook-messenger.html' },
  fbMobile: { url: 'https://m.facebook.com/', file: 'facebook-mobile.html' },
  xRenamed: { url: 'https://x.com/i/renamed', file: 'x-renamed.html' },
  wikipediaCy: { url: 'https://cy.wikipedia.org/w/index.php?title=Holbrook_Primary_School&action=edit', file: 'wikipedia.html' },
} as const;

export const CHROMIUM_ARGS = [
  `--disable-extensions-except=${EXT_DIR}`,
  `--load-extension=${EXT_DIR}`,
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Fixtures {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** Requests that were not a routed fixture page: must stay empty (no network). */
  stray: string[];
  /**
   * Requests Chromium's net log saw from pages, content scripts or the extension. Checked after
   * every test (must be empty); a test that means to make one clears `netLog.expectNone`.
   */
  netLog: { expectNone: boolean; requests: NetLogRequest[] };
}

/**
 * A browser on its own profile with a given copy of the build (persistence, browser policy): the
 * Facebook fixture is routed; the caller closes it.
 */
export async function launchWithBuild(profile: string, extDir: string): Promise<BrowserContext> {
  const args = CHROMIUM_ARGS.map((a) =>
    a.startsWith('--disable-extensions-except=') ? `--disable-extensions-except=${extDir}` : a.startsWith('--load-extension=') ? `--load-extension=${extDir}` : a,
  );
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args });
  const html = await readFile(path.join(FIXTURES, SITES.facebook.file), 'utf8');
  await context.route('https://www.facebook.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return context;
}

/** The extension's id in `context` (from its service worker's address). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

export const test = base.extend<Fixtures>({
  stray: async ({}, use) => {
    await use([]);
  },
  netLog: async ({}, use) => {
    await use({ expectNone: true, requests: [] });
  },
  context: async ({ stray, netLog }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sl-e2e-'));
    const netLogFile = path.join(dir, 'net-log.json');
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--log-net-log=${netLogFile}`, '--net-log-capture-mode=Default'],
      viewport: { width: 1100, height: 800 },
    });
    for (const { url, file } of Object.values(SITES)) {
      const html = await readFile(path.join(FIXTURES, file), 'utf8');
      const origin = new URL(url).origin;
      await context.route(`${origin}/**`, (route) => {
        const u = new URL(route.request().url());
        if (u.pathname === '/favicon.ico') return route.fulfill({ status: 204 });
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      });
    }
    for (const { url, file } of Object.values(PAGES)) {
      const html = await readFile(path.join(FIXTURES, file), 'utf8');
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    }
    context.on('request', (req) => {
      const u = req.url();
      const routed = [...Object.values(SITES), ...Object.values(PAGES)].some((s) => u.startsWith(new URL(s.url).origin + '/'));
      if (!routed && !u.startsWith('chrome-extension://') && !u.startsWith('data:')) stray.push(u);
    });
    await use(context);
    await context.close();
    netLog.requests = await readNetLogRequests(netLogFile);
    await rm(dir, { recursive: true, force: true });
    // Invariant 1, for every test: nothing left the browser for anyone but Chromium itself.
    if (netLog.expectNone) {
      expect(stray, 'requests outside the routed fixture pages').toEqual([]);
      expect(netLog.requests, 'page or extension requests in Chromium\'s net log').toEqual([]);
    }
  },
  sw: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
});
export { expect };

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Your school', exact: true }).waitFor();
  return page;
}

/** Loads the demo school and class list through the real options page. */
export async function loadDemo(context: BrowserContext, extensionId: string): Promise<Page> {
  const opt = await openOptions(context, extensionId);
  await opt.getByRole('button', { name: 'Load the demo school' }).click();
  await expect(opt.getByText(/Loaded the demo school/)).toBeVisible();
  return opt;
}

/** A school location, as the options page saves it. */
export interface SchoolLocation {
  name: string;
  latitude: number;
  longitude: number;
  radiusMetres: number;
}

/** The demo school (its class list has Evie Carter) with these locations (photo-location). */
export async function demoSchoolAt(context: BrowserContext, extensionId: string, locations: SchoolLocation[]): Promise<void> {
  const opt = await loadDemo(context, extensionId);
  await opt.evaluate(async (locations) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const s = (await c.runtime.sendMessage({ type: 'getStatus' })).status.school;
    const school = { name: s.name, aliases: s.aliases, handles: s.handles, hashtags: s.hashtags, emailDomains: s.emailDomains, locations };
    const r = await c.runtime.sendMessage({ type: 'saveSchool', school });
    if (!r.ok) throw new Error(r.error);
  }, locations);
  await opt.close();
}

/** The demo school's main site, about 120 m from where ../shared/data/generated/photo.jpg was taken. */
export const MAIN_SITE: SchoolLocation = { name: 'Main site', latitude: 51.5012, longitude: -0.1405, radiusMetres: 300 };

// ---- inside the closed shadow root, through CDP --------------------------------------------------

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  contentDocument?: DomNode;
}

async function closedRoots(page: Page): Promise<DomNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: DomNode[] = [];
    const walk = (n: DomNode) => {
      for (const s of n.shadowRoots ?? []) {
        if (s.shadowRootType === 'closed') out.push(s);
        walk(s);
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    return out;
  } finally {
    await cdp.detach();
  }
}

const SPACED = new Set(['LI', 'P', 'H2', 'DIV', 'BUTTON', 'UL', 'SPAN']);
function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.nodeName === 'STYLE') return '';
  const inner = (n.children ?? []).map(textOf).join('');
  return SPACED.has(n.nodeName) ? ` ${inner} ` : inner;
}

/** Text of the warning (all closed shadow roots on the page), whitespace collapsed. */
export async function warningText(page: Page): Promise<string> {
  const roots = await closedRoots(page);
  return roots.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

export async function expectWarning(page: Page, ...parts: (string | RegExp)[]): Promise<string> {
  return waitForWarning(page, parts, 10_000);
}

/**
 * Like expectWarning, with room for the image checks (OCR, face detection, a video's first frame)
 * on a loaded machine. SL_DEBUG=1 prints what the warning said at each look.
 */
export async function expectImageWarning(page: Page, ...parts: string[]): Promise<string> {
  return waitForWarning(page, parts, 90_000);
}

/** Waits until the warning says every part; a failure says what the warning said last (so a CI failure can be read). */
async function waitForWarning(page: Page, parts: readonly (string | RegExp)[], timeout: number): Promise<string> {
  let text = '';
  try {
    await expect
      .poll(
        async () => {
          text = await warningText(page);
          if (process.env.SL_DEBUG) console.log('warning:', text);
          return parts.every((p) => (typeof p === 'string' ? text.includes(p) : p.test(text)));
        },
        { timeout },
      )
      .toBe(true);
  } catch (e) {
    throw new Error(`The warning never said all of ${parts.map(String).join(' | ')}. Last it said: ${JSON.stringify(text || '(no warning)')}`, { cause: e });
  }
  return text;
}

/** Every file the fixture page took as an attachment, in order, with its bytes (base64). */
export function fixtureAttachments(page: Page): Promise<FixtureAttachment[]> {
  return page.evaluate(() => (window as unknown as { __fixture: { attachments: FixtureAttachment[] } }).__fixture.attachments.map((a) => ({ ...a })));
}

/**
 * Copies the markup (with its styles) of every closed shadow root on the page into an open root on
 * a new full-viewport host with id `id`, where axe-core, which like the page cannot enter a closed
 * root, can check it. Returns the markup copied.
 */
export async function openCopyOfWarning(page: Page, id: string): Promise<string> {
  const roots = await closedRoots(page);
  const cdp = await page.context().newCDPSession(page);
  let html = '';
  try {
    for (const r of roots) {
      for (const c of r.children ?? []) html += ((await cdp.send('DOM.getOuterHTML', { backendNodeId: c.backendNodeId })) as { outerHTML: string }).outerHTML;
    }
  } finally {
    await cdp.detach();
  }
  await page.evaluate(
    ({ markup, id }) => {
      const host = document.createElement('div');
      host.id = id;
      host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647';
      host.attachShadow({ mode: 'open' }).innerHTML = markup;
      document.documentElement.append(host);
    },
    { markup: html, id },
  );
  return html;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The border box (viewport px) of the warning's panel: the first element with class `cls` in a
 * closed root (`panel`; the image warning's column of chips and panels is `wrap`), or null.
 */
export async function warningPanelBox(page: Page, cls = 'panel'): Promise<Box | null> {
  const roots = await closedRoots(page);
  let panel: DomNode | null = null;
  const find = (n: DomNode) => {
    if (panel) return;
    const attrs = n.attributes ?? [];
    if (attrs.includes('class') && attrs[attrs.indexOf('class') + 1]?.split(' ').includes(cls)) panel = n;
    for (const c of n.children ?? []) find(c);
  };
  roots.forEach(find);
  if (!panel) return null;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: (panel as DomNode).backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, w: x3 - x1, h: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Clicks a button inside the warning with a real (trusted) mouse click at its centre. */
export async function clickInWarning(page: Page, label: string): Promise<void> {
  const roots = await closedRoots(page);
  let target: DomNode | null = null;
  const find = (n: DomNode) => {
    if (target) return;
    if (n.nodeName === 'BUTTON' && textOf(n).replace(/\s+/g, ' ').trim() === label) target = n;
    for (const c of n.children ?? []) find(c);
  };
  roots.forEach(find);
  if (!target) throw new Error(`No "${label}" button in the warning: ${await warningText(page)}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: (target as DomNode).backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Stops the extension's service worker, as Chrome does when it is idle. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

export async function fixturePosts(page: Page): Promise<{ surface: string; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __fixture: { posts: { surface: string; text: string }[] } }).__fixture.posts);
}

export async function editorText(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => (window as unknown as { __fixture: { getEditorText(n: string): string } }).__fixture.getEditorText(n), name);
}

/** The highlight boxes drawn over the user's words (viewport px), from the warning's closed root. */
export async function highlightBoxes(page: Page): Promise<{ x: number; y: number; w: number; h: number }[]> {
  const out: { x: number; y: number; w: number; h: number }[] = [];
  const walk = (n: DomNode) => {
    const attrs = n.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1] ?? '';
    if (n.nodeName === 'DIV' && attrs.includes('class') && /(^|\s)hl(\s|$)/.test(cls)) {
      const style = attrs[attrs.indexOf('style') + 1] ?? '';
      const px = (prop: string) => Number(new RegExp(`(?:^|;|\\s)${prop}:\\s*(-?[\\d.]+)px`).exec(style)?.[1] ?? NaN);
      out.push({ x: px('left'), y: px('top'), w: px('width'), h: px('height') });
    }
    for (const c of n.children ?? []) walk(c);
  };
  (await closedRoots(page)).forEach(walk);
  return out;
}

/** Toolbar badge text and title of every tab, read in the service worker (where chrome.action is). */
export async function badges(sw: Worker): Promise<{ text: string; title: string }[]> {
  return sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const tabs: { id: number }[] = await c.tabs.query({});
    return Promise.all(
      tabs.map(async (t) => ({ text: await c.action.getBadgeText({ tabId: t.id }), title: await c.action.getTitle({ tabId: t.id }) })),
    );
  });
}
