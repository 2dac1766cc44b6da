/**
 * Mounts the social-action warning (src/ui/ActionWarning.tsx) in its own CLOSED shadow root on a
 * host with a random tag name, with the same tamper guard as the text warning (src/content/layer.ts):
 * the page can neither read it nor find it by a fixed selector. Untrusted side (content script).
 */
import { h, render } from 'preact';
import { ACTION_WARNING_CSS, ActionWarning, type ActionWarningActions, type ActionWarningViewModel } from '../ui/ActionWarning';
import { guardHost, HOST_STYLE, randomTag } from './layer';

export interface ActionLayer {
  update(vm: ActionWarningViewModel | null): void;
  destroy(): void;
}

export function mountActionLayer(doc: Document, actions: ActionWarningActions): ActionLayer {
  const host = doc.createElement(randomTag());
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = ACTION_WARNING_CSS;
  root.appendChild(style);
  const container = doc.createElement('div');
  root.appendChild(container);
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());

  let attached = false;
  const attach = () => {
    if (!host.isConnected) {
      (doc.body ?? doc.documentElement).appendChild(host);
      attached = true;
    }
    if ('showPopover' in host) {
      try {
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
    update(vm) {
      showing = !!vm;
      if (showing) attach();
      render(h(ActionWarning, { vm, actions }), container);
    },
    destroy() {
      showing = false;
      unguard();
      render(null, container);
      if (attached) host.remove();
    },
  };
}
