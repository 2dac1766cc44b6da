// Metadata stage: location reading (EXIF, XMP, WebP EXIF, PNG eXIf, MP4/MOV ©xyz and mdta ISO 6709),
// the photo-location finding with its distance wording, and stripMetadata (no GPS left, pixels the same).
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import type { RulePack } from '../pack/types';
import {
  encodeJpeg,
  encodePng,
  exifTiffOf,
  mp4WithLocation,
  north,
  pngChunk,
  pngWithChunks,
  readSource,
  webpWithMetadata,
  withGps,
  withXmpGps,
} from '../../test/fixtures/images/make';
import { analyseImage, stripMetadata } from './analyse';
import { jpegOrientation, pngChunks, sniffKind, webpChunks } from './containers';
import { describeDistance, distanceMetres } from './geo';
import { parseXmpCoordinate, readLocation } from './metadata';
import { decodeNode } from './node-engines';
import type { ImageCheckContext, RgbaImage } from './types';

const MAIN = { name: 'Main site', latitude: 52.4862, longitude: -1.8904, radiusMetres: 150 };
const FIELDS = { name: 'Playing fields', latitude: 52.49, longitude: -1.8904, radiusMetres: 100 };

const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains: [], locations: [MAIN, FIELDS] },
  rules: {
    'photo-location': { enabled: true, severity: 'warn', title: 'Photo taken at school', clause: 'Do not post photos taken in school.' },
  },
};
const compiled = compileRuleSet(pack, []);
const ctx: ImageCheckContext = { compiled, locations: [MAIN, FIELDS], logos: [], site: 'facebook', officialAccount: false };

function grid(w: number, h: number): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = (i / w) | 0;
    data[i * 4] = (x * 7) & 255;
    data[i * 4 + 1] = (y * 5) & 255;
    data[i * 4 + 2] = ((x ^ y) * 3) & 255;
    data[i * 4 + 3] = 255;
  }
  return { width: w, height: h, data };
}
const plainJpeg = encodeJpeg(grid(64, 48));

describe('readLocation', () => {
  it('reads EXIF GPS written by exiftool (the shared sample photo)', async () => {
    expect(await readLocation(readSource('photo.jpg'))).toEqual({
      kind: 'jpeg',
      position: { latitude: 51.50135, longitude: -0.14189 },
      hasLocation: true,
    });
  });

  it.each([
    ['EXIF south-west', withGps(plainJpeg, -33.8568, -151.2153), -33.8568, -151.2153],
    ['EXIF north-east', withGps(plainJpeg, 52.4862, 1.8904), 52.4862, 1.8904],
    ['XMP only', withXmpGps(plainJpeg, 52.4862, -1.8904), 52.4862, -1.8904],
    ['MP4 udta ©xyz', mp4WithLocation('+52.4862-001.8904+120.000/'), 52.4862, -1.8904],
    ['MOV mdta ISO6709', mp4WithLocation(null, { mdta: '+52.4862-001.8904/' }), 52.4862, -1.8904],
  ])('%s', async (_name, bytes, lat, lon) => {
    const r = await readLocation(bytes);
    expect(r.hasLocation).toBe(true);
    expect(r.position?.latitude).toBeCloseTo(lat, 4);
    expect(r.position?.longitude).toBeCloseTo(lon, 4);
  });

  it('reads GPS from a WebP EXIF chunk and a PNG eXIf chunk', async () => {
    const tiff = exifTiffOf(withGps(plainJpeg, 52.4862, -1.8904));
    const webp = await readLocation(webpWithMetadata(tiff, '<x/>'));
    expect(webp.kind).toBe('webp');
    expect(webp.position?.latitude).toBeCloseTo(52.4862, 4);
    const png = await readLocation(pngWithChunks(encodePng(grid(8, 8)), [pngChunk('eXIf', tiff)]));
    expect(png.kind).toBe('png');
    expect(png.position?.longitude).toBeCloseTo(-1.8904, 4);
  });

  it.each([
    ['JPEG without EXIF', plainJpeg],
    ['MP4 without location', mp4WithLocation(null)],
    ['PNG without eXIf', encodePng(grid(8, 8))],
  ])('no location: %s', async (_name, bytes) => {
    const r = await readLocation(bytes);
    expect(r.position).toBeNull();
    expect(r.hasLocation).toBe(false);
    expect(r.problem).toBeUndefined();
  });

  it('flags GPS at 0,0 (no fix) as present but unusable', async () => {
    const r = await readLocation(withGps(plainJpeg, 0, 0));
    expect(r).toMatchObject({ position: null, hasLocation: true });
  });

  it('reports a damaged or unknown file instead of throwing', async () => {
    expect((await readLocation(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).problem).toBe(
      'The location check cannot read this kind of file.',
    );
    // A WebM cut after its signature: nothing to read, and nothing claimed (src/image/formats.test.ts has real ones).
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]);
    expect(await readLocation(webm)).toEqual({ kind: 'webm', position: null, hasLocation: false });
  });
});

