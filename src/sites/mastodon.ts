/**
 * Mastodon (any instance the user adds on the options page) and, through `userSite`, any other
 * site the user adds. Mastodon's web UI composes in a plain <textarea> inside `form.compose-form`,
 * submits with `.compose-form__submit button[type="submit"]` or Ctrl/Cmd+Enter, and marks a reply
 * with `.reply-indicator` (sites.md §9). Forks (glitch-soc, Hometown) keep the form but may change
 * the button, so a per-language label table finds a submit button inside the compose form too.
 *
 * A user-added origin is not known at build time, so the content script gets `userSite`: it asks
 * the page whether it is a Mastodon web app (`#mastodon` / `form.compose-form`) each time, and
 * otherwise behaves as the generic adapter.
 *
 * Fixtures: test/fixtures/sites/src/mastodon.tsx (compose column, reply, Polish fork button).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, generic, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, isButton, labelOf, labelSet, type LabelTable } from './generic';

export const MASTODON_EDITOR_HOOKS = 'form.compose-form textarea';

/** Submit button text in the compose form (Post / Reply / Update / the old "Toot!"). */
export const MASTODON_SUBMIT_LABELS: LabelTable = {
  en: ['post', 'publish', 'publish!', 'toot!', 'reply', 'update', 'save changes'],
  cy: ['postio', 'cyhoeddi', 'ateb', 'diweddaru'],
  fr: ['publier', 'répondre', 'mettre à jour'],
  es: ['publicar', 'responder', 'actualizar'],
  de: ['veröffentlichen', 'posten', 'antworten', 'aktualisieren'],
  pl: ['opublikuj', 'wyślij', 'odpowiedz', 'aktualizuj'],
};
const SUBMIT = labelSet(MASTODON_SUBMIT_LABELS);

export function isMastodonPage(doc: Document): boolean {
  return !!doc.querySelector('#mastodon, form.compose-form');
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  origins: [],
  editorFrom(path) {
    for (const el of elementsOf(path)) if (el.matches(MASTODON_EDITOR_HOOKS)) return el as HTMLElement;
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    const form = editor.closest('form.compose-form');
    if (form) return form.querySelector('.reply-indicator') ? 'comment' : 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (!isButton(el) || !el.closest('form.compose-form')) continue;
      if (el.closest('.compose-form__submit') || SUBMIT.has(labelOf(el))) return el;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => ctrlEnter(e),
};

/** For origins the user added: Mastodon when the page is a Mastodon web app, else generic. */
function pick(): SiteAdapter {
  return typeof document !== 'undefined' && isMastodonPage(document) ? mastodon : generic;
}

export const userSite: SiteAdapter = {
  get id() {
    return pick().id;
  },
  origins: [],
  editorFrom: (path) => pick().editorFrom(path),
  surfaceOf: (editor) => pick().surfaceOf(editor),
  submitControlFrom: (path) => pick().submitControlFrom(path),
  isKeyboardSubmit: (e, editor) => pick().isKeyboardSubmit(e, editor),
};
