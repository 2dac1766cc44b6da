/**
 * Unpacks what a user uploads into files the class-list reader understands: an Excel workbook
 * (.xlsx, read with read-excel-file's in-thread `universal` entry, no Worker spawned) becomes rows
 * of text, and a zip (a OneRoster or SDS export) becomes its CSV files. Pure apart from being async;
 * runs in the options page, its import worker, the CLI and Node tests. Trusted side, untrusted bytes:
 * archive entries are counted and size-capped before they are inflated (zip bombs), only .csv/.txt
 * entries are taken, and entry paths are reduced to their last segment.
 */
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { CLASSLIST_LIMITS } from './classlist';
import { displayFileName } from './decode';
import { readClassListFiles, type ReadOptions } from './read-file';
import type { ClassListFile, ReadClassListResult } from './types';
import { t } from '../i18n';

export const ARCHIVE_LIMITS = Object.freeze({
  /** CSV entries taken from one zip (a full OneRoster export has about a dozen). */
  maxEntries: 40,
  /** Inflated size of one entry, the same as a single uploaded file. */
  maxEntryBytes: CLASSLIST_LIMITS.maxBytes,
  /** Inflated size of everything in one zip. */
  maxTotalBytes: 5 * CLASSLIST_LIMITS.maxBytes,
});

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b: Uint8Array) => b.length >= 4 && ZIP_SIG.every((x, i) => b[i] === x);

/** An xlsx is a zip with xl/workbook.xml; tell it from a OneRoster zip by name, then by content. */
function looksLikeWorkbook(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(name);
}

/** Excel cell → text the CSV reader would have seen. Dates become ISO (read as such in any order). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The most sheets read from one workbook (a school with one sheet per class has a few dozen). */
export const MAX_SHEETS = 60;

/**
 * Reads every sheet of an .xlsx that has something in it (a workbook with one sheet per class is
 * common). Formula cells give the value Excel last calculated.
 */
export async function readWorkbook(bytes: Uint8Array, name: string): Promise<Step<{ sheet: string; rows: string[][] }[]>> {
  const file = displayFileName(name);
  if (bytes.length > CLASSLIST_LIMITS.maxBytes) return { ok: false, error: t('import.tooBig', { file }) };
  if (!isZip(bytes)) return { ok: false, error: t('import.notXlsx', { file }) };
  const declared = declaredSizes(bytes);
  if (declared === null) return { ok: false, error: t('import.xlsxDamaged', { file }) };
  if (declared.total > ARCHIVE_LIMITS.maxTotalBytes) {
    return { ok: false, error: t('import.unpacksTooBig', { file, max: ARCHIVE_LIMITS.maxTotalBytes / 1024 / 1024 }) };
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const copy = bytes.slice().buffer;
    sheets = (await readXlsxFile(copy)) as { sheet: string; data: unknown[][] }[];
  } catch {
    return { ok: false, error: t('import.xlsxUnreadable', { file }) };
  }
  const filled = sheets.filter((s) => Array.isArray(s.data) && s.data.some((row) => Array.isArray(row) && row.some((c) => cellText(c).trim() !== '')));
  if (filled.length > MAX_SHEETS) {
    return { ok: false, error: t('import.tooManySheets', { file, count: filled.length, max: MAX_SHEETS }) };
  }
  const rows = filled.reduce((n, s) => n + s.data.length, 0);
  if (rows > CLASSLIST_LIMITS.maxRows + 50 * filled.length) {
    return { ok: false, error: t('import.tooManyRows', { file, max: CLASSLIST_LIMITS.maxRows.toLocaleString('en-GB') }) };
  }
  return { ok: true, value: filled.map((s) => ({ sheet: String(s.sheet).slice(0, 100), rows: s.data.map((row) => (Array.isArray(row) ? row.map(cellText) : [])) })) };
}

