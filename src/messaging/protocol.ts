/**
 * Every message that crosses the extension's trust line, with a runtime schema for each.
 *
 * Two channels:
 *  - site channel: content script (less trusted: it shares a renderer with the social site) →
 *    background. It may only ask "check this text I wrote" and gets findings back.
 *  - admin channel: the options page (extension origin) → background. Reads and writes the rule set.
 *
 * Payloads are parsed with valibot strict schemas: unknown keys, wrong types and oversized values
 * are rejected before any handler runs (design invariant 7).
 */
import * as v from 'valibot';
import { RULE_IDS, SEVERITIES, SITE_IDS } from '../engine/types';
import type { RulePack } from '../pack/types';

export const MAX_TEXT = 20_000;
export const MAX_PEOPLE = 100_000;
const name = v.pipe(v.string(), v.maxLength(200));
const shortList = v.pipe(v.array(name), v.maxLength(50));

// ---- site channel -------------------------------------------------------------------------------

export const SURFACES = ['post', 'comment', 'message', 'profile', 'other'] as const;

export const CheckRequest = v.strictObject({
  type: v.literal('check'),
  site: v.picklist(SITE_IDS),
  surface: v.picklist(SURFACES),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
});
export type CheckRequest = v.InferOutput<typeof CheckRequest>;

export const FindingOut = v.strictObject({
  rule: v.picklist(RULE_IDS),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  severity: v.picklist(SEVERITIES),
  title: v.pipe(v.string(), v.maxLength(200)),
  clause: v.pipe(v.string(), v.maxLength(2000)),
});
export type CheckResponse =
  | { ok: true; findings: v.InferOutput<typeof FindingOut>[] }
  | { ok: false; error: 'rate-limited' | 'invalid' | 'not-ready' };

export const SiteMessage = v.variant('type', [CheckRequest]);
export type SiteMessage = v.InferOutput<typeof SiteMessage>;

// ---- admin channel ------------------------------------------------------------------------------

export const SchoolIn = v.strictObject({
  name,
  aliases: shortList,
  handles: shortList,
  hashtags: shortList,
  emailDomains: shortList,
});

export const PersonIn = v.strictObject({
  role: v.picklist(['pupil', 'former-pupil', 'parent', 'staff']),
  forename: name,
  preferred: v.optional(name),
  surname: name,
});

export const AdminMessage = v.variant('type', [
  v.strictObject({ type: v.literal('getStatus') }),
  // The whole rule pack (school profile + rules) as a JSON-safe copy, for the rules editor and export.
  v.strictObject({ type: v.literal('getPack') }),
  v.strictObject({ type: v.literal('saveSchool'), school: SchoolIn }),
  v.strictObject({
    type: v.literal('importClassList'),
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    fileName: v.pipe(v.string(), v.maxLength(260)),
    groups: v.pipe(v.array(v.pipe(v.string(), v.maxLength(50))), v.maxLength(500)),
    people: v.pipe(v.array(PersonIn), v.minLength(1), v.maxLength(MAX_PEOPLE)),
  }),
  v.strictObject({ type: v.literal('deleteList'), id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.strictObject({ type: v.literal('deleteEverything') }),
  // The pack arrives as text and is parsed by the strict pack parser in the background: every pack
  // write (template, rules editor, import, demo) goes through that one parser.
  // `keepSchool`: take only the pack's rules, id and title, and keep the stored school profile
  // (a template has an empty profile; the rules editor must not overwrite school details saved
  // meanwhile in "Your school"). Without it the whole pack, school included, replaces the stored one.
  v.strictObject({
    type: v.literal('setPack'),
    packText: v.pipe(v.string(), v.maxLength(1_048_576)), // PACK_LIMITS.maxBytes: the parser words the refusal
    keepSchool: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('testText'),
    site: v.picklist(SITE_IDS),
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  }),
]);
export type AdminMessage = v.InferOutput<typeof AdminMessage>;

export interface ListSummary {
  id: number;
  name: string;
  fileName: string;
  importedAt: number;
  count: number;
  pupils: number;
  groups: string[];
}

export interface Status {
  school: v.InferOutput<typeof SchoolIn>;
  packTitle: string;
  packId: string;
  lists: ListSummary[];
  totals: { people: number; pupils: number };
}

export type AdminResponse =
  | { ok: true; status?: Status; findings?: v.InferOutput<typeof FindingOut>[]; pack?: RulePack }
  | { ok: false; error: string };
