/**
 * Rule pack (v1) types: the school profile plus per-rule settings. The JSON form is described by
 * rules/schema.json and parsed strictly by src/pack/parse.ts. Pure data, no browser API.
 */
import type { RuleId, Severity, SiteId } from '../engine/types';

export interface SchoolProfile {
  /** The school's name as staff would write it, e.g. "Holbrook Primary School". */
  name: string;
  /** Other names: "Holbrook Primary", "Holbrook". Literal phrases, never patterns. */
  aliases: string[];
  /** Social handles without '@', e.g. "HolbrookPrimary". */
  handles: string[];
  /** Hashtags without '#', e.g. "HolbrookPride". */
  hashtags: string[];
  /** Staff e-mail domains, e.g. "holbrook.sch.uk". */
  emailDomains: string[];
  /** The school's sites, for photo-location checks (a photo's GPS inside a circle). Optional. */
  locations?: SchoolLocation[];
  /** When staff are working, for working-hours checks. Optional. */
  workingHours?: WorkingHours;
  /**
   * Dates with no working time (school holidays, half-terms, bank holidays, closure days), for the
   * working-hours and wiki-edit reminders. Optional.
   */
  holidays?: Holiday[];
}

/** A run of whole days off, inclusive: "Christmas holidays" 2026-12-19 … 2027-01-03. */
export interface Holiday {
  name: string;
  /** ISO yyyy-mm-dd, local dates; `from` ≤ `to`. */
  from: string;
  to: string;
}

export interface SchoolLocation {
  /** "Main site", "Playing fields". */
  name: string;
  /** WGS84 degrees, as a phone's EXIF GPS gives them. */
  latitude: number;
  longitude: number;
  /** Circle around the point that counts as "on the school grounds", in metres (10–5000). */
  radiusMetres: number;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingHours {
  /** Working days, in week order, no repeats. */
  days: Weekday[];
  /** Local time "HH:MM" (24-hour); start is before end. */
  start: string;
  end: string;
}

export interface SiteOverride {
  enabled?: boolean;
  severity?: Severity;
}

export interface RuleSettings {
  enabled: boolean;
  severity: Severity;
  /** Short public title shown in warnings. */
  title: string;
  /** The clause text the warning cites (from the school's own policy). */
  clause: string;
  /** Where the clause comes from, e.g. "001 §5.4" (documentation only). */
  source?: string;
  /** Per-site exceptions, e.g. LinkedIn allowed for school-identity. */
  sites?: Partial<Record<SiteId, SiteOverride>>;
  /**
   * Extra literal words/phrases for rules that need the school's own vocabulary: confidential terms
   * for `confidential`, extra words for `offensive`, accepted disclaimer phrases for `disclaimer`.
   * Always escaped literals, never patterns (rules/README.md). Optional; added by the pack slice.
   */
  terms?: string[];
  /**
   * What the policy says to do, shown as text the user can copy (friend-request, direct-message:
   * how to report a request or message from a pupil). Plain text from the school's own policy.
   */
  advice?: string;
}

export interface RulePack {
  format: 'second-look-pack';
  version: 1;
  id: string;
  title: string;
  school: SchoolProfile;
  rules: Partial<Record<RuleId, RuleSettings>>;
}
