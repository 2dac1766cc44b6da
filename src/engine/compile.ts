/**
 * Compiles a rule pack plus the class lists into everything the detectors need, once. The
 * background keeps the result warm and rebuilds it when the pack or a list changes.
 * Pure: no browser API.
 *
 * Also defines what a detector receives (`RuleInput`, `CompiledRuleSet`) and how a rule's pack
 * settings resolve for a site, so every rule module reads settings the same way.
 */
import type { Holiday, RulePack, RuleSettings, SiteOverride, WorkingHours } from '../pack/types';
import { MatcherBuilder, type PatternWord, type PhraseMatcher } from './matcher';
import { indexPeople, type NameIndex, type PersonInput, type PupilForenameKind, type PupilPatternKind } from './name-index';
import { prefixedNorm, tokenise, type Token } from './tokenise';
import type { Finding, LocalTime, RuleId, Severity, SiteId, Surface } from './types';
import { isOrdinaryWord } from './words';
import { DISCLAIMER_PHRASES } from './disclaimer-phrases';

export type { PupilForenameKind, PupilPatternKind } from './name-index';
/** Which part of the school profile a school-identity pattern came from. */
export type SchoolPatternKind = 'name' | 'handle' | 'hashtag';
/** A confidential-term pattern: the term as words, or written as one hashtag. */
export type ConfidentialPatternKind = 'term';
/** A "views are my own" phrase: built in (rules/disclaimer.ts) or from the pack's `terms`. */
export type DisclaimerPatternKind = 'disclaimer';

export interface CompiledRuleSet {
  /** Frozen copies of the pack's rule settings (absent rule = not run). */
  readonly settings: Readonly<Partial<Record<RuleId, Readonly<RuleSettings>>>>;
  /** Pupils' and former pupils' full names, nickname forms and "Surname, Forename" (keyed hashes). */
  readonly pupilNames: PhraseMatcher<PupilPatternKind>;
  /** Pupils' and former pupils' forenames and preferred names alone, not nicknames (keyed hashes). */
  readonly pupilForenames: PhraseMatcher<PupilForenameKind>;
  /** The whole name index: person facts for lookups (engine/person-lookup.ts), groups, tag runs. */
  readonly names: NameIndex;
  /** The school's name, aliases, handles and hashtags. */
  readonly schoolIdentity: PhraseMatcher<SchoolPatternKind>;
  /** The school's confidential terms (`rules.confidential.terms`), matched without case. */
  readonly confidentialTerms: PhraseMatcher<ConfidentialPatternKind>;
  /** Staff e-mail domains, lower-cased, without a leading '@', deduplicated ("holbrook.sch.uk"). */
  readonly schoolEmailDomains: readonly string[];
  /** Accepted disclaimer phrases: the built-in ones plus `rules.disclaimer.terms`. */
  readonly disclaimers: PhraseMatcher<DisclaimerPatternKind>;
  /** The school's extra offensive words (`rules.offensive.terms`), literal, any case. */
  readonly offensiveTerms: PhraseMatcher<'term'>;
  /** The school's working hours and days off, for the clock-driven reminders. */
  readonly workingHours?: Readonly<WorkingHours>;
  readonly holidays: readonly Readonly<Holiday>[];
}

/** What every detector receives: the (possibly truncated) text, its tokens, and the site. */
export interface RuleInput {
  readonly text: string;
  readonly site: SiteId;
  readonly tokens: readonly Token[];
  /** Where the text is written ('other' when the caller did not say). */
  readonly surface: Surface;
  /** The local time of the check; absent when the caller gave none (clock rules stay silent). */
  readonly now?: LocalTime;
  /** Posting as one of the school's own accounts (CheckInput.officialAccount). */
  readonly officialAccount?: boolean;
  /** A photo or video is attached (CheckInput.hasMedia). */
  readonly hasMedia?: boolean;
}

/** A rule module's public description, listed by the registry. */
export interface RuleMeta {
  readonly id: RuleId;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
}

