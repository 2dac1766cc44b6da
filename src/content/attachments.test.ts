// @vitest-environment happy-dom
/**
 * Attachment capture with a fake background (the real one is tested in src/background/images.test.ts
 * and end to end in test/e2e/images.spec.ts): only trusted events count; a file input's change is
 * held back from the site while the file is checked and released as soon as no location data
 * stands (or with the clean copy); what a post must wait for; "Post anyway"; the controller's hold.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageCheckResponse, ImageVerdict } from '../messaging/protocol';
import { x } from '../sites/x';
import type { ImageActions, ImageViewModel } from '../ui/ImageCheck';
import type { Rect } from '../ui/placement';
import { AttachmentWatcher } from './attachments';
import { Controller } from './controller';

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

const LOCATION: ImageVerdict = {
  findings: [{ rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: '§6.9', detail: 'Taken about 40 m from Main site.' }],
  hasLocation: true,
  skipped: [],
};
const PEOPLE: ImageVerdict = {
  findings: [{ rule: 'photo-people', severity: 'high', title: 'People in a photo', clause: '§6.9', detail: 'This photo shows 2 people.' }],
  hasLocation: false,
  skipped: [],
};
const CLEAN: ImageVerdict = { findings: [], hasLocation: false, skipped: [] };

let ac: AbortController;
afterEach(() => {
  ac.abort();
  document.body.innerHTML = '';
});

function setup(
  verdictFor: (name: string) => ImageVerdict | 'unsupported',
  composerFor?: (target: Element) => HTMLElement | null,
  placeFor?: (composer: HTMLElement | null) => { anchor: Rect; avoid: Rect[] } | null,
  nounFor?: (composer: HTMLElement | null) => 'comment' | 'message' | null,
) {
  ac = new AbortController();
  const views: (ImageViewModel | null)[] = [];
  const answers: ((r: ImageCheckResponse) => void)[] = [];
  let manual = false;
  let actions: ImageActions | null = null;
  const sent: { mime: string; data: string }[] = [];
  const watcher = new AttachmentWatcher({
    win: window as Window & typeof globalThis,
    signal: ac.signal,
    cleanChipMs: 10_000,
    ...(composerFor ? { composerFor } : {}),
    ...(placeFor ? { placeFor } : {}),
    ...(nounFor ? { nounFor } : {}),
    checkImage: (req) => {
      sent.push(req);
      const name = atob(req.data);
      const v = verdictFor(name);
      const res: ImageCheckResponse = v === 'unsupported' ? { ok: false, error: 'unsupported' } : { ok: true, verdict: v };
      if (manual) return new Promise((r) => answers.push(() => r(res)));
      return Promise.resolve(res);
    },
    stripImage: async (req) => ({ ok: true, mime: req.mime, data: btoa('clean') }),
    mountLayer: (a) => {
      actions = a;
      return { update: (vm) => views.push(vm ? structuredClone(vm) : null), save() {}, destroy() {} };
    },
  });
  return {
    watcher,
    sent,
    views,
    actions: () => actions!,
    last: () => views.at(-1),
    holdAnswers: () => (manual = true),
    answerAll: () => answers.splice(0).forEach((f) => f({} as never)),
  };
}

/** A file input in the page, with the site's own change listener recording what it was given. */
function siteInput(): { input: HTMLInputElement; given: string[][] } {
  const input = document.createElement('input');
  input.type = 'file';
  document.body.appendChild(input);
  const given: string[][] = [];
  input.addEventListener('change', () => given.push(Array.from(input.files ?? [], (f) => f.name)));
  return { input, given };
}

/** A file whose bytes are its own name (the fake background answers by name). */
const file = (name: string, type = 'image/jpeg') => new File([name], name, { type });

function choose(input: HTMLInputElement, files: File[], isTrusted = true): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  const e = new Event('change', { bubbles: true });
  input.dispatchEvent(isTrusted ? trusted(e) : e);
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const click = () => trusted(new MouseEvent('click'));

