// The formats phones and browsers produce besides JPEG/PNG/WebP: HEIC and AVIF (ISO BMFF items),
// WebM (Matroska tags). Real files made by libheif, exiftool, Chromium and ffmpeg
// (scripts/make-format-fixtures.mjs), and hand-built ones for the edge cases, byte for byte.
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../test/fixtures/images/make';
import { heifExif, heifItems, heifXmp, MalformedFileError, matroskaLocationTags, sniffKind, stripHeif } from './containers';
import { readLocation, stripMetadata } from './metadata';
import { decodeNodeAny } from './node-engines';
import { mediaTypeOf } from '../content/media-type';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const box = (type: string, ...parts: number[][]) => {
  const body = parts.flat();
  return [...u32(8 + body.length), ...ascii(type), ...body];
};
const fullBox = (type: string, version: number, ...parts: number[][]) => box(type, [version, 0, 0, 0], ...parts);

/** GPS 52.48625 N 1.89035 W as a big-endian TIFF block (IFD0 → GPS IFD). */
function gpsTiff(): number[] {
  const rat = (n: number, d: number) => [...u32(n), ...u32(d)];
  // Header (8) + IFD0 with one entry (2+12+4 = 18) → GPS IFD at 26: 4 entries (2+48+4 = 54) → values at 80.
  const ifd0 = [...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(26), ...u32(0)];
  const gps = [
    ...u16(4),
    ...[...u16(1), ...u16(2), ...u32(2), ...ascii('N'), 0, 0, 0],
    ...[...u16(2), ...u16(5), ...u32(3), ...u32(80)],
    ...[...u16(3), ...u16(2), ...u32(2), ...ascii('W'), 0, 0, 0],
    ...[...u16(4), ...u16(5), ...u32(3), ...u32(104)],
    ...u32(0),
  ];
  const values = [...rat(52, 1), ...rat(29, 1), ...rat(1050, 100), ...rat(1, 1), ...rat(53, 1), ...rat(1260, 100)];
  return [...ascii('MM'), 0, 0x2a, ...u32(8), ...ifd0, ...gps, ...values];
}

/**
 * A minimal HEIF: ftyp, meta (hdlr, iinf with an hvc1 item 1, an Exif item 2 and optionally an XMP
 * item 3, iloc version 1 with a 4-byte base offset and construction methods 0 or 1), then mdat.
 */
function tinyHeif(opts: { exif: number[]; xmp?: string; inIdat?: boolean; extentLength?: number }): Uint8Array {
  const ftyp = box('ftyp', ascii('heic'), u32(0), ascii('mif1heic'));
  const hdlr = fullBox('hdlr', 0, u32(0), ascii('pict'), new Array(13).fill(0));
  const infe = (id: number, type: string, extra: number[] = []) => fullBox('infe', 2, u16(id), u16(0), ascii(type), [0], extra);
  const items = [infe(1, 'hvc1'), infe(2, 'Exif')];
  if (opts.xmp) items.push(infe(3, 'mime', [...ascii('application/rdf+xml'), 0]));
  const iinf = fullBox('iinf', 0, u16(items.length), ...items);
  const picture = [1, 2, 3, 4, 5, 6, 7, 8];
  const xmp = opts.xmp ? ascii(opts.xmp) : [];
  const payload = [...picture, ...opts.exif, ...xmp];
  // iloc v1: offset_size 4, length_size 4, base_offset_size 4, index_size 0.
  const ilocFor = (base: number, method: number) => {
    const entry = (id: number, off: number, len: number) => [...u16(id), ...u16(method), ...u16(0), ...u32(base), ...u16(1), ...u32(off), ...u32(len)];
    const entries = [entry(1, 0, picture.length), entry(2, picture.length, opts.extentLength ?? opts.exif.length)];
    if (opts.xmp) entries.push(entry(3, picture.length + opts.exif.length, xmp.length));
    return fullBox('iloc', 1, [0x44, 0x40], u16(entries.length), ...entries);
  };
  const idat = opts.inIdat ? box('idat', payload) : [];
  const metaWith = (iloc: number[]) => fullBox('meta', 0, hdlr, iinf, iloc, idat);
  // The base offset is where the mdat's payload starts, known once the meta's size is.
  const probe = metaWith(ilocFor(0, 0));
  const base = ftyp.length + probe.length + 8;
  const meta = metaWith(opts.inIdat ? ilocFor(0, 1) : ilocFor(base, 0));
  const mdat = opts.inIdat ? [] : box('mdat', payload);
  return new Uint8Array([...ftyp, ...meta, ...mdat]);
}

