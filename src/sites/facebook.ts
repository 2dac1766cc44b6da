/**
 * Facebook (www.facebook.com). Composers are Lexical editors; Post and Comment are role=button
 * divs with localised aria-labels (sites.md §2). Anchors, most stable first: the Lexical marker,
 * #focused-state-composer-submit, role=button + a per-language label table, then the generic
 * adapter.
 *
 * Fixtures: test/fixtures/sites/src/facebook.tsx (Create-post dialog, comment form, message form),
 * facebook-messenger.tsx (/messages Lexical chat, group composer), facebook-mobile.tsx
 * (m.facebook.com, generic adapter).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, plainEnter } from './generic';

/** Submit labels in en, cy, fr, es, de, pl (Facebook localises aria-label). */
export const FACEBOOK_SUBMIT_LABELS = new Set([
  'post', 'comment', 'reply', 'send', 'share', 'share now', 'post comment',
  'postio', 'sylw', 'anfon', 'rhannu', // cy
  'publier', 'commenter', 'envoyer', 'partager', // fr
  'publicar', 'comentar', 'enviar', 'compartir', // es
  'posten', 'veröffentlichen', 'kommentieren', 'senden', 'teilen', // de
  'opublikuj', 'skomentuj', 'wyślij', 'udostępnij', // pl
  // Messenger's send button (www.facebook.com/messages, messenger.com, chat pop-ups) [I: en verified]
  'press enter to send', 'pwyswch enter i anfon', 'appuyez sur entrée pour envoyer',
  'pulsa intro para enviar', 'zum senden die eingabetaste drücken', 'naciśnij enter, aby wysłać',
]);

function isCommentEditor(editor: HTMLElement): boolean {
  return !!editor.closest('form[role="presentation"]');
}

/** Messenger: the /messages pages, messenger.com, and chat pop-ups (a "Message" textbox). */
function isMessenger(editor: HTMLElement): boolean {
  return location.pathname.startsWith('/messages') || location.hostname === 'www.messenger.com' || genericSurfaceOf(editor) === 'message';
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  origins: ['https://www.facebook.com', 'https://m.facebook.com', 'https://web.facebook.com', 'https://www.messenger.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.getAttribute('data-lexical-editor') === 'true') return el as HTMLElement;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (isCommentEditor(editor)) return 'comment';
    if (isMessenger(editor)) return 'message';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.id === 'focused-state-composer-submit') return el.querySelector<HTMLElement>('[role="button"]') ?? (el as HTMLElement);
      if (el.getAttribute('role') === 'button') {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().toLowerCase();
        if (FACEBOOK_SUBMIT_LABELS.has(label)) return el as HTMLElement;
      }
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Comments and Messenger send on Enter (Shift+Enter is a new line); the post dialog on Ctrl+Enter.
    if (isCommentEditor(editor) || isMessenger(editor)) return plainEnter(e);
    return ctrlEnter(e);
  },
};
