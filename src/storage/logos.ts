/**
 * Logo repository: the school's logos as our own downscaled PNGs (at most 512 px), for the logo
 * check. Trusted side only (background, extension pages). The PNG is re-checked here before it is
 * stored: signature, IHDR size equal to what the page claimed, size cap. The uploaded file itself
 * (SVG markup, EXIF, ...) never reaches this module.
 */
import type { LogoRow, SecondLookDb } from './db';

export const LOGO_LIMITS = Object.freeze({ maxSide: 512, maxBytes: 1_100_000, maxLogos: 20 });

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 33 || !PNG_SIG.every((b, i) => png[i] === b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // Length 13, type "IHDR".
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452) return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export type AddLogoResult = { ok: true; row: LogoRow } | { ok: false; error: string };

export class LogoRepo {
  constructor(
    private readonly db: SecondLookDb,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<LogoRow[]> {
    return this.db.logos.orderBy('id').toArray();
  }

  async add(name: string, png: Uint8Array, width: number, height: number): Promise<AddLogoResult> {
    const size = pngSize(png);
    if (!size) return { ok: false, error: 'The logo was not stored: the image data is not a PNG.' };
    if (size.width !== width || size.height !== height) return { ok: false, error: 'The logo was not stored: its size does not match the image data.' };
    if (width > LOGO_LIMITS.maxSide || height > LOGO_LIMITS.maxSide) return { ok: false, error: `The logo was not stored: it must be at most ${LOGO_LIMITS.maxSide} pixels on each side.` };
    if (png.length > LOGO_LIMITS.maxBytes) return { ok: false, error: 'The logo was not stored: the image is too large.' };
    return this.db.transaction('rw', this.db.logos, async () => {
      if ((await this.db.logos.count()) >= LOGO_LIMITS.maxLogos) {
        return { ok: false as const, error: `There are already ${LOGO_LIMITS.maxLogos} logos: remove one first.` };
      }
      const row: LogoRow = { name: name.trim().slice(0, 200), width, height, png, addedAt: this.now() };
      const id = (await this.db.logos.add(row)) as number;
      return { ok: true as const, row: { ...row, id } };
    });
  }

  async delete(id: number): Promise<void> {
    await this.db.logos.delete(id);
  }

  async clear(): Promise<void> {
    await this.db.logos.clear();
  }
}
