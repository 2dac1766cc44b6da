/**
 * Catches photos and videos as the user attaches them, on every supported site: a file chosen in a
 * file input (including inputs a site creates and removes), a paste and a drop into the page. Shows
 * "Checking image…" at once, sends the bytes to the background (which hands them to the offscreen
 * document), and shows what it found. The controller asks `block()` before letting a post go: it is
 * held while a finding stands or a check is still running. Untrusted side (content script): it
 * sends the user's own file and gets back a verdict (rule, title, clause, plain words); it never
 * puts the image or anything derived from it into the page's DOM.
 *
 * Only trusted events count (the user's own choice, paste or drop): a page attaching files by script
 * could otherwise use the hold as an oracle for what our checks know (threat model B1).
 */
import { t } from '../i18n/content';
import { mediaTypeOf } from './media-type';
import {
  MAX_IMAGE_BYTES,
  MAX_TEXT,
  MEDIA_MIMES,
  type ImageCheckResponse,
  type ImageStripResponse,
  type ImageVerdict,
  type MediaMime,
} from '../messaging/protocol';
import type { AttachmentStatus, AttachmentView, ImageActions, ImageViewModel } from '../ui/ImageCheck';
import type { Rect } from '../ui/placement';
import { hasStandingFinding } from '../ui/ImageCheck';
import { PreviewWatch } from './attachment-previews';

export interface ImageLayerHandle {
  update(vm: ImageViewModel | null): void;
  /** Offers a file to save (a download from inside the closed shadow root). */
  save(bytes: Uint8Array, name: string, mime: string): void;
  destroy(): void;
}

export interface AttachmentDeps {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  checkImage(req: { mime: MediaMime; data: string; caption?: string }): Promise<ImageCheckResponse>;
  stripImage(req: { mime: MediaMime; data: string }): Promise<ImageStripResponse>;
  mountLayer(actions: ImageActions): ImageLayerHandle;
  /** The text in the composer the user is in, sent as the caption (official-account rules). */
  caption?(): string;
  /** Told whenever an attachment's state changes (the controller re-decides a waiting post). */
  onChange?(): void;
  /**
   * The composer an attachment belongs to: the editor the paste or drop went into, or the editor
   * nearest the file input. Null when unknown: then the attachment holds every composer's submit.
   */
  composerFor?(target: Element): HTMLElement | null;
  /**
   * Where the warning goes: beside the composer (`anchor`), not over it nor over the boxes in
   * `avoid` (its Send / Post button), viewport px. Null (or no dep): the window's bottom right.
   */
  placeFor?(composer: HTMLElement | null): { anchor: Rect; avoid: Rect[] } | null;
  /** What the composer sends, when not a post (the warning says "your comment", "your message"). */
  nounFor?(composer: HTMLElement | null): 'comment' | 'message' | null;
  /** How long a finished "nothing found" chip stays up. */
  cleanChipMs?: number;
}

interface Attachment extends AttachmentView {
  /** The composer it was attached to (null: unknown, so it counts for every composer). */
  composer: HTMLElement | null;
  file: File;
  input: HTMLInputElement | null;
  pending: Promise<void>;
  /** The file input's change this attachment came in, while the site has not been given it yet. */
  gate: Gate | null;
}

/**
 * A file input's `change`, held back from the site while its files are checked, so that a photo
 * with location data never reaches the site unless the user says so. Released (the site is told,
 * as a file picker would, with `input` and `change`) as soon as no file in it carries location
 * data, or when the user strips it or presses "Post anyway"; and always after `GATE_MAX_MS`, so a
 * check that hangs never loses the user's attachment.
 */
interface Gate {
  input: HTMLInputElement;
  files: File[];
  released: boolean;
}

const GATE_MAX_MS = 45_000;

export type Block = 'checking' | 'finding' | null;

export class AttachmentWatcher {
  private readonly items: Attachment[] = [];
  private nextId = 1;
  private layer: ImageLayerHandle | null = null;
  private held = false;
  private waiting = false;
  private focusToken = 0;
  private shownAt = 0;
  private readonly seen = new WeakSet<Event>();
  private readonly watched = new WeakSet<HTMLInputElement>();
  /** False once the background says images cannot be checked in this browser (neither an offscreen document nor a background page to run the checker). */
  private supported = true;
  /** Taken out of the post with the site's own ×: its preview left the composer. */
  private readonly previews: PreviewWatch;
  /** Watches the composer the warning is placed by (and its send button's row) for size changes. */
  private readonly resized: ResizeObserver | null;
  private observed: Element[] = [];

