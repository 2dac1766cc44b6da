/**
 * image-text: the words OCR read in an image, checked with the same text rules as a post (a pupil's
 * name on a certificate or a piece of work, the school's name on a sign). Pure: no browser API.
 * The OCR'd text is never sent to the page; a finding says what kind of thing can be read and where.
 */
import type { CompiledRuleSet } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import type { Finding, RuleId, SiteId } from '../engine/types';
import type { ImageDetail, ImageDetailKey } from './types';

export interface OcrWord {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  confidence: number;
}

/** Words OCR is less sure of than this (0–100) are treated as noise: textures read as letters. */
export const MIN_WORD_CONFIDENCE = 25;

/** The words joined into text, with each word's offsets, so a text finding maps back to boxes. */
export function wordsToText(words: readonly OcrWord[]): { text: string; spans: { start: number; end: number; word: OcrWord }[] } {
  let text = '';
  const spans: { start: number; end: number; word: OcrWord }[] = [];
  let prev: OcrWord | null = null;
  for (const word of words) {
    const t = word.text.trim();
    if (!t || word.confidence < MIN_WORD_CONFIDENCE) continue;
    if (prev) {
      // A word left of the previous one, or well below it, starts a new line.
      const newLine = word.x < prev.x || word.y > prev.y + prev.h * 0.8;
      text += newLine ? '\n' : ' ';
    }
    spans.push({ start: text.length, end: text.length + t.length, word });
    text += t;
    prev = word;
  }
  return { text, spans };
}

const DETAILS: Partial<Record<RuleId, string>> = {
  'pupil-name': "A pupil's name can be read in this image.",
  'school-identity': "The school's name can be read in this image.",
  'school-email': 'A school e-mail address can be read in this image.',
  'personal-info': 'Personal details can be read in this image.',
  confidential: 'Confidential school information can be read in this image.',
  offensive: 'Offensive words can be read in this image.',
};

export interface ImageTextHit {
  detail: string;
  say: ImageDetail;
  box: { x: number; y: number; w: number; h: number };
  textFindings: Finding[];
}

/**
 * Runs the text rules over the OCR result. `width`/`height` are the OCR'd image's, so boxes come
 * back as fractions of the image. One hit per text rule (all its spans share one box).
 */
export function ocrTextFindings(
  compiled: CompiledRuleSet,
  site: SiteId,
  ocr: { text: string; words: readonly OcrWord[] },
  width: number,
  height: number,
): { ocrText: string; textFindings: Finding[]; images: ImageTextHit[] } {
  const { text, spans } = wordsToText(ocr.words);
  if (!text) return { ocrText: '', textFindings: [], images: [] };
  const textFindings = evaluate(compiled, { text, site });
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of textFindings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const images: ImageTextHit[] = [];
  for (const [rule, fs] of byRule) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const f of fs) {
      for (const s of spans) {
        if (s.end <= f.start || s.start >= f.end) continue;
        x0 = Math.min(x0, s.word.x);
        y0 = Math.min(y0, s.word.y);
        x1 = Math.max(x1, s.word.x + s.word.w);
        y1 = Math.max(y1, s.word.y + s.word.h);
      }
    }
    const box = Number.isFinite(x0)
      ? { x: x0 / width, y: y0 / height, w: (x1 - x0) / width, h: (y1 - y0) / height }
      : { x: 0, y: 0, w: 1, h: 1 };
    const known = DETAILS[rule] !== undefined;
    const say: ImageDetail = known ? { key: `image.detail.text.${rule}` as ImageDetailKey } : { key: 'image.detail.text.other', params: { title: fs[0]?.title ?? rule } };
    images.push({ detail: DETAILS[rule] ?? `Text in this image: ${fs[0]?.title ?? rule}.`, say, box, textFindings: fs });
  }
  return { ocrText: text, textFindings, images };
}
