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
 * What kind of box the user is writing in. The content script's adapter says which; the engine only
 * reads it for rules that depend on it: 'profile' (a bio, headline or workplace field) for works-at,
 * 'reference' (a recommendation / endorsement form) for reference, 'wiki-edit' (set by a Wikipedia
 * edit-form adapter) for wiki-edit; 'message', 'profile' and 'reference' turn the disclaimer off.
 */
export const SURFACES = ['post', 'comment', 'message', 'profile', 'reference', 'wiki-edit', 'other'] as const;
export type Surface = (typeof SURFACES)[number];

/**
 * The user's local wall-clock time when the check runs (engine/clock.ts). Passed in rather than read
 * inside rules, so clock-driven rules are pure and testable with a fixed time.
 */
export interface LocalTime {
  /** Local calendar date, ISO yyyy-mm-dd. */
  readonly date: string;
  /** 0 = Monday … 6 = Sunday (the order of pack WEEKDAYS). */
  readonly weekday: number;
  /** Minutes after local midnight, 0–1439. */
  readonly minutes: number;
}

/** What a check is run on. */
export interface CheckInput {
  text: string;
  site: SiteId;
  /** Default 'other'. */
  surface?: Surface;
  /** Absent: clock-driven rules (working-hours, the working-time half of wiki-edit) stay silent. */
  now?: LocalTime;
  /**
   * The user is posting as one of the school's own accounts (decided by the background from the
   * pack's handles, never by the page): the official-site rules apply instead (rules/official-account.ts).
   */
  officialAccount?: boolean;
  /** A photo or video is attached to the composer this text is in. */
  hasMedia?: boolean;
}
