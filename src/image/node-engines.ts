/**
 * `ImageEngines` for Node (the CLI, tests, evaluation and benches): decoding with image-js, OCR with
 * tesseract.js and the English model shipped in @tesseract.js-data/eng, face detection with
 * @vladmandic/face-api's tiny face detector on the tfjs WASM backend, weights read from the package
 * on disk. Nothing is downloaded: every path is local and no fetch is made.
 * Node only (never bundled into the extension: the offscreen document has its own loader).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { decode as decodeImage, type Image } from 'image-js';
import { sniffKind } from './containers';
import { decodeHeif, type LibHeif } from './heif';
import { toGray } from './raster';
import type { ImageEngines, RgbaImage } from './types';

const require = createRequire(import.meta.url);

/** Decodes JPEG, PNG, TIFF, BMP (image-js) to 8-bit RGBA. WebP/GIF/AVIF are not readable in Node here (HEIC: decodeNodeAny). */
export function decodeNode(bytes: Uint8Array): RgbaImage {
  let img: Image = decodeImage(bytes);
  if (img.bitDepth !== 8) img = img.convertBitDepth(8);
  if (img.colorModel !== 'RGBA') img = img.convertColor('RGBA');
  const raw = img.getRawImage();
  return { width: raw.width, height: raw.height, data: new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength) };
}

let libheif: Promise<LibHeif> | null = null;

/** libheif-js's own files from node_modules (the WASM read from disk: nothing is fetched). */
function loadLibHeif(): Promise<LibHeif> {
  return (libheif ??= (async () => {
    const factory = require('libheif-js/libheif-wasm/libheif.js') as (opts: { wasmBinary: Uint8Array }) => LibHeif & { ready: Promise<unknown> };
    const lib = factory({ wasmBinary: readFileSync(require.resolve('libheif-js/libheif-wasm/libheif.wasm')) });
    await lib.ready;
    return lib;
  })());
}

type AvifDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
let avif: Promise<AvifDecode> | null = null;

/** @jsquash/avif (libavif + libaom's decoder in WebAssembly, Apache-2.0), its WASM read from disk. */
function loadAvif(): Promise<AvifDecode> {
  return (avif ??= (async () => {
    const mod = (await import('@jsquash/avif/decode.js')) as unknown as { default: AvifDecode; init(m: WebAssembly.Module): Promise<void> };
    const wasm = join(dirname(require.resolve('@jsquash/avif/package.json')), 'codec/dec/avif_dec.wasm');
    await mod.init(await WebAssembly.compile(readFileSync(wasm)));
    return mod.default;
  })());
}

/** decodeNode, plus HEIC through libheif and AVIF through @jsquash/avif. */
export async function decodeNodeAny(bytes: Uint8Array): Promise<RgbaImage> {
  const kind = sniffKind(bytes);
  if (kind === 'heic') return decodeHeif(await loadLibHeif(), bytes);
  if (kind === 'avif') {
    const img = await (await loadAvif())(bytes.slice().buffer);
    return { width: img.width, height: img.height, data: img.data };
  }
  return decodeNode(bytes);
}

type OcrResult = Awaited<ReturnType<NonNullable<ImageEngines['ocr']>>>;
type FaceBox = Awaited<ReturnType<NonNullable<ImageEngines['faces']>>>[number];

interface TesseractWorker {
  recognize(image: unknown, opts?: unknown, output?: unknown): Promise<{ data: { text: string; blocks: unknown } }>;
  terminate(): Promise<unknown>;
}

export interface NodeEngines extends ImageEngines {
  /** Frees the OCR worker and the face model. */
  close(): Promise<void>;
}

/**
 * Encodes the image as an uncompressed 8-bit grey BMP (tesseract.js in Node reads encoded images
 * only, and binarises to grey itself). Grey keeps a 12 MP photo at 2400 px to 4 MB: a 32-bit BMP of
 * it (17 MB) made tesseract.js's worker fail with "Too many properties to enumerate".
 */
function toGrayBmp(img: RgbaImage): Uint8Array {
  const { width: w, height: h, data } = img;
  const stride = (w + 3) & ~3;
  const offset = 54 + 256 * 4;
  const size = offset + stride * h;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  v.setUint32(2, size, true);
  v.setUint32(10, offset, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, w, true);
  v.setInt32(22, -h, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 8, true);
  v.setUint32(34, stride * h, true);
  v.setUint32(46, 256, true);
  for (let i = 0; i < 256; i++) {
    out[54 + i * 4] = i;
    out[54 + i * 4 + 1] = i;
    out[54 + i * 4 + 2] = i;
  }
  const gray = toGray(img).data;
  for (let y = 0; y < h; y++) out.set(gray.subarray(y * w, (y + 1) * w), offset + y * stride);
  return out;
}

