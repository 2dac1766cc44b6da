/**
 * "Limited protection" on the toolbar icon. The content script reports, per tab, whether the site's
 * own hooks found the editor the user is typing in; when they did not (the site changed its markup
 * and the generic adapter is doing the work), the icon gets a badge and a title saying so. Trusted
 * side (background); the browser API is passed in so the logic is tested without a browser.
 */
import * as v from 'valibot';
import { ProtectionReport } from '../messaging/protocol';

export const DEFAULT_TITLE = 'Second Look settings';
export const LIMITED_TITLE =
  'Second Look: limited protection on this page. The site has changed and its usual hooks were not found; ' +
  'what you type is still checked, but some buttons may not be held.';

export interface BadgeState {
  text: string;
  title: string;
}

export function badgeFor(level: ProtectionReport['level']): BadgeState {
  return level === 'limited' ? { text: '!', title: LIMITED_TITLE } : { text: '', title: DEFAULT_TITLE };
}

export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setBadgeBackgroundColor?(details: { tabId: number; color: string }): Promise<void>;
}

/** Applies a report from a verified site sender. Returns whether the message was a valid report. */
export async function applyProtectionReport(raw: unknown, tabId: number, action: ActionApi): Promise<boolean> {
  const parsed = v.safeParse(ProtectionReport, raw);
  if (!parsed.success) return false;
  const badge = badgeFor(parsed.output.level);
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setTitle({ tabId, title: badge.title }),
    badge.text ? action.setBadgeBackgroundColor?.({ tabId, color: '#b45309' }) : undefined,
  ]);
  return true;
}

export function isProtectionReport(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'protection';
}
