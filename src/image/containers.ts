/**
 * Byte-level walkers for the file formats a school photo or clip arrives in: JPEG segments, PNG
 * chunks, WebP (RIFF) chunks, ISO BMFF boxes (MP4, MOV, HEIC, AVIF). Used to find location data the
 * EXIF library cannot see (video ©xyz / ISO 6709) and to remove metadata without re-encoding pixels.
 * Pure: no browser API. Every length read is bounds-checked; a malformed file is reported as such.
 */

export type FileKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'avif' | 'mp4' | 'mov' | 'webm' | 'unknown';

/** What the bytes are (by their signature, never by the name or the MIME type the page gave). */
export function sniffKind(b: Uint8Array): FileKind {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brands: string[] = [];
    const size = Math.min(readU32(b, 0), b.length, 256);
    for (let o = 8; o + 4 <= size; o += 4) if (o !== 12) brands.push(ascii(b, o, 4));
    if (brands.some((x) => x === 'avif' || x === 'avis')) return 'avif';
    if (brands.some((x) => ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(x))) return 'heic';
    if (brands[0] === 'qt  ') return 'mov';
    return 'mp4';
  }
  // Old QuickTime files start with a moov/mdat/wide/free atom and no ftyp.
  if (b.length >= 8 && ['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(b, 4, 4))) return 'mov';
  return 'unknown';
}

export function ascii(b: Uint8Array, at: number, n: number): string {
  let s = '';
  for (let i = at; i < at + n && i < b.length; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

export function readU32(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0;
}

function readU16(b: Uint8Array, at: number): number {
  return ((b[at] as number) << 8) | (b[at + 1] as number);
}

function readU32LE(b: Uint8Array, at: number): number {
  return ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;
}

function writeU32LE(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

export class MalformedFileError extends Error {}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JPEG

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  start: number;
  /** Offset just past the segment (for SOS: the start of the entropy-coded data). */
  end: number;
}

/** The marker segments before the image data (SOS), in order. */
export function jpegSegments(b: Uint8Array): { segments: JpegSegment[]; sos: number } {
  const segments: JpegSegment[] = [];
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) throw new MalformedFileError('JPEG marker expected');
    let marker = b[o + 1] as number;
    // Fill bytes (0xFF 0xFF ...) may precede a marker.
    let p = o + 1;
    while (marker === 0xff && p + 1 < b.length) marker = b[++p] as number;
    const at = p - 1;
    if (marker === 0xda) return { segments, sos: at };
    if (marker === 0xd9) break;
    if (marker >= 0xd0 && marker <= 0xd7) {
      o = p + 1;
      continue;
    }
    const len = readU16(b, p + 1);
    if (len < 2 || p + 1 + len > b.length) throw new MalformedFileError('JPEG segment runs past the end');
    segments.push({ marker, start: at, end: p + 1 + len });
    o = p + 1 + len;
  }
  throw new MalformedFileError('JPEG has no image data');
}

/**
 * Which JPEG segments carry metadata that can identify a place or a person: APP1 (EXIF, XMP),
 * APP13 (Photoshop IPTC), COM, and APP3–APP12/APP15 (maker and vendor blocks). Kept: APP0 (JFIF),
 * APP2 ICC profiles (colour only), APP14 (Adobe: decoders need it for the colour transform), and
 * everything that defines the pixels.
 */
function jpegSegmentIsMetadata(b: Uint8Array, s: JpegSegment): boolean {
  const m = s.marker;
  if (m === 0xfe) return true;
  if (m === 0xe0 || m === 0xee) return false;
  if (m === 0xe2) return ascii(b, s.start + 4, 11) !== 'ICC_PROFILE';
  return m >= 0xe1 && m <= 0xef;
}

/** The EXIF orientation (1–8) of a JPEG, or 1. Read by hand so stripping can keep it. */
export function jpegOrientation(b: Uint8Array): number {
  try {
    const { segments } = jpegSegments(b);
    for (const s of segments) {
      if (s.marker !== 0xe1 || ascii(b, s.start + 4, 6) !== 'Exif\0\0') continue;
      const t = s.start + 10;
      const le = ascii(b, t, 2) === 'II';
      const u16 = (at: number) => (le ? (b[at] as number) | ((b[at + 1] as number) << 8) : readU16(b, at));
      const u32 = (at: number) => (le ? readU32LE(b, at) : readU32(b, at));
      const ifd = t + u32(t + 4);
      if (ifd + 2 > s.end) return 1;
      const n = u16(ifd);
      for (let i = 0; i < n; i++) {
        const e = ifd + 2 + i * 12;
        if (e + 12 > s.end) break;
        if (u16(e) === 0x0112) {
          const v = u16(e + 8);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
    }
  } catch {
    // A malformed file has no usable orientation.
  }
  return 1;
}

/** A minimal big-endian EXIF APP1 segment holding only the orientation tag. */
function orientationApp1(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const body = [...Array.from('Exif\0\0', (c) => c.charCodeAt(0)), ...tiff];
  const len = body.length + 2;
  return new Uint8Array([0xff, 0xe1, len >> 8, len & 0xff, ...body]);
}

/** The JPEG without metadata segments; pixels untouched (the entropy-coded data is copied as is). */
export function stripJpeg(b: Uint8Array): Uint8Array {
  const { segments, sos } = jpegSegments(b);
  const orientation = jpegOrientation(b);
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let wroteOrientation = orientation === 1;
  for (const s of segments) {
    if (jpegSegmentIsMetadata(b, s)) continue;
    parts.push(b.subarray(s.start, s.end));
    // Orientation goes right after APP0 (or first), so the photo still shows the right way up.
    if (!wroteOrientation && s.marker === 0xe0) {
      parts.push(orientationApp1(orientation));
      wroteOrientation = true;
    }
  }
  if (!wroteOrientation) parts.splice(1, 0, orientationApp1(orientation));
  // Anything after the end-of-image marker (some phones append data there) is dropped too.
  let end = b.length;
  for (let i = b.length - 2; i >= sos; i--) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) {
      end = i + 2;
      break;
    }
  }
  parts.push(b.subarray(sos, end));
  return concat(parts);
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

export function pngChunks(b: Uint8Array): { type: string; start: number; end: number }[] {
  const out: { type: string; start: number; end: number }[] = [];
  let o = 8;
  while (o + 12 <= b.length) {
    const len = readU32(b, o);
    const type = ascii(b, o + 4, 4);
    const end = o + 12 + len;
    if (end > b.length) throw new MalformedFileError('PNG chunk runs past the end');
    out.push({ type, start: o, end });
    o = end;
    if (type === 'IEND') break;
  }
  return out;
}

export function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  for (const c of pngChunks(b)) if (!PNG_METADATA_CHUNKS.has(c.type)) parts.push(b.subarray(c.start, c.end));
  return concat(parts);
}

// ---------------------------------------------------------------------------------------------
// WebP

export function webpChunks(b: Uint8Array): { type: string; start: number; end: number }[] {
  const out: { type: string; start: number; end: number }[] = [];
  let o = 12;
  while (o + 8 <= b.length) {
    const len = readU32LE(b, o + 4);
    const end = o + 8 + len + (len & 1);
    if (o + 8 + len > b.length) throw new MalformedFileError('WebP chunk runs past the end');
    out.push({ type: ascii(b, o, 4), start: o, end: Math.min(end, b.length) });
    o = end;
  }
  return out;
}

export function stripWebp(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const c of webpChunks(b)) {
    if (c.type === 'EXIF' || c.type === 'XMP ') continue;
    let chunk = b.subarray(c.start, c.end);
    if (c.type === 'VP8X') {
      chunk = chunk.slice();
      // Clear the "has EXIF" (bit 3) and "has XMP" (bit 2) flags.
      chunk[8] = (chunk[8] as number) & ~0x0c;
    }
    parts.push(chunk);
  }
  const body = concat(parts);
  const out = new Uint8Array(12 + body.length);
  out.set(b.subarray(0, 12));
  writeU32LE(out, 4, 4 + body.length);
  out.set(body, 12);
  return out;
}

