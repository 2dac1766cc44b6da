/**
 * Instagram (www.instagram.com), sites.md §4. Comments are a <textarea> in a form with a "Post"
 * control (div[role=button] or button, localised) and Enter submits; the new-post caption is a
 * contenteditable (Lexical on current builds) in the create dialog with a localised "Share"
 * control; DMs are a Lexical editor where Enter sends. Anchors, most stable first: the Lexical
 * marker, textarea/contenteditable (generic), then per-language label tables.
 *
 * Fixtures: test/fixtures/sites/src/instagram.tsx (caption dialog with Lexical, comment form with a
 * textarea, DM box with Lexical; `?hl=pl` / `?hl=cy` render Polish / Welsh labels), social.tsx
 * (a profile with Follow, the follow-requests panel, the edit-profile bio).
 *
 * Social actions (sites.md §4): Follow / Follow Back and the follow-request Confirm are buttons with
 * obfuscated classes, so they are found by label (per language); the person is the row around the
 * button (its profile link "/handle/" and name) or, on a profile page, the handle in the URL and the
 * header's heading. The DM recipient is the conversation's "Conversation with …" label or its
 * header link. The bio (Edit profile, `#pepBio` [I]) is a profile surface.
 */
import type { SiteAdapter } from './types';
import { genericSurfaceOf, lexicalEditorFrom, plainEnter } from './generic';
import { editorLabel, labelledControlFrom, formSubmitFrom } from './labels';
import {
  ACCEPT,
  FOLLOW,
  isProfileField,
  labelledButtonFrom,
  nearestCardPerson,
  personInCard,
  profilePagePerson,
  profileSaveFrom,
  recipientFromConversationLabel,
  type SocialHit,
} from './social';

function isBio(editor: Element): boolean {
  return editor.id === 'pepBio' || (editor instanceof HTMLTextAreaElement && isProfileField(editor));
}

/** Not a profile: /p/…, /reel/…, /direct/…, /explore/… (sites.md §4 "profile detection"). */
const NOT_PROFILE = /^\/(p|reel|reels|direct|explore|accounts|stories)\//;

function socialActionFrom(path: readonly EventTarget[]): SocialHit | null {
  const follow = labelledButtonFrom(path, FOLLOW);
  const accept = follow ? null : labelledButtonFrom(path, ACCEPT);
  const control = follow ?? accept;
  if (!control) return null;
  const doc = control.ownerDocument;
  const row = nearestCardPerson(control);
  const onProfile = !NOT_PROFILE.test(doc.location.pathname) && !!control.closest('header');
  const person = row ?? (onProfile ? profilePagePerson(doc, 'header h2, header h1') : undefined);
  // A Confirm with nobody next to it is some other dialog's button.
  if (!person) return null;
  return { action: follow ? 'follow' : 'follow-accept', control, person };
}

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
  editorFrom: lexicalEditorFrom,
  surfaceOf(editor) {
    if (isBio(editor)) return 'profile';
    if (isMessageEditor(editor)) return 'message';
    if (isCommentEditor(editor)) return 'comment';
    if (editor.closest('[role="dialog"]')) return 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    return profileSaveFrom(path, isBio) ?? labelledControlFrom(path, INSTAGRAM_SUBMIT_LABELS) ?? formSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    // Comments and DMs send on Enter; in the caption Enter is a new line and only "Share" posts.
    if (isBio(editor)) return false;
    if (isMessageEditor(editor) || isCommentEditor(editor)) return plainEnter(e);
    return false;
  },
  socialActionFrom,
  recipientOf(editor) {
    if (!isMessageEditor(editor)) return null;
    const fromLabel = recipientFromConversationLabel(editor);
    if (fromLabel) return fromLabel;
    const header = editor.closest('[role="main"], section')?.querySelector('header, [role="banner"]');
    return (header && personInCard(header)) || null;
  },
};
