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

type PersonIn = Extract<AdminMessage, { type: 'importClassList' }>['people'][number];

interface Pending {
  format: string;
  fileName: string;
  name: string;
  people: PersonIn[];
  groups: string[];
  warnings: string[];
}

const FIELD_LABELS: Record<MappableField, string> = {
  forename: 'Forename',
  surname: 'Surname',
  preferred: 'Known as',
  role: 'Role',
  group: 'Group or class',
  dob: 'Date of birth',
};

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
      setProblem('cancelled' in result ? result.error : `${result.error}${/[.!?)]$/.test(result.error) ? '' : '.'} Nothing was imported.`);
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
      setProblem(`${big.name} is larger than 10 MB, which is more than any class list should be. Nothing was imported.`);
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
      setDone(replace ? `Replaced ${replace.name} with ${pending.people.length} people from ${pending.fileName}.` : `Imported ${pending.people.length} people from ${pending.fileName}.`);
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
      <h2 id="lists-h">Class lists</h2>
      <p class="hint">
        Import a class list exported from your school's system: SIMS, Arbor, Bromcom or any MIS export, Microsoft School
        Data Sync, OneRoster (a .zip or its users, enrollments and classes files), an Excel workbook (.xlsx), or any CSV or
        tab-separated file with forename and surname columns, in any encoding Excel saves. Choose several files at once
        when they belong together (SDS users.csv and roles.csv). Names are used only to check what you post.
      </p>
      <p class="count" data-testid="pupil-count">
        {status.totals.pupils === 1 ? '1 pupil stored' : `${status.totals.pupils} pupils stored`}
        {status.totals.people !== status.totals.pupils ? ` (${status.totals.people} people in all)` : ''}
      </p>
      {replace && (
        <p class="replacing" role="status">
          Choose the new file for <strong>{replace.name}</strong>: it will replace that list's {replace.count} people.{' '}
          <button type="button" class="secondary" onClick={() => setReplace(null)}>
            Don't replace
          </button>
        </p>
      )}
      <label for="classlist-file">{replace ? `Choose the new file for ${replace.name}` : 'Choose a class list file'}</label>
      <input
        id="classlist-file"
        ref={fileInput}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.xlsx,.zip,text/csv,text/tab-separated-values,text/plain,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onFiles}
      />
      {progress && (
        <div class="progress row" role="group" aria-label="Reading the file">
          <progress
            aria-label="Reading the class list"
            max={progress.total || undefined}
            value={progress.total ? progress.done : undefined}
          />
          <span>{progress.total ? `${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')} rows` : 'Opening the file…'}</span>
          <button type="button" class="secondary" onClick={cancelRead}>
            Cancel
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
        <div class="preview" role="region" aria-label="Import preview">
          <p>
            Found <strong>{pending.people.length}</strong> people in {pending.fileName}
            {pending.groups.length ? ` (groups: ${pending.groups.slice(0, 20).join(', ')}${pending.groups.length > 20 ? ` and ${pending.groups.length - 20} more` : ''})` : ''}. Read as:{' '}
            {pending.format}.
          </p>
          {pending.warnings.length > 0 && (
            <ul class="warnings">
              {pending.warnings.slice(0, 10).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <label for="classlist-name">Name this list</label>
          <input id="classlist-name" value={pending.name} maxLength={200} onInput={(e) => setPending({ ...pending, name: e.currentTarget.value })} />
          <div class="row">
            <button type="button" onClick={confirm} disabled={!pending.name.trim()}>
              {replace ? `Replace ${replace.name} with ${pending.people.length} people` : `Import ${pending.people.length} people`}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPending(null);
                setMapping(null);
                setProblem('Import cancelled. Nothing was changed.');
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" class="ok">
        {done}
      </p>
      {status.lists.length > 0 && (
        <table>
          <caption class="visually-hidden">Imported class lists</caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Groups</th>
              <th scope="col">People</th>
              <th scope="col">Imported</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
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
                <td>{l.groups.slice(0, 12).join(', ') + (l.groups.length > 12 ? ` and ${l.groups.length - 12} more` : '') || '—'}</td>
                <td>{l.count}</td>
                <td>{new Date(l.importedAt).toLocaleDateString('en-GB')}</td>
                <td class="actions">
                  <button type="button" class="secondary" onClick={() => startReplace(l)}>
                    Replace <span class="visually-hidden">{l.name}</span>
                  </button>
                  <button type="button" class="secondary" onClick={() => void run({ type: 'deleteList', id: l.id })}>
                    Remove <span class="visually-hidden">{l.name}</span>
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
    <div class="mapping" role="region" aria-label="Choose the columns">
      <p>
        {unsure
          ? `Second Look could not tell which columns of ${preview.file} hold the names. Choose them below; nothing is imported until you confirm.`
          : `Check the columns Second Look chose in ${preview.file}; change them if they are wrong.`}
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">First rows of {preview.file}</caption>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} scope="col">
                  {h || `Column ${i + 1}`}
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
            <label for={`map-${f}`}>{FIELD_LABELS[f]} column</label>
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
              <option value="">{f === 'forename' || f === 'surname' ? 'Choose a column' : 'Not in the file'}</option>
              {preview.header.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div class="row">
        <button type="button" disabled={!ready} onClick={() => onApply({ file: preview.file, headerIndex: preview.headerIndex, columns })}>
          Read again with these columns
        </button>
      </div>
    </div>
  );
}
