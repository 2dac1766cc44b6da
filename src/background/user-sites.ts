/**
 * Sites the user adds on the options page ("Other sites": a Mastodon instance or any other site).
 * The options page asks for the optional host permission for that one origin from the user's click
 * (`permissions.request` needs the gesture); this module, in the background, then registers the
 * same content script for it with `scripting.registerContentScripts`, and it is the source of the
 * extra origins the site channel accepts messages from. Trusted side; the browser APIs are passed
 * in, so every path is tested without a browser.
 *
 * The list of sites is not stored anywhere else: it is the registered scripts whose host permission
 * is still granted (revoking the permission in the browser's settings removes the site).
 */
import { originMatches } from '../messaging/guards';
import * as v from 'valibot';
import { SitesMessage, type SitesResponse } from '../messaging/protocol';
import { t } from '../i18n';

export const SCRIPT_PREFIX = 'user-site:';
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

export type OriginResult = { ok: true; origin: string } | { ok: false; error: string };

/**
 * What the user typed ("mastodon.social", "https://mastodon.social/@me") → "https://mastodon.social".
 * Only https, a real host name with a dot, no credentials, no port other than the default, no
 * wildcard; the sites the extension already covers are refused (they need no permission).
 */
// Messages in the user's language: the options page checks an address with this same function
// before asking the background (where the default, English, applies to the rare refusal).
export function normaliseOrigin(input: string, builtIn: readonly string[] = []): OriginResult {
  const raw = input.trim();
  if (!raw) return { ok: false, error: t('sites.error.empty') };
  if (raw.length > 300) return { ok: false, error: t('sites.error.tooLong') };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^https:\/\//i.test(raw)) {
    return { ok: false, error: t('sites.error.https') };
  }
  let url: URL;
  try {
    url = new URL(/^https:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, error: t('sites.error.notAddress') };
  }
  if (url.username || url.password) return { ok: false, error: t('sites.error.userInfo') };
  if (url.port) return { ok: false, error: t('sites.error.port') };
  const host = url.hostname;
  if (host.includes('*') || !/^[a-z0-9.-]+$/.test(host) || !host.includes('.') || host.startsWith('.') || host.endsWith('.')) {
    return { ok: false, error: t('sites.error.notName') };
  }
  if (/^[0-9.]+$/.test(host)) return { ok: false, error: t('sites.error.ipAddress') };
  const origin = `https://${host}`;
  if (builtIn.some((b) => originMatches(b, origin))) return { ok: false, error: t('sites.error.covered') };
  return { ok: true, origin };
}

export function patternFor(origin: string): string {
  return `${origin}/*`;
}

export function scriptIdFor(origin: string): string {
  return SCRIPT_PREFIX + origin;
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The parts of browser.scripting / browser.permissions this module uses. */
export interface SitesApi {
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: {
    id: string;
    matches: string[];
    js: string[];
    runAt: 'document_start';
    allFrames: false;
    persistAcrossSessions: true;
  }[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  containsOrigin(pattern: string): Promise<boolean>;
  removeOrigin(pattern: string): Promise<boolean>;
}

export class UserSites {
  /** Origins the site channel accepts, kept in memory for the synchronous sender check. */
  private origins: string[] = [];
  readonly ready: Promise<void>;

  constructor(
    private readonly api: SitesApi,
    private readonly builtIn: readonly string[],
  ) {
    this.ready = this.reconcile();
  }

  current(): readonly string[] {
    return this.origins;
  }

  /** Drops registrations whose permission is gone, and refreshes the trusted origins. */
  async reconcile(): Promise<void> {
    const scripts = (await this.api.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
    const keep: string[] = [];
    for (const s of scripts) {
      const origin = s.id.slice(SCRIPT_PREFIX.length);
      const valid = normaliseOrigin(origin, this.builtIn);
      if (valid.ok && valid.origin === origin && (await this.api.containsOrigin(patternFor(origin)))) keep.push(origin);
      else await this.api.unregisterContentScripts({ ids: [s.id] });
    }
    this.origins = keep.sort();
  }

  async handle(raw: unknown): Promise<SitesResponse> {
    const parsed = v.safeParse(SitesMessage, raw);
    if (!parsed.success) return { ok: false, error: 'That request was not understood.' };
    const msg = parsed.output;
    await this.ready;
    if (msg.type === 'listSites') {
      await this.reconcile();
      return { ok: true, sites: [...this.origins] };
    }
    const norm = normaliseOrigin(msg.origin, this.builtIn);
    if (!norm.ok) return norm;
    if (norm.origin !== msg.origin) return { ok: false, error: 'That request was not understood.' };
    const origin = norm.origin;
    const id = scriptIdFor(origin);
    const registered = (await this.api.getRegisteredContentScripts()).some((s) => s.id === id);
    if (msg.type === 'addSite') {
      // The permission is asked for on the options page, from the click; without it, nothing.
      if (!(await this.api.containsOrigin(patternFor(origin)))) {
        return { ok: false, error: t('sites.error.notAllowed', { origin }) };
      }
      if (!registered) {
        await this.api.registerContentScripts([
          { id, matches: [patternFor(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
        ]);
      }
    } else {
      if (registered) await this.api.unregisterContentScripts({ ids: [id] });
      await this.api.removeOrigin(patternFor(origin));
    }
    await this.reconcile();
    return { ok: true, sites: [...this.origins] };
  }
}

export function isSitesMessage(raw: unknown): boolean {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return type === 'listSites' || type === 'addSite' || type === 'removeSite';
}
