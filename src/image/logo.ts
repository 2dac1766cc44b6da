/**
 * logo: is one of the school's logos in this image, whether the image is the logo file itself
 * (resized, recompressed, cropped, recoloured) or a photo with the logo in it (a crest on a jumper,
 * a sign)? One method covers both (src/image/features.ts): oriented FAST keypoints + steered BRIEF
 * descriptors matched against the logo at several scales and as its negative, a RANSAC fit of the
 * placement, a photometric check of the whole logo at that placement, and a finer check of its edges
 * (8×8 cells, insensitive to recolouring), so unrelated photos, other schools' crests that share an
 * emblem, and near-twin crests with other initials do not fire.
 *
 * A whole-image perceptual hash was tried first and dropped: on the labelled set it could not tell
 * two crests of the same shape apart (Hamming distance 6–9 of 256 between different crests, 45 for
 * the school's own crest cropped by 8 %).
 * Pure: no browser API. Prepared logos are cached by content (see `prepare`).
 */
import { matchLogoFeatures, prepareLogo, sceneFeatures, type PreparedLogoFeatures } from './features';
import { fitGray, type GrayImage } from './raster';
import type { ImageEngines, LogoInput } from './types';

export interface LogoMatch {
  logo: string;
  method: 'whole' | 'features';
  /** Where, as fractions of the image. */
  box: { x: number; y: number; w: number; h: number };
}

interface PreparedLogo {
  name: string;
  features: PreparedLogoFeatures;
}

/**
 * Prepared logos by content (name, size and an FNV-1a hash of the PNG), so a pipeline that reads
 * the logos afresh for each image does not pay the preparation (~200 ms a logo) again. At most
 * MAX_CACHED logos are kept; the oldest goes first.
 */
const cache = new Map<string, Promise<PreparedLogo>>();
const MAX_CACHED = 8;

function cacheKey(logo: LogoInput): string {
  let h = 0x811c9dc5;
  const b = logo.png;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  return `${logo.name}\u0000${logo.width}x${logo.height}\u0000${b.length}\u0000${(h >>> 0).toString(16)}`;
}

async function prepare(logo: LogoInput, engines: Pick<ImageEngines, 'decode'>): Promise<PreparedLogo> {
  const key = cacheKey(logo);
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const rgba = await engines.decode(logo.png, 'image/png');
      return { name: logo.name, features: prepareLogo(rgba) };
    })();
    cache.set(key, p);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
    p.catch(() => cache.delete(key));
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
  const { img } = fitGray(scene, FEATURE_MAX_SIDE);
  const features = sceneFeatures(img);
  if (!features) return null;
  for (const logo of prepared) {
    const m = matchLogoFeatures(img, features, logo.features);
    // The logo filling most of the picture: the picture is the logo file (or a close crop of it).
    if (m) return { logo: logo.name, method: m.box.w * m.box.h >= 0.6 ? 'whole' : 'features', box: m.box };
  }
  return null;
}
