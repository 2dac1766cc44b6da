/**
 * Browser `ImageEngines` for the offscreen document (extension origin, trusted side): decoding with
 * createImageBitmap + OffscreenCanvas, OCR with tesseract.js, face detection (never recognition)
 * with @vladmandic/face-api on tfjs. Every file they load ships inside the extension (copied into
 * the build by wxt.config.ts) and is loaded by extension URL: the CSP's connect-src 'self' lets
 * them read our own files and nothing else, so a CDN fallback inside a library could not run.
 *
 * Engines load lazily on first use and stay warm until the background closes the document.
 */
import { sniffKind } from '../image/containers';
import { decodeHeif, type LibHeif } from '../image/heif';
import type { ImageEngines, RgbaImage } from '../image/types';
import { decodeImage } from './decode';
import { TESS_CORE } from './tess-core';

export { decodeImage, firstVideoFrame } from './decode';

export interface EngineUrls {
  /** chrome.runtime.getURL, passed in so this module has no extension API of its own. */
  url(path: string): string;
}

/** The pixels on a white background (dark text on a transparent PNG would read as black on black). */
function toCanvas(img: RgbaImage): OffscreenCanvas {
  const raw = new OffscreenCanvas(img.width, img.height);
  const data = new Uint8ClampedArray(img.data.buffer as ArrayBuffer, img.data.byteOffset, img.data.byteLength);
  raw.getContext('2d')!.putImageData(new ImageData(data, img.width, img.height), 0, 0);
  const canvas = new OffscreenCanvas(img.width, img.height);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, img.width, img.height);
  g.drawImage(raw, 0, 0);
  return canvas;
}

type TessWorker = Awaited<ReturnType<typeof import('tesseract.js')['createWorker']>>;
type FaceApi = typeof import('@vladmandic/face-api');

export function browserEngines(urls: EngineUrls): ImageEngines & { ready: { ocr: boolean; faces: boolean }; dispose(): Promise<void> } {
  let tess: Promise<TessWorker> | null = null;
  let face: Promise<FaceApi> | null = null;
  let heif: Promise<LibHeif> | null = null;
  const ready = { ocr: false, faces: false };

  // libheif-js as shipped (its unmodified bundle, a classic script defining the global `libheif`
  // with the WASM inlined: nothing else is read or fetched).
  const heifLib = () =>
    (heif ??= (async () => {
      const g = globalThis as unknown as { libheif?: () => LibHeif & { ready: Promise<unknown> } };
      if (!g.libheif) {
        await new Promise<void>((resolve, reject) => {
          const s = document.createElement('script');
          s.src = urls.url('/heif/libheif-bundle.js');
          s.onload = () => resolve();
          s.onerror = () => reject(new Error('libheif did not load'));
          document.head.append(s);
        });
      }
      const lib = g.libheif!();
      await lib.ready;
      return lib;
    })().catch((e: unknown) => {
      heif = null;
      throw e;
    }));

  const ocrWorker = () =>
    (tess ??= (async () => {
      const { createWorker, OEM } = await import('tesseract.js');
      const w = await createWorker('eng', OEM.LSTM_ONLY, {
        workerPath: urls.url('/tess/worker.min.js'),
        // A file, not the directory: tesseract.js would then pick a build by feature detection,
        // and we ship only this one.
        corePath: urls.url(`/tess/core/${TESS_CORE}`),
        langPath: urls.url('/tess/lang'),
        // A blob: worker could not import our scripts; the extension's own worker file can.
        workerBlobURL: false,
        // No IndexedDB cache of the language file: it ships with us, and nothing is stored.
        cacheMethod: 'none',
        gzip: true,
      });
      ready.ocr = true;
      return w;
    })());

  const faceApi = () =>
    (face ??= (async () => {
      const faceapi = await import('@vladmandic/face-api');
      // WebGL when the machine has it, else plain JS (no WASM backend: it did not initialise in
      // an offscreen document in our measurements, reference/libraries.md §7).
      const tf = faceapi.tf as unknown as { setBackend(b: string): Promise<boolean>; ready(): Promise<void> };
      if (!(await tf.setBackend('webgl').catch(() => false))) await tf.setBackend('cpu');
      await tf.ready();
      // A path, not the full chrome-extension:// URL: face-api re-joins a URL's parts and doubles
      // the host. The path resolves against this document's own origin (our extension).
      await faceapi.nets.tinyFaceDetector.loadFromUri('/face');
      ready.faces = true;
      return faceapi;
    })());

  return {
    ready,
    /**
     * Frees the models (the OCR worker and its WASM heap, the face detector's weights); the next
     * check loads them again. Chrome closes the whole offscreen document instead; the Firefox
     * background page cannot close itself, so it calls this when image checks go idle.
     */
    async dispose() {
      const [t, f] = [tess, face];
      tess = face = null;
      ready.ocr = ready.faces = false;
      await Promise.allSettled([
        t?.then((w) => w.terminate()),
        f?.then((faceapi) => faceapi.nets.tinyFaceDetector.dispose()),
      ]);
    },
    // Chromium decodes JPEG, PNG, WebP, GIF and AVIF itself; HEIC only through libheif.
    decode: async (bytes, mime) => (sniffKind(bytes) === 'heic' ? decodeHeif(await heifLib(), bytes) : decodeImage(bytes, mime)),
    async ocr(img) {
      const w = await ocrWorker();
      const { data } = await w.recognize(toCanvas(img), {}, { text: true, blocks: true });
      const words: { text: string; x: number; y: number; w: number; h: number; confidence: number }[] = [];
      for (const b of data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines)
            for (const wd of l.words)
              words.push({ text: wd.text, x: wd.bbox.x0, y: wd.bbox.y0, w: wd.bbox.x1 - wd.bbox.x0, h: wd.bbox.y1 - wd.bbox.y0, confidence: wd.confidence });
      return { text: data.text, words };
    },
    async faces(img) {
      const faceapi = await faceApi();
      const tf = faceapi.tf as unknown as {
        tensor3d(data: Uint8Array | Int32Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
      };
      // RGB tensor straight from our pixels: no canvas shims needed in the offscreen document.
      const rgb = new Int32Array(img.width * img.height * 3);
      for (let i = 0, j = 0; i < img.data.length; i += 4, j += 3) {
        rgb[j] = img.data[i]!;
        rgb[j + 1] = img.data[i + 1]!;
        rgb[j + 2] = img.data[i + 2]!;
      }
      const tensor = tf.tensor3d(rgb, [img.height, img.width, 3], 'int32');
      try {
        const found = await faceapi.detectAllFaces(tensor as never, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
        return found.map((d) => ({ x: d.box.x, y: d.box.y, w: d.box.width, h: d.box.height, score: d.score }));
      } finally {
        tensor.dispose();
      }
    },
  };
}

