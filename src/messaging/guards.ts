/**
 * Sender checks, run before any payload is parsed or any handler runs (design invariant 7).
 * Pure: the caller passes the sender and what it trusts, so hostile senders are table-tested.
 *
 * A content script carries our extension id too, and a compromised renderer can impersonate it,
 * so the id alone proves nothing: the site channel also requires a top-level frame of a supported
 * site, and the admin channel requires the options page itself.
 */

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface TrustConfig {
  extensionId: string;
  /** e.g. "chrome-extension://abc" (no trailing slash). */
  extensionOrigin: string;
  /** Origins the content script runs on, e.g. "https://www.facebook.com". */
  siteOrigins: readonly string[];
}

function originOf(sender: SenderLike): string | null {
  // Chrome gives `origin` (not spoofable by a compromised renderer); Firefox gives only `url`.
  if (sender.origin) return sender.origin;
  if (!sender.url) return null;
  try {
    return new URL(sender.url).origin;
  } catch {
    return null;
  }
}

export type Channel = 'site' | 'admin';

export function senderChannel(sender: SenderLike, trust: TrustConfig): Channel | null {
  if (sender.id !== trust.extensionId) return null;
  const origin = originOf(sender);
  if (!origin || origin === 'null') return null;
  if (origin === trust.extensionOrigin) {
    let path = '';
    try {
      path = new URL(sender.url ?? '').pathname;
    } catch {
      return null;
    }
    return path === '/options.html' ? 'admin' : null;
  }
  if (!sender.tab || typeof sender.tab.id !== 'number') return null;
  if (sender.frameId !== 0) return null;
  return trust.siteOrigins.some((allowed) => originMatches(allowed, origin)) ? 'site' : null;
}

/**
 * Does `origin` fall under an allowed origin? Exact, or for a `https://*.example.org` entry (a
 * site with many language subdomains, such as Wikipedia) any https subdomain of it, with no port,
 * no user info and only host-name characters: "https://en.wikipedia.org", never
 * "https://en.wikipedia.org.evil.example" or "https://evilwikipedia.org".
 */
export function originMatches(allowed: string, origin: string): boolean {
  if (allowed === origin) return true;
  if (!allowed.startsWith('https://*.')) return false;
  const suffix = allowed.slice('https://*'.length); // ".wikipedia.org"
  if (!origin.startsWith('https://') || !origin.endsWith(suffix)) return false;
  const sub = origin.slice('https://'.length, origin.length - suffix.length);
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(sub);
}
