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
import { RULE_IDS, SEVERITIES, SITE_IDS, SURFACES as TEXT_SURFACES } from '../engine/types';
import { LOCALES, type Locale } from '../i18n/core';
import type { RulePack } from '../pack/types';
import { SOCIAL_ACTIONS } from '../rules/person-match';
import { IMAGE_DETAIL_KEYS, IMAGE_PLACES } from '../image/types';

export const MAX_TEXT = 20_000;
export const MAX_PEOPLE = 100_000;
/** A pack file with class lists (CLASS_LIST_LIMITS.maxBytes; the parser words the refusal). */
export const MAX_PACK_FILE_CHARS = 60 * 1024 * 1024;
const name = v.pipe(v.string(), v.maxLength(200));
const shortList = v.pipe(v.array(name), v.maxLength(50));

// ---- site channel -------------------------------------------------------------------------------

export const SURFACES = TEXT_SURFACES;

/**
 * Who a post is shown to, where the site says so (Facebook's audience selector): 'public' raises
 * every finding one step. Absent when the site does not show it.
 */
export const AUDIENCES = ['public', 'restricted'] as const;

/** Display names are short; a longer one is refused rather than cut (the page chose it). */
export const MAX_DISPLAY_NAME = 200;
/** Handles with an instance ("user@instance.example") or a domain (Bluesky) included. */
export const MAX_HANDLE = 100;

/**
 * What the page shows about the other person, as the user sees it. Handles are one visible token
 * (no whitespace or control characters); the background reads them as whole forms only.
 */
export const PersonRefIn = v.strictObject({
  displayName: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_DISPLAY_NAME))),
  handle: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_HANDLE), v.regex(/^[^\s\p{Cc}]+$/u))),
});

/**
 * The account the user is posting as, where the site shows it (X's account switcher, Facebook's
 * composer header): only the background compares it with the school's own accounts in the pack.
 */
export const AccountIn = PersonRefIn;
export type AccountIn = v.InferOutput<typeof AccountIn>;

export const CheckRequest = v.strictObject({
  type: v.literal('check'),
  site: v.picklist(SITE_IDS),
  surface: v.picklist(SURFACES),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  audience: v.optional(v.picklist(AUDIENCES)),
  /** Who the site says is posting (official-account): the background decides if it is the school. */
  account: v.optional(AccountIn),
  /** A photo or video is attached to this composer (official-account: no child named with a photo). */
  hasMedia: v.optional(v.boolean()),
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
  // `locale`: the language the user chose on the options page, added by the background to every
  // answer so the warning speaks it without the content script reading any storage (i18n).
  | { ok: true; findings: v.InferOutput<typeof FindingOut>[]; locale?: Locale }
  | { ok: false; error: 'rate-limited' | 'invalid' | 'not-ready' };

// ---- site channel: social actions (friend / follow / connect, private messages, endorsements) ----

/**
 * "The user is about to do this social action": sent only for a trusted click on the site's own
 * control (or a trusted edit in a private-message composer). The answer is the verdict alone.
 */
export const CheckActionRequest = v.strictObject({
  type: v.literal('checkAction'),
  action: v.picklist(SOCIAL_ACTIONS),
  site: v.picklist(SITE_IDS),
  person: v.optional(PersonRefIn),
});
export type CheckActionRequest = v.InferOutput<typeof CheckActionRequest>;

/**
 * The only thing that crosses back: which rule, how serious, its title and clause from the pack,
 * and for an incoming request from a pupil the pack's reporting advice. Never who matched, their
 * role, or anything else from the class list (threat model B1).
 */
export interface ActionVerdictOut {
  rule: (typeof RULE_IDS)[number];
  severity: (typeof SEVERITIES)[number];
  title: string;
  clause: string;
  advice?: string;
}
export type CheckActionResponse =
  | { ok: true; verdict: ActionVerdictOut | null; locale?: Locale }
  | { ok: false; error: 'rate-limited' | 'invalid' | 'not-ready' };

export const SiteMessage = v.variant('type', [CheckRequest]);

/** Routing only (the shape is checked by the handler): is this a social-action check? */
export function isActionMessage(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'checkAction';
}
export type SiteMessage = v.InferOutput<typeof SiteMessage>;

// ---- admin channel ------------------------------------------------------------------------------

// Shapes only: the background re-checks a saved school with the strict pack parser (ranges, times).
export const SchoolIn = v.strictObject({
  name,
  aliases: shortList,
  handles: shortList,
  hashtags: shortList,
  emailDomains: shortList,
  locations: v.optional(
    v.pipe(
      v.array(v.strictObject({ name, latitude: v.number(), longitude: v.number(), radiusMetres: v.number() })),
      v.maxLength(20),
    ),
  ),
  workingHours: v.optional(
    v.strictObject({
      days: v.pipe(v.array(v.picklist(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])), v.maxLength(7)),
      start: v.pipe(v.string(), v.maxLength(5)),
      end: v.pipe(v.string(), v.maxLength(5)),
    }),
  ),
  // Days off for the clock-driven reminders; the strict pack parser checks the dates.
  holidays: v.optional(
    v.pipe(
      v.array(v.strictObject({ name, from: v.pipe(v.string(), v.maxLength(10)), to: v.pipe(v.string(), v.maxLength(10)) })),
      v.maxLength(100),
    ),
  ),
});

/** A calendar date, ISO yyyy-mm-dd, that exists (no 2024-02-30). */
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date'),
);

