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
 * Welsh / Polish labels and drop the BEM hooks), social.tsx (invitation manager, a profile with
 * Connect and Endorse, messaging with its header, the headline / position forms, the
 * recommendation form; `?hl=cy` / `?hl=pl`).
 *
 * Social actions (sites.md §5.2, §5.3): Connect is "Invite {Name} to connect" and Accept is
 * "Accept {Name}'s invitation" — the name is in the label, read with per-language patterns; a bare
 * "Connect" / "Accept" takes the person from its card (`componentkey^="auto-component-"`,
 * role=listitem, the invitation card) or the profile's h1. Endorse buttons are endorsements
 * (reference). Messaging's recipient is the conversation header (`.msg-overlay-bubble-header__title`,
 * `.msg-entity-lockup__entity-title`, the thread's profile link). Headline / position / about
 * fields are profile surfaces; the recommendation form's text is the 'reference' surface. Their
 * Save / Send is held until every field of the form is checked.
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSurfaceOf, isEditable, plainEnter } from './generic';
import { closestDeep, labelledControlFrom, formSubmitFrom } from './labels';
import { labelOf } from './generic';
import {
  ACCEPT,
  ADD_FRIEND,
  acceptName,
  inviteName,
  isEndorseLabel,
  isProfileField,
  isRecommendationField,
  mergePerson,
  personFromText,
  personInCard,
  profilePagePerson,
  profileSaveFrom,
  rawLabel,
  type SocialHit,
} from './social';

const CARD = '[componentkey^="auto-component-"], [role="listitem"], li, .invitation-card, .discover-entity-type-card';

function isRecommendation(editor: Element): boolean {
  return location.pathname.includes('/edit/forms/recommendation') || isRecommendationField(editor);
}

function isProfileEdit(editor: Element): boolean {
  return !isRecommendation(editor) && !editor.classList.contains('ql-editor') && !editor.classList.contains('msg-form__contenteditable') && isProfileField(editor);
}

function socialActionFrom(path: readonly EventTarget[]): SocialHit | null {
  for (const el of elementsOf(path)) {
    const buttonish = el instanceof HTMLButtonElement || el.getAttribute('role') === 'button' || (el instanceof HTMLAnchorElement && /custom-invite/.test(el.getAttribute('href') ?? ''));
    if (!buttonish) continue;
    const raw = rawLabel(el);
    const label = labelOf(el);
    const invited = inviteName(raw);
    const accepted = invited ? null : acceptName(raw);
    if (invited || accepted) {
      const card = el.closest(CARD);
      const person = mergePerson(personFromText((invited ?? accepted) as string), card ? personInCard(card) : null);
      return { action: invited ? 'friend-send' : 'friend-accept', control: el as HTMLElement, person };
    }
    if (isEndorseLabel(label)) return { action: 'endorse', control: el as HTMLElement };
    if (ADD_FRIEND.has(label) || ACCEPT.has(label)) {
      const card = el.closest(CARD);
      const person = (card && personInCard(card)) || profilePagePerson(el.ownerDocument, 'main h1, h1');
      if (!person) return null;
      return { action: ADD_FRIEND.has(label) ? 'friend-send' : 'friend-accept', control: el as HTMLElement, person };
    }
  }
  return null;
}

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
    if (isRecommendation(editor)) return 'reference';
    if (isProfileEdit(editor)) return 'profile';
    if (isMessageEditor(editor)) return 'message';
    if (isCommentEditor(editor) || editor.classList.contains('tiptap')) return 'comment';
    if (closestDeep(editor, '.share-creation-state__text-editor, [role="dialog"]')) return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.matches(SUBMIT_HOOKS)) return el as HTMLElement;
    }
    const save = profileSaveFrom(path, (f) => isRecommendation(f) || isProfileEdit(f));
    if (save) return save;
    return labelledControlFrom(path, LINKEDIN_SUBMIT_LABELS, COMPOSER_SCOPE) ?? formSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Messaging sends on Enter (LinkedIn's default); posts and comments on Ctrl/Cmd+Enter [I].
    if (isRecommendation(editor) || isProfileEdit(editor)) return false;
    if (isMessageEditor(editor)) return plainEnter(e);
    return ctrlEnter(e);
  },
  socialActionFrom,
  recipientOf(editor) {
    if (!isMessageEditor(editor)) return null;
    const convo = closestDeep(editor, '.msg-overlay-conversation-bubble, .msg-convo-wrapper, .msg-thread, [data-testid="msg-thread"], main, [role="main"]');
    if (!convo) return null;
    const title = convo.querySelector('.msg-overlay-bubble-header__title, .msg-entity-lockup__entity-title, .msg-thread__link-to-profile, h2');
    if (!title) return null;
    const link = title.closest('a[href]') ?? title.querySelector('a[href]');
    return mergePerson(personFromText(title.textContent ?? ''), link ? personInCard(link.parentElement ?? link) : null) ?? null;
  },
};
