// Container walkers on hostile and odd input: signatures, damaged files, ISO 6709 strings, and the
// logo matcher's invariances (rotated by 90°, colours inverted, mirrored photo of another scene).
import { describe, expect, it } from 'vitest';
import { encodeJpeg, encodePng, mp4WithLocation, readSource } from '../../test/fixtures/images/make';
import { jpegSegments, MalformedFileError, parseIso6709, sniffKind, stripJpeg, stripPng } from './containers';
import { prepareLogo, matchLogoFeatures, sceneFeatures } from './features';
import { readLocation, stripMetadata, UnsupportedFileError } from './metadata';
import { decodeNode } from './node-engines';
import { toGray } from './raster';
import type { RgbaImage } from './types';

const img = (w: number, h: number): RgbaImage => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(200) });
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('sniffKind', () => {
  it.each([
    ['jpeg', encodeJpeg(img(8, 8))],
    ['png', encodePng(img(8, 8))],
    ['webp', ascii('RIFF\0\0\0\0WEBPVP8X')],
    ['gif', ascii('GIF89a\0\0')],
    ['webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4])],
    ['mp4', mp4WithLocation(null)],
    ['mov', new Uint8Array([0, 0, 0, 20, ...ascii('ftypqt  '), 0, 0, 0, 0, ...ascii('qt  ')])],
    ['heic', new Uint8Array([0, 0, 0, 24, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic')])],
    ['avif', new Uint8Array([0, 0, 0, 20, ...ascii('ftypavif'), 0, 0, 0, 0, ...ascii('mif1')])],
    ['unknown', ascii('%PDF-1.7 hello')],
    ['unknown', new Uint8Array(0)],
  ])('%s', (kind, bytes) => expect(sniffKind(bytes)).toBe(kind));
});

describe('damaged files', () => {
  const jpeg = encodeJpeg(img(16, 16));
  it('a JPEG cut inside a segment is reported, not read past its end', async () => {
    const cut = jpeg.slice(0, 30);
    expect(() => jpegSegments(cut)).toThrow(MalformedFileError);
    await expect(stripMetadata(cut, 'image/jpeg')).rejects.toThrow(UnsupportedFileError);
    await expect(stripMetadata(cut, 'image/jpeg')).rejects.toThrow('The file seems to be damaged, so its location data could not be removed.');
  });

  it('a segment length pointing past the end is caught', () => {
    const bad = jpeg.slice();
    bad[4] = 0xff;
    bad[5] = 0xff;
    expect(() => stripJpeg(bad)).toThrow(MalformedFileError);
  });

  it('a PNG chunk length pointing past the end is caught', () => {
    const png = encodePng(img(4, 4)).slice();
    png[8] = 0x7f;
    expect(() => stripPng(png)).toThrow(MalformedFileError);
  });

  it('readLocation never throws on garbage after a valid signature', async () => {
    for (const head of [jpeg.slice(0, 3), encodePng(img(2, 2)).slice(0, 8), mp4WithLocation(null).slice(0, 12)]) {
      const bytes = new Uint8Array([...head, ...new Uint8Array(64).fill(0xff)]);
      const r = await readLocation(bytes);
      expect(r.position).toBeNull();
    }
  });

  it('an MP4 box with a size past the end stops the walk safely', async () => {
    const mp4 = mp4WithLocation('+52.4862-001.8904/').slice();
    // Corrupt the moov size (it follows the 28-byte ftyp box).
    mp4.set([0x7f, 0xff, 0xff, 0xff], 28);
    expect(await readLocation(mp4)).toEqual({ kind: 'mp4', position: null, hasLocation: false });
  });
});

describe('parseIso6709', () => {
  it.each([
    ['+52.4862-001.8904+120.000/', 52.4862, -1.8904],
    ['-33.8568+151.2153/', -33.8568, 151.2153],
    ['+52-001/', 52, -1],
  ])('%s', (s, lat, lon) => expect(parseIso6709(s)).toEqual({ latitude: lat, longitude: lon }));
  it.each(['', '52.4862,-1.8904', '+5-1/', 'abc'])('invalid %j', (s) => expect(parseIso6709(s)).toBeNull());
});

describe('logo matcher invariances', () => {
  const logo = prepareLogo(decodeNode(readSource('logo.png')));
  const scene = decodeNode(readSource('busy-with-logo.jpg'));
  const find = (rgba: RgbaImage) => {
    const g = toGray(rgba);
    return matchLogoFeatures(g, sceneFeatures(g)!, logo);
  };
  const rotate90 = (s: RgbaImage): RgbaImage => {
    const out = new Uint8ClampedArray(s.data.length);
    for (let y = 0; y < s.height; y++) {
      for (let x = 0; x < s.width; x++) {
        const o = (x * s.height + (s.height - 1 - y)) * 4;
        const i = (y * s.width + x) * 4;
        for (let c = 0; c < 4; c++) out[o + c] = s.data[i + c] as number;
      }
    }
    return { width: s.height, height: s.width, data: out };
  };
  const invert = (s: RgbaImage): RgbaImage => ({ ...s, data: s.data.map((v, i) => (i % 4 === 3 ? v : 255 - v)) });

  it('finds the crest in the photo turned by 90°', { timeout: 30_000 }, () => {
    const m = find(rotate90(scene));
    expect(m).not.toBeNull();
    expect(m!.inliers).toBeGreaterThanOrEqual(7);
  });

  it('finds the crest with the colours inverted (light crest on a dark jumper)', { timeout: 30_000 }, () => {
    expect(find(invert(scene))).not.toBeNull();
  });

  it('gives the same answer every time (seeded RANSAC)', { timeout: 30_000 }, () => {
    const a = find(scene);
    const b = find(scene);
    expect(a).toEqual(b);
  });
});