export const PersonIn = v.strictObject({
  role: v.picklist(['pupil', 'former-pupil', 'parent', 'staff']),
  forename: name,
  preferred: v.optional(name),
  surname: name,
  // Known-as surname (MIS "Preferred Surname"), matched like the legal one.
  preferredSurname: v.optional(name),
  // What the policies need besides the name (stored with the hashes, never shown): date of birth
  // and leaving date (former pupils are protected until 18), photo consent, registration group.
  dob: v.optional(isoDate),
  leftOn: v.optional(isoDate),
  photoConsent: v.optional(v.boolean()),
  group: v.optional(v.pipe(v.string(), v.maxLength(50))),
});

/** A stored logo's PNG, base64 (runtime messaging is JSON in Chrome: a Uint8Array would not survive). */
export const MAX_LOGO_PNG_BASE64 = 1_500_000;
export const MAX_LOGOS = 20;

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
    // Replace this list's people and summary in one transaction instead of adding a new list.
    replaceListId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
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
  // The export file's text, built by the background. `includeLists`: the class lists too, in hashed
  // form with their key (pack/class-lists.ts); never a plain name, because none is stored.
  v.strictObject({ type: v.literal('exportPackFile'), includeLists: v.boolean() }),
  // A pack file that carries class lists: parsed strictly in the background (parsePackFileText), then
  // pack, key and lists replace the stored ones in one transaction. A file without lists is refused
  // here: those go through setPack.
  v.strictObject({
    type: v.literal('importPackFile'),
    fileText: v.pipe(v.string(), v.maxLength(MAX_PACK_FILE_CHARS)),
  }),
  v.strictObject({
    type: v.literal('testText'),
    site: v.picklist(SITE_IDS),
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  }),
  // Logos: the options page decodes, rasterises and downscales; the background checks the PNG.
  v.strictObject({
    type: v.literal('addLogo'),
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    png: v.pipe(v.string(), v.maxLength(MAX_LOGO_PNG_BASE64), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
    width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(512)),
    height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(512)),
  }),
  v.strictObject({ type: v.literal('deleteLogo'), id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.strictObject({ type: v.literal('getLogos') }),
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

export interface LogoSummary {
  id: number;
  name: string;
  width: number;
  height: number;
  addedAt: number;
}

export interface Status {
  school: v.InferOutput<typeof SchoolIn>;
  packTitle: string;
  packId: string;
  lists: ListSummary[];
  totals: { people: number; pupils: number };
  /** Logos stored for the logo check (summaries; the PNGs come with getLogos). */
  logos?: LogoSummary[];
  /** A rule pack pushed by the school's IT through browser policy (storage.managed). */
  managed?: { state: 'active' } | { state: 'invalid'; errors: string[] };
}

export type AdminResponse =
  | {
      ok: true;
      status?: Status;
      findings?: v.InferOutput<typeof FindingOut>[];
      pack?: RulePack;
      logos?: (LogoSummary & { png: string })[];
      /** exportPackFile: the file's text, and how many class lists it holds. */
      packFile?: string;
      listsIncluded?: number;
    }
  | { ok: false; error: string };

// ---- site channel: protection level (sites-b) ----------------------------------------------------

/**
 * The content script tells the background whether the editor in use was found by the site's own
 * hooks ('full') or only by the generic fallback ('limited'), so the toolbar icon can say so for
 * that tab. Carries no text; the tab comes from the verified sender, never from the payload.
 */
export const PROTECTION_LEVELS = ['full', 'limited'] as const;
export const ProtectionReport = v.strictObject({
  type: v.literal('protection'),
  level: v.picklist(PROTECTION_LEVELS),
});
export type ProtectionReport = v.InferOutput<typeof ProtectionReport>;

// ---- admin channel: sites the user added (sites-b) -----------------------------------------------

/** An https origin as the options page sends it; the background re-normalises and compares. */
const originField = v.pipe(v.string(), v.maxLength(300));
export const SitesMessage = v.variant('type', [
  v.strictObject({ type: v.literal('listSites') }),
  v.strictObject({ type: v.literal('addSite'), origin: originField }),
  v.strictObject({ type: v.literal('removeSite'), origin: originField }),
]);
export type SitesMessage = v.InferOutput<typeof SitesMessage>;
export type SitesResponse = { ok: true; sites: string[] } | { ok: false; error: string };

// ---- admin channel: the language of the warnings and the options page (i18n) ----------------------

/** Kept by the background (storage.local, key `locale`: no class data there) and sent with verdicts. */
export const LocaleMessage = v.variant('type', [
  v.strictObject({ type: v.literal('getLocale') }),
  v.strictObject({ type: v.literal('setLocale'), locale: v.picklist(LOCALES) }),
]);
export type LocaleMessage = v.InferOutput<typeof LocaleMessage>;
export type LocaleResponse = { ok: true; locale: Locale } | { ok: false; error: string };

// ---- images (issue 6) ----------------------------------------------------------------------------
//
// Image bytes travel content script → background → offscreen document and nowhere else. Runtime
// messaging is JSON in Chrome, so the bytes go as base64; every hop re-checks the shape and the
// size cap. The answer to the page is an `ImageVerdict`: rule, severity, the pack's title and
// clause, and plain words about the user's own image (src/image/types.ts), never OCR'd text spans,
// logo pixels or class-list data.

/** The largest attachment we check (bytes). Bigger files are not checked, and the chip says so. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Base64 length of MAX_IMAGE_BYTES. */
export const MAX_IMAGE_BASE64 = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

export const IMAGE_MIMES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  // iPhones' default (HEIC), its generic name, and AVIF; sequences (bursts, Live Photo stills) too.
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
  'image/avif',
] as const;
export const VIDEO_MIMES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export const MEDIA_MIMES = [...IMAGE_MIMES, ...VIDEO_MIMES] as const;
export type MediaMime = (typeof MEDIA_MIMES)[number];

export const base64Field = v.pipe(
  v.string(),
  v.minLength(4),
  v.maxLength(MAX_IMAGE_BASE64),
  // Checked without a regular expression over a 33 MB string: a single pass over char codes.
  v.check(isBase64, 'not base64'),
);

function isBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      if (i < s.length - 2) return false;
      pad++;
      continue;
    }
    if (pad) return false;
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return false;
  }
  return true;
}

