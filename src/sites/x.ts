/**
 * X (x.com, twitter.com). The composer is Draft.js with language-independent data-testids
 * (tweetTextarea_N, tweetButton / tweetButtonInline, dmComposer*); Ctrl/Cmd+Enter posts
 * (sites.md §3). Falls back to the generic adapter.
 *
 * Social actions (sites.md §3.4, §3.5): Follow is `[data-testid$="-follow"]` ({userId}-follow) whose
 * aria-label embeds "@handle" in every language; follow-request approval (/follower_requests) is an
 * Accept control in a `UserCell`, found by label; the person comes from the control's label, the
 * UserCell, or the profile header (`UserName`). The DM recipient is read from the conversation
 * header (`DM_Conversation_Avatar` / the conversation's profile link, else its heading). The bio is
 * `textarea[name="description"]` in /settings/profile, a profile surface.
 *
 * Fixtures: test/fixtures/sites/src/x.tsx (home composer and reply box), social.tsx (a profile
 * with Follow, /follower_requests, a DM conversation with its header, the edit-profile bio;
 * `?hl=pl` renders Polish labels).
 */
import type { PostingAs, SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, labelOf, plainEnter } from './generic';
import { ACCEPT, followTarget, isProfileField, mergePerson, personFromText, personInCard, profileSaveFrom, rawLabel, type SocialHit } from './social';

const DM_EDITORS = new Set(['dmComposerTextInput', 'chatComposerTextInput', 'dm-composer-textarea']);

function isDmEditor(editor: HTMLElement): boolean {
  return DM_EDITORS.has(editor.getAttribute('data-testid') ?? '') || !!editor.closest('[data-testid="dmComposerTextInput"]');
}

function isBio(editor: HTMLElement): boolean {
  return editor.getAttribute('name') === 'description' || (editor instanceof HTMLTextAreaElement && isProfileField(editor));
}

/** The profile the page shows: `UserName` holds the display name and "@handle". */
function profileHeaderPerson(doc: Document) {
  const header = doc.querySelector('[data-testid="UserName"]');
  if (!header) return undefined;
  const parts = [...header.querySelectorAll('div[dir="ltr"], span')].map((e) => (e.textContent ?? '').trim()).filter(Boolean);
  const handle = parts.find((t) => /^@\w{1,15}$/.test(t));
  const name = parts.find((t) => !t.startsWith('@'));
  return mergePerson(name ? { displayName: name } : null, handle ? { handle } : null);
}

/**
 * The signed-in account: the side-nav account switcher (`SideNav_AccountSwitcher_Button`) holds the
 * avatar `UserAvatar-Container-{screen name}`, the display name and "@handle" (sites.md §3.6).
 * The small-screen layout has no side nav; there the account is unknown (null).
 */
export function xPostingAs(doc: Document): PostingAs | null {
  const button = doc.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]');
  if (!button) return null;
  const texts = [...button.querySelectorAll('span')]
    .filter((e) => !e.querySelector('span'))
    .map((e) => (e.textContent ?? '').trim())
    .filter(Boolean);
  const shown = texts.find((t) => /^@\w{1,15}$/.test(t))?.slice(1);
  const avatar = button.querySelector('[data-testid^="UserAvatar-Container-"]')?.getAttribute('data-testid')?.slice('UserAvatar-Container-'.length);
  const handle = shown ?? (avatar && /^\w{1,15}$/.test(avatar) ? avatar : undefined);
  const displayName = texts.find((t) => !t.startsWith('@'))?.slice(0, 200);
  if (!handle && !displayName) return null;
  return { ...(handle ? { handle } : {}), ...(displayName ? { displayName } : {}) };
}

function socialActionFrom(path: readonly EventTarget[]): SocialHit | null {
  for (const el of elementsOf(path)) {
    const testid = el.getAttribute('data-testid') ?? '';
    if (testid.endsWith('-follow') && !testid.endsWith('-unfollow')) {
      // "Follow @evie_carter" in any language: the handle is the one token after '@'.
      const handle = /@(\w{1,15})/.exec(rawLabel(el))?.[1];
      const cell = el.closest('[data-testid="UserCell"], [data-testid="HoverCard"]');
      const person = mergePerson(handle ? { handle } : null, cell ? personInCard(cell) : null, cell ? null : profileHeaderPerson(el.ownerDocument));
      return { action: 'follow', control: el as HTMLElement, person };
    }
    // Hooks renamed: a button whose label is "Follow @handle" in any of our languages still is one.
    const target = (el instanceof HTMLButtonElement || el.getAttribute('role') === 'button') ? followTarget(rawLabel(el)) : null;
    if (target && /^@\w{1,15}$/.test(target)) {
      const cell = el.closest('[data-testid="UserCell"]');
      return { action: 'follow', control: el as HTMLElement, person: mergePerson({ handle: target.slice(1) }, cell ? personInCard(cell) : null) };
    }
    if ((el instanceof HTMLButtonElement || el.getAttribute('role') === 'button') && ACCEPT.has(labelOf(el))) {
      const cell = el.closest('[data-testid="UserCell"]');
      if (!cell) continue;
      return { action: 'follow-accept', control: el as HTMLElement, person: personInCard(cell) };
    }
  }
  return null;
}

export const x: SiteAdapter = {
  id: 'x',
  origins: ['https://x.com', 'https://twitter.com', 'https://mobile.x.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      const testid = el.getAttribute('data-testid') ?? '';
      if (testid.startsWith('tweetTextarea_') && el.getAttribute('role') === 'textbox') return el as HTMLElement;
      if (DM_EDITORS.has(testid)) return el as HTMLElement;
      if (el.classList.contains('public-DraftEditor-content')) return el as HTMLElement;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (isDmEditor(editor)) return 'message';
    if (isBio(editor)) return 'profile';
    if (editor.closest('[data-testid="reply"], [aria-label*="Reply" i]')) return 'comment';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      const testid = el.getAttribute('data-testid') ?? '';
      if (testid.startsWith('tweetButton') || testid === 'dmComposerSendButton' || testid === 'Profile_Save_Button') return el as HTMLElement;
    }
    const save = profileSaveFrom(path, (f) => f instanceof HTMLElement && isBio(f));
    if (save) return save;
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    if (isDmEditor(editor)) return plainEnter(e);
    return ctrlEnter(e);
  },
  socialActionFrom,
  postingAs(editor) {
    // A private message is sent as the user too, but the posting protocol is about posts.
    if (isDmEditor(editor)) return null;
    return xPostingAs(editor.ownerDocument);
  },
  recipientOf(editor) {
    if (!isDmEditor(editor)) return null;
    // The open conversation: its header avatar links to the other person's profile ("/evie_carter"),
    // and its heading holds their display name. [I: testids of the 2025 DM header]
    const convo = editor.closest('[data-testid="DmActivityContainer"], [data-testid="DMDrawer"], section, main');
    if (!convo) return null;
    const header = convo.querySelector('[data-testid="DM_Conversation_Header"], [data-testid="DmActivityViewport"] header, [data-testid="DM_Conversation_Avatar"]');
    const avatarLink = convo.querySelector('[data-testid="DM_Conversation_Avatar"] a[href], a[data-testid="DM_Conversation_Avatar"]');
    const heading = convo.querySelector('h2[role="heading"], h2');
    return (
      mergePerson(
        header ? personInCard(header) : null,
        avatarLink ? personInCard(avatarLink.parentElement ?? avatarLink) : null,
        heading ? personFromText(heading.textContent ?? '') : null,
      ) ?? null
    );
  },
};