const iphoneExif = () => [...u32(6), ...ascii('Exif'), 0, 0, ...gpsTiff()];
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="52,29.175N" exif:GPSLongitude="1,53.421W"/></rdf:RDF></x:xmpmeta>';

describe('the test files', () => {
  it.each([
    ['photo.heic', 'heic'],
    ['names-gps.heic', 'heic'],
    ['photo.avif', 'avif'],
    ['names-gps.avif', 'avif'],
    ['names.webm', 'webm'],
    ['names-location.webm', 'webm'],
    ['hevc-location.mov', 'mov'],
  ])('%s is sniffed as %s', (name, kind) => expect(sniffKind(readSource(name))).toBe(kind));

  it.each([
    // libheif's heif-enc (iloc base offset, Exif item offset 0): exifr's own HEIF reader misses it.
    ['photo.heic', 51.50135, -0.14189],
    ['photo.avif', 51.50135, -0.14189],
    // exiftool's layout (as an iPhone writes it: offset 6, "Exif\0\0").
    ['names-gps.heic', 52.48625, -1.89035],
    ['names-gps.avif', 52.48625, -1.89035],
    // ffmpeg's location tags in a re-packed clip.
    ['names-location.webm', 52.4862, -1.8904],
    // An iPhone-style HEVC .mov (©xyz written by ffmpeg).
    ['hevc-location.mov', 51.5013, -0.1419],
  ])('%s: the location is read (%f, %f)', async (name, latitude, longitude) => {
    const r = await readLocation(readSource(name));
    expect(r.hasLocation).toBe(true);
    expect(r.problem).toBeUndefined();
    expect(r.position!.latitude).toBeCloseTo(latitude, 5);
    expect(r.position!.longitude).toBeCloseTo(longitude, 5);
  });

  it('exifr alone misses the Exif of a file libheif wrote (why the items are walked here)', async () => {
    expect(await exifr.gps(readSource('photo.heic'))).toBeUndefined();
    expect(await exifr.gps(heifExif(readSource('photo.heic'))!)).toMatchObject({ latitude: expect.closeTo(51.50135, 5) });
  });

  it('a WebM from MediaRecorder has no location and no problem', async () => {
    expect(await readLocation(readSource('names.webm'))).toEqual({ kind: 'webm', position: null, hasLocation: false });
  });

  it.each(['photo.heic', 'names-gps.heic', 'photo.avif', 'names-gps.avif'])(
    '%s: "remove location data" empties the Exif item in place, and only it',
    async (name) => {
      const original = readSource(name);
      const { bytes, mime } = await stripMetadata(original, '');
      expect(mime).toBe(name.endsWith('.heic') ? 'image/heic' : 'image/avif');
      expect(bytes.length).toBe(original.length);
      const exif = heifItems(original).find((i) => i.type === 'Exif')!;
      for (let i = 0; i < original.length; i++) {
        const inExif = exif.extents.some((x) => i >= x.start && i < x.end);
        if (!inExif && bytes[i] !== original[i]) throw new Error(`byte ${i} outside the Exif item changed`);
      }
      expect(await readLocation(bytes)).toEqual({ kind: sniffKind(original), position: null, hasLocation: false });
      expect(await exifr.parse(heifExif(bytes)!, { gps: true })).toBeFalsy();
      expect(await exifr.gps(bytes)).toBeUndefined();
    },
  );

  it('the stripped HEIC decodes to the very same pixels', async () => {
    const original = readSource('names-gps.heic');
    const a = await decodeNodeAny(original);
    const b = await decodeNodeAny((await stripMetadata(original, 'image/heic')).bytes);
    expect([a.width, a.height]).toEqual([800, 450]);
    expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
  }, 60_000);

  it('HEIC (libheif) and AVIF (@jsquash/avif) decode in Node: white page, black text where it was drawn', async () => {
    for (const name of ['names-gps.heic', 'names-gps.avif']) {
      const img = await decodeNodeAny(readSource(name));
      expect([img.width, img.height]).toEqual([800, 450]);
      const at = (x: number, y: number) => img.data[(y * img.width + x) * 4]!;
      expect(at(20, 300)).toBeGreaterThan(230); // white margin
      expect(at(20, 60)).toBeGreaterThan(180); // sky blue (red channel ~207)
      // Somewhere in the "E" of "Evie" (x 40–70, y 245–279) the ink is dark.
      let darkest = 255;
      for (let y = 250; y < 278; y++) for (let x = 42; x < 70; x++) darkest = Math.min(darkest, at(x, y));
      expect(darkest).toBeLessThan(60);
    }
  }, 60_000);

  it('the WebM location tags are blanked out (Void elements of the same size); the clip is otherwise unchanged', async () => {
    const original = readSource('names-location.webm');
    const tags = matroskaLocationTags(original);
    expect(tags.map((t) => t.name)).toEqual(['COM.APPLE.QUICKTIME.LOCATION.ISO6709', 'LOCATION']);
    const { bytes, mime } = await stripMetadata(original, 'video/webm');
    expect(mime).toBe('video/webm');
    expect(bytes.length).toBe(original.length);
    expect(matroskaLocationTags(bytes)).toEqual([]);
    expect(await readLocation(bytes)).toEqual({ kind: 'webm', position: null, hasLocation: false });
    for (const t of tags) {
      expect(bytes[t.start]).toBe(0xec);
      expect(bytes[t.start + 1]).toBe(0x80 | (t.end - t.start - 2));
      expect(bytes.subarray(t.start + 2, t.end).every((x) => x === 0)).toBe(true);
    }
    const outside = (i: number) => !tags.some((t) => i >= t.start && i < t.end);
    for (let i = 0; i < original.length; i++) if (outside(i) && bytes[i] !== original[i]) throw new Error(`byte ${i} changed`);
  });
});