export interface RuleModule {
  readonly meta: RuleMeta;
  readonly detect: (input: RuleInput, compiled: CompiledRuleSet) => Finding[];
}

/** A rule's settings after the per-site override, for a rule that is on. */
export interface ActiveRule {
  readonly severity: Severity;
  readonly title: string;
  readonly clause: string;
}

/**
 * The settings `rule` runs with on `site`, or null when it does not run there: the pack does not
 * configure it (a finding must cite the school's clause, which only the pack has), it is disabled,
 * or the site override disables it.
 */
export function activeRule(compiled: CompiledRuleSet, rule: RuleId, site: SiteId): ActiveRule | null {
  const s = compiled.settings[rule];
  if (!s) return null;
  const override = s.sites?.[site];
  if (!(override?.enabled ?? s.enabled)) return null;
  return { severity: override?.severity ?? s.severity, title: s.title, clause: s.clause };
}

/** A span of the user's text (JS string offsets, end exclusive), as every detector reports it. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Findings for `matches` (phrase matches or any other spans), decorated with the rule's resolved settings. */
export function findingsFor(rule: RuleId, active: ActiveRule, matches: readonly Span[]): Finding[] {
  return matches.map((m) => ({
    rule,
    start: m.start,
    end: m.end,
    severity: active.severity,
    title: active.title,
    clause: active.clause,
  }));
}

/** A literal phrase as pattern words: the same tokeniser as the text, so both fold alike. */
export function patternWords(phrase: string): PatternWord[] {
  return tokenise(phrase).map((t) => ({ norm: t.norm, poss: t.poss > 0 }));
}

/** Patterns made only of ordinary words need case evidence in the text (see words.ts). */
function needsCase(words: readonly PatternWord[]): boolean {
  return words.every((w) => isOrdinaryWord(w.norm));
}

/** "Holbrook Primary School" → "holbrookprimaryschool", the body of a matching '#'/'@' token. */
export function compactKey(words: readonly PatternWord[], withPossessive = false): string {
  let key = '';
  for (const w of words) key += withPossessive && w.poss ? w.norm + 's' : w.norm;
  return key;
}

/** Strip a leading '@'/'#' that people paste with the handle. */
function bareTag(s: string): string {
  const t = s.trim();
  return t.startsWith('@') || t.startsWith('#') ? t.slice(1) : t;
}

function compileSchoolIdentity(pack: RulePack): PhraseMatcher<SchoolPatternKind> {
  const b = new MatcherBuilder<SchoolPatternKind>();
  const school = pack.school;
  for (const phrase of [school.name, ...school.aliases]) {
    const words = patternWords(phrase);
    if (words.length === 0) continue;
    b.addPhrase(words, { needsCase: needsCase(words), allowHyphen: true, value: 'name' });
    // The name written as one tag or handle: "#HolbrookPrimarySchool", "@StMarysSchool".
    for (const withPoss of [false, true]) {
      const key = compactKey(words, withPoss);
      b.addCompact('#', prefixedNorm('#', key), 'name');
      b.addCompact('@', prefixedNorm('@', key), 'name');
    }
  }
  for (const handle of school.handles) {
    const body = bareTag(handle);
    b.addCompact('@', prefixedNorm('@', body), 'handle');
    // The account name used as a tag still names the school.
    b.addCompact('#', prefixedNorm('#', body), 'handle');
  }
  for (const tag of school.hashtags) {
    // Whitespace is not part of a tag; tolerate "Holbrook Pride" typed in the profile.
    b.addCompact('#', prefixedNorm('#', bareTag(tag).replace(/\s+/g, '')), 'hashtag');
  }
  return b.build();
}

/**
 * Confidential terms are deliberate phrases ("Ofsted inspection", "redundancy"): they match in any
 * case, as whole tokens, across a hyphen or a line break, and as one hashtag ("#OfstedInspection").
 */
