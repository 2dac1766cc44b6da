/**
 * Test helper for adapter DOM tests: the composed event path from an element up to the window,
 * crossing open shadow roots to their hosts, as Event.composedPath() gives it for a composed event.
 */
export function pathOf(el: Element): EventTarget[] {
  const out: EventTarget[] = [];
  let n: Node | null = el;
  while (n) {
    out.push(n);
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  out.push(window);
  return out;
}

export function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`fixture: no ${selector}`);
  return el;
}