/** The raw TIFF block of a WebP's EXIF chunk (for the EXIF reader), or null. */
export function webpExif(b: Uint8Array): Uint8Array | null {
  for (const c of webpChunks(b)) {
    if (c.type !== 'EXIF') continue;
    let data = b.subarray(c.start + 8, c.start + 8 + readU32LE(b, c.start + 4));
    if (ascii(data, 0, 6) === 'Exif\0\0') data = data.subarray(6);
    return data;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// ISO BMFF (MP4, MOV): location metadata

export interface BoxRef {
  type: string;
  start: number;
  /** Offset of the payload (after size/type, and after a 64-bit size). */
  payload: number;
  end: number;
}

export function boxes(b: Uint8Array, from: number, to: number): BoxRef[] {
  const out: BoxRef[] = [];
  let o = from;
  while (o + 8 <= to) {
    let size = readU32(b, o);
    const type = ascii(b, o + 4, 4);
    let payload = o + 8;
    if (size === 1) {
      if (o + 16 > to) break;
      const hi = readU32(b, o + 8);
      size = hi * 2 ** 32 + readU32(b, o + 12);
      payload = o + 16;
    } else if (size === 0) {
      size = to - o;
    }
    if (size < payload - o || o + size > to) break;
    out.push({ type, start: o, payload, end: o + size });
    o += size;
  }
  return out;
}

const CONTAINERS = new Set(['moov', 'trak', 'udta', 'meta', 'ilst', 'mdia', 'minf']);

/** ISO 6709 "+51.5013-000.1419+012.000/" → degrees. */
export function parseIso6709(s: string): { latitude: number; longitude: number } | null {
  const m = /^([+-]\d{2}(?:\.\d+)?)([+-]\d{3}(?:\.\d+)?)/.exec(s.trim());
  if (!m) return null;
  return { latitude: Number(m[1]), longitude: Number(m[2]) };
}

interface VideoLocationBox {
  /** The box to neutralise when stripping. */
  box: BoxRef;
  iso6709: string;
}

/** Location boxes in a video's moov: udta/©xyz (QuickTime, Android) and mdta ISO6709 items. */
export function videoLocationBoxes(b: Uint8Array): VideoLocationBox[] {
  const found: VideoLocationBox[] = [];
  const walk = (from: number, to: number, depth: number, keys: string[] | null): void => {
    if (depth > 8) return;
    const list = boxes(b, from, to);
    // QuickTime 'mdta' metadata: a keys box names the items of the sibling ilst by 1-based index.
    let localKeys = keys;
    const keysBox = list.find((x) => x.type === 'keys');
    if (keysBox) {
      localKeys = [];
      const n = readU32(b, keysBox.payload + 4);
      let o = keysBox.payload + 8;
      for (let i = 0; i < n && o + 8 <= keysBox.end; i++) {
        const size = readU32(b, o);
        if (size < 8) break;
        localKeys.push(ascii(b, o + 8, size - 8));
        o += size;
      }
    }
    for (const x of list) {
      if (x.type === '\u00a9xyz') {
        // 16-bit length, 16-bit language, then the ISO 6709 string.
        const len = readU16(b, x.payload);
        found.push({ box: x, iso6709: ascii(b, x.payload + 4, Math.min(len, x.end - x.payload - 4)) });
      } else if (x.type === 'loci') {
        // 3GPP location box: handled as present (its binary fixed-point form is rare in phones).
        found.push({ box: x, iso6709: '' });
      } else if (x.type === 'meta') {
        // ISO 'meta' is a full box (4 bytes version/flags before the children); QuickTime's is not.
        const full = ascii(b, x.payload + 4, 4) !== 'hdlr' && ascii(b, x.payload + 8, 4) === 'hdlr';
        walk(full ? x.payload + 4 : x.payload, x.end, depth + 1, localKeys);
      } else if (CONTAINERS.has(x.type)) {
        walk(x.payload, x.end, depth + 1, localKeys);
      } else if (localKeys && x.type.length === 4) {
        const index = readU32(b, x.start + 4);
        const key = localKeys[index - 1];
        if (key && key.endsWith('location.ISO6709')) {
          const data = boxes(b, x.payload, x.end).find((d) => d.type === 'data');
          if (data) found.push({ box: x, iso6709: ascii(b, data.payload + 8, data.end - data.payload - 8) });
        }
      }
    }
  };
  for (const top of boxes(b, 0, b.length)) if (top.type === 'moov') walk(top.payload, top.end, 0, null);
  return found;
}

/** The video with every location box turned into a 'free' box of the same size (zeroed). */
export function stripVideoLocation(b: Uint8Array): Uint8Array {
  const out = b.slice();
  for (const { box } of videoLocationBoxes(b)) {
    out.set([0x66, 0x72, 0x65, 0x65], box.start + 4);
    out.fill(0, box.payload, box.end);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// HEIF items (HEIC, AVIF): the Exif and XMP items of the file-level 'meta' box

export interface HeifItem {
  id: number;
  /** The infe item type: 'Exif', 'mime' (XMP), 'hvc1', 'av01', 'grid', … */
  type: string;
  /** For 'mime' items: the content type ("application/rdf+xml" for XMP). */
  contentType: string;
  /** Where its bytes are, as absolute [start, end) ranges of the file, in order. */
  extents: { start: number; end: number }[];
}

function readUintN(b: Uint8Array, at: number, size: number, end: number): number {
  if (size === 0) return 0;
  if (at + size > end) throw new MalformedFileError('HEIF item table runs past its box');
  if (size === 4) return readU32(b, at);
  if (size === 8) {
    const v = readU32(b, at) * 2 ** 32 + readU32(b, at + 4);
    if (!Number.isSafeInteger(v)) throw new MalformedFileError('HEIF offset too large');
    return v;
  }
  if (size === 2) return readU16(b, at);
  throw new MalformedFileError(`HEIF field of ${size} bytes`);
}

/** A NUL-terminated string inside [at, end): the string and the offset after its NUL. */
function cString(b: Uint8Array, at: number, end: number): { s: string; next: number } {
  let i = at;
  while (i < end && b[i] !== 0) i++;
  return { s: ascii(b, at, i - at), next: Math.min(i + 1, end) };
}

/**
 * The items of a HEIF file (iinf joined with iloc), extents resolved to file offsets: construction
 * method 0 (file offset, plus the base offset some encoders use) and 1 (inside the idat box). Items
 * built from other items (method 2) are left out. Throws MalformedFileError when a table or an
 * extent points outside the file; returns [] when there is no file-level 'meta' (a HEIF sequence
 * keeps its metadata in 'moov', read by videoLocationBoxes).
 */
export function heifItems(b: Uint8Array): HeifItem[] {
  const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
  if (!meta) return [];
  // 'meta' is a full box here: 4 bytes version/flags before its children.
  const children = boxes(b, meta.payload + 4, meta.end);
  const iinf = children.find((x) => x.type === 'iinf');
  const iloc = children.find((x) => x.type === 'iloc');
  const idat = children.find((x) => x.type === 'idat');
  if (!iinf || !iloc) return [];

  const info = new Map<number, { type: string; contentType: string }>();
  {
    const version = b[iinf.payload] as number;
    const countSize = version === 0 ? 2 : 4;
    const count = readUintN(b, iinf.payload + 4, countSize, iinf.end);
    const list = boxes(b, iinf.payload + 4 + countSize, iinf.end).filter((x) => x.type === 'infe').slice(0, count);
    for (const infe of list) {
      const v = b[infe.payload] as number;
      if (v < 2) continue; // infe v0/v1 (no item type) are not used by HEIF
      let o = infe.payload + 4;
      const idSize = v === 3 ? 4 : 2;
      const id = readUintN(b, o, idSize, infe.end);
      o += idSize + 2; // item_protection_index
      if (o + 4 > infe.end) throw new MalformedFileError('HEIF item entry too short');
      const type = ascii(b, o, 4);
      o += 4;
      const name = cString(b, o, infe.end);
      const contentType = type === 'mime' ? cString(b, name.next, infe.end).s : '';
      info.set(id, { type, contentType });
    }
  }

  const items: HeifItem[] = [];
  const p = iloc.payload;
  const version = b[p] as number;
  if (version > 2) throw new MalformedFileError('HEIF item locations of an unknown version');
  if (p + 8 > iloc.end) throw new MalformedFileError('HEIF item locations too short');
  const offsetSize = (b[p + 4] as number) >> 4;
  const lengthSize = (b[p + 4] as number) & 15;
  const baseSize = (b[p + 5] as number) >> 4;
  const indexSize = version === 1 || version === 2 ? (b[p + 5] as number) & 15 : 0;
  const countSize = version < 2 ? 2 : 4;
  let o = p + 6;
  const count = readUintN(b, o, countSize, iloc.end);
  o += countSize;
  for (let i = 0; i < count; i++) {
    const idSize = version < 2 ? 2 : 4;
    const id = readUintN(b, o, idSize, iloc.end);
    o += idSize;
    let method = 0;
    if (version === 1 || version === 2) {
      method = readUintN(b, o, 2, iloc.end) & 15;
      o += 2;
    }
    o += 2; // data_reference_index
    const base = readUintN(b, o, baseSize, iloc.end);
    o += baseSize;
    const extentCount = readUintN(b, o, 2, iloc.end);
    o += 2;
    const extents: { start: number; end: number }[] = [];
    for (let e = 0; e < extentCount; e++) {
      o += indexSize;
      const off = readUintN(b, o, offsetSize, iloc.end);
      o += offsetSize;
      const len = readUintN(b, o, lengthSize, iloc.end);
      o += lengthSize;
      extents.push({ start: base + off, end: base + off + len });
    }
    const what = info.get(id);
    if (!what || method === 2) continue;
    const [lo, hi] = method === 1 ? (idat ? [idat.payload, idat.end] : [0, -1]) : [0, b.length];
    const resolved = extents.map((x) => {
      const start = lo + x.start;
      // A length of 0 means "to the end" (of the file, or of idat).
      const end = x.end === x.start ? hi : lo + x.end;
      if (start > end || end > hi) throw new MalformedFileError('HEIF item data runs past the end');
      return { start, end };
    });
    items.push({ id, type: what.type, contentType: what.contentType, extents: resolved });
  }
  return items;
}

function itemBytes(b: Uint8Array, item: HeifItem): Uint8Array {
  return concat(item.extents.map((x) => b.subarray(x.start, x.end)));
}

/**
 * The TIFF block of a HEIF file's Exif item (for the EXIF reader), or null. The item starts with
 * a 32-bit offset to the TIFF header: iPhones write 6 and "Exif\0\0" before it, libheif writes 0.
 */
export function heifExif(b: Uint8Array): Uint8Array | null {
  const item = heifItems(b).find((x) => x.type === 'Exif');
  if (!item) return null;
  const data = itemBytes(b, item);
  if (data.length < 4) throw new MalformedFileError('HEIF Exif item too short');
  const at = 4 + readU32(data, 0);
  if (at + 8 > data.length) throw new MalformedFileError('HEIF Exif item offset past its end');
  return data.subarray(at);
}

/** The XMP packet(s) of a HEIF file, as text (empty when there is none). */
export function heifXmp(b: Uint8Array): string {
  return heifItems(b)
    .filter((x) => x.type === 'mime' && x.contentType === 'application/rdf+xml')
    .map((x) => new TextDecoder().decode(itemBytes(b, x)))
    .join('\n');
}

/** A big-endian TIFF header with an empty IFD0: what an Exif item holds after stripping. */
const EMPTY_TIFF = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0];

/**
 * The HEIF file with its Exif and XMP items emptied in place: the Exif item keeps its header
 * offset (and "Exif\0\0") and gets an empty TIFF directory, the rest zeroed; XMP becomes spaces.
 * Every size and offset stays as it was, so the image items are copied byte for byte (no
 * re-encoding). Location boxes of a HEIF sequence's 'moov' are removed as in a video.
 */
export function stripHeif(b: Uint8Array): Uint8Array {
  const out = stripVideoLocation(b);
  for (const item of heifItems(b)) {
    const xmp = item.type === 'mime' && item.contentType === 'application/rdf+xml';
    if (item.type !== 'Exif' && !xmp) continue;
    const data = itemBytes(b, item);
    const clean = new Uint8Array(data.length);
    if (xmp) clean.fill(0x20);
    else if (data.length >= 4) {
      const at = 4 + readU32(data, 0);
      if (at + EMPTY_TIFF.length <= data.length) {
        clean.set(data.subarray(0, at));
        clean.set(EMPTY_TIFF, at);
      }
    }
    let o = 0;
    for (const x of item.extents) {
      out.set(clean.subarray(o, o + x.end - x.start), x.start);
      o += x.end - x.start;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matroska / WebM: location tags

interface EbmlElement {
  id: number;
  start: number;
  payload: number;
  /** End of the element; the parent's end for an element of unknown size. */
  end: number;
  unknownSize: boolean;
}

/** One EBML element header at `o` (inside [o, to)), or null when none can be read there. */
function ebmlElement(b: Uint8Array, o: number, to: number): EbmlElement | null {
  const first = b[o];
  if (first === undefined || first === 0 || o >= to) return null;
  const idLen = Math.clz32(first) - 23; // 1–4 for a valid ID (leading zeros of the byte + 1)
  if (idLen > 4 || o + idLen > to) return null;
  let id = 0;
  for (let i = 0; i < idLen; i++) id = id * 256 + (b[o + i] as number);
  const s0 = b[o + idLen];
  if (s0 === undefined || s0 === 0) return null;
  const sizeLen = Math.clz32(s0) - 23; // 1–8
  if (o + idLen + sizeLen > to) return null;
  let size = s0 & (0xff >> sizeLen);
  let allOnes = size === 0xff >> sizeLen;
  for (let i = 1; i < sizeLen; i++) {
    const v = b[o + idLen + i] as number;
    if (v !== 0xff) allOnes = false;
    size = size * 256 + v;
  }
  const payload = o + idLen + sizeLen;
  if (allOnes) return { id, start: o, payload, end: to, unknownSize: true };
  if (payload + size > to) return null;
  return { id, start: o, payload, end: payload + size, unknownSize: false };
}

const EBML = { segment: 0x18538067, tags: 0x1254c367, tag: 0x7373, simpleTag: 0x67c8, tagName: 0x45a3, tagString: 0x4487, cluster: 0x1f43b675 };

export interface MatroskaLocationTag {
  /** The SimpleTag element (to blank out when stripping). */
  start: number;
  end: number;
  name: string;
  value: string;
}

/**
 * SimpleTags whose name says location (LOCATION, RECORDING_LOCATION, COM.APPLE.QUICKTIME.LOCATION.
 * ISO6709, …) in a Matroska/WebM file's Tags. No phone records WebM with a location; these are what
 * ffmpeg writes when it re-packs a phone's MP4/MOV into Matroska or WebM. The walk stops at a
 * cluster of unknown size (a live recording: MediaRecorder's WebM has no Tags).
 */
export function matroskaLocationTags(b: Uint8Array): MatroskaLocationTag[] {
  const found: MatroskaLocationTag[] = [];
  const simpleTags = (from: number, to: number, depth: number): void => {
    if (depth > 4) return;
    for (let o = from; o < to; ) {
      const el = ebmlElement(b, o, to);
      if (!el || el.unknownSize) return;
      if (el.id === EBML.simpleTag) {
        let name = '';
        let value = '';
        for (let p = el.payload; p < el.end; ) {
          const c = ebmlElement(b, p, el.end);
          if (!c || c.unknownSize) break;
          if (c.id === EBML.tagName) name = new TextDecoder().decode(b.subarray(c.payload, c.end));
          else if (c.id === EBML.tagString) value = new TextDecoder().decode(b.subarray(c.payload, c.end));
          p = c.end;
        }
        if (/LOCATION|ISO6709|GPS/i.test(name)) found.push({ start: el.start, end: el.end, name, value });
        else simpleTags(el.payload, el.end, depth + 1); // nested SimpleTags
      } else if (el.id === EBML.tag) simpleTags(el.payload, el.end, depth + 1);
      o = el.end;
    }
  };
  let o = 0;
  const header = ebmlElement(b, 0, b.length);
  if (!header || header.unknownSize) return found;
  o = header.end;
  const segment = ebmlElement(b, o, b.length);
  if (!segment || segment.id !== EBML.segment) return found;
  for (let p = segment.payload; p < segment.end; ) {
    const el = ebmlElement(b, p, segment.end);
    if (!el || el.unknownSize) break;
    if (el.id === EBML.tags) simpleTags(el.payload, el.end, 0);
    p = el.end;
  }
  return found;
}

/** The Matroska/WebM file with each location SimpleTag turned into a Void element of the same size. */
export function stripMatroskaLocation(b: Uint8Array): Uint8Array {
  const out = b.slice();
  for (const t of matroskaLocationTags(b)) {
    const n = t.end - t.start;
    out.fill(0, t.start, t.end);
    out[t.start] = 0xec; // Void
    if (n - 2 < 127) out[t.start + 1] = 0x80 | (n - 2);
    else {
      // An 8-byte size: 0x01 then 7 bytes.
      out[t.start + 1] = 0x01;
      let v = n - 9;
      for (let i = 7; i >= 1; i--) {
        out[t.start + 1 + i] = v & 0xff;
        v = Math.floor(v / 256);
      }
    }
  }
  return out;
}
