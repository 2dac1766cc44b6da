/**
 * Playwright fixtures for the built extension: a persistent Chromium context with the extension
 * loaded, fixture pages served at the real site URLs with context.route (no network), every other
 * request blocked and recorded, and helpers that see inside the warning's closed shadow root
 * through the DevTools protocol (page scripts cannot).
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXT_DIR = path.resolve('.output/chrome-mv3');
const FIXTURES = path.resolve('test/fixtures/sites/dist');

export const SITES = {
  facebook: { url: 'https://www.facebook.com/', file: 'facebook.html' },
  x: { url: 'https://x.com/home', file: 'x.html' },
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
}

export const test = base.extend<Fixtures>({
  stray: async ({}, use) => {
    await use([]);
  },
  context: async ({ stray }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sl-e2e-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
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
    context.on('request', (req) => {
      const u = req.url();
      const routed = Object.values(SITES).some((s) => u.startsWith(new URL(s.url).origin + '/'));
      if (!routed && !u.startsWith('chrome-extension://') && !u.startsWith('data:')) stray.push(u);
    });
    await use(context);
    await context.close();
    await rm(dir, { recursive: true, force: true });
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
  let text = '';
  await expect
    .poll(
      async () => {
        text = await warningText(page);
        return parts.every((p) => (typeof p === 'string' ? text.includes(p) : p.test(text)));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return text;
}

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
