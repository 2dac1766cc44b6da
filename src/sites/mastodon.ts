/**
 * Mastodon (any instance the user adds on the options page) and, through `userSite`, any other
 * site the user adds. Mastodon's web UI composes in a plain <textarea> inside `form.compose-form`,
 * submits with `.compose-form__submit button[type="submit"]` or Ctrl/Cmd+Enter, and marks a reply
 * with `.reply-indicator` (sites.md §9). Forks (glitch-soc, Hometown) keep the form but may change
 * the button, so a per-language label table finds a submit button inside the compose form too.
 *
 * A user-added origin is not known at build time, so the content script gets `userSite`: it asks
 * the page whether it is a Mastodon web app (`#mastodon` / `form.compose-form`) each time, and
 * otherwise behaves as the generic adapter.
 *
 * Social actions (sites.md §9): on /follow_requests each `.account-authorize__wrapper` has the
 * requester's link `a.detailed-status__display-name[href="/@acct"]` and two buttons, the first
 * Authorise (its `title` localised); Follow on a profile is a button labelled Follow (per
 * language) in the account header, the person from the header's display name and the URL's
 * "/@acct". Profile settings (/settings/profile: `account[note]`, the metadata `fields_attributes`
 * values, the display name) are profile surfaces.
 *
 * Fixtures: test/fixtures/sites/src/mastodon.tsx (compose column, reply, Polish fork button),
 * social.tsx (a profile with Follow, /follow_requests, /settings/profile; `?hl=cy`).
 */
import type { SiteAdapter } from './types';
import type { SocialHit } from './social';
import { elementsOf } from './types';
import { ACCEPT, FOLLOW, mergePerson, personInCard, profileSaveFrom } from './social';
import { ctrlEnter, generic, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, isButton, labelOf, labelSet, type LabelTable } from './generic';

export const MASTODON_EDITOR_HOOKS = 'form.compose-form textarea';

/** Submit button text in the compose form (Post / Reply / Update / the old "Toot!"). */
export const MASTODON_SUBMIT_LABELS: LabelTable = {
  en: ['post', 'publish', 'publish!', 'toot!', 'reply', 'update', 'save changes'],
  cy: ['postio', 'cyhoeddi', 'ateb', 'diweddaru'],
  fr: ['publier', 'répondre', 'mettre à jour'],
  es: ['publicar', 'responder', 'actualizar'],
  de: ['veröffentlichen', 'posten', 'antworten', 'aktualisieren'],
  pl: ['opublikuj', 'wyślij', 'odpowiedz', 'aktualizuj'],
};
const SUBMIT = labelSet(MASTODON_SUBMIT_LABELS);

/** Profile settings fields: bio, metadata values, display name (Rails form names). */
function isProfileSetting(el: Element): boolean {
  const name = el.getAttribute('name') ?? '';
  return name === 'account[note]' || name === 'account[display_name]' || /^account\[fields_attributes\]\[\d+\]\[(name|value)\]$/.test(name);
}

function socialActionFrom(path: readonly EventTarget[]): SocialHit | null {
  for (const el of elementsOf(path)) {
    if (!isButton(el)) continue;
    const wrapper = el.closest('.account-authorize__wrapper');
    if (wrapper) {
      const buttons = [...wrapper.querySelectorAll('.account--panel__button button, button')];
      const title = (el.getAttribute('title') ?? '').trim().toLowerCase();
      // The first button is Authorise; its title is localised, so either counts.
      if (buttons[0] !== el && !ACCEPT.has(title) && !ACCEPT.has(labelOf(el))) return null;
      return { action: 'follow-accept', control: el, person: personInCard(wrapper, 'a.detailed-status__display-name, a[href^="/@"]') };
    }
    if (FOLLOW.has(labelOf(el)) && el.closest('.account__header, [class*="account__header"], .account')) {
      const doc = el.ownerDocument;
      const header = el.closest('.account__header, [class*="account__header"], .account') as Element;
      const nameEl = header.querySelector('.account__header__tabs__name h1, h1, .display-name__html');
      const first = (nameEl?.childNodes[0]?.textContent ?? nameEl?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const acct = /^\/(@[^/]+)/.exec(doc.location.pathname)?.[1];
      const card = header.matches('.account') ? personInCard(header) : undefined;
      return { action: 'follow', control: el, person: mergePerson(card, first ? { displayName: first } : null, acct ? { handle: acct } : null) };
    }
  }
  return null;
}

export function isMastodonPage(doc: Document): boolean {
  // The web app, or its server-rendered profile settings page (/settings/profile).
  return !!doc.querySelector('#mastodon, form.compose-form, textarea[name="account[note]"]');
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  origins: [],
  editorFrom(path) {
    for (const el of elementsOf(path)) if (el.matches(MASTODON_EDITOR_HOOKS)) return el as HTMLElement;
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (isProfileSetting(editor)) return 'profile';
    const form = editor.closest('form.compose-form');
    if (form) return form.querySelector('.reply-indicator') ? 'comment' : 'post';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    const save = profileSaveFrom(path, isProfileSetting);
    if (save) return save;
    for (const el of elementsOf(path)) {
      if (!isButton(el) || !el.closest('form.compose-form')) continue;
      if (el.closest('.compose-form__submit') || SUBMIT.has(labelOf(el))) return el;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => ctrlEnter(e),
  socialActionFrom,
};

/** For origins the user added: Mastodon when the page is a Mastodon web app, else generic. */
function pick(): SiteAdapter {
  return typeof document !== 'undefined' && isMastodonPage(document) ? mastodon : generic;
}

export const userSite: SiteAdapter = {
  get id() {
    return pick().id;
  },
  origins: [],
  editorFrom: (path) => pick().editorFrom(path),
  surfaceOf: (editor) => pick().surfaceOf(editor),
  submitControlFrom: (path) => pick().submitControlFrom(path),
  isKeyboardSubmit: (e, editor) => pick().isKeyboardSubmit(e, editor),
  socialActionFrom: (path) => pick().socialActionFrom?.(path) ?? null,
  recipientOf: (editor) => pick().recipientOf?.(editor) ?? null,
};
