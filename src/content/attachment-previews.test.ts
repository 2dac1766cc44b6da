// @vitest-environment happy-dom
/**
 * Taking a photo out of the post: with the site's own × (its preview leaves the composer, see
 * attachment-previews.ts) or with the warning's "I have removed this photo from my post". Either
 * drops that attachment's finding and lets the post go; a preview elsewhere on the page, or one a
 * re-render swaps for a copy, does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageCheckResponse, ImageVerdict } from '../messaging/protocol';
import type { ImageActions, ImageViewModel } from '../ui/ImageCheck';
import { PreviewWatch } from './attachment-previews';
import { AttachmentWatcher } from './attachments';

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

const LOCATION: ImageVerdict = {
  findings: [{ rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: '§6.9', detail: 'Taken about 40 m from Main site.' }],
  hasLocation: true,
  skipped: [],
};
const CLEAN: ImageVerdict = { findings: [], hasLocation: false, skipped: [] };

let ac: AbortController;
afterEach(() => {
  ac.abort();
  document.body.innerHTML = '';
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const file = (name: string) => new File([name], name, { type: 'image/jpeg' });

/** A composer box as sites build it: editor, preview strip, toolbar with a file input; a feed beside it. */
function page(): { editor: HTMLElement; previews: HTMLElement; input: HTMLInputElement; feed: HTMLElement; given: string[][] } {
  document.body.innerHTML = `
    <main>
      <div class="composer">
        <div class="editor-wrap"><div class="editor" contenteditable="true" role="textbox"></div></div>
        <div class="previews"></div>
        <div class="toolbar"><div><input type="file" multiple></div></div>
      </div>
      <div class="feed" role="feed"></div>
    </main>`;
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const given: string[][] = [];
  input.addEventListener('change', () => given.push(Array.from(input.files ?? [], (f) => f.name)));
  return {
    editor: document.querySelector<HTMLElement>('.editor')!,
    previews: document.querySelector<HTMLElement>('.previews')!,
    input,
    feed: document.querySelector<HTMLElement>('.feed')!,
    given,
  };
}

function thumb(into: HTMLElement, url: string, bg = false): HTMLElement {
  const el = document.createElement('div');
  el.className = 'thumb';
  if (bg) el.setAttribute('style', `background-image: url("${url}")`);
  else el.innerHTML = `<img src="${url}" alt="">`;
  into.appendChild(el);
  return el;
}

function watcher(editor: HTMLElement, verdict: (name: string) => ImageVerdict = () => LOCATION) {
  ac = new AbortController();
  let actions: ImageActions | null = null;
  const views: (ImageViewModel | null)[] = [];
  const w = new AttachmentWatcher({
    win: window as Window & typeof globalThis,
    signal: ac.signal,
    cleanChipMs: 60_000,
    composerFor: () => editor,
    checkImage: async (req): Promise<ImageCheckResponse> => ({ ok: true, verdict: verdict(atob(req.data)) }),
    stripImage: async (req) => ({ ok: true, mime: req.mime, data: btoa('clean') }),
    mountLayer: (a) => {
      actions = a;
      return { update: (vm) => views.push(vm ? structuredClone(vm) : null), save() {}, destroy() {} };
    },
  });
  return { w, actions: () => actions!, last: () => views.at(-1) };
}

function drop(target: HTMLElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  const e = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: dt });
  target.dispatchEvent(trusted(e));
}

function choose(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(trusted(new Event('change', { bubbles: true })));
}

