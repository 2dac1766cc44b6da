/**
 * Small DOM helpers shared by the site adapters added in session 2 (Instagram, Threads, LinkedIn,
 * Reddit, YouTube): read a control's visible/accessible label the way a label table compares it,
 * and walk ancestors across open shadow roots (Reddit's faceplate-*, LinkedIn's #interop-outlet).
 * No rule logic; untrusted side (content script).
 */
import { elementsOf } from './types';

/** A control's label for a per-language table: aria-label, else its text; trimmed, lower-cased. */
export function controlLabel(el: Element): string {
  const raw = el.getAttribute('aria-label') ?? el.textContent ?? '';
  return raw.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** An editor's own label (aria-label, aria-placeholder or placeholder), trimmed, lower-cased. */
export function editorLabel(editor: Element): string {
  const raw = editor.getAttribute('aria-label') ?? editor.getAttribute('aria-placeholder') ?? editor.getAttribute('placeholder') ?? '';
  return raw.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isButtonLike(el: Element): el is HTMLElement {
  if (el instanceof HTMLButtonElement) return true;
  if (el instanceof HTMLInputElement) return el.type === 'submit' || el.type === 'button';
  return el.getAttribute('role') === 'button';
}

/**
 * The first button-like element on the path whose label is in `labels` (exact, per language).
 * `within`: the control must sit inside one of these (crossing open shadow roots), so a feed's
 * "Reply"/"Comment" buttons that only open a composer are not taken for its submit control.
 */
export function labelledControlFrom(
  path: readonly EventTarget[],
  labels: ReadonlySet<string>,
  within?: string,
): HTMLElement | null {
  for (const el of elementsOf(path)) {
    if (isButtonLike(el) && labels.has(controlLabel(el)) && (!within || closestDeep(el, within))) return el;
  }
  return null;
}

/** Element.closest that continues from a shadow root to its host (open roots only, as seen). */
export function closestDeep(el: Element, selector: string): Element | null {
  let node: Element | null = el;
  while (node) {
    const hit = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * A form's own submit button on the path. Stricter than the generic adapter's rule: a <button>
 * with no type outside any form (a feed's "Reply", a dialog's "Cancel") is not a submit here.
 */
export function formSubmitFrom(path: readonly EventTarget[]): HTMLElement | null {
  for (const el of elementsOf(path)) {
    if ((el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === 'submit' && el.form) return el;
  }
  return null;
}
