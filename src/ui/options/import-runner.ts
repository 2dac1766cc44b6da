/**
 * Runs a class-list import off the page's main thread (a dedicated worker from our own bundle),
 * or in the page itself where there is no Worker (DOM tests). Either way the caller gets progress
 * and can cancel; nothing is stored here, so a cancelled read changes nothing.
 */
import { readUploads } from '../../import/expand';
import type { ColumnMapping } from '../../import/read-file';
import type { ReadClassListResult } from '../../import/types';
import { getLocale, t } from '../../i18n';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}
export type ImportResult = ReadClassListResult | { ok: false; error: string; cancelled: true };
export type ImportRunner = (
  files: Upload[],
  options: { mapping?: ColumnMapping },
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
) => Promise<ImportResult>;

const cancelled = (): ImportResult => ({ ok: false, error: t('lists.cancelled'), cancelled: true });

/** In the page: yields once so the progress bar paints, then reads. */
export const inThreadRunner: ImportRunner = async (files, options, onProgress, signal) => {
  await new Promise((r) => setTimeout(r, 0));
  if (signal.aborted) return cancelled();
  const result = await readUploads(files, { ...options, onProgress });
  return signal.aborted ? cancelled() : result;
};

/** In a dedicated worker: the page keeps responding; cancel terminates the worker. */
export const workerRunner: ImportRunner = (files, options, onProgress, signal) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('../../import/worker.ts', import.meta.url), { type: 'module' });
    const finish = (r: ImportResult) => {
      worker.terminate();
      resolve(r);
    };
    signal.addEventListener('abort', () => finish(cancelled()), { once: true });
    worker.onmessage = (e: MessageEvent<{ type: 'progress'; done: number; total: number } | { type: 'done'; result: ReadClassListResult }>) => {
      if (e.data.type === 'progress') onProgress(e.data.done, e.data.total);
      else finish(e.data.result);
    };
    worker.onerror = () => finish({ ok: false, error: t('lists.unreadable') });
    // Copies, so the File's bytes stay usable for a second read with a chosen column mapping.
    worker.postMessage({ files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })), options, locale: getLocale() });
  });
