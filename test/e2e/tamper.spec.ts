/**
 * A hostile page tries to hide or cover the warning (issue 7): it removes the host, hides it with
 * styles and attributes, closes its popover, and opens its own full-screen popover over it. After
 * each attempt the warning is back on top where the user can see and click it, and Post stays held.
 */
import type { Page } from '@playwright/test';
import { clickInWarning, expect, expectWarning, fixturePosts, loadDemo, SITES, test } from './harness';

const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
const POST = '[role="dialog"] [role="button"][aria-label="Post"]';

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

/** Where the warning's "Post anyway" button is, from DevTools (the page cannot see inside). */
async function buttonCentre(page: Page, label: string): Promise<{ x: number; y: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type N = { backendNodeId: number; nodeName: string; nodeType: number; nodeValue?: string; children?: N[]; shadowRoots?: N[]; shadowRootType?: string };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: N };
    const text = (n: N): string => (n.nodeType === 3 ? n.nodeValue ?? '' : (n.children ?? []).map(text).join(''));
    let found: N | null = null;
    const walk = (n: N, inClosed: boolean) => {
      if (found) return;
      if (inClosed && n.nodeName === 'BUTTON' && text(n).trim() === label) found = n;
      for (const s of n.shadowRoots ?? []) walk(s, inClosed || s.shadowRootType === 'closed');
      for (const c of n.children ?? []) walk(c, inClosed);
    };
    walk(root, false);
    if (!found) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: (found as N).backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as number[];
    return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

/** The warning is on top at its button: the hit test lands on our (closed) host. */
async function expectOnTop(page: Page) {
  await expect
    .poll(async () => {
      const c = await buttonCentre(page, 'Post anyway');
      if (!c) return 'no button';
      return page.evaluate(({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el && el.tagName.includes('-') && el.shadowRoot === null ? 'on top' : `covered by ${el?.tagName}`;
      }, c);
    })
    .toBe('on top');
}

const ATTACKS: [string, string][] = [
  ['removes the host from the page', 'host.remove()'],
  ['hides the host with display:none', "host.style.setProperty('display', 'none', 'important')"],
  ['sets hidden and inert on the host', "host.setAttribute('hidden', ''); host.setAttribute('inert', '')"],
  ['closes the host popover', 'host.hidePopover()'],
  [
    'opens its own full-screen popover over the warning',
    "const c = document.createElement('div'); c.popover = 'manual'; c.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:white;border:0'; c.textContent = 'nothing to see'; document.body.append(c); c.showPopover()",
  ],
];

for (const [name, attack] of ATTACKS) {
  test(`a page that ${name} does not hide the warning, and Post stays held`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(SITES.facebook.url);
    await page.click(EDITOR);
    await page.keyboard.type('Well done Evie Carter', { delay: 5 });
    await page.click(POST);
    await expectWarning(page, 'has not been sent');
    await expectOnTop(page);

    await page.evaluate((code) => {
      const host = [...document.querySelectorAll('*')].find(
        (e) => e.tagName.includes('-') && e.shadowRoot === null && (e as HTMLElement).matches(':popover-open'),
      ) as HTMLElement & { hidePopover(): void };
      if (!host) throw new Error('the probe did not find the warning host');
      new Function('host', code)(host);
    }, attack);

    await expectOnTop(page);
    await page.click(POST, { force: true }).catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await fixturePosts(page)).toEqual([]);
    // And the user can still act on it with a real click.
    await page.waitForTimeout(300);
    await clickInWarning(page, 'Post anyway');
    await page.keyboard.press('Escape').catch(() => undefined);
  });
}
