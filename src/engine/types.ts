/**
 * Shared engine types. Pure: no browser API. Lives on the trusted side (background, options, CLI),
 * but `Finding` is also what crosses to the content script, so it carries nothing from the class
 * list or the pack except the rule's public title and clause text.
 */

/** Stable rule ids (../shared/design.md). Sorted. */
export const RULE_IDS = [
  'confidential',
  'direct-message',
  'disclaimer',
  'friend-request',
  'image-text',
  'logo',
  'offensive',
  'official-account',
  'personal-info',
  'photo-location',
  'photo-people',
  'pupil-name',
  'reference',
  'school-email',
  'school-identity',
  'wiki-edit',
  'working-hours',
  'works-at',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['info', 'warn', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Site ids used by adapters and per-site exceptions in packs. */
export const SITE_IDS = [
  'facebook', 'x', 'instagram', 'linkedin', 'threads', 'tiktok', 'bluesky', 'mastodon', 'reddit',
  'youtube', 'whatsapp', 'other',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** One finding: a span of the user's own text (JS string offsets, end exclusive). */
export interface Finding {
  rule: RuleId;
  start: number;
  end: number;
  severity: Severity;
  /** Short public rule title from the pack, e.g. "Pupil's name". */
  title: string;
  /** The policy clause the warning cites, from the pack. */
  clause: string;
}

/** A person from a class list, as the matcher needs it (no display data). */
export type PersonRole = 'pupil' | 'former-pupil' | 'parent' | 'staff';
export interface PersonNames {
  role: PersonRole;
  /** Legal forename(s) as written, e.g. "Ellie-Mae". */
  forename: string;
  /** Preferred / known-as forename, if different. */
  preferred?: string;
  /** Surname as written, e.g. "van der Berg". */
  surname: string;
}

/**
 * Where on the site the text is written. 'profile': a bio, headline, workplace or other profile
 * field (works-at); 'reference': a recommendation / endorsement form (reference). Sorted as sent.
 */
export const TEXT_SURFACES = ['post', 'comment', 'message', 'profile', 'reference', 'other'] as const;
export type TextSurface = (typeof TEXT_SURFACES)[number];

/** What a check is run on. */
export interface CheckInput {
  text: string;
  site: SiteId;
  /** Absent: an ordinary post (the options page's test box, the CLI). */
  surface?: TextSurface;
}
