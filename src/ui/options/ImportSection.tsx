/**
 * Class lists on the options page (extension origin, trusted): choose one or more files (CSV, TSV,
 * Excel .xlsx, a OneRoster/SDS .zip, or SDS users.csv + roles.csv together), watch the progress
 * bar while they are read off the main thread, check the preview, map the columns by hand when
 * detection is unsure, then import as a new list or as a replacement for an existing one. Nothing
 * is sent to the background until "Import" is pressed, so a failed or cancelled read changes nothing.
 */
import { useRef, useState } from 'preact/hooks';
import { MAPPABLE_FIELDS, type ColumnMapping, type MappableField } from '../../import/read-file';
import type { ImportedPerson, MappingPreview } from '../../import/types';
import type { AdminMessage, ListSummary, Status } from '../../messaging/protocol';
import type { ImportRunner, Upload } from './import-runner';
import type { Run } from './RulesSection';
import { getLocale, t } from '../../i18n';

type PersonIn = Extract<AdminMessage, { type: 'importClassList' }>['people'][number];

interface Pending {
  format: string;
  fileName: string;
  name: string;
  people: PersonIn[];
  groups: string[];
  warnings: string[];
}

/** "12 and 3 more": the first items of a list, then how many were left out. */
function someOf(items: string[], shown: number): string {
  const list = items.slice(0, shown).join(', ');
  return items.length > shown ? t('common.andMore', { list, count: items.length - shown }) : list;
}

/** What the background stores about a person: names, role, group and the dates/consent other rules use. */
export function toPersonIn(p: ImportedPerson): PersonIn {
  const out: PersonIn = { role: p.role, forename: p.forename, surname: p.surname };
  if (p.preferred) out.preferred = p.preferred;
  if (p.preferredSurname) out.preferredSurname = p.preferredSurname;
  if (p.group) out.group = p.group.slice(0, 50);
  if (p.dob) out.dob = p.dob;
  if (p.leftOn) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  return out;
}

const MAX_UPLOAD = 10 * 1024 * 1024;

