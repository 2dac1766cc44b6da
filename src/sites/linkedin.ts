/**
 * LinkedIn (www.linkedin.com), sites.md §5. The share composer is Quill (.ql-editor) and on some
 * surfaces sits inside the open shadow root of div#interop-outlet; comments are TipTap
 * (.tiptap.ProseMirror); messaging is a plain contenteditable (.msg-form__contenteditable) whose
 * send button may also live in the interop shadow root. Editor engines are A/B-tested, so any of
 * the markers is accepted on any surface. Anchors, most stable first: the editor-engine markers and
 * BEM hooks (share-actions__primary-action, msg-form__send-button, comments-comment-box__submit-button),
 * then per-language label tables, then the generic adapter. Event paths come from composedPath(),
 * so editors and buttons inside open shadow roots are seen.
 *
 * Fixtures: test/fixtures/sites/src/linkedin.tsx (share dialog with a real Quill editor inside the
 * #interop-outlet open shadow root, a messaging form in the light DOM; `?hl=cy` / `?hl=pl` render
 * Welsh / Polish labels and drop the BEM hooks).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSurfaceOf, isEditable, plainEnter } from './generic';
import { closestDeep, labelledControlFrom, formSubmitFrom } from './labels';

/** Post / Send / Comment / Reply controls in en, cy, fr, es, de, pl. */
export const LINKEDIN_SUBMIT_LABELS: ReadonlySet<string> = new Set([
  'post', 'send', 'comment', 'reply',
  'postio', 'anfon', 'sylw', 'ateb', // cy
  'publier', 'envoyer', 'commenter', 'répondre', // fr
  'publicar', 'enviar', 'comentar', 'responder', // es
  'posten', 'senden', 'kommentieren', 'antworten', // de
  'opublikuj', 'wyślij', 'skomentuj', 'odpowiedz', // pl
]);

const EDITOR_MARKERS = ['ql-editor', 'ProseMirror', 'tiptap', 'msg-form__contenteditable'];
/** Where a labelled submit control may sit (a feed's "Comment"/"Reply" only opens a composer). */
const COMPOSER_SCOPE = 'form, [role="dialog"], .msg-form, .comments-comment-box, .share-box, .share-creation-state';
const SUBMIT_HOOKS = '.share-actions__primary-action, .msg-form__send-button, .comments-comment-box__submit-button';

function isMessageEditor(editor: HTMLElement): boolean {
  return (
    editor.classList.contains('msg-form__contenteditable') ||
    !!closestDeep(editor, '.msg-form, [data-testid="msg-form"]') ||
    location.pathname.startsWith('/messaging')
  );
}

function isCommentEditor(editor: HTMLElement): boolean {
  return !!closestDeep(editor, '.comments-comment-box, .comments-comment-texteditor, .comments-comment-box__form');
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  origins: ['https://www.linkedin.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (EDITOR_MARKERS.some((c) => el.classList.contains(c)) && isEditable(el)) return el;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (isMessageEditor(editor)) return 'message';
    if (isCommentEditor(editor) || editor.classList.contains('tiptap')) return 'comment';
    if (closestDeep(editor, '.share-creation-state__text-editor, [role="dialog"]')) return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.matches(SUBMIT_HOOKS)) return el as HTMLElement;
    }
    return labelledControlFrom(path, LINKEDIN_SUBMIT_LABELS, COMPOSER_SCOPE) ?? formSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Messaging sends on Enter (LinkedIn's default); posts and comments on Ctrl/Cmd+Enter [I].
    if (isMessageEditor(editor)) return plainEnter(e);
    return ctrlEnter(e);
  },
};
