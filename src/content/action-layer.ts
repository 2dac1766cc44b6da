/**
 * Mounts the social-action warning (src/ui/ActionWarning.tsx) in its own CLOSED shadow root on a
 * host with a random tag name, with the same tamper guard as the text warning (mountShadowHost in
 * src/content/layer.ts): the page can neither read it nor find it by a fixed selector. Untrusted
 * side (content script).
 */
import { h, render } from 'preact';
import { ACTION_WARNING_CSS, ActionWarning, type ActionWarningActions, type ActionWarningViewModel } from '../ui/ActionWarning';
import { mountShadowHost } from './layer';

export interface ActionLayer {
  update(vm: ActionWarningViewModel | null): void;
  destroy(): void;
}

export function mountActionLayer(doc: Document, actions: ActionWarningActions): ActionLayer {
  const host = mountShadowHost(doc, ACTION_WARNING_CSS);
  return {
    update(vm) {
      host.setShowing(!!vm);
      render(h(ActionWarning, { vm, actions }), host.container);
    },
    destroy() {
      host.destroy(() => render(null, host.container));
    },
  };
}
