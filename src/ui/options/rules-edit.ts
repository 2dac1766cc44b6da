/**
 * Pure helpers for the rules editor on the options page (extension origin, trusted side): plain
 * labels, the bundled templates, edits that build fresh objects, and the export download.
 * No validation lives here: every pack the editor produces goes to the background as JSON text and
 * is parsed there by the one strict parser (src/pack/parse.ts), which words any refusal.
 */
import { SITE_IDS, type RuleId, type Severity, type SiteId } from '../../engine/types';
import type { RulePack, RuleSettings, SiteOverride } from '../../pack/types';
import { isSpecificTerm } from '../../pack/parse';
import { t } from '../../i18n';
import defaultPack from '../../../rules/default.json';
import holbrook from '../../../rules/templates/holbrook.json';
import localAuthority from '../../../rules/templates/local-authority.json';
import oakField from '../../../rules/templates/oak-field.json';
import take1 from '../../../rules/templates/take-1-studios.json';
import trust2024 from '../../../rules/templates/trust-2024.json';

/** The packs a school can start from, in the order shown. Each is sent as text to the parser. */
export const TEMPLATES: readonly { id: string; title: string; json: unknown }[] = [
  defaultPack,
  localAuthority,
  holbrook,
  oakField,
  trust2024,
  take1,
].map((p) => ({ id: p.id, title: p.title, json: p }));

/** The labels read in the user's language at render time (src/i18n: severity.*, site.other, rule.*, terms.*). */
export const severityLabel = (s: Severity): string => t(`severity.${s}`);

/** Site names are brand names, the same in every language; "other" is words. */
const SITE_NAMES: Record<Exclude<SiteId, 'other'>, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  tiktok: 'TikTok',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
};
export const siteLabel = (s: SiteId): string => (s === 'other' ? t('site.other') : SITE_NAMES[s]);

/** What each rule is about, in plain words (the legend of its fieldset; rules/README.md). */
export const ruleLabel = (id: RuleId): string => t(`rule.${id}`);

/** Rules whose `terms` the school fills in. */
export const TERMS_RULES = ['confidential', 'offensive', 'disclaimer'] as const satisfies readonly RuleId[];
type TermsRule = (typeof TERMS_RULES)[number];
export const hasTerms = (id: RuleId): id is TermsRule => (TERMS_RULES as readonly RuleId[]).includes(id);
/** What the terms box of a rule is called. */
export const termsLabel = (id: TermsRule): string => t(`terms.${id}`);

/**
 * The first term in the typed boxes that would match too much (fewer than two letters and no run
 * of two digits once normalised: "(a+)+$" reads as the word "a"), worded for the user; null when
 * every term is specific enough. The pack parser refuses the same terms (isSpecificTerm).
 */
export function vagueTerm(d: Draft): string | null {
  for (const id of TERMS_RULES) {
    const typed = d.terms[id];
    if (typed === undefined) continue;
    for (const [i, line] of typed.split('\n').entries()) {
      const term = line.trim();
      if (term && !isSpecificTerm(term)) return t('rules.terms.tooVague', { line: i + 1, label: termsLabel(id), term });
    }
  }
  return null;
}

/** Most important first; any other rule follows in the pack's own order. */
const DISPLAY_ORDER: readonly RuleId[] = [
  'pupil-name',
  'school-identity',
  'confidential',
  'offensive',
  'personal-info',
  'school-email',
  'disclaimer',
];

export function ruleOrder(pack: RulePack): RuleId[] {
  const present = Object.keys(pack.rules) as RuleId[];
  return [...DISPLAY_ORDER.filter((id) => present.includes(id)), ...present.filter((id) => !DISPLAY_ORDER.includes(id))];
}

/** A rule pack being edited: the pack, plus the terms boxes as typed (split only on save). */
export interface Draft {
  pack: RulePack;
  terms: Partial<Record<RuleId, string>>;
}

export function toDraft(pack: RulePack): Draft {
  const terms: Partial<Record<RuleId, string>> = {};
  for (const id of TERMS_RULES) {
    const r = pack.rules[id];
    if (r) terms[id] = (r.terms ?? []).join('\n');
  }
  return { pack, terms };
}

/** The pack a draft stands for: terms split one per line, blanks dropped, no list when empty. */
export function fromDraft(d: Draft): RulePack {
  const rules: Partial<Record<RuleId, RuleSettings>> = {};
  for (const [id, r] of Object.entries(d.pack.rules) as [RuleId, RuleSettings][]) {
    const out: RuleSettings = { ...r };
    const typed = d.terms[id];
    if (typed !== undefined) {
      const terms = typed
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean);
      if (terms.length) out.terms = terms;
      else delete out.terms;
    }
    rules[id] = out;
  }
  return { ...d.pack, rules };
}

/** A new draft with one rule changed; nothing is edited in place. */
export function editRule(d: Draft, id: RuleId, change: Partial<Pick<RuleSettings, 'enabled' | 'severity' | 'title' | 'clause'>>): Draft {
  const r = d.pack.rules[id];
  if (!r) return d;
  return { ...d, pack: { ...d.pack, rules: { ...d.pack.rules, [id]: { ...r, ...change } } } };
}

export function isOffOn(r: RuleSettings, site: SiteId): boolean {
  return r.sites?.[site]?.enabled === false;
}

/**
 * Switches a rule off (or back on) for one site: writes `sites[site].enabled = false`, or removes
 * that setting again. A site's severity override, if any, is kept; empty entries are dropped.
 */
export function setOffOn(d: Draft, id: RuleId, site: SiteId, off: boolean): Draft {
  const r = d.pack.rules[id];
  if (!r) return d;
  const sites: Partial<Record<SiteId, SiteOverride>> = {};
  for (const s of SITE_IDS) {
    const o: SiteOverride = { ...(r.sites?.[s] ?? {}) };
    if (s === site) {
      if (off) o.enabled = false;
      else delete o.enabled;
    }
    if (Object.keys(o).length) sites[s] = o;
  }
  const next: RuleSettings = { ...r };
  if (Object.keys(sites).length) next.sites = sites;
  else delete next.sites;
  return { ...d, pack: { ...d.pack, rules: { ...d.pack.rules, [id]: next } } };
}

export function setTerms(d: Draft, id: RuleId, text: string): Draft {
  return { ...d, terms: { ...d.terms, [id]: text } };
}

/** The export's file name: the pack id is already limited to letters, digits, '.', '_' and '-'. */
export function exportFileName(pack: RulePack): string {
  return `${pack.id}.second-look.json`;
}

/** The export's text: the pack as stored, which holds school details and rules and never people. */
export function exportText(pack: RulePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/**
 * Saves text as a file from the page itself: a Blob, an object URL and an <a download>. No request
 * is made. The URL is revoked after the browser has taken the download (revoking in the same task
 * can cancel it in some browsers).
 */
export function downloadText(doc: Document, fileName: string, text: string, revokeAfterMs = 1000): void {
  const view = doc.defaultView!;
  const url = view.URL.createObjectURL(new view.Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), revokeAfterMs);
}
