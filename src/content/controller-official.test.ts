// @vitest-environment happy-dom
/**
 * The controller tells the background who is posting (the adapter's postingAs, capped) and whether
 * media is attached; a photo attached after the text was checked makes that verdict stale, so the
 * submit is held and the text checked again with `hasMedia` (official-account: no child named in a
 * post with a photo).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResponse } from '../messaging/protocol';
import { x } from '../sites/x';
import { Controller, type CheckExtra, type ImageHold } from './controller';

const FINDING = { rule: 'official-account', start: 10, end: 21, severity: 'high', title: 'Posting as the school', clause: '003 step 2' };

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

let ac: AbortController;
function start(findingsFor: (text: string, extra: CheckExtra | undefined) => unknown[]) {
  ac = new AbortController();
  const calls: [string, CheckExtra | undefined][] = [];
  const attached = new Set<HTMLElement>();
  const images: ImageHold = {
    block: () => null,
    whenChecked: async () => {},
    showHeld() {},
    showWaiting() {},
    posted: (ed) => void attached.delete(ed),
    has: (ed) => attached.has(ed),
  };
  new Controller({
    adapter: x,
    win: window,
    signal: ac.signal,
    debounceMs: 1,
    images,
    check: async (text, _surface, _audience, extra) => {
      calls.push([text, extra]);
      return { ok: true, findings: findingsFor(text, extra) } as CheckResponse;
    },
    mountLayer: () => ({ update() {}, destroy() {} }),
  });
  return { calls, attached };
}

const flush = () => new Promise((r) => setTimeout(r, 20));

async function typeInto(editor: HTMLElement, text: string): Promise<void> {
  editor.textContent = text;
  editor.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
  await flush();
}

function click(el: HTMLElement): MouseEvent {
  const e = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  el.dispatchEvent(e);
  return e;
}

const page = (handle: string) => `
  <button data-testid="SideNav_AccountSwitcher_Button"><div data-testid="UserAvatar-Container-${handle}"></div>
    <div><div dir="ltr"><span><span>Holbrook Primary School</span></span></div><div dir="ltr"><span>@${handle}</span></div></div></button>
  <div><div data-testid="tweetTextarea_0" role="textbox" contenteditable="true" id="ed"></div>
    <button data-testid="tweetButtonInline" id="post">Post</button></div>`;

afterEach(() => ac.abort());

describe('controller: posting account and attached media', () => {
  it('sends the account the page shows, and no hasMedia without an attachment', async () => {
    document.body.innerHTML = page('HolbrookPrimary');
    const { calls } = start(() => []);
    await typeInto(document.getElementById('ed')!, 'Well done Evie Carter');
    expect(calls).toEqual([['Well done Evie Carter', { account: { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' } }]]);
  });

  it('a photo attached after the check: the submit is held, the text checked again with hasMedia, and the finding holds it', async () => {
    document.body.innerHTML = page('HolbrookPrimary');
    const { calls, attached } = start((_t, extra) => (extra?.hasMedia ? [FINDING] : []));
    const ed = document.getElementById('ed')!;
    await typeInto(ed, 'Well done Evie Carter');
    attached.add(ed);
    expect(click(document.getElementById('post')!).defaultPrevented).toBe(true);
    await flush();
    expect(calls.map(([t, e]) => [t, e?.hasMedia ?? false])).toEqual([
      ['Well done Evie Carter', false],
      ['Well done Evie Carter', true],
    ]);
    // Still held on the next press: the finding stands for text + photo.
    expect(click(document.getElementById('post')!).defaultPrevented).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('no account shown (no side nav): no account field is sent', async () => {
    document.body.innerHTML = '<div data-testid="tweetTextarea_0" role="textbox" contenteditable="true" id="ed"></div>';
    const { calls } = start(() => []);
    await typeInto(document.getElementById('ed')!, 'Sports day today');
    expect(calls).toEqual([['Sports day today', {}]]);
  });
});

describe('controller: where the image warning may go', () => {
  it("the text warning's panel, while it shows, is a box the image warning keeps clear of; the image warning is told to move when it appears", async () => {
    document.body.innerHTML = page('msteacher_gp');
    ac = new AbortController();
    let follows = 0;
    const images: ImageHold = { block: () => null, whenChecked: async () => {}, showHeld() {}, showWaiting() {}, posted() {}, follow: () => void follows++ };
    const panel = { x: 700, y: 50, w: 360, h: 300 };
    const controller = new Controller({
      adapter: x,
      win: window,
      signal: ac.signal,
      debounceMs: 1,
      images,
      check: async () => ({ ok: true, findings: [FINDING] }) as CheckResponse,
      mountLayer: () => ({ update() {}, destroy() {}, panelBox: () => panel }),
    });
    const ed = document.getElementById('ed')!;
    ed.getBoundingClientRect = () => ({ left: 100, top: 60, width: 500, height: 80, x: 100, y: 60, right: 600, bottom: 140, toJSON() {} }) as DOMRect;
    expect(controller.composerBoxes(ed)?.avoid).not.toContainEqual(panel);
    await typeInto(ed, 'Well done Evie Carter');
    expect(follows).toBeGreaterThan(0);
    expect(controller.composerBoxes(ed)?.avoid).toContainEqual(panel);
  });
});
