/**
 * The metadata stage: where was this photo or clip taken (EXIF / XMP GPS in images, ISO 6709 in
 * MP4/MOV), and "remove location data" (metadata removed without touching the pixels).
 * Pure: no browser API; exifr and the hand-written container walkers run in the service worker, the
 * offscreen document and Node alike.
 */
import exifr from 'exifr';
import {
  MalformedFileError,
  sniffKind,
  stripJpeg,
  stripPng,
  stripVideoLocation,
  stripWebp,
  videoLocationBoxes,
  webpExif,
  parseIso6709,
  type FileKind,
} from './containers';
import { isUsablePosition, type LatLon } from './geo';

export interface LocationReading {
  kind: FileKind;
  /** The position the file records, or null (no GPS, or GPS without a usable fix). */
  position: LatLon | null;
  /** The file carries GPS / location data (even an unusable one) that stripping would remove. */
  hasLocation: boolean;
  /** Why the file could not be read, in plain words; absent when it was read. */
  problem?: string;
}

/** XMP writes "51,30.081N" or "51,30,4.86N" (degrees, minutes[, seconds], hemisphere). */
export function parseXmpCoordinate(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(v);
  if (!m) return null;
  const deg = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return /[SW]/i.test(m[4] as string) ? -deg : deg;
}

const KIND_NAMES: Partial<Record<FileKind, string>> = { webm: 'WebM video', unknown: 'this kind of file' };

/** Reads where the file says it was taken. Never throws: a broken file gives `problem`. */
export async function readLocation(bytes: Uint8Array): Promise<LocationReading> {
  const kind = sniffKind(bytes);
  try {
    if (kind === 'mp4' || kind === 'mov') {
      const found = videoLocationBoxes(bytes);
      const parsed = found.map((f) => parseIso6709(f.iso6709)).find((p) => p && isUsablePosition(p)) ?? null;
      return { kind, position: parsed, hasLocation: found.length > 0 };
    }
    if (kind === 'webm' || kind === 'unknown') {
      return { kind, position: null, hasLocation: false, problem: `The location check cannot read ${KIND_NAMES[kind]}.` };
    }
    let source: Uint8Array = bytes;
    if (kind === 'webp') {
      const tiff = webpExif(bytes);
      if (!tiff) return { kind, position: null, hasLocation: false };
      source = tiff;
    }
    if (kind === 'gif') return { kind, position: null, hasLocation: false };
    const out = (await exifr.parse(source, { gps: true, xmp: true, mergeOutput: false, tiff: true, ifd0: {}, exif: false })) as
      | Record<string, Record<string, unknown> | undefined>
      | undefined;
    const gps = out?.gps;
    const xmpExif = out?.exif;
    const hasGpsTags = !!gps && Object.keys(gps).some((k) => k.startsWith('GPSLat') || k.startsWith('GPSLon') || k === 'latitude');
    const xmpLat = parseXmpCoordinate(xmpExif?.GPSLatitude);
    const xmpLon = parseXmpCoordinate(xmpExif?.GPSLongitude);
    let position: LatLon | null = null;
    if (gps && isUsablePosition(gps)) position = { latitude: gps.latitude, longitude: gps.longitude };
    else if (xmpLat !== null && xmpLon !== null && isUsablePosition({ latitude: xmpLat, longitude: xmpLon })) {
      position = { latitude: xmpLat, longitude: xmpLon };
    }
    return { kind, position, hasLocation: hasGpsTags || xmpLat !== null || xmpLon !== null };
  } catch (e) {
    const reason = e instanceof MalformedFileError ? 'the file is damaged' : 'its metadata could not be read';
    return { kind, position: null, hasLocation: false, problem: `The location check could not run: ${reason}.` };
  }
}

const MIME: Partial<Record<FileKind, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

export class UnsupportedFileError extends Error {}

/**
 * The same file without its metadata: JPEG loses APP1 (EXIF, XMP), APP13 (IPTC), COM and vendor
 * segments but keeps its orientation; PNG loses eXIf/tEXt/iTXt/zTXt/tIME; WebP loses EXIF/XMP; MP4
 * and MOV lose their location boxes. Pixels are copied byte for byte (no re-encoding, no quality
 * loss). Throws UnsupportedFileError (plain message) for a kind it cannot clean.
 */
export async function stripMetadata(bytes: Uint8Array, mime: string): Promise<{ bytes: Uint8Array; mime: string }> {
  const kind = sniffKind(bytes);
  try {
    switch (kind) {
      case 'jpeg':
        return { bytes: stripJpeg(bytes), mime: MIME.jpeg as string };
      case 'png':
        return { bytes: stripPng(bytes), mime: MIME.png as string };
      case 'webp':
        return { bytes: stripWebp(bytes), mime: MIME.webp as string };
      case 'mp4':
      case 'mov':
        // Keep the page's own type for the container when it named one (video/mp4 vs quicktime).
        return { bytes: stripVideoLocation(bytes), mime: mime.startsWith('video/') ? mime : (MIME[kind] as string) };
      default:
        break;
    }
  } catch (e) {
    if (e instanceof MalformedFileError) throw new UnsupportedFileError('The file seems to be damaged, so its location data could not be removed.');
    throw e;
  }
  const name = { heic: 'HEIC', avif: 'AVIF', gif: 'GIF', webm: 'WebM' }[kind as string] ?? 'this kind of file';
  throw new UnsupportedFileError(`Location data cannot be removed from ${name} yet. Save the photo as a JPEG first.`);
}
