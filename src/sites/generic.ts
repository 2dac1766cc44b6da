/**
 * Generic adapter: any textarea, text input or contenteditable on a supported site. It is the
 * fallback when a site's own hooks are not found (a markup change must not switch protection off),
 * and the base the site adapters extend.
 *
 * Fixtures: test/fixtures/sites/src/facebook.tsx (the Messenger-style <textarea> form).
 */
import type { SiteAdapter, Surface } from './types';
import { elementsOf } from './types';

const SKIP_INPUT_TYPES = new Set(['password', 'search', 'email', 'tel', 'number', 'url', 'hidden']);

export function isEditable(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return (el.type === 'text' || el.type === '') && !SKIP_INPUT_TYPES.has(el.type) && !el.readOnly;
  }
  if (!(el instanceof HTMLElement)) return false;
  const ce = el.getAttribute('contenteditable');
  return ce === '' || ce === 'true' || ce === 'plaintext-only';
}

/** Outermost editable on the path (the editor root, not a nested editable child). */
export function genericEditorFrom(path: readonly EventTarget[]): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const el of elementsOf(path)) if (isEditable(el)) found = el;
  return found;
}

export function genericSurfaceOf(editor: HTMLElement): Surface {
  const label = (editor.getAttribute('aria-label') ?? '').toLowerCase();
  if (/comment|reply|sylw|comentario|commentaire|kommentar|ateb/.test(label)) return 'comment';
  if (/message|wiadomo|mensaje|nachricht|neges/.test(label)) return 'message';
  return 'post';
}

export function genericSubmitFrom(path: readonly EventTarget[]): HTMLElement | null {
  for (const el of elementsOf(path)) {
    if (el instanceof HTMLButtonElement && (el.type === 'submit' || el.form)) return el;
    if (el instanceof HTMLInputElement && el.type === 'submit') return el;
  }
  return null;
}

export function ctrlEnter(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing;
}

export function plainEnter(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;
}

export const generic: SiteAdapter = {
  id: 'other',
  origins: [],
  editorFrom: genericEditorFrom,
  surfaceOf: genericSurfaceOf,
  submitControlFrom: genericSubmitFrom,
  isKeyboardSubmit: (e, editor) =>
    ctrlEnter(e) || (plainEnter(e) && editor instanceof HTMLInputElement && !!editor.form),
};
