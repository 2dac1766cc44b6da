/**
 * Mounts the warning UI in a CLOSED shadow root on a host with a random tag name, so page scripts
 * can neither read the warning nor find it by a fixed selector (threat model B1). The host is a
 * zero-size fixed box that never moves; highlights and the panel are positioned in viewport
 * coordinates inside the root (design.md: "draw highlights inside the closed shadow root, from a
 * host that does not move with them"). Untrusted side (content script).
 */
import { h, render } from 'preact';
import type { Rect } from '../ui/placement';
import { WARNING_CSS, WarningLayer, type WarningActions, type WarningViewModel } from '../ui/Warning';

export interface Layer {
  update(vm: WarningViewModel | null): void;
  /** Where the warning's panel is (viewport px), or null when none shows (the image warning keeps clear of it). */
  panelBox?(): Rect | null;
  destroy(): void;
}

/** A valid custom-element name with no fixed part a page could select on. */
function randomTag(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const pick = (b: number) => letters[b % 26]!;
  return `${Array.from(bytes.slice(0, 5), pick).join('')}-${Array.from(bytes.slice(5), pick).join('')}`;
}

const HOST_STYLE =
  'all:initial;position:fixed;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;overflow:visible;z-index:2147483647;background:transparent;';
/** Repairs per second before the guard stops fighting a page that undoes them in a loop. */
const MAX_REPAIRS_PER_SECOND = 20;

/**
 * Tamper guard (threat model: a hostile page hides or covers the warning). While the warning is
 * showing, the host is put back if the page removes it, its style and popover state are restored if
 * the page changes them, and it is raised to the top of the top layer again if the page opens a
 * popover or modal dialog over it. The hold on Post never depended on the warning being visible, so
 * hiding it gains the page nothing; the guard keeps the user able to see why.
 */
function guardHost(doc: Document, host: HTMLElement, showing: () => boolean, attach: () => void): () => void {
  const win = doc.defaultView!;
  let windowStart = 0;
  let repairs = 0;
  const repair = () => {
    if (!showing()) return;
    const now = win.performance.now();
    if (now - windowStart > 1000) {
      windowStart = now;
      repairs = 0;
    }
    if (++repairs > MAX_REPAIRS_PER_SECOND) return;
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const a of ['hidden', 'inert', 'class']) if (host.hasAttribute(a)) host.removeAttribute(a);
    attach();
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target === host) return repair();
      if (r.type === 'childList') {
        for (const n of r.removedNodes) if (n === host || n.contains(host)) return repair();
        // Something new in the top layer (a page popover or modal dialog) may now cover us.
        for (const n of r.addedNodes) if (n !== host && n instanceof win.HTMLElement) queueCoverCheck();
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  observer.observe(host, { attributes: true });
  // The page closing our popover, or showing its own over it.
  const onToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'closed') repair();
  };
  host.addEventListener('toggle', onToggle);
  let coverQueued = false;
  function queueCoverCheck() {
    if (coverQueued) return;
    coverQueued = true;
    win.requestAnimationFrame(() => {
      coverQueued = false;
      if (showing() && doc.querySelector(':popover-open, dialog[open]:modal') && 'hidePopover' in host) {
        try {
          (host as HTMLElement & { hidePopover(): void }).hidePopover();
        } catch {
          /* already closed */
        }
        repair();
      }
    });
  }
  const onShowPopover = (e: Event) => {
    if (e.target !== host) queueCoverCheck();
  };
  doc.addEventListener('toggle', onShowPopover, true);
  return () => {
    observer.disconnect();
    host.removeEventListener('toggle', onToggle);
    doc.removeEventListener('toggle', onShowPopover, true);
  };
}

export function mountLayer(doc: Document, actions: WarningActions): Layer {
  const host = mountShadowHost(doc, WARNING_CSS);
  return {
    update(vm) {
      host.setShowing(!!(vm && vm.items.length));
      render(h(WarningLayer, { vm, actions }), host.container);
    },
    panelBox() {
      const r = host.container.querySelector('.panel')?.getBoundingClientRect();
      return r && r.width > 0 && r.height > 0 ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
    },
    destroy() {
      host.destroy(() => render(null, host.container));
    },
  };
}

export interface ShadowHost {
  /** Render into this (inside the closed root). */
  container: HTMLElement;
  /** While showing, the host is in the page, in the top layer, and guarded against tampering. */
  setShowing(showing: boolean): void;
  destroy(unrender: () => void): void;
}

/**
 * A host with a random tag, a CLOSED shadow root with `css`, and the tamper guard: the one way our
 * in-page UI (the text warning, the image chip) is mounted.
 */
export function mountShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement(randomTag());
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  const container = doc.createElement('div');
  root.appendChild(container);
  // Keys typed in the panel are ours; don't let them reach the site's own shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    container.addEventListener(type, (e) => e.stopPropagation());
  }

  let attached = false;
  const attach = () => {
    if (!host.isConnected) {
      (doc.body ?? doc.documentElement).appendChild(host);
      attached = true;
    }
    // Top layer, above the site's own dialogs, where the platform supports popovers.
    if ('showPopover' in host) {
      try {
        // Only when missing: setting an attribute, even to its own value, is a mutation the
        // tamper guard would see.
        if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
        if (!host.matches(':popover-open')) (host as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        /* not supported: z-index is the fallback */
      }
    }
  };

  let showing = false;
  const unguard = guardHost(doc, host, () => showing, attach);

  return {
    container,
    setShowing(next) {
      showing = next;
      if (showing) attach();
    },
    destroy(unrender) {
      showing = false;
      unguard();
      unrender();
      if (attached) host.remove();
    },
  };
}
