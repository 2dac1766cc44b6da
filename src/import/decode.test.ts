/**
 * Byte → text decoding of class lists: every encoding of the generated roster decodes to the same
 * text, the Windows-1252 table is exact (Node 20's own decoder is not), and binary files are refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252 } from './decode';

const shared = (path: string) => new Uint8Array(readFileSync(new URL(`../../../shared/data/${path}`, import.meta.url)));

function text(bytes: Uint8Array, name = 'roster.csv'): { text: string; encoding: string } {
  const r = decodeBytes(bytes, name);
  if (!r.ok) throw new Error(`expected text, got: ${r.error}`);
  return { text: r.text, encoding: r.encoding };
}

function error(bytes: Uint8Array, name = 'x.csv'): string {
  const r = decodeBytes(bytes, name);
  if (r.ok) throw new Error(`expected a refusal, got ${r.encoding} text`);
  return r.error;
}

const UTF8 = text(shared('generated/roster-utf8.csv')).text;

describe('decodeBytes: the generated roster in every encoding', () => {
  it.each([
    ['roster-utf8.csv', 'utf-8'],
    ['roster-utf8bom.csv', 'utf-8'],
    ['roster-cp1252.csv', 'windows-1252'],
    ['roster-utf16le-csv.csv', 'utf-16le'],
    ['roster-utf16be.csv', 'utf-16be'],
  ])('%s decodes as %s to exactly the UTF-8 text', (file, encoding) => {
    const r = text(shared(`generated/${file}`), file);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(UTF8);
    expect(r.text).toContain('O’Brien,Siobhán');
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('roster-utf16le.txt (Excel "Unicode Text") is the same roster, tab-separated', () => {
    const r = text(shared('generated/roster-utf16le.txt'), 'roster-utf16le.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.text.replace(/\t/g, ',')).toBe(UTF8);
  });

  it('reads UTF-16LE and UTF-16BE without a BOM by their NUL pattern', () => {
    const le = shared('generated/roster-utf16le-csv.csv').subarray(2);
    const be = shared('generated/roster-utf16be.csv').subarray(2);
    expect(text(le)).toEqual({ text: UTF8, encoding: 'utf-16le' });
    expect(text(be)).toEqual({ text: UTF8, encoding: 'utf-16be' });
  });
});

describe('decodeWindows1252', () => {
  it('maps all 27 defined bytes 0x80–0x9F to their Unicode code points', () => {
    const defined = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];
    expect(defined).toHaveLength(27);
    expect(decodeWindows1252(new Uint8Array(defined))).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  });

  it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])('refuses the undefined byte %i (0x81, 0x8D, 0x8F, 0x90, 0x9D)', (b) => {
    expect(decodeWindows1252(new Uint8Array([0x41, b]))).toBeNull();
  });

  it('decodes 0x00–0x7F and 0xA0–0xFF as latin1', () => {
    const bytes = new Uint8Array(96 + 128).map((_, i) => (i < 128 ? i : i + 32));
    const expected = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(decodeWindows1252(bytes)).toBe(expected);
  });

  it('is what decodeBytes uses for a non-UTF-8 file (0x92 is ’, not U+0092)', () => {
    expect(text(new Uint8Array([0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e]))).toEqual({ text: 'O’Brien', encoding: 'windows-1252' });
  });
});

describe('decodeBytes: refusals', () => {
  it('refuses binary bytes with NULs', () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 7919) % 251);
    expect(error(bytes, 'C:\\Users\\me\\x.csv')).toMatch(/^x\.csv does not look like a text file/);
  });

  it('refuses a PNG image', () => {
    expect(error(shared('generated/logo.png'), 'logo.csv')).toMatch(/^logo\.csv does not look like a text file/);
  });

  it('refuses text full of control characters', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 20) : 0x41));
    expect(error(bytes)).toMatch(/^x\.csv does not look like a text file \(it contains binary data\)/);
  });

  it('refuses a byte that is undefined in Windows-1252', () => {
    expect(error(new Uint8Array([0x41, 0x81, 0x42]))).toMatch(/neither UTF-8 nor Windows-1252/);
  });

  it('tells an Excel workbook to be saved as CSV', () => {
    expect(error(shared('generated/roster.xlsx'), 'roster.csv')).toMatch(/Save the spreadsheet as CSV/);
    expect(error(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls')).toMatch(/old Excel \(\.xls\).*Save the spreadsheet as CSV/);
  });

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    expect(error(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]))).toMatch(/starts as UTF-8/);
  });

  it('refuses UTF-16 with an odd number of bytes or a lone surrogate', () => {
    expect(error(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toMatch(/not valid UTF-16/);
    expect(error(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]))).toMatch(/not valid UTF-16/);
  });

  it('keeps astral characters in UTF-16 and an empty file is empty text', () => {
    expect(text(new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde]))).toEqual({ text: '😀', encoding: 'utf-16le' });
    expect(text(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