export const ImageCheckRequest = v.strictObject({
  type: v.literal('checkImage'),
  site: v.picklist(SITE_IDS),
  surface: v.picklist(SURFACES),
  mime: v.picklist(MEDIA_MIMES),
  data: base64Field,
  /** What the user has typed alongside (official-account: a child named in a post with a photo). */
  caption: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  /** Who the site says is posting (official-account). */
  account: v.optional(AccountIn),
});
export type ImageCheckRequest = v.InferOutput<typeof ImageCheckRequest>;

export const ImageStripRequest = v.strictObject({
  type: v.literal('stripImage'),
  // Photos and videos: location boxes/tags are removed from MP4, MOV and WebM too.
  mime: v.picklist(MEDIA_MIMES),
  data: base64Field,
});
export type ImageStripRequest = v.InferOutput<typeof ImageStripRequest>;

export const ImageSiteMessage = v.variant('type', [ImageCheckRequest, ImageStripRequest]);
export type ImageSiteMessage = v.InferOutput<typeof ImageSiteMessage>;

const IMAGE_STAGES = ['metadata', 'logo', 'ocr', 'faces'] as const;

export const ImageFindingOut = v.strictObject({
  rule: v.picklist(['photo-location', 'logo', 'image-text', 'photo-people', 'official-account']),
  severity: v.picklist(SEVERITIES),
  title: v.pipe(v.string(), v.maxLength(200)),
  clause: v.pipe(v.string(), v.maxLength(2000)),
  detail: v.pipe(v.string(), v.maxLength(500)),
  /** The detail as a catalogue key the warning translates (only known keys; parameters are short text or a count). */
  say: v.optional(
    v.strictObject({
      key: v.picklist(IMAGE_DETAIL_KEYS),
      params: v.optional(
        v.strictObject({
          place: v.optional(v.pipe(v.string(), v.maxLength(120))),
          distance: v.optional(v.pipe(v.string(), v.maxLength(20))),
          logo: v.optional(v.pipe(v.string(), v.maxLength(120))),
          where: v.optional(v.picklist(IMAGE_PLACES)),
          count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
          title: v.optional(v.pipe(v.string(), v.maxLength(200))),
        }),
      ),
    }),
  ),
});
export type ImageFindingOut = v.InferOutput<typeof ImageFindingOut>;