describe('AttachmentWatcher', () => {
  it('ignores files a page attaches by script (untrusted change): no check, the site gets them at once', async () => {
    const t = setup(() => LOCATION);
    const { input, given } = siteInput();
    choose(input, [file('gps.jpg')], false);
    await settle();
    expect(t.sent).toEqual([]);
    expect(given).toEqual([['gps.jpg']]);
    expect(t.watcher.block()).toBeNull();
  });

  it('a clean photo: "Checking image…" at once, the site is given it when the check is done, nothing held', async () => {
    const t = setup(() => CLEAN);
    t.holdAnswers();
    const { input, given } = siteInput();
    choose(input, [file('field.jpg')]);
    expect(t.last()?.items.map((i) => i.status)).toEqual(['checking']);
    expect(given).toEqual([]); // held back while checking
    expect(t.watcher.block()).toBe('checking');
    await settle(); // the bytes are read before they are sent
    t.answerAll();
    await settle();
    expect(given).toEqual([['field.jpg']]);
    expect(t.watcher.block()).toBeNull();
    expect(t.last()?.items.map((i) => i.status)).toEqual(['done']);
  });

  it.each([
    ['an iPhone HEIC', 'IMG_0001.HEIC', 'image/heic', 'image/heic'],
    ['a HEIC the browser gave no type', 'IMG_0001.HEIC', '', 'image/heic'],
    ['an AVIF', 'photo.avif', 'image/avif', 'image/avif'],
    ['a WebM clip with no type', 'clip.webm', '', 'video/webm'],
  ])('%s is checked as %s and held while it carries location data; "remove location data" keeps the name', async (_n, name, type, mime) => {
    const t = setup(() => LOCATION);
    const { input, given } = siteInput();
    choose(input, [new File([name], name, type ? { type } : {})]);
    await settle();
    expect(t.sent.map((s) => s.mime)).toEqual([mime]);
    expect(given).toEqual([]);
    expect(t.watcher.block()).toBe('finding');
    if (mime.startsWith('image/')) {
      t.actions().onStrip(t.last()!.items[0]!.id, click());
      await settle();
      expect(given).toEqual([[name]]);
      expect(input.files![0]!.type).toBe(mime);
    }
  });

  it('a photo with location data at school: held back from the site; "remove location data" gives it the clean copy', async () => {
    const t = setup((name) => (name === 'gps.jpg' ? LOCATION : CLEAN));
    const { input, given } = siteInput();
    choose(input, [file('gps.jpg'), file('other.jpg')]);
    await settle();
    expect(given).toEqual([]);
    expect(t.watcher.block()).toBe('finding');
    const id = t.last()!.items[0]!.id;
    t.actions().onStrip(id, click());
    await settle();
    expect(given).toEqual([['gps.jpg', 'other.jpg']]);
    expect(await input.files![0]!.text()).toBe('clean');
    expect(await input.files![1]!.text()).toBe('other.jpg');
    expect(t.watcher.block()).toBeNull();
    expect(t.last()!.items[0]!.note).toMatch(/Location data removed/);
  });

  it('"Post anyway" answers the finding and releases the original to the site; only a trusted click counts', async () => {
    const t = setup(() => LOCATION);
    const { input, given } = siteInput();
    choose(input, [file('gps.jpg')]);
    await settle();
    await new Promise((r) => setTimeout(r, 320)); // on screen long enough to be read
    t.actions().onPostAnyway(new MouseEvent('click'));
    expect(t.watcher.block()).toBe('finding');
    t.actions().onPostAnyway(click());
    await settle();
    expect(t.watcher.block()).toBeNull();
    expect(given).toEqual([['gps.jpg']]);
    expect(await input.files![0]!.text()).toBe('gps.jpg');
  });

  it('a finding without location (people) lets the site have the file but holds the post', async () => {
    const t = setup(() => PEOPLE);
    const { input, given } = siteInput();
    choose(input, [file('class.jpg')]);
    await settle();
    expect(given).toEqual([['class.jpg']]);
    expect(t.watcher.block()).toBe('finding');
  });

  it.each([
    ['a trusted paste', 'paste'],
    ['a trusted drop', 'drop'],
  ])('%s is checked; an untrusted one is not', async (_n, type) => {
    const t = setup(() => PEOPLE);
    const dt = new DataTransfer();
    dt.items.add(file('pasted.png', 'image/png'));
    const make = () => (type === 'paste' ? new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }) : Object.assign(new Event('drop', { bubbles: true }), { dataTransfer: dt }));
    document.body.dispatchEvent(make());
    await settle();
    expect(t.sent).toEqual([]);
    document.body.dispatchEvent(trusted(make()));
    await settle();
    expect(t.sent.map((s) => s.mime)).toEqual(['image/png']);
    expect(t.watcher.block()).toBe('finding');
  });

  it.each([
    ['a document', file('minutes.pdf', 'application/pdf'), []],
    ['a TIFF scan', file('scan.tiff', 'image/tiff'), ['unsupported-type']],
    ['a file over 25 MB', new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }), ['too-large']],
  ])('%s is not sent, holds nothing and reaches the site at once', async (_n, f, statuses) => {
    const t = setup(() => LOCATION);
    const { input, given } = siteInput();
    choose(input, [f as File]);
    await settle();
    expect(t.sent).toEqual([]);
    expect(given).toEqual([[(f as File).name]]);
    expect(t.last()?.items.map((i) => i.status) ?? []).toEqual(statuses);
    expect(t.watcher.block()).toBeNull();
  });

  it('where images cannot be checked ("unsupported": no offscreen document or background page to run them) it shows nothing, holds nothing, and stops trying', async () => {
    const t = setup(() => 'unsupported');
    const { input, given } = siteInput();
    choose(input, [file('a.jpg')]);
    await settle();
    expect(given).toEqual([['a.jpg']]);
    expect(t.last()?.items).toBeUndefined();
    choose(input, [file('b.jpg')]);
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(given).toEqual([['a.jpg'], ['b.jpg']]);
  });

  it('an input the site removes before the change still counts (listener on the input itself)', async () => {
    const t = setup(() => PEOPLE);
    const { input } = siteInput();
    await settle(); // the observer has seen it
    input.remove();
    choose(input, [file('late.jpg')]);
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(t.watcher.block()).toBe('finding');
  });
});

