/**
 * `check-image` for the command line: runs the extension's own image checks (src/image/analyse.ts)
 * with the Node engines over files on disk, one JSON line per file. Node only, trusted side; nothing
 * is downloaded (local OCR model and face weights) and nothing is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { encode, Image } from 'image-js';
import { analyseImage } from '../image/analyse';
import { createNodeEngines, decodeNode } from '../image/node-engines';
import type { ImageCheckContext, ImageStage, LogoInput } from '../image/types';

/** Largest file checked (a 12 MP JPEG is 3–8 MB; a phone video clip can be far larger). */
export const MAX_IMAGE_BYTES = 200 * 1024 * 1024;
/** Logos are kept at most 512 px, as the options page stores them. */
export const LOGO_MAX_SIDE = 512;

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.heic': 'image/heic',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.bmp': 'image/bmp',
};

/** Reads logo PNGs (or JPEGs), shrinking any larger than 512 px the way the options page does. */
export function readLogos(paths: readonly string[]): LogoInput[] {
  return paths.map((p) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(p));
    } catch {
      throw new Error(`cannot read the logo "${p}": no such file`);
    }
    let rgba;
    try {
      rgba = decodeNode(bytes);
    } catch {
      throw new Error(`the logo "${p}" is not a PNG or JPEG image`);
    }
    let img = new Image(rgba.width, rgba.height, { colorModel: 'RGBA', data: Uint8Array.from(rgba.data) });
    if (Math.max(img.width, img.height) > LOGO_MAX_SIDE) {
      const s = LOGO_MAX_SIDE / Math.max(img.width, img.height);
      img = img.resize({ width: Math.max(1, Math.round(img.width * s)), height: Math.max(1, Math.round(img.height * s)) });
    }
    return { name: basename(p, extname(p)), width: img.width, height: img.height, png: encode(img, { format: 'png' }) };
  });
}

export type ImageLine =
  | {
      file: string;
      findings: { rule: string; severity: string; clause: string; detail: string; box?: { x: number; y: number; w: number; h: number } }[];
      hasLocation: boolean;
      skipped: { stage: ImageStage; reason: string }[];
      timings?: Partial<Record<ImageStage, number>>;
    }
  | { file: string; error: string };

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** One line per file, in order; a file that cannot be read gives an error line and the rest carry on. */
export async function* checkImages(
  files: readonly { shown: string; path: string }[],
  ctx: ImageCheckContext,
  stages: readonly ImageStage[],
  timings: boolean,
): AsyncGenerator<ImageLine> {
  const engines = createNodeEngines({ ocr: stages.includes('ocr'), faces: stages.includes('faces') });
  try {
    for (const f of files) {
      let bytes: Uint8Array;
      try {
        if (statSync(f.path).size > MAX_IMAGE_BYTES) {
          yield { file: f.shown, error: 'the file is larger than 200 MB' };
          continue;
        }
        bytes = new Uint8Array(readFileSync(f.path));
      } catch {
        yield { file: f.shown, error: 'cannot read the file: no such file' };
        continue;
      }
      const mime = MIME_BY_EXT[extname(f.path).toLowerCase()] ?? '';
      try {
        const report = await analyseImage(bytes, mime, ctx, { stages, engines });
        const line: ImageLine = {
          file: f.shown,
          findings: report.findings.map((x) => ({
            rule: x.rule,
            severity: x.severity,
            clause: x.clause,
            detail: x.detail,
            ...(x.box ? { box: { x: round3(x.box.x), y: round3(x.box.y), w: round3(x.box.w), h: round3(x.box.h) } } : {}),
          })),
          hasLocation: report.hasLocation,
          skipped: report.skipped,
        };
        if (timings) line.timings = Object.fromEntries(Object.entries(report.timings).map(([k, v]) => [k, Math.round(v)]));
        yield line;
      } catch (e) {
        yield { file: f.shown, error: `the check failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
  } finally {
    await engines.close();
  }
}
