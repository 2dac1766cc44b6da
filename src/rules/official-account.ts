/**
 * official-account (text side): when the user posts as one of the school's own accounts (the
 * background decides this from the pack's `school.handles` / name; the page only says which account
 * the site shows), the school's posting protocol applies instead of the personal-account rules
 * (policy 003 "Staff Protocol for use of Social Media" steps 1–2; policy 004 "school-sanctioned
 * social media"; policy 001 Appendix A.5):
 *   - a pupil named in a post that carries a photo or video (003 step 2: never name a child featured
 *     in a photograph; 004) — the content script says whether an attachment is on the composer;
 *   - a pupil whose record says "no photo consent" named at all, photo or not (003 step 1; 004).
 * Each finding's clause is the pack's clause followed by the protocol point that applies.
 * Naming a pupil with consent in a post without a photo is allowed on the school's own account
 * (celebrating achievements is what it is for), so pupil-name does not run there (engine/evaluate.ts
 * NOT_ON_OFFICIAL_ACCOUNTS). Pure detector: no browser API; consent is looked up through the hashed
 * name index.
 */
import { activeRule, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import type { Finding } from '../engine/types';
import { namesPupilWithoutConsent, PROTOCOL_NAME_IN_PHOTO, PROTOCOL_NO_CONSENT } from '../image/official';
import { pupilNameSpans } from './pupil-name';

export const meta: RuleMeta = {
  id: 'official-account',
  title: 'Posting as the school',
  defaultSeverity: 'high',
  description:
    "When posting as one of the school's own accounts: warns when a pupil is named in a post with a photo, or a pupil without photo consent is named at all.",
};

/** Longest clause a finding may carry across the site channel (protocol FindingOut). */
const MAX_CLAUSE = 2000;

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  if (!input.officialAccount) return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const out: Finding[] = [];
  for (const span of pupilNameSpans(input, compiled)) {
    const point = namesPupilWithoutConsent(compiled.names, input.text.slice(span.start, span.end))
      ? PROTOCOL_NO_CONSENT
      : input.hasMedia
        ? PROTOCOL_NAME_IN_PHOTO
        : null;
    if (!point) continue;
    const clause = `${point} ${active.clause}`.slice(0, MAX_CLAUSE);
    out.push({ rule: meta.id, start: span.start, end: span.end, severity: active.severity, title: active.title, clause });
  }
  return out;
}

/** The account a site shows the user posting as (src/sites `postingAs`), as the background receives it. */
export interface PostingAccount {
  handle?: string;
  displayName?: string;
}

function foldName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-GB');
}

function foldHandle(s: string): string {
  return s.normalize('NFKC').trim().replace(/^@/, '').toLocaleLowerCase('en-GB');
}

/**
 * Is this one of the school's own accounts? A handle matches one of the pack's `school.handles`
 * (without '@', any case; "name@instance" also matches a pack handle written without an instance);
 * with no handle shown (a Facebook Page posting as itself), a display name matches the school's
 * name or one of its aliases exactly (any case and spacing), never a part of it. Runs in the
 * background only: the page learns no more than the findings imply.
 */
export function isSchoolAccount(school: { name: string; aliases: readonly string[]; handles: readonly string[] }, account: PostingAccount | undefined): boolean {
  if (!account) return false;
  if (account.handle !== undefined) {
    const shown = foldHandle(account.handle);
    if (!shown) return false;
    const local = shown.split('@')[0] ?? shown;
    return school.handles.some((h) => {
      const own = foldHandle(h);
      return own !== '' && (own === shown || (!own.includes('@') && own === local));
    });
  }
  if (account.displayName !== undefined) {
    const shown = foldName(account.displayName);
    return shown !== '' && [school.name, ...school.aliases].some((n) => foldName(n) === shown);
  }
  return false;
}
