/**
 * "The user took the photo out of the post with the site's own ×": the signal that drops an
 * attachment's finding (src/content/attachments.ts). Sites clear their file input as soon as they
 * have read it, so the input says nothing; what every site does show is a preview of the photo in
 * the composer, drawn from the file the page holds: an `<img>`/`<video>` whose `src` is a `blob:` or
 * `data:` address, or an element with such a `background-image` (X draws both). So:
 *
 * 1. When the site is given a file (a paste, a drop, or a file input's change let through), the
 *    previews already in the composer's region are noted; a new one that appears there within
 *    `windowMs` is taken as this attachment's (one per attachment, in order).
 * 2. Once it has one, the attachment is "gone" when no element in the region shows that address any
 *    more, in two looks `settleMs` apart (a re-render that swaps the element keeps the address; one
 *    that makes a new address for it shows a new preview in its place, which is taken instead).
 *
 * The region is the composer's own box: the nearest dialog / modal / form around it, else the
 * nearest ancestor that also holds a file input (the composer's toolbar), else a few levels up.
 * Open shadow roots inside it are looked into. Only addresses are compared; nothing is read from
 * the image, and nothing is written to the page.
 */

const REGION = '[role="dialog"], [aria-modal="true"], form';
const MEDIA_URL = /^(blob:|data:(image|video)\/)/i;
const BG_URL = /url\(\s*["']?((?:blob:|data:(?:image|video)\/)[^"')\s]+)/gi;

interface Tracked {
  key: number;
  composer: HTMLElement | null;
  input: HTMLInputElement | null;
  /** Preview addresses already in the region when the site was given the file. */
  before: Set<string>;
  since: number;
  preview: string | null;
  /** When the preview was first seen missing (0: it is there). */
  missingAt: number;
}

export interface PreviewWatchOptions {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** The attachment with this key was taken out of the post in the site's own UI. */
  onGone(key: number): void;
  /** An attachment's preview was found (the warning is placed again, clear of it). */
  onFound?(key: number): void;
  windowMs?: number;
  settleMs?: number;
}

export class PreviewWatch {
  private readonly items: Tracked[] = [];
  private readonly observed = new WeakSet<Node>();
  private observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: PreviewWatchOptions) {
    this.observer = new o.win.MutationObserver(() => this.schedule(50));
    o.signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.timer);
    });
  }

  /** The site was just given this attachment's file. */
  track(key: number, composer: HTMLElement | null, input: HTMLInputElement | null): void {
    if (this.o.signal.aborted) return;
    const t: Tracked = { key, composer, input, before: new Set(), since: Date.now(), preview: null, missingAt: 0 };
    const region = this.regionOf(t);
    if (region) for (const u of previewsIn(region)) t.before.add(u);
    // Addresses already claimed by earlier attachments in the same place are not new.
    for (const other of this.items) if (other.preview) t.before.add(other.preview);
    this.items.push(t);
    this.observe(region);
    this.schedule(50);
  }

  forget(key: number): void {
    const i = this.items.findIndex((t) => t.key === key);
    if (i >= 0) this.items.splice(i, 1);
  }

  private observe(region: Element | null): void {
    const doc = this.o.win.document;
    const roots: Node[] = [doc];
    if (region) {
      const root = region.getRootNode();
      if (root !== doc) roots.push(root);
      for (const host of hostsIn(region)) roots.push(host.shadowRoot!);
    }
    for (const r of roots) {
      if (this.observed.has(r)) continue;
      this.observed.add(r);
      this.observer.observe(r, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'style'] });
    }
  }

  private schedule(ms: number): void {
    if (!this.items.length || this.o.signal.aborted) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.scan(), ms);
  }

  private scan(): void {
    const now = Date.now();
    const windowMs = this.o.windowMs ?? 10_000;
    const settleMs = this.o.settleMs ?? 400;
    const claimed = new Set(this.items.map((t) => t.preview).filter((u): u is string => !!u));
    let again = false;
    for (const t of [...this.items]) {
      const region = this.regionOf(t);
      const shown = region ? previewsIn(region) : new Set<string>();
      this.observe(region);
      if (!t.preview) {
        if (now - t.since > windowMs) {
          // The site showed no preview we can follow: only the warning's own action can drop it.
          this.forget(t.key);
          continue;
        }
        const fresh = [...shown].find((u) => !t.before.has(u) && !claimed.has(u));
        if (fresh) {
          t.preview = fresh;
          claimed.add(fresh);
          this.o.onFound?.(t.key);
        } else again = true;
        continue;
      }
      if (shown.has(t.preview)) {
        t.missingAt = 0;
        continue;
      }
      // A site that makes a new address for the same file on a re-render swaps one for another:
      // a new unclaimed preview in its place is taken as the same photo (the hold stays).
      const swapped = [...shown].find((u) => !t.before.has(u) && !claimed.has(u));
      if (swapped) {
        claimed.delete(t.preview);
        t.preview = swapped;
        claimed.add(swapped);
        t.missingAt = 0;
        continue;
      }
      if (!t.missingAt) {
        t.missingAt = now;
        again = true;
      } else if (now - t.missingAt >= settleMs) {
        this.forget(t.key);
        this.o.onGone(t.key);
      } else again = true;
    }
    if (again) this.schedule(Math.min(settleMs, 250));
  }

  /**
   * Where the followed previews are (viewport px), for the warning to leave uncovered: each preview
   * with the site's own controls on it (its ×: the nearest box around it, at most 64 px larger, that
   * holds a button), and a margin of 8 px for a × that sits over the corner.
   */
  boxes(): { x: number; y: number; w: number; h: number }[] {
    const out: { x: number; y: number; w: number; h: number }[] = [];
    for (const t of this.items) {
      const region = t.preview ? this.regionOf(t) : null;
      const el = region && showing(region, t.preview!);
      if (!el) continue;
      const own = el.getBoundingClientRect();
      let r = own;
      for (let p = parentAcrossShadow(el), i = 0; p && p !== region && i < 3; p = parentAcrossShadow(p), i++) {
        const pr = p.getBoundingClientRect();
        if (pr.width > own.width + 64 || pr.height > own.height + 64) break;
        if (p.querySelector('button, [role="button"]')) {
          r = pr;
          break;
        }
      }
      if (r.width > 0 && r.height > 0) out.push({ x: r.left - 8, y: r.top - 8, w: r.width + 16, h: r.height + 16 });
    }
    return out;
  }

  /** The composer's own box (see the file's comment); null when the composer has left the page. */
  private regionOf(t: Tracked): Element | null {
    const start = t.composer ?? (t.input?.isConnected ? t.input : null);
    if (!start || !start.isConnected) return null;
    const doc = this.o.win.document;
    let levels = 0;
    let fallback: Element | null = null;
    for (let el: Element | null = start; el; el = parentAcrossShadow(el)) {
      if (el !== start && el.matches(REGION)) return el;
      if (el === doc.body || el === doc.documentElement) break;
      if (el !== start && ((t.input && t.input.isConnected && containsAcrossShadow(el, t.input)) || el.querySelector('input[type="file"]'))) return el;
      if (++levels === 6) fallback = el;
    }
    return fallback ?? doc.body;
  }
}

