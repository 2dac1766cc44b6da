/**
 * The metadata stage: where was this photo or clip taken (EXIF / XMP GPS in images, HEIC and AVIF
 * included; ISO 6709 in MP4/MOV and in WebM/Matroska location tags), and "remove location data" (metadata removed without touching the pixels).
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
  heifExif,
  heifXmp,
  stripHeif,
  matroskaLocationTags,
  stripMatroskaLocation,
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



/** Reads where the file says it was taken. Never throws: a broken file gives `problem`. */
export async function readLocation(bytes: Uint8Array): Promise<LocationReading> {
  const kind = sniffKind(bytes);
  try {
    if (kind === 'mp4' || kind === 'mov') {
      const found = videoLocationBoxes(bytes);
      const parsed = found.map((f) => parseIso6709(f.iso6709)).find((p) => p && isUsablePosition(p)) ?? null;
      return { kind, position: parsed, hasLocation: found.length > 0 };
    }
    if (kind === 'webm') {
      // Matroska has no standard GPS field; ffmpeg carries a phone clip's ISO 6709 over as a tag.
      const tags = matroskaLocationTags(bytes);
      const parsed = tags.map((t) => parseIso6709(t.value)).find((p) => p && isUsablePosition(p)) ?? null;
      return { kind, position: parsed, hasLocation: tags.length > 0 };
    }
    if (kind === 'unknown') return { kind, position: null, hasLocation: false, problem: 'The location check cannot read this kind of file.' };
    let source: Uint8Array = bytes;
    if (kind === 'heic' || kind === 'avif') return await readHeifLocation(bytes, kind);
    if (kind === 'webp') {
      const tiff = webpExif(bytes);
      if (!tiff) return { kind, position: null, hasLocation: false };
      source = tiff;
    }
    if (kind === 'gif') return { kind, position: null, hasLocation: false };
    const out = await exifGpsAndXmp(source, true);
    return { kind, ...locationOf(out?.gps, out?.exif?.GPSLatitude, out?.exif?.GPSLongitude) };
  } catch (e) {
    const reason = e instanceof MalformedFileError ? 'the file is damaged' : 'its metadata could not be read';
    return { kind, position: null, hasLocation: false, problem: `The location check could not run: ${reason}.` };
  }
}

type ExifrOut = Record<string, Record<string, unknown> | undefined> | undefined;

async function exifGpsAndXmp(source: Uint8Array, xmp: boolean): Promise<ExifrOut> {
  return (await exifr.parse(source, { gps: true, xmp, mergeOutput: false, tiff: true, ifd0: {}, exif: false })) as ExifrOut;
}

function locationOf(gps: Record<string, unknown> | undefined, xmpLatRaw: unknown, xmpLonRaw: unknown): Omit<LocationReading, 'kind'> {
  const hasGpsTags = !!gps && Object.keys(gps).some((k) => k.startsWith('GPSLat') || k.startsWith('GPSLon') || k === 'latitude');
  const xmpLat = parseXmpCoordinate(xmpLatRaw);
  const xmpLon = parseXmpCoordinate(xmpLonRaw);
  let position: LatLon | null = null;
  if (gps && isUsablePosition(gps)) position = { latitude: gps.latitude as number, longitude: gps.longitude as number };
  else if (xmpLat !== null && xmpLon !== null && isUsablePosition({ latitude: xmpLat, longitude: xmpLon })) {
    position = { latitude: xmpLat, longitude: xmpLon };
  }
  return { position, hasLocation: hasGpsTags || xmpLat !== null || xmpLon !== null };
}

/** exif:GPSLatitude / exif:GPSLongitude in an XMP packet, as an attribute or as an element. */
export function xmpGpsValue(xmp: string, name: 'GPSLatitude' | 'GPSLongitude'): string | undefined {
  const attr = new RegExp(`exif:${name}\\s*=\\s*["']([^"'<>]{1,40})["']`).exec(xmp);
  if (attr) return attr[1];
  const el = new RegExp(`<exif:${name}>([^<]{1,40})</exif:${name}>`).exec(xmp);
  return el?.[1];
}

/**
 * HEIC / AVIF: the Exif item's TIFF block (found by our own item walker: exifr's HEIF reader skips
 * iloc's base offset, so it misses the Exif of files libheif wrote), the XMP item, and for a HEIF
 * sequence the ISO 6709 boxes of its 'moov'.
 */
async function readHeifLocation(bytes: Uint8Array, kind: FileKind): Promise<LocationReading> {
  const tiff = heifExif(bytes);
  const out = tiff ? await exifGpsAndXmp(tiff, false) : undefined;
  const xmp = heifXmp(bytes);
  const reading = locationOf(out?.gps, xmpGpsValue(xmp, 'GPSLatitude'), xmpGpsValue(xmp, 'GPSLongitude'));
  const boxes = videoLocationBoxes(bytes);
  if (!reading.position) reading.position = boxes.map((f) => parseIso6709(f.iso6709)).find((p) => p && isUsablePosition(p)) ?? null;
  return { kind, position: reading.position, hasLocation: reading.hasLocation || boxes.length > 0 };
}

const MIME: Partial<Record<FileKind, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  heic: 'image/heic',
  avif: 'image/avif',
};

export class UnsupportedFileError extends Error {}

/**
 * The same file without its metadata: JPEG loses APP1 (EXIF, XMP), APP13 (IPTC), COM and vendor
 * segments but keeps its orientation; PNG loses eXIf/tEXt/iTXt/zTXt/tIME; WebP loses EXIF/XMP; HEIC
 * and AVIF have their Exif and XMP items emptied in place; MP4 and MOV lose their location boxes,
 * WebM its location tags. Pixels are copied byte for byte (no re-encoding, no quality
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
      case 'webm':
        return { bytes: stripMatroskaLocation(bytes), mime: 'video/webm' };
      case 'heic':
      case 'avif':
        // Keep the page's own type (image/heif vs image/heic) when it named one.
        return { bytes: stripHeif(bytes), mime: mime.startsWith('image/hei') || mime === 'image/avif' ? mime : (MIME[kind] as string) };
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
  const name = { gif: 'GIF' }[kind as string] ?? 'this kind of file';
  throw new UnsupportedFileError(`Location data cannot be removed from ${name} yet. Save the photo as a JPEG first.`);
}
