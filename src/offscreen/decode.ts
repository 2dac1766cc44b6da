/**
 * Decoding without any model: images with createImageBitmap + OffscreenCanvas, a video's first
 * frame with a <video> element and a canvas. Used by the offscreen document (Chrome) and by the
 * Firefox background page (both through src/offscreen/engines.ts). Trusted side.
 */
import type { RgbaImage } from '../image/types';

export function decodeImage(bytes: Uint8Array, mime: string): Promise<RgbaImage> {
  return (async () => {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }), { imageOrientation: 'from-image' });
    try {
      return bitmapToRgba(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  })();
}

export function bitmapToRgba(source: CanvasImageSource, width: number, height: number): RgbaImage {
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('no 2d context');
  g.drawImage(source, 0, 0, width, height);
  const data = g.getImageData(0, 0, width, height).data;
  return { width, height, data };
}

/** The first frame of a video as PNG bytes, from a <video> element and a canvas. */
export async function firstVideoFrame(doc: Document, bytes: Uint8Array, mime: string, timeoutMs = 15_000): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const video = doc.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('video timed out')), timeoutMs);
      video.addEventListener('loadeddata', () => (clearTimeout(timer), resolve()), { once: true });
      video.addEventListener('error', () => (clearTimeout(timer), reject(new Error('video error'))), { once: true });
      video.src = url;
    });
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) throw new Error('no video frame');
    const canvas = new OffscreenCanvas(w, h);
    canvas.getContext('2d')!.drawImage(video, 0, 0, w, h);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}