export function ImportSection({ status, run, runner }: { status: Status; run: Run; runner: ImportRunner }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [mapping, setMapping] = useState<MappingPreview | null>(null);
  const [replace, setReplace] = useState<ListSummary | null>(null);
  const uploads = useRef<Upload[]>([]);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const read = async (files: Upload[], columns?: ColumnMapping) => {
    setPending(null);
    setProblem(null);
    setDone('');
    // A new choice supersedes a read still running (its worker is stopped).
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    const result = await runner(files, columns ? { mapping: columns } : {}, (d, t) => setProgress({ done: d, total: t }), controller.signal);
    if (abort.current !== controller) return; // a newer read replaced this one
    abort.current = null;
    setProgress(null);
    if (!result.ok) {
      // When the columns can be chosen by hand, the mapping step says what is wrong instead of an error.
      if (!('cancelled' in result) && result.mapping) return setMapping(result.mapping);
      // The reader's own message names the file, row and column (src/import; in English, see
      // docs/i18n.md); the sentence around it is in the user's language.
      setProblem('cancelled' in result ? t('lists.cancelled') : t('lists.failed', { error: `${result.error}${/[.!?)]$/.test(result.error) ? '' : '.'}` }));
      return;
    }
    setMapping(result.mapping ?? null);
    const fileName = files.map((f) => f.name).join(', ').slice(0, 260);
    const first = files[0]!.name.replace(/\.[^.]+$/, '');
    setPending({
      format: result.format,
      fileName,
      name: replace ? replace.name : first,
      people: result.people.map(toPersonIn),
      groups: result.groups,
      warnings: result.warnings,
    });
  };

  const onFiles = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    setMapping(null);
    if (!files.length) return;
    const big = files.find((f) => f.size > MAX_UPLOAD);
    if (big) {
      setPending(null);
      setProblem(t('lists.tooBig', { file: big.name }));
      return;
    }
    // Bytes, not file.text(): the reader detects Windows-1252 and UTF-16 exports itself.
    uploads.current = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await read(uploads.current);
  };

  const cancelRead = () => {
    abort.current?.abort();
  };

  const confirm = async () => {
    if (!pending) return;
    const msg: AdminMessage = {
      type: 'importClassList',
      name: pending.name.trim(),
      fileName: pending.fileName,
      groups: pending.groups.slice(0, 500).map((g) => g.slice(0, 50)),
      people: pending.people,
    };
    if (replace) msg.replaceListId = replace.id;
    const res = await run(msg);
    if (res.ok) {
      setDone(
        replace
          ? t('lists.done.replaced', { name: replace.name, count: pending.people.length, file: pending.fileName })
          : t('lists.done.imported', { count: pending.people.length, file: pending.fileName }),
      );
      setPending(null);
      setMapping(null);
      setReplace(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const startReplace = (l: ListSummary) => {
    setReplace(l);
    setPending(null);
    setProblem(null);
    setDone('');
    fileInput.current?.focus();
  };

  return (
    <section aria-labelledby="lists-h">
      <h2 id="lists-h">{t('lists.heading')}</h2>
      <p class="hint">{t('lists.hint')}</p>
      <p class="count" data-testid="pupil-count">
        {status.totals.pupils === 1 ? t('lists.count.one') : t('lists.count.many', { count: status.totals.pupils })}
        {status.totals.people !== status.totals.pupils ? ` ${t('lists.count.people', { count: status.totals.people })}` : ''}
      </p>
      {replace && (
        <p class="replacing" role="status">
          {t('lists.replacing', { name: replace.name, count: replace.count })}{' '}
          <button type="button" class="secondary" onClick={() => setReplace(null)}>
            {t('lists.dontReplace')}
          </button>
        </p>
      )}
      <label for="classlist-file">{replace ? t('lists.file.replace', { name: replace.name }) : t('lists.file')}</label>
      <input
        id="classlist-file"
        ref={fileInput}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.xlsx,.zip,text/csv,text/tab-separated-values,text/plain,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onFiles}
      />
      {progress && (
        <div class="progress row" role="group" aria-label={t('lists.reading')}>
          <progress
            aria-label={t('lists.reading.bar')}
            max={progress.total || undefined}
            value={progress.total ? progress.done : undefined}
          />
          <span>{progress.total
              ? t('lists.reading.rows', { done: progress.done.toLocaleString(getLocale()), total: progress.total.toLocaleString(getLocale()) })
              : t('lists.reading.opening')}</span>
          <button type="button" class="secondary" onClick={cancelRead}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {mapping && <MappingStep key={`${mapping.file}\u0000${mapping.header.join('\u0000')}`} preview={mapping} onApply={(m) => void read(uploads.current, m)} unsure={!pending} />}
      {pending && (
        <div class="preview" role="region" aria-label={t('lists.preview')}>
          <p>
            {pending.groups.length
              ? t('lists.preview.foundGroups', { count: pending.people.length, file: pending.fileName, groups: someOf(pending.groups, 20) })
              : t('lists.preview.found', { count: pending.people.length, file: pending.fileName })}{' '}
            {t('lists.preview.format', { format: pending.format })}
          </p>
          {pending.warnings.length > 0 && (
            <ul class="warnings">
              {pending.warnings.slice(0, 10).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <label for="classlist-name">{t('lists.name')}</label>
          <input id="classlist-name" value={pending.name} maxLength={200} onInput={(e) => setPending({ ...pending, name: e.currentTarget.value })} />
          <div class="row">
            <button type="button" onClick={confirm} disabled={!pending.name.trim()}>
              {replace ? t('lists.replace', { name: replace.name, count: pending.people.length }) : t('lists.import', { count: pending.people.length })}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPending(null);
                setMapping(null);
                setProblem(t('lists.cancelled'));
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="ok">
        {done}
      </p>
      {status.lists.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('lists.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lists.col.list')}</th>
              <th scope="col">{t('lists.col.groups')}</th>
              <th scope="col">{t('lists.col.people')}</th>
              <th scope="col">{t('lists.col.imported')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('lists.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.lists.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.name}
                  <div class="hint">{l.fileName}</div>
                </td>
                <td>{someOf(l.groups, 12) || '—'}</td>
                <td>{l.count}</td>
                <td>{new Date(l.importedAt).toLocaleDateString(getLocale())}</td>
                <td class="actions">
                  <button type="button" class="secondary" onClick={() => startReplace(l)}>
                    {t('common.replace')} <span class="visually-hidden">{l.name}</span>
                  </button>
                  <button type="button" class="secondary" onClick={() => void run({ type: 'deleteList', id: l.id })}>
                    {t('common.remove')} <span class="visually-hidden">{l.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The first rows of the file and one drop-down per field; "Read again" re-reads with those columns. */
function MappingStep({ preview, onApply, unsure }: { preview: MappingPreview; onApply: (m: ColumnMapping) => void; unsure: boolean }) {
  const [columns, setColumns] = useState<Partial<Record<MappableField, number>>>({ ...preview.columns });
  const ready = columns.forename !== undefined && columns.surname !== undefined && columns.forename !== columns.surname;
  return (
    <div class="mapping" role="region" aria-label={t('mapping.region')}>
      <p>
        {unsure ? t('mapping.unsure', { file: preview.file }) : t('mapping.check', { file: preview.file })}
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('mapping.caption', { file: preview.file })}</caption>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} scope="col">
                  {h || t('mapping.columnN', { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="mapping-grid">
        {MAPPABLE_FIELDS.map((f) => (
          <div class="field" key={f}>
            <label for={`map-${f}`}>{t(`mapping.field.${f}`)}</label>
            <select
              id={`map-${f}`}
              value={columns[f] === undefined ? '' : String(columns[f])}
              onChange={(e) => {
                const v = e.currentTarget.value;
                const next = { ...columns };
                if (v === '') delete next[f];
                else next[f] = Number(v);
                setColumns(next);
              }}
            >
              <option value="">{f === 'forename' || f === 'surname' ? t('mapping.choose') : t('mapping.notInFile')}</option>
              {preview.header.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h || t('mapping.columnN', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div class="row">
        <button type="button" disabled={!ready} onClick={() => onApply({ file: preview.file, headerIndex: preview.headerIndex, columns })}>
          {t('mapping.apply')}
        </button>
      </div>
    </div>
  );
}
