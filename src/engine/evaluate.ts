/**
 * Runs every enabled rule over one piece of text and returns the findings in text order.
 * Pure: no browser API; the background calls it with the warm `CompiledRuleSet`.
 */
import { RULES } from '../rules';
import { activeRule, type CompiledRuleSet, type RuleInput } from './compile';
import { isWordCode, tokenise } from './tokenise';
import type { CheckInput, Finding, RuleId } from './types';

/**
 * Only the first 20,000 characters are checked; text after them gets no findings (a known limit).
 * Nearly everything staff write is far shorter (an X post is 280 characters without Premium, a
 * LinkedIn post at most 3,000), and the cap bounds the work a page can make the background do with
 * one message. A word cut by the cap is dropped rather than matched as a shorter word.
 */
export const MAX_CHECK_CHARS = 20_000;

/** Truncates and tokenises once; every rule shares the result. */
export function prepareInput(input: CheckInput): RuleInput {
  let text = input.text;
  let truncated = false;
  if (text.length > MAX_CHECK_CHARS) {
    let cut = MAX_CHECK_CHARS;
    // Never split a surrogate pair.
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    text = text.slice(0, cut);
    truncated = true;
  }
  const tokens = tokenise(text);
  if (truncated) {
    const last = tokens[tokens.length - 1];
    // The last word runs on past the cap ("Carter" cut to "Cart"): it is not a word we saw whole.
    if (last && last.end + last.poss === text.length && isWordCode(input.text.codePointAt(text.length) as number)) {
      tokens.pop();
    }
  }
  const out: { -readonly [K in keyof RuleInput]: RuleInput[K] } = { text, site: input.site, tokens, surface: input.surface ?? 'other' };
  if (input.now) out.now = input.now;
  if (input.officialAccount) out.officialAccount = true;
  if (input.hasMedia) out.hasMedia = true;
  return out;
}

/**
 * Rules about staff's personal accounts that do not apply when the user posts as one of the school's
 * own accounts (rules/README.md, "Posting as the school"): the school's own account names the school
 * (school-identity, works-at) and speaks for it (disclaimer); pupils' names there follow the posting
 * protocol, reported by official-account instead of pupil-name.
 */
export const NOT_ON_OFFICIAL_ACCOUNTS: ReadonlySet<RuleId> = new Set<RuleId>(['disclaimer', 'pupil-name', 'school-identity', 'works-at']);

function byStartThenRule(a: Finding, b: Finding): number {
  return a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || a.end - b.end;
}

/** Findings of every rule that is on for `input.site`, sorted by start, then rule id, then end. */
export function evaluate(compiled: CompiledRuleSet, input: CheckInput): Finding[] {
  const active = RULES.filter(
    (r) => activeRule(compiled, r.meta.id, input.site) !== null && !(input.officialAccount && NOT_ON_OFFICIAL_ACCOUNTS.has(r.meta.id)),
  );
  if (active.length === 0) return [];
  const prepared = prepareInput(input);
  const findings: Finding[] = [];
  for (const rule of active) findings.push(...rule.detect(prepared, compiled));
  return withoutProfileDuplicates(findings).sort(byStartThenRule);
}

/**
 * In a profile field, the school's name is a works-at finding (the workplace clause); the same words
 * are not listed again as school-identity. Where works-at is off for the site (policy 003 allows
 * LinkedIn), school-identity still speaks for itself under its own settings.
 */
function withoutProfileDuplicates(findings: Finding[]): Finding[] {
  const worksAt = findings.filter((f) => f.rule === 'works-at');
  if (worksAt.length === 0) return findings;
  return findings.filter((f) => f.rule !== 'school-identity' || !worksAt.some((w) => w.start === f.start && w.end === f.end));
}
