/**
 * Site adapter registry. wxt.config / the content script's `matches` are derived from it, and so is
 * the background's sender allow-list, so a site is added in exactly one place.
 */
import { facebook } from './facebook';
import type { SiteAdapter } from './types';
import { x } from './x';
import { instagram } from './instagram';
import { threads } from './threads';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import { youtube } from './youtube';
import { tiktok, TIKTOK_EDITOR_HOOKS } from './tiktok';
import { bluesky, BLUESKY_EDITOR_HOOKS } from './bluesky';
import { whatsapp, WHATSAPP_EDITOR_HOOKS } from './whatsapp';
import { userSite } from './mastodon';
import { wikipedia, WIKIPEDIA_EDITOR_HOOKS } from './wikipedia';
import { originMatches } from '../messaging/guards';
import type { SiteId } from '../engine/types';

export const ADAPTERS: readonly SiteAdapter[] = [facebook, x, instagram, threads, linkedin, reddit, youtube, tiktok, bluesky, whatsapp, wikipedia];

export const SITE_ORIGINS: readonly string[] = ADAPTERS.flatMap((a) => a.origins);

export const MATCH_PATTERNS: string[] = SITE_ORIGINS.map((o) => `${o}/*`);

export function adapterFor(origin: string): SiteAdapter {
  // Origins the user added on the options page: Mastodon when the page is one, else generic.
  return ADAPTERS.find((a) => a.origins.some((o) => originMatches(o, origin))) ?? userSite;
}

/**
 * Each known site's own editor hooks (the anchors its adapter trusts first). When the editor the
 * user types in matches none of them, the adapter is running on its generic fallback and the
 * toolbar shows "limited protection" for the tab. m.facebook.com is generic by design (sites.md
 * §2.6), so it has no entry and never reports limited.
 */
export const EDITOR_HOOKS: Partial<Record<SiteId, string>> = {
  facebook: '[data-lexical-editor="true"]',
  x: '[data-testid^="tweetTextarea_"][role="textbox"], [data-testid="dmComposerTextInput"], [data-testid="chatComposerTextInput"], [data-testid="dm-composer-textarea"], .public-DraftEditor-content, textarea[name="description"]',
  tiktok: TIKTOK_EDITOR_HOOKS,
  bluesky: BLUESKY_EDITOR_HOOKS,
  whatsapp: WHATSAPP_EDITOR_HOOKS,
  // Wikipedia's adapter has the id 'other' (it is not a social site with per-site rule settings).
  other: WIKIPEDIA_EDITOR_HOOKS,
};

/** Is protection on this editor limited (the site is known but none of its hooks matched)? */
export function isLimited(origin: string, editor: Element): boolean {
  if (origin === 'https://m.facebook.com') return false;
  const adapter = ADAPTERS.find((a) => a.origins.some((o) => originMatches(o, origin)));
  const hooks = adapter && EDITOR_HOOKS[adapter.id];
  if (!hooks) return false;
  // Profile and recommendation fields are plain inputs the adapter recognises by its own label
  // tables (src/sites/social.ts): that is the site's hook for them, not the generic fallback.
  if (editor instanceof HTMLElement && ['profile', 'reference'].includes(adapter.surfaceOf(editor))) return false;
  return !editor.matches(hooks) && !editor.closest(hooks);
}