/** Preview addresses shown in `region` (and the open shadow roots inside it). */
function previewsIn(region: Element): Set<string> {
  const out = new Set<string>();
  const look = (root: Element | ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLElement>('img, video, source, [style*="url("]')) {
      const src = el.getAttribute('src');
      if (src && MEDIA_URL.test(src)) out.add(src);
      const style = el.getAttribute('style');
      if (style) for (const m of style.matchAll(BG_URL)) out.add(m[1]!);
    }
  };
  look(region);
  for (const host of hostsIn(region)) look(host.shadowRoot!);
  if (region.shadowRoot) look(region.shadowRoot);
  return out;
}

/** The element in `region` (or an open shadow root inside it) that shows the preview address `url`. */
function showing(region: Element, url: string): HTMLElement | null {
  const find = (root: Element | ShadowRoot): HTMLElement | null => {
    for (const el of root.querySelectorAll<HTMLElement>('img, video, source, [style*="url("]')) {
      if (el.getAttribute('src') === url) return el.tagName === 'SOURCE' ? el.parentElement : el;
      const style = el.getAttribute('style');
      if (style) for (const m of style.matchAll(BG_URL)) if (m[1] === url) return el;
    }
    return null;
  };
  const direct = find(region) ?? (region.shadowRoot ? find(region.shadowRoot) : null);
  if (direct) return direct;
  for (const host of hostsIn(region)) {
    const found = find(host.shadowRoot!);
    if (found) return found;
  }
  return null;
}

/** Elements in `root` with an open shadow root, at any depth. */
function hostsIn(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (r: Element | ShadowRoot) => {
    for (const el of r.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push(el);
        walk(el.shadowRoot);
      }
    }
  };
  walk(root);
  return out;
}

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

function containsAcrossShadow(scope: Element, el: Element): boolean {
  for (let n: Element | null = el; n; n = parentAcrossShadow(n)) if (n === scope) return true;
  return false;
}
