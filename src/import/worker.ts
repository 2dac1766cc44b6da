/**
 * Dedicated worker for class-list imports (extension origin, started by the options page from our
 * own bundle): unpacking and reading 50,000 rows takes about half a second, which would freeze the
 * page. Posts progress every 2,000 rows and the result at the end; the page terminates it to cancel.
 * Only our options page can create it, so its input is our own message; the files are still
 * untrusted and go through the same reader, limits and messages as anywhere else.
 */
import { readUploads } from './expand';
import type { ColumnMapping } from './read-file';
import { isLocale, setLocale, t, type Locale } from '../i18n';

export interface WorkerRequest {
  files: { name: string; bytes: Uint8Array }[];
  options: { today?: string; mapping?: ColumnMapping };
  /** The page's language, so the reader's messages (file, row, column) are worded in it. */
  locale?: Locale;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage: (m: unknown) => void };

scope.onmessage = async (e) => {
  const { files, options, locale } = e.data;
  if (isLocale(locale)) setLocale(locale);
  try {
    const result = await readUploads(files, { ...options, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) });
    scope.postMessage({ type: 'done', result });
  } catch {
    scope.postMessage({ type: 'done', result: { ok: false, error: t('lists.unreadable') } });
  }
};
