/**
 * Bluesky (bsky.app). The composer is TipTap / ProseMirror (`.ProseMirror[contenteditable]`) inside
 * [data-testid="composePostView"]; Publish is [data-testid="composerPublishBtn"] (React Native Web
 * testID, language-independent), and Cmd/Ctrl+Enter publishes (sites.md §8). The publish button's
 * aria-label ("Publish post" / "Publish reply", localised) tells a post from a reply, through a
 * per-language table; when the testID is missing the same table finds the button.
 *
 * Follow (sites.md §8): `[data-testid="followBtn"]` with aria-label "Follow {name}" (localised); the
 * person is the list row (`[data-testid^="profileCard-"]`, href `/profile/{handle}`) or the profile
 * header (`profileHeaderDisplayName` and the handle in the URL). Bluesky has no follow requests.
 *
 * Fixtures: test/fixtures/sites/src/bluesky.tsx (new-post dialog, reply dialog in Polish),
 * social.tsx (a profile with Follow).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { followTarget, mergePerson, personFromText, personInCard, profilePagePerson, rawLabel, isPlainProfileField, profileSaveFrom } from './social';
import { ctrlEnter, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, isButton, labelOf, labelSet, type LabelTable } from './generic';

export const BLUESKY_EDITOR_HOOKS = '[data-testid="composePostView"] .ProseMirror, .ProseMirror[contenteditable="true"], .tiptap[contenteditable="true"]';

/** aria-label of the publish button on a reply [I: only en verified, from social-app's lingui ids]. */
export const BLUESKY_REPLY_LABELS: LabelTable = {
  en: ['publish reply', 'publish replies', 'reply'],
  cy: ['cyhoeddi ateb', 'ateb'],
  fr: ['publier la réponse', 'répondre'],
  es: ['publicar respuesta', 'responder'],
  de: ['antwort veröffentlichen', 'antworten'],
  pl: ['opublikuj odpowiedź', 'odpowiedz'],
};
export const BLUESKY_POST_LABELS: LabelTable = {
  en: ['publish post', 'post', 'post all'],
  cy: ['cyhoeddi neges', 'postio'],
  fr: ['publier le post', 'publier'],
  es: ['publicar post', 'publicar'],
  de: ['post veröffentlichen', 'posten'],
  pl: ['opublikuj wpis', 'opublikuj'],
};
const REPLY = labelSet(BLUESKY_REPLY_LABELS);
const PUBLISH = new Set([...REPLY, ...labelSet(BLUESKY_POST_LABELS)]);

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  origins: ['https://bsky.app'],
  editorFrom(path) {
    // The outermost ProseMirror root (TipTap nests no editables, but be safe).
    let found: HTMLElement | null = null;
    for (const el of elementsOf(path)) if (el.matches(BLUESKY_EDITOR_HOOKS)) found = el as HTMLElement;
    return found ?? genericEditorFrom(path);
  },
  surfaceOf(editor) {
    // The edit-profile bio (a plain text field labelled Bio / Description…): works-at.
    if (isPlainProfileField(editor)) return 'profile';
    const view = editor.closest('[data-testid="composePostView"], [role="dialog"]');
    const publish = view?.querySelector('[data-testid="composerPublishBtn"]');
    if (publish && REPLY.has(labelOf(publish))) return 'comment';
    if (publish) return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    const save = profileSaveFrom(path, isPlainProfileField);
    if (save) return save;
    for (const el of elementsOf(path)) {
      if (el.getAttribute('data-testid') === 'composerPublishBtn') return el as HTMLElement;
      if (isButton(el) && PUBLISH.has(labelOf(el))) return el;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => ctrlEnter(e),
  socialActionFrom(path) {
    for (const el of elementsOf(path)) {
      // The testID, or (hooks renamed) a button labelled "Follow {name}" in one of our languages.
      const byLabel = el.getAttribute('data-testid') !== 'followBtn' && (el instanceof HTMLButtonElement || el.getAttribute('role') === 'button') && !!followTarget(rawLabel(el));
      if (el.getAttribute('data-testid') !== 'followBtn' && !byLabel) continue;
      const card = el.closest('[data-testid^="profileCard-"]');
      const doc = el.ownerDocument;
      const header = doc.querySelector('[data-testid="profileHeaderDisplayName"]');
      const target = followTarget(rawLabel(el));
      const person = mergePerson(
        card ? personInCard(card) : null,
        card ? null : profilePagePerson(doc, '[data-testid="profileHeaderDisplayName"]'),
        !card && !header && target ? personFromText(target) : null,
      );
      return { action: 'follow', control: el as HTMLElement, person };
    }
    return null;
  },
};
