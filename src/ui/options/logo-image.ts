/**
 * Logo upload on the options page (extension origin): the uploaded file is decoded, drawn to a
 * canvas at most 512 px on its longer side and kept only as our own PNG; the original bytes (and,
 * for SVG, the markup) are discarded. SVG is checked first (`checkSvg`, pure) and refused if it has
 * scripts, event handlers, external references, embedded HTML or huge dimensions; then it is loaded
 * through an <img> from a blob: URL, where browsers run no script and fetch nothing anyway (SVG as
 * an image), and rasterised. The page's CSP (connect-src 'none') is the third fence.
 */

import { t, type MessageKey } from '../../i18n';

export const LOGO_MAX_SIDE = 512;
export const LOGO_MAX_UPLOAD = 5 * 1024 * 1024;
/** SVG width/height above this (in px) is refused: a decoder would allocate it before we scale. */
export const SVG_MAX_DIMENSION = 8192;
/** Raster images above this many pixels are refused (decompression bombs). */
export const RASTER_MAX_PIXELS = 40_000_000;

export type SvgCheck = { ok: true; width: number; height: number } | { ok: false; error: string };

const REFUSE = (file: string, why: MessageKey, params: Record<string, string | number> = {}) => ({
  ok: false as const,
  error: t('logos.svg.refused', { file, why: t(why, params) }),
});

function length(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(px)?\s*$/i.exec(value);
  return m ? Number(m[1]) : null;
}

/** Attributes of the root <svg> start tag, lower-cased names. */
function rootAttributes(text: string): Record<string, string> | null {
  const m = /<svg\b([^>]*)>/i.exec(text);
  if (!m) return null;
  const attrs: Record<string, string> = Object.create(null);
  for (const a of m[1]!.matchAll(/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[a[1]!.toLowerCase()] = a[3] ?? a[4] ?? '';
  return attrs;
}

/** Pure checks on SVG markup. Conservative: anything that could run or fetch is refused outright. */
export function checkSvg(text: string, file: string): SvgCheck {
  if (!/<svg\b/i.test(text)) return REFUSE(file, 'logos.svg.notSvg');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return REFUSE(file, 'logos.svg.doctype');
  if (/<script\b/i.test(text)) return REFUSE(file, 'logos.svg.script');
  if (/\son[a-z]+\s*=/i.test(text)) return REFUSE(file, 'logos.svg.handlers');
  if (/<foreignObject\b|<iframe\b|<embed\b|<object\b/i.test(text)) return REFUSE(file, 'logos.svg.embeds');
  if (/javascript:/i.test(text)) return REFUSE(file, 'logos.svg.jsLink');
  // Any reference that is not to a fragment inside the same file (#id) points outside it.
  for (const m of text.matchAll(/(?:xlink:)?href\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const target = (m[2] ?? m[3] ?? '').trim();
    if (!target.startsWith('#')) return target ? REFUSE(file, 'logos.svg.external', { target: target.slice(0, 60) }) : REFUSE(file, 'logos.svg.emptyLink');
  }
  if (/@import|url\(\s*['"]?(?!#)/i.test(text)) return REFUSE(file, 'logos.svg.externalStyle');
  const attrs = rootAttributes(text);
  if (!attrs) return REFUSE(file, 'logos.svg.noTag');
  let width = length(attrs.width);
  let height = length(attrs.height);
  const box = attrs.viewbox?.trim().split(/[\s,]+/).map(Number);
  if ((width === null || height === null) && box && box.length === 4 && box.every(Number.isFinite)) {
    const [, , bw, bh] = box as [number, number, number, number];
    if (width === null && height === null) [width, height] = [bw, bh];
    else if (width === null) width = (height! * bw) / bh;
    else height = (width * bh) / bw;
  }
  if (width === null || height === null || !(width > 0) || !(height > 0)) return REFUSE(file, 'logos.svg.noSize');
  if (width > SVG_MAX_DIMENSION || height > SVG_MAX_DIMENSION) {
    return REFUSE(file, 'logos.svg.tooBig', { width: Math.round(width), height: Math.round(height), max: SVG_MAX_DIMENSION });
  }
  return { ok: true, width, height };
}

/** Size after fitting inside LOGO_MAX_SIDE (never upscaled), at least 1 px. */
export function fitSize(width: number, height: number, max = LOGO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export type Rasterised = { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; error: string };

async function canvasPng(draw: (ctx: CanvasRenderingContext2D) => void, width: number, height: number): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  draw(ctx);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) throw new Error('no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Browser glue: decode, downscale, re-encode as PNG. */
export async function rasteriseLogo(file: File): Promise<Rasterised> {
  const name = file.name.slice(0, 120);
  if (file.size > LOGO_MAX_UPLOAD) return { ok: false, error: t('logos.tooBig', { file: name }) };
  const isSvg = file.type === 'image/svg+xml' || /\.svg$/i.test(file.name);
  try {
    if (isSvg) {
      const text = await file.text();
      const check = checkSvg(text, name);
      if (!check.ok) return check;
      const size = fitSize(check.width, check.height);
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      try {
        const img = new Image();
        img.decoding = 'async';
        await new Promise<void>((resolve, reject) => {
          img.onload = () => resolve();
          img.onerror = () => reject(new Error('svg'));
          img.src = url;
        });
        const png = await canvasPng((ctx) => ctx.drawImage(img, 0, 0, size.width, size.height), size.width, size.height);
        return { ok: true, png, ...size };
      } finally {
        URL.revokeObjectURL(url);
      }
    }
    if (!/^image\/(png|jpeg|webp)$/.test(file.type) && !/\.(png|jpe?g|webp)$/i.test(file.name)) {
      return { ok: false, error: t('logos.notImage', { file: name }) };
    }
    const bitmap = await createImageBitmap(file);
    try {
      if (bitmap.width * bitmap.height > RASTER_MAX_PIXELS) return { ok: false, error: t('logos.tooManyPixels', { file: name, width: bitmap.width, height: bitmap.height }) };
      const size = fitSize(bitmap.width, bitmap.height);
      const png = await canvasPng((ctx) => ctx.drawImage(bitmap, 0, 0, size.width, size.height), size.width, size.height);
      return { ok: true, png, ...size };
    } finally {
      bitmap.close();
    }
  } catch {
    return { ok: false, error: t('logos.unreadable', { file: name }) };
  }
}
