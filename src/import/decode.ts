/**
 * Turns the bytes of an uploaded class list into text. Pure (TextDecoder only), so it runs the same
 * in the options page, the CLI and Node tests. Trusted side; the bytes are untrusted input.
 *
 * Order (libraries.md §2.1): BOM (UTF-8, UTF-16LE/BE) → BOM-less UTF-16 by its NUL-byte pattern →
 * strict UTF-8 → Windows-1252. Windows-1252 is decoded here rather than by TextDecoder because
 * Node 20's TextDecoder('windows-1252') is really latin1 (0x92 → U+0092, not U+2019 ’; measured,
 * nodejs/node#60888), so tests and the extension would disagree. The table is 32 entries.
 * Anything that still looks binary (NULs, many control characters, a zip/OLE/PDF signature) is
 * refused with a message a teacher can act on.
 */
import { t } from '../i18n';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; error: string };

/** Windows-1252 0x80–0x9F. 0 marks the five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
] as const;

/** How much of the file the sniffers look at. */
const SNIFF_BYTES = 4096;

export function displayFileName(fileName: string): string {
  // The last path segment only: a full local path is nobody else's business and clutters messages.
  const base = String(fileName ?? '').split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 120) : 'the class list';
}

function notText(file: string, why: 'binary' | 'pdf' | 'utf16Start' | 'utf16Look' | 'nul' | 'encoding'): DecodeResult {
  return { ok: false, error: t('import.notText', { file, why: t(`import.why.${why}`) }) };
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** Decodes UTF-16 by hand: TextDecoder('utf-16be') needs full ICU, and we want lone surrogates refused. */
function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string | null {
  if ((bytes.length - start) % 2 !== 0) return null;
  const units = new Uint16Array((bytes.length - start) / 2);
  for (let i = start, j = 0; i < bytes.length; i += 2, j++) {
    units[j] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }
  for (let j = 0; j < units.length; j++) {
    const u = units[j]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[j + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return null;
      j++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return null;
  }
  return fromUnits(units);
}

/** Windows-1252 by table; null if the file uses one of the five undefined bytes (not text). */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0x9f) {
      const code = CP1252_HIGH[b - 0x80]!;
      if (code === 0) return null;
      units[i] = code;
    } else units[i] = b;
  }
  return fromUnits(units);
}

function fromUnits(units: Uint16Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let j = 0; j < units.length; j += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(j, j + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** BOM-less UTF-16: ASCII text in UTF-16 has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, CR, LF, form feed (and the BOM) are not in a class list. */
function looksBinary(text: string): boolean {
  let controls = 0;
  const n = Math.min(text.length, SNIFF_BYTES * 4);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) {
      controls++;
    }
  }
  // A stray control character happens (a pasted tab-like glyph); a few percent is a binary file.
  return controls > 8 && controls > n * 0.01;
}

function finish(file: string, text: string, encoding: string): DecodeResult {
  if (looksBinary(text)) return notText(file, 'binary');
  return { ok: true, text, encoding };
}

/** Decodes a class list's bytes. Never throws. The BOM is not part of the returned text. */
export function decodeBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  const file = displayFileName(fileName);
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: t('import.unreadable', { file }) };

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      error: t('import.zipNotText', { file }),
    };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      ok: false,
      error: t('import.xlsNotText', { file }),
    };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return notText(file, 'pdf');

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return finish(file, new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), 'utf-8');
    } catch {
      return { ok: false, error: t('import.badUtf8', { file }) };
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const text = decodeUtf16(bytes, 2, le);
    if (text === null) return notText(file, 'utf16Start');
    return finish(file, text, le ? 'utf-16le' : 'utf-16be');
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16(bytes, 0, utf16 === 'utf-16le');
    if (text === null) return notText(file, 'utf16Look');
    return finish(file, text, utf16);
  }
  if (bytes.includes(0)) return notText(file, 'nul');

  try {
    return finish(file, new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), 'utf-8');
  } catch {
    // Not UTF-8: Excel's "CSV (Comma delimited)" on UK Windows writes Windows-1252.
  }
  const text = decodeWindows1252(bytes);
  if (text === null) return notText(file, 'encoding');
  return finish(file, text, 'windows-1252');
}