describe('removing a photo in the site: its preview leaves the composer', () => {
  it('a dropped photo with a finding: held while its preview shows; the site\'s × (preview gone) releases the post', async () => {
    const p = page();
    const t = watcher(p.editor);
    drop(p.editor, [file('gps.jpg')]);
    const tile = thumb(p.previews, 'blob:https://site.example/1111');
    await wait(100);
    expect(t.w.block(p.editor)).toBe('finding');
    t.w.showHeld();
    // A re-render that swaps the tile for a copy with the same address changes nothing.
    tile.remove();
    thumb(p.previews, 'blob:https://site.example/1111');
    await wait(700);
    expect(t.w.block(p.editor)).toBe('finding');
    // The site's ×: the preview goes, and stays gone.
    p.previews.innerHTML = '';
    await wait(900);
    expect(t.w.block(p.editor)).toBeNull();
    expect(t.last() ?? null).toBeNull();
  });

  it('a background-image preview (as X draws it) is followed too; two photos: removing one keeps the other\'s hold', async () => {
    const p = page();
    const t = watcher(p.editor);
    drop(p.editor, [file('a.jpg')]);
    thumb(p.previews, 'blob:https://site.example/a', true);
    await wait(100);
    drop(p.editor, [file('b.jpg')]);
    const b = thumb(p.previews, 'blob:https://site.example/b', true);
    await wait(100);
    expect(t.last()!.items).toHaveLength(2);
    b.remove();
    await wait(900);
    expect(t.last()!.items).toHaveLength(1);
    expect(t.w.block(p.editor)).toBe('finding');
  });

  it('a re-render that makes a new blob: address for the same photo keeps the hold', async () => {
    const p = page();
    const t = watcher(p.editor);
    drop(p.editor, [file('gps.jpg')]);
    thumb(p.previews, 'blob:https://site.example/first');
    await wait(100);
    p.previews.innerHTML = '';
    thumb(p.previews, 'blob:https://site.example/second');
    await wait(900);
    expect(t.w.block(p.editor)).toBe('finding');
    p.previews.innerHTML = '';
    await wait(900);
    expect(t.w.block(p.editor)).toBeNull();
  });

  it('media elsewhere on the page (a feed video) is never taken for the photo\'s preview', async () => {
    const p = page();
    const t = watcher(p.editor);
    drop(p.editor, [file('gps.jpg')]);
    const feedVideo = document.createElement('video');
    feedVideo.setAttribute('src', 'blob:https://site.example/feed');
    p.feed.appendChild(feedVideo);
    await wait(100);
    feedVideo.remove();
    await wait(900);
    expect(t.w.block(p.editor)).toBe('finding');
  });

  it('previews already in the composer before the photo came are not its preview', async () => {
    const p = page();
    const old = thumb(p.previews, 'data:image/png;base64,AAAA');
    const t = watcher(p.editor);
    drop(p.editor, [file('gps.jpg')]);
    await wait(100);
    old.remove();
    await wait(900);
    expect(t.w.block(p.editor)).toBe('finding');
  });
});

describe('"I have removed this photo from my post"', () => {
  it('offered on every standing finding; drops it and lets the post go', async () => {
    const p = page();
    const t = watcher(p.editor);
    drop(p.editor, [file('gps.jpg')]);
    await wait(50);
    t.w.showHeld();
    expect(t.w.block(p.editor)).toBe('finding');
    const id = t.last()!.items[0]!.id;
    // Untrusted (a page script) or too soon to have been read: nothing changes.
    t.actions().onDismiss(id, new MouseEvent('click'));
    t.actions().onDismiss(id, trusted(new MouseEvent('click')));
    expect(t.w.block(p.editor)).toBe('finding');
    await wait(320);
    t.actions().onDismiss(id, trusted(new MouseEvent('click')));
    expect(t.w.block(p.editor)).toBeNull();
    expect(t.last() ?? null).toBeNull();
  });

  it('a photo from the file input the site has not been given yet never reaches it; the other files do', async () => {
    const p = page();
    const t = watcher(p.editor, (name) => (name === 'gps.jpg' ? LOCATION : CLEAN));
    choose(p.input, [file('gps.jpg'), file('field.jpg')]);
    await wait(50);
    expect(p.given).toEqual([]);
    expect(t.w.block(p.editor)).toBe('finding');
    const id = t.last()!.items.find((i) => i.status === 'done' && i.verdict?.hasLocation)!.id;
    await wait(320);
    t.actions().onDismiss(id, trusted(new MouseEvent('click')));
    expect(p.given).toEqual([['field.jpg']]);
    expect(t.w.block(p.editor)).toBeNull();
  });

  it('the only file: the site is given nothing and its input is emptied', async () => {
    const p = page();
    const t = watcher(p.editor);
    choose(p.input, [file('gps.jpg')]);
    await wait(50);
    const id = t.last()!.items[0]!.id;
    await wait(320);
    t.actions().onDismiss(id, trusted(new MouseEvent('click')));
    await wait(20);
    expect(p.given).toEqual([]);
    expect(p.input.files?.length ?? 0).toBe(0);
    expect(t.w.block(p.editor)).toBeNull();
  });
});

