/**
 * Site adapter registry. wxt.config / the content script's `matches` are derived from it, and so is
 * the background's sender allow-list, so a site is added in exactly one place.
 */
import { facebook } from './facebook';
import { generic } from './generic';
import type { SiteAdapter } from './types';
import { x } from './x';

export const ADAPTERS: readonly SiteAdapter[] = [facebook, x];

export const SITE_ORIGINS: readonly string[] = ADAPTERS.flatMap((a) => a.origins);

export const MATCH_PATTERNS: string[] = SITE_ORIGINS.map((o) => `${o}/*`);

export function adapterFor(origin: string): SiteAdapter {
  return ADAPTERS.find((a) => a.origins.includes(origin)) ?? generic;
}
