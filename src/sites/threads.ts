/**
 * Threads (www.threads.com, formerly www.threads.net), sites.md §7. Every composer (new post, reply,
 * "Add to thread") is Lexical: div[role=textbox][contenteditable][data-lexical-editor="true"] with
 * aria-placeholder "What's new?" / "Reply to {user}…"; Post is a div[role=button] with localised
 * text (no <button>, no test id). Ctrl/Cmd+Enter posts [I]. Anchors: the Lexical marker, then the
 * generic adapter; submit through a per-language label table.
 *
 * Fixtures: test/fixtures/sites/src/threads.tsx (new-post dialog and a reply box, both Lexical;
 * `?hl=cy` / `?hl=pl` render Welsh / Polish labels).
 */
import type { SiteAdapter } from './types';
import { isPlainProfileField, profileSaveFrom } from './social';
import { ctrlEnter, genericSurfaceOf, lexicalEditorFrom } from './generic';
import { editorLabel, labelledControlFrom, formSubmitFrom } from './labels';

/**
 * The Post control in en, cy, fr, es, de, pl (replies are sent with "Post" too; "Reply" on a feed
 * item only opens the reply composer, so it is not in the table).
 */
export const THREADS_SUBMIT_LABELS: ReadonlySet<string> = new Set([
  'post',
  'postio', // cy
  'publier', // fr
  'publicar', // es
  'posten', 'veröffentlichen', // de
  'opublikuj', // pl
]);

/** Reply placeholders ("Reply to {user}…") in en, cy, fr, es, de, pl. */
const REPLY_LABEL = /^(reply to|ateb i|ymateb i|répondre à|responder a|antworten an|odpowiedz)/;

export const threads: SiteAdapter = {
  id: 'threads',
  origins: ['https://www.threads.com', 'https://www.threads.net'],
  editorFrom: lexicalEditorFrom,
  surfaceOf(editor) {
    // The edit-profile bio (a plain text field labelled Bio / Description…): works-at.
    if (isPlainProfileField(editor)) return 'profile';
    if (REPLY_LABEL.test(editorLabel(editor))) return 'comment';
    if (editor.getAttribute('data-lexical-editor') === 'true') return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    const save = profileSaveFrom(path, isPlainProfileField);
    if (save) return save;
    return labelledControlFrom(path, THREADS_SUBMIT_LABELS) ?? formSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => ctrlEnter(e),
};
