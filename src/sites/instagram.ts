/**
 * Instagram (www.instagram.com), sites.md §4. Comments are a <textarea> in a form with a "Post"
 * control (div[role=button] or button, localised) and Enter submits; the new-post caption is a
 * contenteditable (Lexical on current builds) in the create dialog with a localised "Share"
 * control; DMs are a Lexical editor where Enter sends. Anchors, most stable first: the Lexical
 * marker, textarea/contenteditable (generic), then per-language label tables.
 *
 * Fixtures: test/fixtures/sites/src/instagram.tsx (caption dialog with Lexical, comment form with a
 * textarea, DM box with Lexical; `?hl=pl` / `?hl=cy` render Polish / Welsh labels).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { genericEditorFrom, genericSurfaceOf, plainEnter } from './generic';
import { editorLabel, labelledControlFrom, formSubmitFrom } from './labels';

/** Submit controls in en, cy, fr, es, de, pl: Post (comment), Share (caption), Send (DM). */
export const INSTAGRAM_SUBMIT_LABELS: ReadonlySet<string> = new Set([
  'post', 'share', 'send',
  'postio', 'rhannu', 'anfon', // cy
  'publier', 'partager', 'envoyer', // fr
  'publicar', 'compartir', 'enviar', // es
  'posten', 'teilen', 'senden', // de
  'opublikuj', 'udostępnij', 'wyślij', // pl
]);

/** Editor labels that mean a DM box (aria-label / placeholder, starts-with, per language). */
const MESSAGE_LABEL = /^(message|neges|votre message|mensaje|nachricht|wiadomość)/;
/** Editor labels that mean a comment box ("Add a comment…" in en, cy, fr, es, de, pl). */
const COMMENT_LABEL = /^(add a comment|ychwanegu sylw|ajouter un commentaire|añade un comentario|agrega un comentario|kommentieren|kommentar hinzufügen|dodaj komentarz)/;

function isMessageEditor(editor: HTMLElement): boolean {
  return location.pathname.startsWith('/direct/') || MESSAGE_LABEL.test(editorLabel(editor));
}

function isCommentEditor(editor: HTMLElement): boolean {
  return editor instanceof HTMLTextAreaElement || COMMENT_LABEL.test(editorLabel(editor));
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  origins: ['https://www.instagram.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.getAttribute('data-lexical-editor') === 'true') return el as HTMLElement;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (isMessageEditor(editor)) return 'message';
    if (isCommentEditor(editor)) return 'comment';
    if (editor.closest('[role="dialog"]')) return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    return labelledControlFrom(path, INSTAGRAM_SUBMIT_LABELS) ?? formSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Comments and DMs send on Enter; in the caption Enter is a new line and only "Share" posts.
    if (isMessageEditor(editor) || isCommentEditor(editor)) return plainEnter(e);
    return false;
  },
};