  constructor(private readonly deps: AttachmentDeps) {
    const { win, signal } = deps;
    this.previews = new PreviewWatch({ win, signal, onGone: (id) => this.remove(id), onFound: () => this.follow() });
    const opts = { capture: true, signal } as const;
    // A file input inside a shadow root (LinkedIn's #interop-outlet, Reddit's editor toolbar): its
    // `change` is not composed and never reaches the window. Each open shadow root the user acts
    // in (the click on the site's photo button is on the way) is watched like the document.
    for (const type of ['pointerdown', 'click', 'focusin', 'input'] as const) {
      win.addEventListener(type, (e) => this.watchRootsOf(e), opts);
    }
    // Document level, capture phase: before the site's own handlers, for inputs anywhere in the page.
    // The site hears `input` before `change` from a file picker: both wait while we check.
    win.addEventListener('input', (e) => this.onInputInput(e), opts);
    win.addEventListener('change', (e) => this.onInputChange(e, true), opts);
    win.addEventListener('paste', (e) => this.onTransfer(e, (e as ClipboardEvent).clipboardData, 'paste'), opts);
    win.addEventListener('drop', (e) => this.onTransfer(e, (e as DragEvent).dataTransfer, 'drop'), opts);
    // The warning follows its composer when the page scrolls, the window resizes, or the composer
    // moves or grows (a preview added under it).
    const follow = () => this.follow();
    win.addEventListener('scroll', follow, { capture: true, passive: true, signal });
    win.addEventListener('resize', follow, { passive: true, signal });
    this.resized = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(follow) : null;
    // A site may create a file input, open the picker and remove the input before `change` fires:
    // a listener on the input itself still hears it once the input has left the document.
    const observer = new win.MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) this.watchInputsIn(n);
    });
    const start = () => {
      observer.observe(win.document.documentElement, { childList: true, subtree: true });
      this.watchInputsIn(win.document.documentElement);
    };
    if (win.document.documentElement) start();
    signal.addEventListener('abort', () => {
      observer.disconnect();
      this.resized?.disconnect();
      this.layer?.destroy();
    });
  }

  private readonly roots = new WeakSet<ShadowRoot>();

  private watchRootsOf(e: Event): void {
    if (!e.isTrusted) return;
    for (const t of e.composedPath()) {
      if (!(t instanceof this.deps.win.ShadowRoot) || this.roots.has(t)) continue;
      this.roots.add(t);
      const opts = { capture: true, signal: this.deps.signal } as const;
      // Capture at the shadow root: before the site's own listeners inside it, so it can be held.
      t.addEventListener('change', (ev) => this.onInputChange(ev, true), opts);
      const observer = new this.deps.win.MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) this.watchInputsIn(n);
      });
      observer.observe(t, { childList: true, subtree: true });
      this.deps.signal.addEventListener('abort', () => observer.disconnect());
      for (const c of Array.from(t.children)) this.watchInputsIn(c);
    }
  }

  private watchInputsIn(n: Node): void {
    if (!(n instanceof this.deps.win.Element)) return;
    const inputs = n.matches('input[type="file"]') ? [n as HTMLInputElement] : Array.from(n.querySelectorAll<HTMLInputElement>('input[type="file"]'));
    for (const input of inputs) {
      if (this.watched.has(input)) continue;
      this.watched.add(input);
      // At the target the site's own listener may run first: too late to hold the change back.
      input.addEventListener('change', (e) => this.onInputChange(e, false), { capture: true, signal: this.deps.signal });
    }
  }

  private fileInputOf(e: Event): HTMLInputElement | null {
    // composedPath: an input inside an open shadow root is retargeted to its host at the window.
    const input = e.composedPath()[0] ?? e.target;
    if (!(input instanceof this.deps.win.HTMLInputElement) || input.type !== 'file' || !input.files) return null;
    return input;
  }

  /** The trusted `input` a file picker fires just before `change`: held back with it. */
  private onInputInput(e: Event): void {
    if (!e.isTrusted || !this.supported) return;
    const input = this.fileInputOf(e);
    if (!input || !this.willCheck(Array.from(input.files!))) return;
    e.stopImmediatePropagation();
  }

  private onInputChange(e: Event, canGate: boolean): void {
    if (!e.isTrusted || this.seen.has(e)) return;
    const input = this.fileInputOf(e);
    if (!input) return;
    this.seen.add(e);
    const files = Array.from(input.files!);
    let gate: Gate | null = null;
    if (canGate && this.supported && this.willCheck(files)) {
      e.stopImmediatePropagation();
      gate = { input, files, released: false };
      setTimeout(() => this.release(gate!), GATE_MAX_MS);
    }
    const composer = this.deps.composerFor?.(input) ?? null;
    for (const file of files) this.add(file, 'input', input, gate, composer);
    if (gate) this.maybeRelease(gate);
  }

  /** True when at least one of these files will be checked (else the site gets them untouched). */
  private willCheck(files: File[]): boolean {
    return files.some((f) => (MEDIA_MIMES as readonly string[]).includes(mediaTypeOf(f)) && f.size <= MAX_IMAGE_BYTES);
  }

  /** Gives the site the files once none still being checked or carrying unanswered location data. */
  private maybeRelease(gate: Gate): void {
    const mine = this.items.filter((a) => a.gate === gate);
    const waiting = mine.some((a) => a.status === 'checking' || (a.status === 'done' && a.verdict?.hasLocation && !a.allowed));
    if (!waiting) this.release(gate);
  }

  private release(gate: Gate): void {
    if (gate.released) return;
    gate.released = true;
    for (const a of this.items) {
      if (a.gate !== gate) continue;
      a.gate = null;
      if (gate.files.includes(a.file)) this.previews.track(a.id, a.composer, a.input);
    }
    const { input, files } = gate;
    try {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      input.files = dt.files;
    } catch {
      /* the input still holds the user's original choice */
    }
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onTransfer(e: Event, data: DataTransfer | null, source: 'paste' | 'drop'): void {
    if (!e.isTrusted || !data || this.seen.has(e)) return;
    this.seen.add(e);
    const target = e.composedPath()[0];
    const composer = target instanceof this.deps.win.Element ? (this.deps.composerFor?.(target) ?? null) : null;
    for (const file of Array.from(data.files)) this.add(file, source, null, null, composer);
  }

  private add(file: File, source: Attachment['source'], input: HTMLInputElement | null, gate: Gate | null, composer: HTMLElement | null): void {
    if (!this.supported) return;
    const mime = mediaTypeOf(file);
    const media = mime.startsWith('image/') || mime.startsWith('video/');
    if (!media) return; // documents and other files are not ours to check
    let status: AttachmentStatus = 'checking';
    if (!(MEDIA_MIMES as readonly string[]).includes(mime)) status = 'unsupported-type';
    else if (file.size > MAX_IMAGE_BYTES) status = 'too-large';
    const a: Attachment = { id: this.nextId++, status, allowed: false, video: mime.startsWith('video/'), source, composer, file, input, gate: status === 'checking' ? gate : null, pending: Promise.resolve() };
    this.items.push(a);
    if (this.items.length > 20) this.items.splice(0, this.items.length - 20);
    this.render();
    // The site has the file now, unless its input's change is held back: follow its preview.
    if (!a.gate) this.previews.track(a.id, composer, input);
    if (status === 'checking') a.pending = this.check(a, mime as MediaMime);
  }

  private async check(a: Attachment, mime: MediaMime): Promise<void> {
    try {
      const data = bytesToBase64(await readBytes(a.file));
      const caption = this.deps.caption?.().slice(0, MAX_TEXT);
      const res = await this.deps.checkImage({ mime, data, ...(caption ? { caption } : {}) });
      if (res.ok) {
        a.status = 'done';
        a.verdict = res.verdict;
      } else if (res.error === 'unsupported') {
        // Nowhere to run the checker in this browser: say nothing and hold nothing, from now on.
        this.supported = false;
        this.items.splice(this.items.indexOf(a), 1);
        if (a.gate) this.release(a.gate);
      } else {
        a.status = 'failed';
      }
    } catch {
      a.status = 'failed';
    }
    this.settle();
  }

  private settle(): void {
    for (const gate of new Set(this.items.map((a) => a.gate))) if (gate) this.maybeRelease(gate);
    if (!this.items.some((a) => a.status === 'checking')) this.waiting = false;
    if (!this.items.some(hasStandingFinding)) this.held = false;
    this.render();
    this.deps.onChange?.();
    // A clean result is shown briefly, then goes.
    const clean = this.items.filter((a) => a.status === 'done' && !a.verdict?.findings.length && !a.note);
    if (clean.length) {
      setTimeout(() => {
        for (const a of clean) this.remove(a.id);
      }, this.deps.cleanChipMs ?? 4000);
    }
  }

  private remove(id: number): void {
    const i = this.items.findIndex((a) => a.id === id);
    if (i < 0) return;
    this.items.splice(i, 1);
    this.previews.forget(id);
    if (!this.items.some(hasStandingFinding)) this.held = false;
    this.render();
    this.deps.onChange?.();
  }

  /**
   * "I have removed this photo from my post" (or its preview left the composer): its finding goes.
   * A file the site has not been given yet (its input's change still held back) never reaches it.
   */
  private removedByUser(a: Attachment): void {
    const gate = a.gate;
    if (gate && !gate.released) {
      gate.files = gate.files.filter((f) => f !== a.file);
      a.gate = null;
      if (!gate.files.length) {
        gate.released = true;
        try {
          gate.input.value = '';
        } catch {
          /* nothing was given to the site either way */
        }
      }
    }
    this.remove(a.id);
    if (gate && !gate.released) this.maybeRelease(gate);
  }

  /** Attachments that go with a submit from `composer` (those of unknown composer go with any). */
  private of(composer?: HTMLElement | null): Attachment[] {
    return this.items.filter((a) => !composer || !a.composer || a.composer === composer);
  }

  /** What a post from `composer` must wait for: a check still running, or an unanswered finding. */
  block(composer?: HTMLElement | null): Block {
    const mine = this.of(composer);
    if (mine.some(hasStandingFinding)) return 'finding';
    if (mine.some((a) => a.status === 'checking')) return 'checking';
    return null;
  }

  /** Resolves when no check is running, or after `maxMs` (then the post is let go: warn, don't police). */
  whenChecked(composer?: HTMLElement | null, maxMs = 45_000): Promise<void> {
    const running = this.of(composer).filter((a) => a.status === 'checking').map((a) => a.pending);
    return Promise.race([Promise.all(running).then(() => undefined), new Promise<void>((r) => setTimeout(r, maxMs))]);
  }

  /** A post was held because of an attachment: open the warning and take focus. */
  showHeld(): void {
    this.held = true;
    this.focusToken++;
    this.render();
  }

  /** A post is waiting for a running check. */
  showWaiting(): void {
    this.waiting = true;
    this.render();
  }

  /** Whether a photo or video is attached to `composer` (those of unknown composer count for any). */
  has(composer?: HTMLElement | null): boolean {
    return this.of(composer).length > 0;
  }

  /** The post went: its attachments went with it. */
  posted(composer?: HTMLElement | null): void {
    for (const a of this.of(composer)) this.items.splice(this.items.indexOf(a), 1);
    this.held = this.items.some(hasStandingFinding) && this.held;
    this.waiting = false;
    this.render();
  }

  private readonly actions: ImageActions = {
    onStrip: (id, e) => {
      if (!e.isTrusted) return;
      const a = this.items.find((x) => x.id === id);
      if (a) void this.strip(a);
    },
    onPostAnyway: (e) => {
      // Only a real click, on a warning that has been on screen long enough to be read.
      if (!e.isTrusted || Date.now() - this.shownAt < 300) return;
      for (const a of this.items) if (hasStandingFinding(a)) a.allowed = true;
      this.held = false;
      this.settle();
    },
    onDismiss: (id, e) => {
      if (!e.isTrusted) return;
      const a = this.items.find((x) => x.id === id);
      if (!a) return;
      // A finding is answered by "Post anyway", by removing location data, or by the user saying
      // they took the photo out of the post ("I have removed this photo"); a chip just goes.
      if (a.saved || hasStandingFinding(a)) {
        if (Date.now() - this.shownAt >= 300) this.removedByUser(a);
      } else if (a.status !== 'checking') this.remove(id);
    },
  };

  /** "Remove location data": a clean copy replaces the file in the site's input, or is saved. */
  private async strip(a: Attachment): Promise<void> {
    const mime = mediaTypeOf(a.file);
    const fail = () => {
      a.note = t('image.strip.failed');
      this.render();
    };
    if (!(MEDIA_MIMES as readonly string[]).includes(mime)) return fail();
    let res: ImageStripResponse;
    try {
      res = await this.deps.stripImage({ mime: mime as MediaMime, data: bytesToBase64(await readBytes(a.file)) });
    } catch {
      return fail();
    }
    if (!res.ok) return fail();
    const bytes = base64ToBytes(res.data);
    const clean = new File([bytes as BlobPart], a.file.name, { type: res.mime, lastModified: a.file.lastModified });
    const answered = () => {
      // The location finding is answered; the others (people, logo, text) still stand.
      if (a.verdict) a.verdict = { ...a.verdict, hasLocation: false, findings: a.verdict.findings.filter((f) => f.rule !== 'photo-location') };
    };
    const input = a.input;
    if (a.gate && !a.gate.released) {
      // The site has not had the file yet: it gets the clean copy instead of the original.
      const i = a.gate.files.indexOf(a.file);
      if (i >= 0) a.gate.files[i] = clean;
      a.file = clean;
      a.note = t(a.video ? 'image.strip.replaced.video' : 'image.strip.replaced');
      answered();
    } else if (input && input.isConnected && this.replaceInInput(input, a.file, clean)) {
      a.file = clean;
      a.note = t(a.video ? 'image.strip.replaced.video' : 'image.strip.replaced');
      answered();
    } else {
      this.layer?.save(bytes, cleanName(a.file.name), res.mime);
      a.note = t(a.video ? 'image.strip.saved.video' : 'image.strip.saved');
      a.saved = true;
      if (a.verdict) a.verdict = { ...a.verdict, hasLocation: false };
    }
    this.settle();
  }

  /**
   * Puts the clean file in the input in place of the original (the other files the user chose stay)
   * and tells the site, as a file picker would: `input` then `change`. The user asked for exactly
   * this by pressing "Remove location data from this photo" (invariant 4).
   */
  private replaceInInput(input: HTMLInputElement, original: File, clean: File): boolean {
    try {
      const dt = new DataTransfer();
      let replaced = false;
      for (const f of Array.from(input.files ?? [])) {
        if (!replaced && f.name === original.name && f.size === original.size && f.lastModified === original.lastModified) {
          dt.items.add(clean);
          replaced = true;
        } else dt.items.add(f);
      }
      if (!replaced) {
        // The site cleared the input after reading it (many do): give it the clean file alone.
        dt.items.add(clean);
      }
      input.files = dt.files;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    } catch {
      return false;
    }
  }

  private followPending = false;

  /** Places the warning again (once a frame at most) while it shows. */
  follow(): void {
    if (!this.items.length || this.followPending) return;
    this.followPending = true;
    const run = () => {
      this.followPending = false;
      if (this.items.length && !this.deps.signal.aborted) this.render();
    };
    if (typeof this.deps.win.requestAnimationFrame === 'function') this.deps.win.requestAnimationFrame(run);
    else setTimeout(run, 16);
  }

  /** Beside the composer of the attachment the warning is mostly about: the latest with a finding, else the latest. */
  private placement(): { anchor?: Rect; avoid?: Rect[] } {
    const about = [...this.items].reverse().find(hasStandingFinding) ?? this.items[this.items.length - 1];
    const place = about && this.deps.placeFor ? this.deps.placeFor(about.composer) : null;
    const watch = about?.composer?.isConnected ? [about.composer, about.composer.parentElement].filter((e): e is HTMLElement => !!e) : [];
    if (this.resized && (watch.length !== this.observed.length || watch.some((e, i) => e !== this.observed[i]))) {
      this.resized.disconnect();
      for (const e of watch) this.resized.observe(e);
      this.observed = watch;
    }
    // Nor over the photos' previews in the composer (the site's own × on them).
    return place ? { anchor: place.anchor, avoid: [...place.avoid, ...this.previews.boxes()] } : {};
  }

  private render(): void {
    const items = this.items.map(({ file: _f, input: _i, pending: _p, composer, gate: _g, ...view }) => {
      const noun = this.deps.nounFor?.(composer) ?? null;
      return noun ? { ...view, noun } : view;
    });
    if (!items.length && !this.layer) return;
    this.layer ??= this.deps.mountLayer(this.actions);
    const vm: ImageViewModel = { items, held: this.held, waiting: this.waiting, focusToken: this.focusToken, ...this.placement() };
    if (items.some(hasStandingFinding) && !this.shownAt) this.shownAt = Date.now();
    if (!items.some(hasStandingFinding)) this.shownAt = 0;
    this.layer.update(items.length ? vm : null);
  }
}

/**
 * The file's bytes in an array of our own realm. In Firefox the page's File hands back the page's
 * ArrayBuffer, and a typed array over it cannot be sliced from a content script ("Permission denied
 * to access property constructor"): copy it into ours first.
 */
async function readBytes(file: File): Promise<Uint8Array> {
  const page = new Uint8Array(await file.arrayBuffer());
  const own = new Uint8Array(page.length);
  own.set(page);
  return own;
}

function cleanName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-no-location${name.slice(dot)}` : `${name}-no-location`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export type { ImageVerdict };
