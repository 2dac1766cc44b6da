/**
 * Generic adapter: any textarea, text input or contenteditable on a supported site. It is the
 * fallback when a site's own hooks are not found (a markup change must not switch protection off),
 * and the base the site adapters extend.
 *
 * Fixtures: test/fixtures/sites/src/facebook.tsx (the Messenger-style <textarea> form),
 * facebook-mobile.tsx (m.facebook.com legacy form), x-renamed.tsx (X with its hooks renamed).
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

/**
 * The Lexical editor on the path (its root says data-lexical-editor="true": Facebook, Instagram,
 * Threads), else the generic editor.
 */
export function lexicalEditorFrom(path: readonly EventTarget[]): HTMLElement | null {
  for (const el of elementsOf(path)) {
    if (el.getAttribute('data-lexical-editor') === 'true') return el as HTMLElement;
  }
  return genericEditorFrom(path);
}

export function genericSurfaceOf(editor: HTMLElement): Surface {
  const label = (editor.getAttribute('aria-label') ?? '').toLowerCase();
  if (/comment|reply|sylw|comentario|commentaire|kommentar|ateb/.test(label)) return 'comment';
  if (/message|wiadomo|mensaje|nachricht|neges/.test(label)) return 'message';
  return 'post';
}

/** The languages every label table covers (issue 5: at least en, cy, fr, es, de, pl). */
export const LANGS = ['en', 'cy', 'fr', 'es', 'de', 'pl'] as const;
export type Lang = (typeof LANGS)[number];
export type LabelTable = Readonly<Record<Lang, readonly string[]>>;

/** One lower-cased set of every label in a per-language table (labels are matched whole). */
export function labelSet(table: LabelTable): ReadonlySet<string> {
  return new Set(LANGS.flatMap((l) => table[l].map((w) => w.toLowerCase())));
}

/** A control's accessible label as a site shows it: aria-label, else its text, trimmed, lower case. */
export function labelOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isButton(el: Element): el is HTMLElement {
  return el instanceof HTMLButtonElement || el.getAttribute('role') === 'button';
}

/**
 * Submit words any site uses, for the generic adapter: a button or role=button whose whole label is
 * one of these sends the editor next to it (the controller pairs it with the nearest editor).
 */
export const GENERIC_SUBMIT_LABELS: LabelTable = {
  en: ['post', 'send', 'reply', 'comment', 'publish', 'share', 'toot', 'post comment'],
  cy: ['postio', 'anfon', 'ateb', 'sylw', 'cyhoeddi', 'rhannu'],
  fr: ['publier', 'envoyer', 'répondre', 'commenter', 'partager'],
  es: ['publicar', 'enviar', 'responder', 'comentar', 'compartir'],
  de: ['posten', 'senden', 'antworten', 'kommentieren', 'veröffentlichen', 'teilen'],
  pl: ['opublikuj', 'wyślij', 'odpowiedz', 'skomentuj', 'udostępnij'],
};
const GENERIC_SUBMIT = labelSet(GENERIC_SUBMIT_LABELS);

export function genericSubmitFrom(path: readonly EventTarget[]): HTMLElement | null {
  for (const el of elementsOf(path)) {
    // A submit button submits only inside a form (a bare <button> defaults to type=submit but
    // submits nothing: WhatsApp's Attach, Bluesky's media button); a type=button in a form is not one.
    if ((el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === 'submit' && el.form) return el;
    if (isButton(el) && GENERIC_SUBMIT.has(labelOf(el))) return el;
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
