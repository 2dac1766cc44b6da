/**
 * Small raster helpers on decoded RGBA pixels: grey levels, area-average resizing, crops.
 * Pure TypeScript, no browser API, no dependency: the same code runs in the offscreen document and Node.
 */
import type { RgbaImage } from './types';

/** A single-channel 8-bit image. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Grey levels (Rec. 601 luma). Transparent pixels are composited on white, the way a logo PNG shows
 * on a page or is printed on a sign.
 */
export function toGray(img: RgbaImage): GrayImage {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const a = (data[p + 3] as number) / 255;
    const y = 0.299 * (data[p] as number) + 0.587 * (data[p + 1] as number) + 0.114 * (data[p + 2] as number);
    out[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data: out };
}

/** Area-average resize of a grey image (good for shrinking; bilinear when enlarging). */
export function resizeGray(src: GrayImage, width: number, height: number): GrayImage {
  width = Math.max(1, Math.round(width));
  height = Math.max(1, Math.round(height));
  const out = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = y * sy;
      const y1 = y0 + sy;
      for (let x = 0; x < width; x++) {
        const x0 = x * sx;
        const x1 = x0 + sx;
        let sum = 0;
        let area = 0;
        for (let yy = Math.floor(y0); yy < Math.ceil(y1) && yy < src.height; yy++) {
          const wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
          const row = yy * src.width;
          for (let xx = Math.floor(x0); xx < Math.ceil(x1) && xx < src.width; xx++) {
            const w = wy * (Math.min(xx + 1, x1) - Math.max(xx, x0));
            sum += (src.data[row + xx] as number) * w;
            area += w;
          }
        }
        out[y * width + x] = Math.round(sum / area);
      }
    }
    return { width, height, data: out };
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(src.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(src.width - 1, x0 + 1);
      const dx = fx - x0;
      const a = src.data[y0 * src.width + x0] as number;
      const b = src.data[y0 * src.width + x1] as number;
      const c = src.data[y1 * src.width + x0] as number;
      const d = src.data[y1 * src.width + x1] as number;
      out[y * width + x] = Math.round(a * (1 - dx) * (1 - dy) + b * dx * (1 - dy) + c * (1 - dx) * dy + d * dx * dy);
    }
  }
  return { width, height, data: out };
}

/** Shrinks so the longer side is at most `maxSide` (never enlarges). Returns the scale applied. */
export function fitGray(src: GrayImage, maxSide: number): { img: GrayImage; scale: number } {
  const s = Math.min(1, maxSide / Math.max(src.width, src.height));
  if (s === 1) return { img: src, scale: 1 };
  return { img: resizeGray(src, src.width * s, src.height * s), scale: s };
}

/** Area-average resize of RGBA pixels so the longer side is at most `maxSide` (never enlarges). */
export function fitRgba(src: RgbaImage, maxSide: number): { img: RgbaImage; scale: number } {
  const s = Math.min(1, maxSide / Math.max(src.width, src.height));
  if (s === 1) return { img: src, scale: 1 };
  const width = Math.max(1, Math.round(src.width * s));
  const height = Math.max(1, Math.round(src.height * s));
  const out = new Uint8ClampedArray(width * height * 4);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const ya = Math.floor(y * sy);
    const yb = Math.max(ya + 1, Math.min(src.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const xa = Math.floor(x * sx);
      const xb = Math.max(xa + 1, Math.min(src.width, Math.floor((x + 1) * sx)));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let yy = ya; yy < yb; yy++) {
        for (let xx = xa; xx < xb; xx++) {
          const p = (yy * src.width + xx) * 4;
          r += src.data[p] as number;
          g += src.data[p + 1] as number;
          b += src.data[p + 2] as number;
          a += src.data[p + 3] as number;
        }
      }
      const n = (yb - ya) * (xb - xa);
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = a / n;
    }
  }
  return { img: { width, height, data: out }, scale: s };
}
