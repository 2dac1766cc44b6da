/**
 * TikTok (www.tiktok.com, TikTok Studio). Comments are Draft.js inside [data-e2e="comment-input"],
 * posted by [data-e2e="comment-post"] (newer builds: "post-comment"); Enter posts a comment. The
 * Studio caption is a contenteditable that appears after a video is accepted; its Post button has
 * no stable hook we know of, so it is found through a per-language label table (sites.md §6).
 * data-e2e is language-independent; everything else falls back to the generic adapter.
 *
 * Follow (sites.md §6): `[data-e2e="follow-button"]` / `[data-e2e="user-info-follow-btn"]`; the person
 * is the profile header (`[data-e2e="user-title"]` handle, `[data-e2e="user-subtitle"]` name) or,
 * on a video, its author (`[data-e2e="browse-username"]`, `[data-e2e="video-author-uniqueid"]`).
 *
 * Fixtures: test/fixtures/sites/src/tiktok.tsx (video comments, Studio caption in Welsh),
 * social.tsx (a profile with Follow).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { mergePerson, isPlainProfileField, profileSaveFrom } from './social';
import { genericEditorFrom, genericSubmitFrom, genericSurfaceOf, isButton, labelOf, labelSet, plainEnter, type LabelTable } from './generic';

/** Stable hooks: an editor matching this is one TikTok's own markup put there. */
export const TIKTOK_EDITOR_HOOKS = '[data-e2e="comment-input"] [contenteditable="true"], .public-DraftEditor-content';

const COMMENT_SUBMIT_E2E = new Set(['comment-post', 'post-comment']);

/** Studio's caption Post button, labelled in the UI language [I: verify live per locale]. */
export const TIKTOK_POST_LABELS: LabelTable = {
  en: ['post', 'post now'],
  cy: ['postio', 'postio nawr'],
  fr: ['publier', 'publier maintenant'],
  es: ['publicar', 'publicar ahora'],
  de: ['posten', 'jetzt posten', 'veröffentlichen'],
  pl: ['opublikuj', 'opublikuj teraz'],
};
const POST_LABELS = labelSet(TIKTOK_POST_LABELS);

function isComment(editor: HTMLElement): boolean {
  return !!editor.closest('[data-e2e="comment-input"]');
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  origins: ['https://www.tiktok.com'],
  editorFrom(path) {
    let found: HTMLElement | null = null;
    for (const el of elementsOf(path)) {
      if (el.matches(TIKTOK_EDITOR_HOOKS)) found = el as HTMLElement;
    }
    return found ?? genericEditorFrom(path);
  },
  surfaceOf(editor) {
    // The edit-profile bio (a plain text field labelled Bio / Description…): works-at.
    if (isPlainProfileField(editor)) return 'profile';
    if (isComment(editor)) return 'comment';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    const save = profileSaveFrom(path, isPlainProfileField);
    if (save) return save;
    for (const el of elementsOf(path)) {
      if (COMMENT_SUBMIT_E2E.has(el.getAttribute('data-e2e') ?? '')) return el as HTMLElement;
      if (isButton(el) && POST_LABELS.has(labelOf(el))) return el;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Enter posts a comment (Shift+Enter is a new line); the Studio caption has no key submit.
    return isComment(editor) && plainEnter(e);
  },
  socialActionFrom(path) {
    for (const el of elementsOf(path)) {
      const e2e = el.getAttribute('data-e2e') ?? '';
      if (e2e !== 'follow-button' && e2e !== 'user-info-follow-btn') continue;
      const doc = el.ownerDocument;
      const text = (sel: string) => (doc.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const handle = text('[data-e2e="user-title"]') || text('[data-e2e="browse-username"]') || text('[data-e2e="video-author-uniqueid"]');
      const name = text('[data-e2e="user-subtitle"]') || text('[data-e2e="browse-user-nickname"]');
      return { action: 'follow', control: el as HTMLElement, person: mergePerson(name ? { displayName: name } : null, handle ? { handle } : null) };
    }
    return null;
  },
};