describe('HEIF items, hand-built', () => {
  it('finds the Exif item through a base offset and reads its GPS', async () => {
    const file = tinyHeif({ exif: iphoneExif() });
    const items = heifItems(file);
    expect(items.map((i) => [i.id, i.type])).toEqual([
      [1, 'hvc1'],
      [2, 'Exif'],
    ]);
    const tiff = heifExif(file)!;
    expect(Array.from(tiff.subarray(0, 8))).toEqual([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]);
    const r = await readLocation(file);
    expect(r.position!.latitude).toBeCloseTo(52 + 29 / 60 + 10.5 / 3600, 6);
    expect(r.position!.longitude).toBeCloseTo(-(1 + 53 / 60 + 12.6 / 3600), 6);
  });

  it('reads an item stored in idat (construction method 1)', async () => {
    const r = await readLocation(tinyHeif({ exif: iphoneExif(), inIdat: true }));
    expect(r.hasLocation).toBe(true);
    expect(r.position!.latitude).toBeCloseTo(52.4863, 3);
  });

  it('reads GPS from an XMP item', async () => {
    const file = tinyHeif({ exif: [...u32(0), ...ascii('MM'), 0, 0x2a, ...u32(8), 0, 0, 0, 0, 0, 0], xmp: XMP });
    expect(heifXmp(file)).toBe(XMP);
    const r = await readLocation(file);
    expect(r.hasLocation).toBe(true);
    expect(r.position!.latitude).toBeCloseTo(52 + 29.175 / 60, 6);
    expect(r.position!.longitude).toBeCloseTo(-(1 + 53.421 / 60), 6);
  });

  it('stripping writes exactly: the offset and "Exif\\0\\0" kept, an empty big-endian TIFF, zeros; XMP becomes spaces', () => {
    const exif = iphoneExif();
    const file = tinyHeif({ exif, xmp: XMP });
    const out = stripHeif(file);
    const [e, x] = [heifItems(file).find((i) => i.type === 'Exif')!, heifItems(file).find((i) => i.type === 'mime')!];
    const expectedExif = [0, 0, 0, 6, ...ascii('Exif'), 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, ...new Array(exif.length - 24).fill(0)];
    expect(Array.from(out.subarray(e.extents[0]!.start, e.extents[0]!.end))).toEqual(expectedExif);
    expect(Array.from(out.subarray(x.extents[0]!.start, x.extents[0]!.end))).toEqual(new Array(XMP.length).fill(0x20));
    // Everything else (ftyp, meta, the picture's bytes) is untouched.
    expect(Array.from(out.subarray(0, e.extents[0]!.start))).toEqual(Array.from(file.subarray(0, e.extents[0]!.start)));
  });

  it('an extent pointing past the end of the file is caught, not read', async () => {
    const file = tinyHeif({ exif: iphoneExif(), extentLength: 10_000 });
    expect(() => heifItems(file)).toThrow(MalformedFileError);
    const r = await readLocation(file);
    expect(r).toMatchObject({ kind: 'heic', position: null, hasLocation: false, problem: 'The location check could not run: the file is damaged.' });
    await expect(stripMetadata(file, 'image/heic')).rejects.toThrow('The file seems to be damaged');
  });

  it('an iloc cut short is caught', () => {
    const file = tinyHeif({ exif: iphoneExif() });
    const iloc = Buffer.from(file).indexOf('iloc');
    const cut = file.slice();
    // Claim 200 items in a table that holds 2.
    cut[iloc + 4 + 4 + 2] = 0;
    cut[iloc + 4 + 4 + 3] = 200;
    expect(() => heifItems(cut)).toThrow(MalformedFileError);
  });
});