/** What the page's content script learns about an attachment. */
export const ImageVerdict = v.strictObject({
  findings: v.pipe(v.array(ImageFindingOut), v.maxLength(50)),
  hasLocation: v.boolean(),
  skipped: v.pipe(v.array(v.strictObject({ stage: v.picklist(IMAGE_STAGES), reason: v.pipe(v.string(), v.maxLength(300)) })), v.maxLength(10)),
});
export type ImageVerdict = v.InferOutput<typeof ImageVerdict>;

export type ImageError = 'invalid' | 'rate-limited' | 'unsupported' | 'failed' | 'busy';
export type ImageCheckResponse = { ok: true; verdict: ImageVerdict; locale?: Locale } | { ok: false; error: ImageError };
export type ImageStripResponse = { ok: true; mime: string; data: string } | { ok: false; error: ImageError };

// ---- background → offscreen document (trusted, but still checked) --------------------------------

export const OFFSCREEN_TARGET = 'second-look-offscreen';

export const OffscreenMessage = v.variant('type', [
  v.strictObject({
    target: v.literal(OFFSCREEN_TARGET),
    type: v.literal('analyse'),
    /** Changes whenever the rule set, class lists or logos change: the offscreen cache key. */
    generation: v.pipe(v.string(), v.maxLength(100)),
    /** The pack in force (managed or stored), as plain JSON; re-parsed strictly in the offscreen document. */
    pack: v.unknown(),
    site: v.picklist(SITE_IDS),
    mime: v.picklist(MEDIA_MIMES),
    data: base64Field,
    caption: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
    officialAccount: v.boolean(),
  }),
  v.strictObject({
    target: v.literal(OFFSCREEN_TARGET),
    type: v.literal('strip'),
    mime: v.picklist(MEDIA_MIMES),
    data: base64Field,
  }),
]);
export type OffscreenMessage = v.InferOutput<typeof OffscreenMessage>;
