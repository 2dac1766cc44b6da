/**
 * The contract between the image checks (src/image/*, pure, also run by the CLI) and the browser
 * pipeline that feeds them (offscreen document, content-script attachment capture, image warning).
 * Pure types: no browser API.
 *
 * Privacy: an image is checked in memory and dropped. Nothing here is stored, and nothing from the
 * class list, the pack or a logo crosses to the page: the content script receives `ImageVerdict`
 * only (rule, severity, the pack's title and clause, a plain-words detail about *the user's own
 * image*, never a pupil's name it did not see typed, never logo pixels).
 */
import type { CompiledRuleSet } from '../engine/compile';
import type { Finding, RuleId, Severity, SiteId } from '../engine/types';
import type { SchoolLocation } from '../pack/types';

export type ImageRuleId = Extract<RuleId, 'photo-location' | 'logo' | 'image-text' | 'photo-people' | 'official-account'>;

/** A school logo as stored by the options page (src/storage/logos.ts): our own PNG, at most 512 px. */
export interface LogoInput {
  name: string;
  width: number;
  height: number;
  png: Uint8Array;
}

/** Decoded pixels (RGBA, 8 bits per channel, row-major). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export interface ImageCheckContext {
  /** The compiled text rule set: settings for every rule, and the text matcher for OCR'd text. */
  compiled: CompiledRuleSet;
  /** The school's locations (pack.school.locations); empty = no photo-location check. */
  locations: readonly SchoolLocation[];
  logos: readonly LogoInput[];
  site: SiteId;
  /** True when the user is posting as one of the school's own accounts (pack handles). */
  officialAccount: boolean;
  /** Text the user wrote alongside the image (for official-account: a child named in a post with a photo). */
  caption?: string;
}

/** Catalogue keys (src/i18n, content side) of an image finding's detail. */
export const IMAGE_DETAIL_KEYS = [
  'image.detail.locationAt',
  'image.detail.locationNear',
  'image.detail.logoWhole',
  'image.detail.logoIn',
  'image.detail.text.pupil-name',
  'image.detail.text.school-identity',
  'image.detail.text.school-email',
  'image.detail.text.personal-info',
  'image.detail.text.confidential',
  'image.detail.text.offensive',
  'image.detail.text.other',
  'image.detail.people.one',
  'image.detail.people.many',
  'image.detail.official.noConsent',
  'image.detail.official.nameInPhoto',
  'image.detail.official.nameInImage',
  'image.detail.official.people.one',
  'image.detail.official.people.many',
] as const;
export type ImageDetailKey = (typeof IMAGE_DETAIL_KEYS)[number];

/** Where in the picture, in words (a 3×3 grid of the picture; the warning translates it). */
export const IMAGE_PLACES = ['topLeft', 'top', 'topRight', 'left', 'middle', 'right', 'bottomLeft', 'bottom', 'bottomRight'] as const;
export type ImagePlace = (typeof IMAGE_PLACES)[number];

export interface ImageDetail {
  key: ImageDetailKey;
  params?: { place?: string; distance?: string; logo?: string; where?: ImagePlace; count?: number; title?: string };
}

/** The part of the picture a box's centre falls in. */
export function placeOf(box: { x: number; y: number; w: number; h: number }): ImagePlace {
  const col = (c: number) => (c < 1 / 3 ? 0 : c > 2 / 3 ? 2 : 1);
  const x = col(box.x + box.w / 2);
  const y = col(box.y + box.h / 2);
  return IMAGE_PLACES[y * 3 + x] as ImagePlace;
}

/** Which checks to run (all by default); the pipeline may run cheap ones first and report early. */
export type ImageStage = 'metadata' | 'logo' | 'ocr' | 'faces';

export interface ImageFinding {
  rule: ImageRuleId;
  severity: Severity;
  /** The pack's public title and the clause text the warning cites. */
  title: string;
  clause: string;
  /** Plain words about the user's own image: "Taken about 40 m from Main site.", "Shows 3 people." (English: the CLI prints it). */
  detail: string;
  /** The same as a catalogue key and its parameters, so the warning says it in the user's language. */
  say?: ImageDetail;
  /** Where in the image, as fractions of width/height, when the check knows (logo, text). */
  box?: { x: number; y: number; w: number; h: number };
  /** For image-text: the text findings inside the OCR'd text (spans index `ocrText`, never sent to the page). */
  textFindings?: Finding[];
}

export interface ImageReport {
  findings: ImageFinding[];
  /** True when the file carries GPS or other identifying metadata that "remove location data" would strip. */
  hasLocation: boolean;
  /** Milliseconds per stage, for benches and the CLI. */
  timings: Partial<Record<ImageStage, number>>;
  /** Stages that could not run, with a plain reason ("This kind of file cannot be read: HEIC."). */
  skipped: { stage: ImageStage; reason: string }[];
}

export interface AnalyseOptions {
  stages?: readonly ImageStage[];
  signal?: AbortSignal;
  /** Decoder, OCR and face detector; without them only the metadata stage runs (the others are `skipped`). */
  engines?: ImageEngines;
}

/**
 * Implemented in src/image/analyse.ts:
 *   analyseImage(bytes: Uint8Array, mime: string, ctx: ImageCheckContext, opts?: AnalyseOptions): Promise<ImageReport>
 *   stripMetadata(bytes: Uint8Array, mime: string): Promise<{ bytes: Uint8Array; mime: string }>
 * (OCR and face detection need their engines: analyse.ts takes them through `ImageEngines` so Node
 * (CLI, tests) and the offscreen document can each supply their own loader.)
 */
export interface ImageEngines {
  /** Decode any supported image (JPEG, PNG, WebP, GIF first frame) to RGBA. */
  decode(bytes: Uint8Array, mime: string): Promise<RgbaImage>;
  /** OCR: words with boxes in pixel coordinates. */
  ocr?(img: RgbaImage, signal?: AbortSignal): Promise<{ text: string; words: { text: string; x: number; y: number; w: number; h: number; confidence: number }[] }>;
  /** Face detection only (never recognition): boxes in pixel coordinates. */
  faces?(img: RgbaImage, signal?: AbortSignal): Promise<{ x: number; y: number; w: number; h: number; score: number }[]>;
}
