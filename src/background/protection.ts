/**
 * "Limited protection" on the toolbar icon. The content script reports, per tab, whether the site's
 * own hooks found the editor the user is typing in; when they did not (the site changed its markup
 * and the generic adapter is doing the work), the icon gets a badge and a title saying so. Trusted
 * side (background); the browser API is passed in so the logic is tested without a browser.
 */
import * as v from 'valibot';
import { t, type Locale } from '../i18n/content';
import { ProtectionReport } from '../messaging/protocol';

export interface BadgeState {
  text: string;
  title: string;
}

/** The badge and title for a level, in the user's language (the title is what a screen reader reads). */
export function badgeFor(level: ProtectionReport['level'], locale: Locale = 'en-GB'): BadgeState {
  return level === 'limited' ? { text: '!', title: t('action.limited', undefined, locale) } : { text: '', title: t('action.title', undefined, locale) };
}

export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setBadgeBackgroundColor?(details: { tabId: number; color: string }): Promise<void>;
}

/** Applies a report from a verified site sender. Returns whether the message was a valid report. */
export async function applyProtectionReport(raw: unknown, tabId: number, action: ActionApi, locale: Locale = 'en-GB'): Promise<boolean> {
  const parsed = v.safeParse(ProtectionReport, raw);
  if (!parsed.success) return false;
  const badge = badgeFor(parsed.output.level, locale);
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