interface TessWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

function wordsOf(blocks: unknown): TessWord[] {
  const out: TessWord[] = [];
  for (const b of (blocks as { paragraphs?: { lines?: { words?: TessWord[] }[] }[] }[] | null) ?? []) {
    for (const p of b.paragraphs ?? []) for (const l of p.lines ?? []) for (const w of l.words ?? []) out.push(w);
  }
  return out;
}

/**
 * Engines for Node. OCR and faces are loaded on first use (each costs a few hundred ms once) unless
 * left out with `{ ocr: false }` / `{ faces: false }`.
 */
export function createNodeEngines(opts: { ocr?: boolean; faces?: boolean } = {}): NodeEngines {
  let worker: Promise<TesseractWorker> | null = null;
  let faceModel: Promise<FaceApi> | null = null;
  const engines: NodeEngines = {
    async decode(bytes) {
      return decodeNodeAny(bytes);
    },
    async close() {
      if (worker) await (await worker).terminate();
      worker = null;
      faceModel = null;
    },
  };
  if (opts.ocr !== false) {
    engines.ocr = async (img: RgbaImage, signal?: AbortSignal): Promise<OcrResult> => {
      worker ??= loadTesseract();
      const w = await worker;
      signal?.throwIfAborted();
      const { data } = await w.recognize(Buffer.from(toGrayBmp(img)), {}, { blocks: true, text: true });
      const words = wordsOf(data.blocks).map((x) => ({
        text: x.text,
        x: x.bbox.x0,
        y: x.bbox.y0,
        w: x.bbox.x1 - x.bbox.x0,
        h: x.bbox.y1 - x.bbox.y0,
        confidence: x.confidence,
      }));
      return { text: data.text, words };
    };
  }
  if (opts.faces !== false) {
    engines.faces = async (img: RgbaImage, signal?: AbortSignal): Promise<FaceBox[]> => {
      faceModel ??= loadFaceApi();
      const api = await faceModel;
      signal?.throwIfAborted();
      return api.detect(img);
    };
  }
  return engines;
}

async function loadTesseract(): Promise<TesseractWorker> {
  const { createWorker, OEM } = (await import('tesseract.js')) as unknown as {
    createWorker: (lang: string, oem: number, opts: Record<string, unknown>) => Promise<TesseractWorker>;
    OEM: { LSTM_ONLY: number };
  };
  const langDir = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  // The package holds 4.0.0_best_int/eng.traineddata.gz: local path, no cache written, no download.
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: join(langDir, '4.0.0_best_int'),
    cacheMethod: 'none',
    gzip: true,
  });
}

interface FaceApi {
  detect(img: RgbaImage): Promise<FaceBox[]>;
}

async function loadFaceApi(): Promise<FaceApi> {
  const tf = (await import('@tensorflow/tfjs')) as typeof import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as { setWasmPaths: (p: string) => void };
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  wasm.setWasmPaths(`${join(wasmDir, 'dist')}/`);
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof import('@vladmandic/face-api');
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  const manifest = JSON.parse(readFileSync(join(modelDir, 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as {
    paths: string[];
    weights: Parameters<typeof tf.io.decodeWeights>[1];
  }[];
  const group = manifest[0] as { paths: string[]; weights: Parameters<typeof tf.io.decodeWeights>[1] };
  const bin = readFileSync(join(modelDir, group.paths[0] as string));
  const weights = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), group.weights);
  const net = faceapi.nets.tinyFaceDetector as unknown as { loadFromWeightMap(w: unknown): void };
  net.loadFromWeightMap(weights);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.5 });
  return {
    async detect(img) {
      const input = tf.tidy(() => {
        const rgba = tf.tensor3d(Uint8Array.from(img.data), [img.height, img.width, 4], 'int32');
        return tf.slice(rgba, [0, 0, 0], [img.height, img.width, 3]);
      });
      try {
        const dets = await faceapi.detectAllFaces(input as unknown as Parameters<typeof faceapi.detectAllFaces>[0], options);
        return dets.map((d) => ({ x: d.box.x, y: d.box.y, w: d.box.width, h: d.box.height, score: d.score }));
      } finally {
        input.dispose();
      }
    },
  };
}