function compileConfidentialTerms(pack: RulePack): PhraseMatcher<ConfidentialPatternKind> {
  const b = new MatcherBuilder<ConfidentialPatternKind>();
  for (const term of pack.rules.confidential?.terms ?? []) {
    const words = patternWords(term);
    if (words.length === 0) continue;
    b.addPhrase(words, { needsCase: false, allowHyphen: true, value: 'term' });
    b.addCompact('#', prefixedNorm('#', compactKey(words)), 'term');
  }
  return b.build();
}

/** Literal phrases, any case, whole tokens, across a hyphen or line break, also as one hashtag. */
function compilePhrases<T>(phrases: readonly string[], value: T, anyGap = false): PhraseMatcher<T> {
  const b = new MatcherBuilder<T>();
  for (const term of phrases) {
    const words = patternWords(term);
    if (words.length === 0) continue;
    b.addPhrase(words, { needsCase: false, allowHyphen: true, value });
    b.addCompact('#', prefixedNorm('#', compactKey(words)), value);
  }
  const m = b.build();
  return anyGap ? { ...m, anyGap: true } : m;
}

/** Lower-cased, '@'-less, trailing-dot-less, deduplicated domains (the parser does most of this already). */
function compileEmailDomains(pack: RulePack): readonly string[] {
  const out = new Set<string>();
  for (const d of pack.school.emailDomains) {
    let s = d.trim().toLowerCase();
    if (s.startsWith('@')) s = s.slice(1);
    while (s.endsWith('.')) s = s.slice(0, -1);
    if (s.includes('.')) out.add(s);
  }
  return Object.freeze([...out]);
}

/** Deep, frozen copies: the pack object may be edited or reused by the caller after compiling. */
function freezeSettings(pack: RulePack): CompiledRuleSet['settings'] {
  const out: Partial<Record<RuleId, Readonly<RuleSettings>>> = {};
  for (const [id, s] of Object.entries(pack.rules) as [RuleId, RuleSettings | undefined][]) {
    if (!s) continue;
    const sites: RuleSettings['sites'] = {};
    for (const [site, o] of Object.entries(s.sites ?? {}) as [SiteId, SiteOverride | undefined][]) {
      if (o) sites[site] = Object.freeze({ ...o });
    }
    out[id] = Object.freeze({ ...s, sites: Object.freeze(sites) });
  }
  return Object.freeze(out);
}

/**
 * Builds the compiled rule set from a pack and the class lists: the background passes the name
 * index built from the stored hashes; the CLI and tests may pass plain people, which are hashed
 * here with a fresh random key (engine/name-index.ts). The result holds no reference to `pack` or
 * `people`: later edits to them do not leak in.
 */
export function compileRuleSet(pack: RulePack, names: readonly PersonInput[] | NameIndex): CompiledRuleSet {
  const index = isNameIndex(names) ? names : indexPeople(names);
  return Object.freeze({
    settings: freezeSettings(pack),
    pupilNames: index.pupilNames,
    pupilForenames: index.pupilForenames,
    names: index,
    schoolIdentity: compileSchoolIdentity(pack),
    confidentialTerms: compileConfidentialTerms(pack),
    schoolEmailDomains: compileEmailDomains(pack),
    // "Views: my own", "views = my own": any punctuation between the words of a disclaimer.
    disclaimers: compilePhrases([...DISCLAIMER_PHRASES, ...(pack.rules.disclaimer?.terms ?? [])], 'disclaimer' as const, true),
    offensiveTerms: compilePhrases(pack.rules.offensive?.terms ?? [], 'term' as const),
    ...(pack.school.workingHours ? { workingHours: Object.freeze({ ...pack.school.workingHours, days: [...pack.school.workingHours.days] }) } : {}),
    holidays: Object.freeze((pack.school.holidays ?? []).map((h) => Object.freeze({ ...h }))),
  });
}

function isNameIndex(x: readonly PersonInput[] | NameIndex): x is NameIndex {
  return !Array.isArray(x);
}