describe('parseXmpCoordinate', () => {
  it.each([
    ['51,30.081N', 51.50135],
    ['0,8.5134W', -0.14189],
    ['51,30,4.86N', 51.50135],
    ['33,51.408S', -33.8568],
    ['12.5E', 12.5],
  ])('%s', (v, want) => expect(parseXmpCoordinate(v)).toBeCloseTo(want, 4));
  it.each(['', 'N', '51;30N', '51,30.081', 'abc'])('invalid %j', (v) => expect(parseXmpCoordinate(v)).toBeNull());
});

describe('distance wording', () => {
  it.each([
    [0, 'Taken at Main site.'],
    [9, 'Taken at Main site.'],
    [40, 'Taken about 40 m from Main site.'],
    [43, 'Taken about 45 m from Main site.'],
    [149, 'Taken about 150 m from Main site.'],
    [1549, 'Taken about 1.5 km from Main site.'],
    [2000, 'Taken about 2 km from Main site.'],
  ])('%i m', (m, want) => expect(describeDistance({ location: MAIN, metres: m })).toBe(want));

  it('haversine: 0.001° of latitude is about 111 m', () => {
    expect(distanceMetres({ latitude: 52, longitude: 0 }, { latitude: 52.001, longitude: 0 })).toBeCloseTo(111.2, 0);
  });
});

describe('photo-location finding', () => {
  it.each([
    ['40 m north of Main site', north(MAIN.latitude, 40), MAIN.longitude, 'Taken about 40 m from Main site.', { key: 'image.detail.locationNear', params: { place: 'Main site', distance: '40 m' } }],
    ['at Main site', MAIN.latitude, MAIN.longitude, 'Taken at Main site.', { key: 'image.detail.locationAt', params: { place: 'Main site' } }],
    ['inside the playing fields', north(FIELDS.latitude, 20), FIELDS.longitude, 'Taken about 20 m from Playing fields.', { key: 'image.detail.locationNear', params: { place: 'Playing fields', distance: '20 m' } }],
    ['145 m: inside the 150 m circle', north(MAIN.latitude, -145), MAIN.longitude, 'Taken about 150 m from Main site.', { key: 'image.detail.locationNear', params: { place: 'Main site', distance: '150 m' } }],
  ])('fires %s', async (_n, lat, lon, detail, say) => {
    const r = await analyseImage(withGps(plainJpeg, lat, lon), 'image/jpeg', ctx, { stages: ['metadata'] });
    expect(r.hasLocation).toBe(true);
    expect(r.findings).toEqual([
      { rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: 'Do not post photos taken in school.', detail, say },
    ]);
  });

  it.each([
    ['160 m away (outside the 150 m circle)', north(MAIN.latitude, -160), MAIN.longitude],
    ['another town', 51.50135, -0.14189],
  ])('stays quiet %s, but still offers removal', async (_n, lat, lon) => {
    const r = await analyseImage(withGps(plainJpeg, lat, lon), 'image/jpeg', ctx, { stages: ['metadata'] });
    expect(r.findings).toEqual([]);
    expect(r.hasLocation).toBe(true);
  });

  it('fires for a video whose ISO 6709 location is at school', async () => {
    const r = await analyseImage(mp4WithLocation('+52.4862-001.8904/'), 'video/mp4', ctx);
    expect(r.findings.map((f) => f.detail)).toEqual(['Taken at Main site.']);
    expect(r.skipped.map((s) => s.stage)).toEqual(['logo', 'ocr', 'faces']);
  });

  it('does not run on an official account (photos at school are expected there)', async () => {
    const r = await analyseImage(withGps(plainJpeg, MAIN.latitude, MAIN.longitude), 'image/jpeg', { ...ctx, officialAccount: true }, { stages: ['metadata'] });
    expect(r.findings).toEqual([]);
  });

  it('does not run when the pack leaves the rule out', async () => {
    const bare = compileRuleSet({ ...pack, rules: {} }, []);
    const r = await analyseImage(withGps(plainJpeg, MAIN.latitude, MAIN.longitude), 'image/jpeg', { ...ctx, compiled: bare }, { stages: ['metadata'] });
    expect(r.findings).toEqual([]);
    expect(r.hasLocation).toBe(true);
  });
});

