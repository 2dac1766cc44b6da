/**
 * YouTube (www.youtube.com, m.youtube.com), sites.md §11. Comments and replies: ytd-commentbox with
 * a plain contenteditable div#contenteditable-root (inside yt-formatted-string#contenteditable-textarea,
 * aria-label "Add a comment…"/"Add a reply…", localised); submit is the <button> inside
 * ytd-button-renderer#submit-button (aria-label "Comment"/"Reply", localised). Ctrl/Cmd+Enter
 * submits [I]. Anchors: #contenteditable-root and #submit-button ids, custom element names, then a
 * per-language label table, then the generic adapter.
 *
 * Fixtures: test/fixtures/sites/src/youtube.tsx (watch-page comment box and a reply box;
 * `?hl=cy` / `?hl=pl` render Welsh / Polish labels).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSurfaceOf, isEditable } from './generic';
import { closestDeep, labelledControlFrom, formSubmitFrom } from './labels';

/**
 * Comment / Reply controls in en, cy, fr, es, de, pl, taken only inside ytd-commentbox (each
 * comment's own "Reply" button opens a reply box and must not count as a submit).
 */
export const YOUTUBE_SUBMIT_LABELS: ReadonlySet<string> = new Set([
  'comment', 'reply',
  'sylw', 'ateb', 'rhoi sylw', // cy
  'ajouter un commentaire', 'commenter', 'répondre', // fr
  'comentar', 'responder', // es
  'kommentieren', 'antworten', // de
  'skomentuj', 'dodaj komentarz', 'odpowiedz', // pl
]);

export const youtube: SiteAdapter = {
  id: 'youtube',
  origins: ['https://www.youtube.com', 'https://m.youtube.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.id === 'contenteditable-root' && isEditable(el)) return el;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    // A channel's post composer reuses the comment box; what it sends is a post.
    if (closestDeep(editor, 'ytd-backstage-post-dialog-renderer')) return 'post';
    if (closestDeep(editor, 'ytd-commentbox, ytd-comment-simplebox-renderer, ytd-comment-reply-dialog-renderer')) return 'comment';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el instanceof HTMLButtonElement && el.closest('#submit-button')) return el;
      if (el.id === 'submit-button' && closestDeep(el, 'ytd-commentbox')) return (el.querySelector('button') ?? el) as HTMLElement;
    }
    return labelledControlFrom(path, YOUTUBE_SUBMIT_LABELS, 'ytd-commentbox, form') ?? formSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => ctrlEnter(e),
};
