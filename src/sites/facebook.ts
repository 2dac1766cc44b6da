/**
 * Facebook (www.facebook.com). Composers are Lexical editors; Post and Comment are role=button
 * divs with localised aria-labels (sites.md §2). Anchors, most stable first: the Lexical marker,
 * #focused-state-composer-submit, role=button + a per-language label table, then the generic
 * adapter.
 *
 * Social actions (sites.md §2.4, §2.5): Confirm / Confirm request and Add friend are role=button
 * controls with localised aria-labels; who the request is from comes from the card around the
 * control (its profile link and name, or the avatar's aria-label), else the profile page header.
 * Messenger's recipient comes from the conversation's "Conversation with …" label or its header.
 * Workplace / intro / bio fields (About → Work and education, Edit intro) are profile surfaces and
 * their Save is held until every field of the form is checked. The Create-post dialog's audience
 * button ("Edit privacy. Sharing with Public") says whether a post is public.
 *
 * Fixtures: test/fixtures/sites/src/facebook.tsx (Create-post dialog with the audience button,
 * comment form, message form), facebook-messenger.tsx (/messages Lexical chat with its header,
 * group composer), facebook-mobile.tsx (m.facebook.com, generic adapter), social.tsx
 * (/friends/requests cards, a profile with Add friend, the work and education form; `?hl=cy` /
 * `?hl=pl` render Welsh / Polish labels).
 */
import type { PostingAs, SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericSubmitFrom, genericSurfaceOf, labelOf, lexicalEditorFrom, plainEnter } from './generic';
import {
  ACCEPT,
  ADD_FRIEND,
  FOLLOW,
  isProfileField,
  personFromText,
  personInCard,
  profilePagePerson,
  profileSaveFrom,
  recipientFromConversationLabel,
  type SocialHit,
} from './social';

/** Cards a friend request or suggestion sits in (the requests page, the jewel, People you may know). */
const REQUEST_CARD = '[role="listitem"], [role="article"], [data-visualcompletion="ignore-dynamic"], li';

/** "Posting as Holbrook Primary School" / "Post as …" (a Page's voice switcher) [I: en wording]. */
const POSTING_AS = /^(?:posting|post|you're posting|you are posting|commenting|comment) as\s+(.+?)\.?$/i;

/**
 * Who a Create-post dialog posts as: the voice switcher's label where a Page admin can choose
 * ("Posting as {Page}"), else the header of the dialog: the avatar (`svg[role="img"][aria-label]`,
 * sites.md §2.4) and the profile link around it or next to it (its path is the vanity handle unless
 * it is profile.php). Outside the dialog (comments, Messenger) null.
 */
export function facebookPostingAs(editor: HTMLElement): PostingAs | null {
  const dialog = editor.closest('[role="dialog"]');
  if (!dialog) return null;
  for (const el of dialog.querySelectorAll('[aria-label]')) {
    const m = POSTING_AS.exec((el.getAttribute('aria-label') ?? '').trim());
    if (m?.[1]) return { displayName: m[1].slice(0, 200) };
  }
  const avatar = dialog.querySelector('svg[role="img"][aria-label]');
  if (!avatar || avatar.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_PRECEDING) return null;
  const displayName = (avatar.getAttribute('aria-label') ?? '').trim().slice(0, 200);
  const link = avatar.closest('a[href]') ?? avatar.parentElement?.closest('div')?.querySelector('a[href]') ?? null;
  let handle: string | undefined;
  const href = link?.getAttribute('href');
  if (href) {
    try {
      const u = new URL(href, 'https://www.facebook.com');
      const seg = u.pathname.split('/').filter(Boolean);
      if (seg.length === 1 && seg[0] !== 'profile.php' && /^[\w.]{1,80}$/.test(seg[0] as string)) handle = seg[0];
    } catch {
      /* not a link we can read */
    }
  }
  if (!handle && !displayName) return null;
  return { ...(handle ? { handle } : {}), ...(displayName ? { displayName } : {}) };
}

/** The audience button in the composer: "Edit privacy. Sharing with Public." [I: en wording seen in captures]. */
const PRIVACY_LABEL = /privacy|preifatrwydd|confidentialité|privacidad|privatsphäre|prywatno/;
const PUBLIC_WORD = /\b(public|cyhoeddus|público|öffentlich|publiczn\w*)\b/u;

/** Workplace / intro / bio fields, by their own label (the URL varies: About tab, Edit intro dialog). */
function isWorkplaceField(el: Element): boolean {
  return !el.hasAttribute('data-lexical-editor') && isProfileField(el);
}

function socialActionFrom(path: readonly EventTarget[]): SocialHit | null {
  for (const el of elementsOf(path)) {
    if (el.getAttribute('role') !== 'button' && !(el instanceof HTMLButtonElement)) continue;
    const label = labelOf(el);
    // Follow: profiles in professional mode offer Follow instead of Add friend (sites.md §2.4).
    const action = ACCEPT.has(label) ? 'friend-accept' : ADD_FRIEND.has(label) ? 'friend-send' : FOLLOW.has(label) ? 'follow' : null;
    if (!action) continue;
    const card = el.closest(REQUEST_CARD);
    const person = (card && personInCard(card)) || profilePagePerson(el.ownerDocument, '[role="main"] h1');
    // "Confirm" alone is also the label of unrelated dialogs: only a control with a person counts.
    if (!person) return null;
    return { action, control: el as HTMLElement, person };
  }
  return null;
}

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
  editorFrom: lexicalEditorFrom,
  surfaceOf(editor) {
    if (isWorkplaceField(editor)) return 'profile';
    if (isCommentEditor(editor)) return 'comment';
    if (isMessenger(editor)) return 'message';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    const save = profileSaveFrom(path, isWorkplaceField);
    if (save) return save;
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
  socialActionFrom,
  recipientOf(editor) {
    if (!isMessenger(editor) || isCommentEditor(editor)) return null;
    const fromLabel = recipientFromConversationLabel(editor);
    if (fromLabel) return fromLabel;
    // The conversation header: the first profile link of the main column's banner / header.
    const main = editor.closest('[role="main"], [role="dialog"], [role="complementary"]');
    const header = main?.querySelector('[data-testid="mw_chat_header"], [role="banner"], header, h2');
    if (!header) return null;
    return personInCard(header) ?? personFromText(header.textContent ?? '');
  },
  postingAs(editor) {
    return facebookPostingAs(editor);
  },
  audienceOf(editor) {
    const dialog = editor.closest('[role="dialog"]');
    if (!dialog) return null;
    for (const b of dialog.querySelectorAll('[role="button"][aria-label], button[aria-label]')) {
      const label = labelOf(b);
      if (PRIVACY_LABEL.test(label)) return PUBLIC_WORD.test(label) ? 'public' : 'restricted';
    }
    return null;
  },
};