describe('stripMetadata', () => {
  it('JPEG: EXIF GPS and XMP gone, orientation kept, pixels byte-identical', async () => {
    const dirty = withXmpGps(withGps(plainJpeg, MAIN.latitude, MAIN.longitude, 6), 1, 1);
    expect(jpegOrientation(dirty)).toBe(6);
    const clean = await stripMetadata(dirty, 'image/jpeg');
    expect(clean.mime).toBe('image/jpeg');
    expect(await exifr.gps(clean.bytes)).toBeUndefined();
    expect(await readLocation(clean.bytes)).toEqual({ kind: 'jpeg', position: null, hasLocation: false });
    expect(new TextDecoder('latin1').decode(clean.bytes)).not.toContain('xmpmeta');
    expect(jpegOrientation(clean.bytes)).toBe(6);
    const a = decodeNode(dirty);
    const b = decodeNode(clean.bytes);
    expect(b.width).toBe(a.width);
    expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
  });

  it('JPEG from a phone (exiftool-written EXIF): no GPS, same pixels', async () => {
    const dirty = readSource('photo.jpg');
    const clean = await stripMetadata(dirty, 'image/jpeg');
    expect(await exifr.gps(clean.bytes)).toBeUndefined();
    expect(new TextDecoder('latin1').decode(clean.bytes)).not.toContain('iPhone');
    expect(Buffer.from(decodeNode(clean.bytes).data).equals(Buffer.from(decodeNode(dirty).data))).toBe(true);
  });

  it('PNG: eXIf, tEXt, iTXt and zTXt dropped, image chunks kept', async () => {
    const tiff = exifTiffOf(withGps(plainJpeg, MAIN.latitude, MAIN.longitude));
    const base = encodePng(grid(16, 16));
    const te = new TextEncoder();
    const dirty = pngWithChunks(base, [pngChunk('eXIf', tiff), pngChunk('tEXt', te.encode('Comment\0Taken at school')), pngChunk('iTXt', te.encode('XML:com.adobe.xmp\0\0\0\0\0<x/>')), pngChunk('zTXt', te.encode('a\0\0x'))]);
    const clean = await stripMetadata(dirty, 'image/png');
    expect(pngChunks(clean.bytes).map((c) => c.type)).toEqual(pngChunks(base).map((c) => c.type));
    expect(Buffer.from(clean.bytes).equals(Buffer.from(base))).toBe(true);
    expect((await readLocation(clean.bytes)).hasLocation).toBe(false);
  });

  it('WebP: EXIF and XMP chunks dropped, VP8X flags cleared, RIFF size right', async () => {
    const tiff = exifTiffOf(withGps(plainJpeg, MAIN.latitude, MAIN.longitude));
    const clean = await stripMetadata(webpWithMetadata(tiff, '<x:xmpmeta/>'), 'image/webp');
    expect(webpChunks(clean.bytes).map((c) => c.type)).toEqual(['VP8X', 'VP8L']);
    expect((clean.bytes[20] as number) & 0x0c).toBe(0);
    expect(new DataView(clean.bytes.buffer, clean.bytes.byteOffset).getUint32(4, true)).toBe(clean.bytes.length - 8);
    expect(sniffKind(clean.bytes)).toBe('webp');
    expect((await readLocation(clean.bytes)).hasLocation).toBe(false);
  });

  it('MP4/MOV: location boxes become free boxes of the same size; nothing else moves', async () => {
    for (const dirty of [mp4WithLocation('+52.4862-001.8904/'), mp4WithLocation(null, { mdta: '+52.4862-001.8904/' })]) {
      const clean = await stripMetadata(dirty, 'video/quicktime');
      expect(clean.bytes.length).toBe(dirty.length);
      expect(clean.mime).toBe('video/quicktime');
      expect(await readLocation(clean.bytes)).toEqual({ kind: 'mp4', position: null, hasLocation: false });
      expect(new TextDecoder('latin1').decode(clean.bytes)).not.toContain('+52.4862');
    }
  });

  it('refuses kinds it cannot clean, in plain words', async () => {
    const gif = new TextEncoder().encode('GIF89a......');
    await expect(stripMetadata(gif, 'image/gif')).rejects.toThrow('Location data cannot be removed from GIF yet. Save the photo as a JPEG first.');
  });
});