describe('PreviewWatch', () => {
  it('says nothing for an attachment whose preview never showed (within the window)', async () => {
    const p = page();
    ac = new AbortController();
    const gone: number[] = [];
    const pw = new PreviewWatch({ win: window as Window & typeof globalThis, signal: ac.signal, onGone: (k) => gone.push(k), windowMs: 200, settleMs: 50 });
    pw.track(1, p.editor, null);
    await wait(400);
    thumb(p.previews, 'blob:https://site.example/late').remove();
    await wait(200);
    expect(gone).toEqual([]);
  });

  it('looks into open shadow roots in the composer (web-component sites)', async () => {
    const p = page();
    const host = document.createElement('div');
    p.previews.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    ac = new AbortController();
    const gone: number[] = [];
    const pw = new PreviewWatch({ win: window as Window & typeof globalThis, signal: ac.signal, onGone: (k) => gone.push(k), windowMs: 2000, settleMs: 50 });
    pw.track(7, p.editor, null);
    const img = document.createElement('img');
    img.setAttribute('src', 'blob:https://site.example/shadow');
    root.appendChild(img);
    await wait(200);
    img.remove();
    await wait(300);
    expect(gone).toEqual([7]);
  });
});

describe('file inputs inside open shadow roots (LinkedIn, Reddit)', () => {
  it('the change (not composed: it never reaches the window) is caught and held back once the user has acted in that root', async () => {
    const p = page();
    const host = document.createElement('div');
    document.querySelector('.composer')!.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    root.appendChild(button);
    const input = document.createElement('input');
    input.type = 'file';
    root.appendChild(input);
    const given: string[][] = [];
    input.addEventListener('change', () => given.push(Array.from(input.files ?? [], (f) => f.name)));
    const t = watcher(p.editor);
    // The click on the site's photo button passes through the shadow root.
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    choose(input, [file('gps.jpg')]);
    await wait(50);
    expect(given).toEqual([]);
    expect(t.w.block(p.editor)).toBe('finding');
    expect(t.last()!.items.map((i) => i.source)).toEqual(['input']);
  });
});

describe("the warning leaves the photo's preview (and the site's × on it) uncovered", () => {
  const at = (el: Element, x: number, y: number, w: number, h: number) => {
    el.getBoundingClientRect = () => ({ left: x, top: y, width: w, height: h, x, y, right: x + w, bottom: y + h, toJSON() {} }) as DOMRect;
  };

  it('PreviewWatch.boxes: the tile holding the preview and its ×, with a margin; nothing before the preview is found', async () => {
    const p = page();
    ac = new AbortController();
    const found: number[] = [];
    const watch = new PreviewWatch({ win: window as Window & typeof globalThis, signal: ac.signal, onGone() {}, onFound: (k) => found.push(k) });
    watch.track(1, p.editor, null);
    expect(watch.boxes()).toEqual([]);
    const tile = thumb(p.previews, 'blob:https://site.example/2222');
    const x = document.createElement('button');
    x.setAttribute('aria-label', 'Remove');
    tile.appendChild(x);
    at(tile, 100, 200, 96, 96);
    at(tile.querySelector('img')!, 100, 200, 96, 96);
    at(p.previews, 100, 200, 600, 96);
    await wait(100);
    expect(found).toEqual([1]);
    expect(watch.boxes()).toEqual([{ x: 92, y: 192, w: 112, h: 112 }]);
    // A box far larger than the preview (the whole composer) is not taken for its tile.
    x.remove();
    p.previews.appendChild(x);
    expect(watch.boxes()).toEqual([{ x: 92, y: 192, w: 112, h: 112 }]);
  });

  it('the watcher adds the preview to what the warning avoids, beside the composer and its Send', async () => {
    const p = page();
    ac = new AbortController();
    const views: (ImageViewModel | null)[] = [];
    new AttachmentWatcher({
      win: window as Window & typeof globalThis,
      signal: ac.signal,
      composerFor: () => p.editor,
      placeFor: () => ({ anchor: { x: 100, y: 100, w: 600, h: 80 }, avoid: [{ x: 620, y: 320, w: 80, h: 36 }] }),
      checkImage: async (): Promise<ImageCheckResponse> => ({ ok: true, verdict: LOCATION }),
      stripImage: async (req) => ({ ok: true, mime: req.mime, data: btoa('clean') }),
      mountLayer: () => ({ update: (vm) => views.push(vm ? structuredClone(vm) : null), save() {}, destroy() {} }),
    });
    drop(p.editor, [file('gps.jpg')]);
    const tile = thumb(p.previews, 'blob:https://site.example/3333');
    at(tile.querySelector('img')!, 100, 200, 96, 96);
    await wait(150);
    expect(views.at(-1)?.avoid).toEqual([
      { x: 620, y: 320, w: 80, h: 36 },
      { x: 92, y: 192, w: 112, h: 112 },
    ]);
  });
});
