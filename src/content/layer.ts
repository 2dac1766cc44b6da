/**
 * Mounts the warning UI in a CLOSED shadow root on a host with a random tag name, so page scripts
 * can neither read the warning nor find it by a fixed selector (threat model B1). The host is a
 * zero-size fixed box that never moves; highlights and the panel are positioned in viewport
 * coordinates inside the root (design.md: "draw highlights inside the closed shadow root, from a
 * host that does not move with them"). Untrusted side (content script).
 */
import { h, render } from 'preact';
import { WARNING_CSS, WarningLayer, type WarningActions, type WarningViewModel } from '../ui/Warning';

export interface Layer {
  update(vm: WarningViewModel | null): void;
  destroy(): void;
}

/** A valid custom-element name with no fixed part a page could select on. */
function randomTag(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const pick = (b: number) => letters[b % 26]!;
  return `${Array.from(bytes.slice(0, 5), pick).join('')}-${Array.from(bytes.slice(5), pick).join('')}`;
}

export function mountLayer(doc: Document, actions: WarningActions): Layer {
  const host = doc.createElement(randomTag());
  host.setAttribute(
    'style',
    'all:initial;position:fixed;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;overflow:visible;z-index:2147483647;background:transparent;',
  );
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = WARNING_CSS;
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
        host.setAttribute('popover', 'manual');
        if (!host.matches(':popover-open')) (host as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        /* not supported: z-index is the fallback */
      }
    }
  };

  return {
    update(vm) {
      if (vm && vm.items.length) attach();
      render(h(WarningLayer, { vm, actions }), container);
    },
    destroy() {
      render(null, container);
      if (attached) host.remove();
    },
  };
}