describe('Matroska walking on odd input', () => {
  it('a segment and a cluster of unknown size (a live recording) end the walk without a finding', () => {
    const ebmlHeader = [0x1a, 0x45, 0xdf, 0xa3, 0x80];
    const segment = [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    const cluster = [0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe7, 0x81, 0x00];
    expect(matroskaLocationTags(new Uint8Array([...ebmlHeader, ...segment, ...cluster]))).toEqual([]);
  });

  it('a tag whose size runs past the end is not read', () => {
    const file = readSource('names-location.webm');
    const cut = file.slice(0, matroskaLocationTags(file)[0]!.start + 20);
    expect(matroskaLocationTags(cut)).toEqual([]);
  });
});

describe('mediaTypeOf (content script)', () => {
  it.each([
    [{ name: 'IMG_0001.HEIC', type: '' }, 'image/heic'],
    [{ name: 'IMG_0001.heic', type: 'image/heic' }, 'image/heic'],
    [{ name: 'x.heif', type: 'application/octet-stream' }, 'image/heif'],
    [{ name: 'x.avif', type: '' }, 'image/avif'],
    [{ name: 'clip.webm', type: '' }, 'video/webm'],
    [{ name: 'IMG_0002.MOV', type: '' }, 'video/quicktime'],
    [{ name: 'a.jpg', type: 'image/jpg' }, 'image/jpeg'],
    [{ name: 'notes.pdf', type: '' }, ''],
    [{ name: 'noext', type: '' }, ''],
    [{ name: 'photo.jpg', type: 'image/png' }, 'image/png'],
  ])('%j → %s', (file, want) => expect(mediaTypeOf(file)).toBe(want));
});