describe('Controller with attachments', () => {
  function composer() {
    document.body.innerHTML = `
      <div data-testid="tweetTextarea_0RichTextInputContainer"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">Hello</div></div>
      <button data-testid="tweetButtonInline">Post</button>`;
    const button = document.querySelector<HTMLButtonElement>('[data-testid="tweetButtonInline"]')!;
    const posted: number[] = [];
    button.addEventListener('click', () => posted.push(Date.now()));
    return { button, posted };
  }

  it('holds Post while a check runs, then lets it go by itself when nothing was found', async () => {
    const t = setup(() => CLEAN);
    t.holdAnswers();
    const { button, posted } = composer();
    new Controller({ adapter: x, win: window, signal: ac.signal, check: async () => ({ ok: true, findings: [] }), mountLayer: () => ({ update() {}, destroy() {} }), images: t.watcher });
    document.body.dispatchEvent(trusted(Object.assign(new Event('drop', { bubbles: true }), { dataTransfer: (() => { const d = new DataTransfer(); d.items.add(file('a.png', 'image/png')); return d; })() })));
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(posted).toEqual([]);
    expect(t.last()?.waiting).toBe(true);
    await settle(); // the bytes are read before they are sent
    t.answerAll();
    await new Promise((r) => setTimeout(r, 50));
    expect(posted).toHaveLength(1); // replayed
  });

  it('holds Post while an image finding stands, and shows the image warning as held', async () => {
    const t = setup(() => PEOPLE);
    const { button, posted } = composer();
    new Controller({ adapter: x, win: window, signal: ac.signal, check: async () => ({ ok: true, findings: [] }), mountLayer: () => ({ update() {}, destroy() {} }), images: t.watcher });
    const { input } = siteInput();
    choose(input, [file('class.jpg')]);
    await settle();
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(posted).toEqual([]);
    expect(t.last()?.held).toBe(true);
  });
});

