/**
 * Reddit (www.reddit.com "shreddit", old.reddit.com), sites.md §10. Comment, reply and post-body
 * composers are shreddit-composer web components: a light-DOM div[role=textbox][contenteditable]
 * (Lexical) slotted into reddit-rte's shadow root (delegatesFocus); submit is
 * button[type=submit][slot="submit-button"] ("Comment"/"Reply"/"Post", localised). The post title
 * is a <textarea> inside faceplate-textarea-input's open shadow root. old.reddit.com uses classic
 * forms (textarea + submit button, the generic adapter). Event paths come from composedPath(), so
 * shadow-root targets are seen; Reddit's Lexical stops input propagation in the bubble phase,
 * which the controller's window-capture listeners are ahead of.
 *
 * Fixtures: test/fixtures/sites/src/reddit.tsx (a post's comment composer as custom elements with
 * open shadow roots around a slotted Lexical editor; `?hl=cy` / `?hl=pl` render Welsh / Polish labels).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSurfaceOf, isEditable } from './generic';
import { closestDeep, labelledControlFrom, formSubmitFrom } from './labels';

/** Comment / Post controls in en, cy, fr, es, de, pl (only inside a composer or form: see below). */
export const REDDIT_SUBMIT_LABELS: ReadonlySet<string> = new Set([
  'comment', 'post',
  'sylw', 'postio', // cy
  'commenter', 'publier', // fr
  'comentar', 'publicar', // es
  'kommentieren', 'posten', // de
  'skomentuj', 'opublikuj', // pl
]);

/** Where a labelled submit control may sit (a feed's "Reply"/"Comment" only opens a composer). */
const COMPOSER_SCOPE = 'shreddit-composer, faceplate-form, form, r-post-composer-form';

export const reddit: SiteAdapter = {
  id: 'reddit',
  origins: ['https://www.reddit.com', 'https://old.reddit.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.getAttribute('data-lexical-editor') === 'true') return el as HTMLElement;
      if (el.getAttribute('role') === 'textbox' && isEditable(el) && el.closest('shreddit-composer')) return el;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (closestDeep(editor, 'r-post-composer-form, #post-composer, faceplate-textarea-input')) return 'post';
    if (closestDeep(editor, 'shreddit-composer, comment-composer-host, form.usertext')) return 'comment';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.getAttribute('slot') === 'submit-button' || el.id === 'submit-post-button') return el as HTMLElement;
    }
    return labelledControlFrom(path, REDDIT_SUBMIT_LABELS, COMPOSER_SCOPE) ?? formSubmitFrom(path);
  },
  // Ctrl/Cmd+Enter submits the shreddit composer [I]; plain Enter is a new line.
  isKeyboardSubmit: (e) => ctrlEnter(e),
};
