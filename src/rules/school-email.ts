/**
 * school-email: an e-mail address at one of the school's staff domains (`school.emailDomains`), or
 * a subdomain of one, typed on a social site (jane.smith@holbrook.sch.uk,
 * J.Smith@Staff.Holbrook.sch.uk). Pure detector: no browser API.
 *
 * The domain is compared by exact suffix on the lower-cased host (`host === d` or
 * `host.endsWith('.' + d)`), never by "registrable domain": `*.sch.uk` is a wildcard public suffix,
 * so a public-suffix library would call every school's domain a suffix
 * (/shared/reference/libraries.md §6). The scan is linear: find each '@', then grow the address left
 * over local-part characters and right over host characters; neither walk crosses another '@'.
 * The span is the whole address. A domain without a local part ("holbrook.sch.uk",
 * "@holbrook.sch.uk") and obfuscated forms ("jane at holbrook dot sch dot uk") do not fire.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta, type Span } from '../engine/compile';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'school-email',
  title: 'School e-mail address',
  defaultSeverity: 'warn',
  description: "Warns when a post contains an e-mail address at the school's own domain.",
};

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The usual local-part characters: letters, digits and . _ % + - (no quotes, no spaces). */
function isLocalCode(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/** Host characters: letters, digits, '.' and '-' (IDNs are written as xn--, as in the pack). */
function isHostCode(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** `host` is one of `domains` or a subdomain of one, with no empty label. */
function atSchoolDomain(host: string, domains: readonly string[]): boolean {
  if (host.includes('..')) return false;
  for (const d of domains) {
    if (host === d || (host.length > d.length && host.endsWith(d) && host.charCodeAt(host.length - d.length - 1) === 46)) {
      return true;
    }
  }
  return false;
}

/** Spans of school addresses in `text`, in text order. */
export function findSchoolEmails(text: string, domains: readonly string[]): Span[] {
  const out: Span[] = [];
  if (domains.length === 0) return out;
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && isLocalCode(text.charCodeAt(start - 1))) start--;
    // A sentence's full stop or a leading dot is not part of the address.
    while (start < at && text.charCodeAt(start) === 46) start++;
    let end = at + 1;
    while (end < text.length && isHostCode(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    if (start < at && end > at + 1 && atSchoolDomain(text.slice(at + 1, end).toLowerCase(), domains)) {
      out.push({ start, end });
    }
    // The host walk stopped at a non-host character or at the next '@'; resume from there.
    at = text.indexOf('@', Math.max(end, at + 1));
  }
  return out;
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  return findingsFor(meta.id, active, findSchoolEmails(input.text, compiled.schoolEmailDomains));
}
