/**
 * The one interface every site adapter implements. Adapters only find things in the page: which
 * element is an editor, which control submits which editor, which key press submits. No rule logic.
 * Functions take the event path / elements they need, so DOM tests can pass fixture documents.
 */
import type { SiteId } from '../engine/types';
import type { AUDIENCES, SURFACES } from '../messaging/protocol';
import type { PersonRef } from '../rules/person-match';
import type { SocialHit } from './social';

export type Surface = (typeof SURFACES)[number];

export interface SiteAdapter {
  id: SiteId;
  /** Origins the content script runs on (also the site channel's sender allow-list). */
  origins: readonly string[];
  /** The editor an event path goes through, or null. */
  editorFrom(path: readonly EventTarget[]): HTMLElement | null;
  /** What kind of place the editor is (post, comment, message…): shown in the warning. */
  surfaceOf(editor: HTMLElement): Surface;
  /** If this click path hits a control that submits an editor's text, that control. */
  submitControlFrom(path: readonly EventTarget[]): HTMLElement | null;
  /** Does this key press submit the editor it happens in? */
  isKeyboardSubmit(e: KeyboardEvent, editor: HTMLElement): boolean;
  /**
   * Social actions (optional): a friend / follow / connect / accept / endorse control on this click
   * path, and who it concerns as the page shows them (src/sites/social.ts).
   */
  socialActionFrom?(path: readonly EventTarget[]): SocialHit | null;
  /** The other person of a private-message composer (its conversation header), or null. */
  recipientOf?(editor: HTMLElement): PersonRef | null;
  /** Who a post will be shown to, where the composer says (Facebook's audience selector). */
  audienceOf?(editor: HTMLElement): Audience | null;
  /**
   * The account the user is posting as, where the page shows it (X's side-nav account switcher,
   * Facebook's Create-post header), or null. Only the background compares it with the school's own
   * accounts (official-account); the content script never sees the pack's handles.
   */
  postingAs?(editor: HTMLElement): PostingAs | null;
  /** Optional: a form submit by this control publishes nothing (Wikipedia's "Show preview"), so it is never held. */
  ignoresSubmit?(submitter: HTMLElement): boolean;
}

export type Audience = (typeof AUDIENCES)[number];

/** Who the page says is posting: a handle without '@' and / or the name shown. */
export interface PostingAs {
  handle?: string;
  displayName?: string;
}

/**
 * What of a `PostingAs` may go in a message: the background refuses a whole check whose account
 * breaks the protocol's caps (a handle of one visible token up to 100 characters, a name up to 200),
 * so an odd value the page shows is left out here rather than costing the check. Null when nothing is left.
 */
export function accountForMessage(a: PostingAs | null | undefined): PostingAs | null {
  if (!a) return null;
  const out: PostingAs = {};
  const handle = a.handle?.trim().replace(/^@/, '');
  if (handle && handle.length <= 100 && /^[^\s\p{Cc}]+$/u.test(handle)) out.handle = handle;
  const name = a.displayName?.replace(/\s+/g, ' ').trim();
  if (name && name.length <= 200) out.displayName = name;
  return out.handle !== undefined || out.displayName !== undefined ? out : null;
}

export function elementsOf(path: readonly EventTarget[]): Element[] {
  return path.filter((t): t is Element => typeof (t as Element).tagName === 'string');
}
