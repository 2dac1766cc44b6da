/**
 * HEIC pixels with libheif (libheif-js: libheif + libde265 compiled to WebAssembly, LGPL-3.0). The
 * library is loaded as its own unmodified files, never bundled into our code: in the extension the
 * offscreen document adds /heif/libheif-bundle.js (the package's build with the WASM inlined, copied
 * by wxt.config.ts) as a script; the CLI requires libheif.js and reads libheif.wasm from
 * node_modules. No browser API here: the caller passes the loaded library.
 *
 * Chromium cannot decode HEIC at all; AVIF is decoded by the browser itself (libheif-js has no AV1
 * decoder). The picture is rotated and mirrored as the file says (libheif applies irot/imir).
 */
import type { RgbaImage } from './types';

interface HeifImageHandle {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(target: { data: Uint8ClampedArray; width: number; height: number }, done: (out: unknown) => void): void;
  free(): void;
}

/** The part of libheif-js's module that decoding needs. */
export interface LibHeif {
  HeifDecoder: new () => { decoder: number | null; decode(bytes: Uint8Array): HeifImageHandle[] };
  heif_context_free(ctx: number): void;
}

/** Largest picture decoded (pixels): a 48 MP phone photo; bigger is refused before any allocation. */
export const HEIF_MAX_PIXELS = 50_000_000;

/** The primary image of a HEIC file as 8-bit RGBA. Throws when the file holds no decodable image. */
export async function decodeHeif(lib: LibHeif, bytes: Uint8Array): Promise<RgbaImage> {
  const decoder = new lib.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    const image = images.find((i) => i.is_primary()) ?? images[0];
    if (!image) throw new Error('no image in this HEIF file');
    const width = image.get_width();
    const height = image.get_height();
    if (!(width > 0 && height > 0) || width * height > HEIF_MAX_PIXELS) throw new Error(`HEIF image of ${width}×${height} not decoded`);
    const data = new Uint8ClampedArray(width * height * 4);
    const out = await new Promise<unknown>((resolve) => image.display({ data, width, height }, resolve));
    if (!out) throw new Error('HEIF image could not be decoded');
    return { width, height, data };
  } finally {
    for (const i of images) i.free();
    if (decoder.decoder) lib.heif_context_free(decoder.decoder);
    decoder.decoder = null;
  }
}