describe('attachments belong to their composer', () => {
  it("a photo's finding in the post composer does not hold a reply sent from another composer", async () => {
    document.body.innerHTML = `
      <div class="post"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">Hello</div>
        <input type="file" id="f0"><button data-testid="tweetButtonInline" id="b0">Post</button></div>
      <div class="reply"><div data-testid="tweetTextarea_1" contenteditable="true" role="textbox">Thanks!</div>
        <button data-testid="tweetButtonInline" id="b1">Reply</button></div>`;
    let controller: Controller | null = null;
    const t = setup(() => PEOPLE, (target) => controller!.composerFor(target));
    controller = new Controller({ adapter: x, win: window, signal: ac.signal, check: async () => ({ ok: true, findings: [] }), mountLayer: () => ({ update() {}, destroy() {} }), images: t.watcher });
    const sent: string[] = [];
    for (const id of ['b0', 'b1']) document.getElementById(id)!.addEventListener('click', () => sent.push(id));
    choose(document.getElementById('f0') as HTMLInputElement, [file('class.jpg')]);
    await settle();
    const press = (id: string) => document.getElementById(id)!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    press('b1');
    press('b0');
    await settle(); // the reply's text is checked first, then the click is replayed
    expect(sent).toEqual(['b1']);
    expect(t.watcher.block(document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]'))).toBe('finding');
  });
});

describe('the warning is placed by its composer', () => {
  const at = (el: Element, x: number, y: number, w: number, h: number) => {
    el.getBoundingClientRect = () => ({ left: x, top: y, width: w, height: h, x, y, right: x + w, bottom: y + h, toJSON() {} }) as DOMRect;
  };

  it("beside the composer the photo went into, leaving that composer's own Send and toolbar uncovered (not another composer's)", async () => {
    document.body.innerHTML = `
      <div class="post"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">Hello</div>
        <input type="file" id="f0"><button data-testid="tweetButtonInline" id="b0">Post</button></div>
      <div class="reply"><div data-testid="tweetTextarea_1" contenteditable="true" role="textbox">Thanks!</div>
        <input type="file" id="f1"><button aria-label="Add emoji" id="emoji">☺</button><button data-testid="tweetButtonInline" id="b1">Reply</button></div>`;
    at(document.getElementById('emoji')!, 100, 490, 36, 36);
    at(document.querySelector('[data-testid="tweetTextarea_0"]')!, 100, 50, 500, 80);
    at(document.getElementById('b0')!, 520, 140, 80, 36);
    at(document.querySelector('[data-testid="tweetTextarea_1"]')!, 100, 400, 500, 80);
    at(document.getElementById('b1')!, 520, 490, 80, 36);
    let controller: Controller | null = null;
    const t = setup(
      () => PEOPLE,
      (target) => controller!.composerFor(target),
      (composer) => controller!.composerBoxes(composer),
    );
    controller = new Controller({ adapter: x, win: window, signal: ac.signal, check: async () => ({ ok: true, findings: [] }), mountLayer: () => ({ update() {}, destroy() {} }), images: t.watcher });
    choose(document.getElementById('f1') as HTMLInputElement, [file('class.jpg')]);
    await settle();
    expect(t.last()?.anchor).toEqual({ x: 100, y: 400, w: 500, h: 80 });
    // Its Reply first, then the rest of its toolbar.
    expect(t.last()?.avoid).toEqual([
      { x: 520, y: 490, w: 80, h: 36 },
      { x: 100, y: 490, w: 36, h: 36 },
    ]);
    // The page scrolls: placed again from where the composer is now.
    at(document.querySelector('[data-testid="tweetTextarea_1"]')!, 100, 300, 500, 80);
    const before = t.views.length;
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll')); // twice in one frame: placed once
    await settle();
    expect(t.views.length).toBe(before + 1);
    expect(t.last()?.anchor).toEqual({ x: 100, y: 300, w: 500, h: 80 });
  });

  it('no composer on screen: no anchor (the window corner, as before)', async () => {
    const t = setup(() => PEOPLE, () => null, () => null);
    choose(siteInput().input, [file('class.jpg')]);
    await settle();
    expect(t.last()?.anchor).toBeUndefined();
  });
});

describe('the warning names what the composer sends', () => {
  it('a photo in a message composer: the view says "message" (the controller asks the site adapter)', async () => {
    document.body.innerHTML = `<div class="dm"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">Hi</div><input type="file" id="f0"></div>`;
    let controller: Controller | null = null;
    const t = setup(
      () => PEOPLE,
      (target) => controller!.composerFor(target),
      undefined,
      (composer) => controller!.attachmentNoun(composer),
    );
    controller = new Controller({
      adapter: { ...x, surfaceOf: () => 'message' },
      win: window,
      signal: ac.signal,
      check: async () => ({ ok: true, findings: [] }),
      mountLayer: () => ({ update() {}, destroy() {} }),
      images: t.watcher,
    });
    choose(document.getElementById('f0') as HTMLInputElement, [file('class.jpg')]);
    await settle();
    expect(t.last()!.items.map((i) => i.noun)).toEqual(['message']);
  });

  it('a post composer: no noun (the post wording)', async () => {
    document.body.innerHTML = `<div><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">Hi</div><input type="file" id="f0"></div>`;
    let controller: Controller | null = null;
    const t = setup(() => PEOPLE, (target) => controller!.composerFor(target), undefined, (composer) => controller!.attachmentNoun(composer));
    controller = new Controller({ adapter: x, win: window, signal: ac.signal, check: async () => ({ ok: true, findings: [] }), mountLayer: () => ({ update() {}, destroy() {} }), images: t.watcher });
    choose(document.getElementById('f0') as HTMLInputElement, [file('class.jpg')]);
    await settle();
    expect(t.last()!.items.map((i) => i.noun)).toEqual([undefined]);
  });
});
