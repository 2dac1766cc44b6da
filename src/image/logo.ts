/**
 * logo: is one of the school's logos in this image? Two checks, cheapest first:
 *   1. whole image: the image *is* the logo, resized, recompressed, slightly cropped or recoloured
 *      (a 256-bit median hash of the grey image, compared by Hamming distance, plus its negative);
 *   2. part of a photo: oriented FAST keypoints + steered BRIEF descriptors, matched against the logo
 *      at several scales, then a RANSAC similarity transform with checks on the fitted geometry
 *      (src/image/features.ts), so unrelated photos with a few chance matches do not fire.
 * Pure: no browser API. Prepared logos are cached per LogoInput object (the pipeline keeps them).
 */
import { matchLogoFeatures, prepareLogoFeatures, sceneFeatures, type PreparedLogoFeatures } from './features';
import { fitGray, resizeGray, toGray, type GrayImage } from './raster';
import type { ImageEngines, LogoInput } from './types';

export interface LogoMatch {
  logo: string;
  method: 'whole' | 'features';
  /** Where, as fractions of the image. */
  box: { x: number; y: number; w: number; h: number };
}

/** Median hash: 16×16 area averages, one bit per block (above the median). */
export function medianHash(img: GrayImage): Uint8Array {
  const small = resizeGray(img, 16, 16).data;
  const sorted = Array.from(small).sort((a, b) => a - b);
  const median = ((sorted[127] as number) + (sorted[128] as number)) / 2;
  const bits = new Uint8Array(256);
  for (let i = 0; i < 256; i++) bits[i] = (small[i] as number) > median ? 1 : 0;
  return bits;
}

export function hammingBits(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] === b[i] ? 0 : 1;
  return d;
}

/**
 * At most this many of 256 bits may differ for "this image is the logo". Measured on the fixture
 * set (scripts/image-eval.ts): the logo resized, JPEG q40–90, cropped ≤ 8 %, hue-shifted: ≤ 30;
 * unrelated photos and certificates: ≥ 70.
 */
export const WHOLE_HASH_MAX_DISTANCE = 40;
/** The image's aspect ratio must be within this factor of the logo's for a whole-image match. */
const WHOLE_ASPECT_TOLERANCE = 1.35;

interface PreparedLogo {
  name: string;
  hash: Uint8Array;
  aspect: number;
  features: PreparedLogoFeatures;
}

const cache = new WeakMap<LogoInput, Promise<PreparedLogo>>();

async function prepare(logo: LogoInput, engines: Pick<ImageEngines, 'decode'>): Promise<PreparedLogo> {
  let p = cache.get(logo);
  if (!p) {
    p = (async () => {
      const gray = toGray(await engines.decode(logo.png, 'image/png'));
      return { name: logo.name, hash: medianHash(gray), aspect: gray.width / gray.height, features: prepareLogoFeatures(gray) };
    })();
    cache.set(logo, p);
    p.catch(() => cache.delete(logo));
  }
  return p;
}

/** Decodes and indexes the logos ahead of the first image (the pipeline calls it when logos change). */
export async function warmLogos(logos: readonly LogoInput[], engines: Pick<ImageEngines, 'decode'>): Promise<void> {
  await Promise.all(logos.map((l) => prepare(l, engines)));
}

/** Working size for feature matching: a crest of ~5 % of a 12 MP photo's width keeps ~60 px. */
export const FEATURE_MAX_SIDE = 1280;

export async function findLogo(
  scene: GrayImage,
  logos: readonly LogoInput[],
  engines: Pick<ImageEngines, 'decode'>,
): Promise<LogoMatch | null> {
  const prepared = await Promise.all(logos.map((l) => prepare(l, engines)));
  const aspect = scene.width / scene.height;
  const hash = medianHash(scene);
  for (const logo of prepared) {
    const ratio = aspect > logo.aspect ? aspect / logo.aspect : logo.aspect / aspect;
    if (ratio > WHOLE_ASPECT_TOLERANCE) continue;
    const d = hammingBits(hash, logo.hash);
    if (d <= WHOLE_HASH_MAX_DISTANCE || 256 - d <= WHOLE_HASH_MAX_DISTANCE) {
      return { logo: logo.name, method: 'whole', box: { x: 0, y: 0, w: 1, h: 1 } };
    }
  }
  const { img } = fitGray(scene, FEATURE_MAX_SIDE);
  const features = sceneFeatures(img);
  if (!features) return null;
  for (const logo of prepared) {
    const m = matchLogoFeatures(img, features, logo.features);
    if (m) return { logo: logo.name, method: 'features', box: m.box };
  }
  return null;
}