/**
 * Sizes each entry claims in the zip's central directory, summed, without inflating anything.
 * null when there is no readable central directory. fflate checks inflated sizes against these.
 */
function declaredSizes(bytes: Uint8Array): { total: number; entries: number } | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      total += view.getUint32(at + 24, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { total, entries };
  }
  return null;
}

/** The .csv/.txt files inside a zip (folders flattened; macOS resource forks skipped). */
export function readArchive(bytes: Uint8Array, name: string): Step<ClassListFile[]> {
  const file = displayFileName(name);
  const declared = declaredSizes(bytes);
  if (!isZip(bytes) || declared === null) return { ok: false, error: t('import.notZip', { file }) };
  let taken = 0;
  let total = 0;
  let tooBig = '';
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (info) => {
        const base = info.name.split('/').pop() ?? '';
        if (info.name.startsWith('__MACOSX/') || base.startsWith('.') || !/\.(csv|tsv|txt)$/i.test(base)) return false;
        if (++taken > ARCHIVE_LIMITS.maxEntries) return false;
        total += info.originalSize;
        if (info.originalSize > ARCHIVE_LIMITS.maxEntryBytes || total > ARCHIVE_LIMITS.maxTotalBytes) {
          tooBig ||= base;
          return false;
        }
        return true;
      },
    });
  } catch {
    return { ok: false, error: t('import.zipDamaged', { file }) };
  }
  if (tooBig) return { ok: false, error: t('import.zipEntryTooBigLimit', { file, entry: displayFileName(tooBig) }) };
  if (taken > ARCHIVE_LIMITS.maxEntries) return { ok: false, error: t('import.zipTooMany', { file, max: ARCHIVE_LIMITS.maxEntries }) };
  const out: ClassListFile[] = [];
  for (const [path, data] of Object.entries(entries)) {
    // The inflated size is checked again: a header can lie about originalSize.
    if (data.length > ARCHIVE_LIMITS.maxEntryBytes) return { ok: false, error: t('import.zipEntryTooBig', { file, entry: displayFileName(path) }) };
    out.push({ name: path.split('/').pop()!, bytes: data });
  }
  if (!out.length) return { ok: false, error: t('import.zipNoCsv', { file }) };
  return { ok: true, value: out };
}

/** Uploads (any mix of CSV, TSV, .xlsx and .zip) → files the reader takes. */
export async function expandUploads(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Step<ClassListFile[]>> {
  const out: ClassListFile[] = [];
  for (const f of files) {
    const name = displayFileName(f.name);
    if (f.bytes.length > CLASSLIST_LIMITS.maxBytes) return { ok: false, error: t('import.tooBig', { file: name }) };
    if (looksLikeWorkbook(name)) {
      const sheets = await readWorkbook(f.bytes, name);
      if (!sheets.ok) return sheets;
      if (!sheets.value.length) return { ok: false, error: t('import.noFilledSheets', { file: name }) };
      // One sheet keeps the workbook's name in messages ("class.xlsx row 8"); several name their sheet.
      const several = sheets.value.length > 1;
      for (const s of sheets.value) out.push(several ? { name: `${name} › ${s.sheet}`, rows: s.rows, extraSheet: true } : { name, rows: s.rows });
    } else if (/\.zip$/i.test(name) || isZip(f.bytes)) {
      const inner = readArchive(f.bytes, name);
      if (!inner.ok) return inner;
      out.push(...inner.value);
    } else {
      out.push({ name, bytes: f.bytes });
    }
  }
  return { ok: true, value: out };
}

/** The whole upload path: unpack, then read all files together (all or nothing). */
export async function readUploads(files: readonly { name: string; bytes: Uint8Array }[], options?: ReadOptions): Promise<ReadClassListResult> {
  if (!files.length) return { ok: false, error: t('import.noFile') };
  const expanded = await expandUploads(files);
  if (!expanded.ok) return expanded;
  return readClassListFiles(expanded.value, options);
}
