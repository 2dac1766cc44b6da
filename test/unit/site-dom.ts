/**
 * Test helpers for the adapter suites (happy-dom): put a fixture snippet in the document and build
 * the event path a real event on an element would have. Not shipped (only *.test.ts import it).
 */
export function setBody(html: string): void {
  document.body.innerHTML = html;
}

export function pathOf(selector: string): EventTarget[] {
  const start = document.querySelector(selector);
  if (!start) throw new Error(`no ${selector} in the fixture`);
  const path: EventTarget[] = [];
  for (let n: Node | null = start; n; n = n.parentNode) path.push(n);
  path.push(window);
  return path;
}

export function key(init: KeyboardEventInit & { key: string }): KeyboardEvent {
  return new KeyboardEvent('keydown', init);
}
