/**
 * The options page (extension origin, trusted): the school profile, the rules (RulesSection.tsx),
 * class lists, a "try it" box, the demo school and "delete everything". It talks to the background
 * over the admin channel (`send`), which owns the database; class-list files are parsed and
 * validated here first, so a broken file changes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../../engine/types';
import type { AdminMessage, AdminResponse, Status } from '../../messaging/protocol';
import { parseClassList } from '../../import/classlist';
import { readClassListFile } from '../../import/read-file';
import type { PersonNames } from '../../engine/types';
import demoPack from '../../../rules/demo.json';
import demoClassCsv from '../../../assets/demo/holbrook-class.csv?raw';
import { RulesSection, type Run, type RunOptions } from './RulesSection';

export type Send = (msg: AdminMessage) => Promise<AdminResponse>;

const lines = (s: string) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

function useStatus(send: Send) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after every write that can change the rules, so the rules editor reloads the stored pack.
  const [packVersion, setPackVersion] = useState(0);
  // `quiet`: the caller shows the refusal next to its own control, not at the top of the page.
  const run: Run = async (msg: AdminMessage, opts: RunOptions = {}): Promise<AdminResponse> => {
    const res = await send(msg);
    if (res.ok && res.status) setStatus(res.status);
    if (!opts.quiet || res.ok) setError(res.ok ? null : res.error);
    if (res.ok && (msg.type === 'setPack' || msg.type === 'deleteEverything')) setPackVersion((n) => n + 1);
    return res;
  };
  useEffect(() => {
    void run({ type: 'getStatus' });
  }, []);
  return { status, error, run, packVersion };
}

export function App({ send }: { send: Send }) {
  const { status, error, run, packVersion } = useStatus(send);
  // Lives here, not in the form: saving re-mounts the form with the saved values.
  const [schoolSaved, setSchoolSaved] = useState('');
  return (
    <main>
      <header>
        <h1>Second Look</h1>
        <p class="lede">
          Second Look checks what you are about to post against your school's social media policy and warns you before
          you post. <strong>Everything here stays on this computer. Second Look never sends anything anywhere.</strong>
        </p>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {status ? (
        <>
          {/* Re-mounted only when the saved school changes (demo, delete), never over unsaved typing. */}
          <SchoolSection key={JSON.stringify(status.school)} status={status} run={run} saved={schoolSaved} setSaved={setSchoolSaved} />
          <RulesSection run={run} packVersion={packVersion} />
          <ClassListSection status={status} run={run} />
          <TryItSection send={send} />
          <DemoSection status={status} run={run} />
          <DeleteSection run={run} />
        </>
      ) : (
        <p>Loading…</p>
      )}
    </main>
  );
}

function SchoolSection({
  status,
  run,
  saved,
  setSaved,
}: {
  status: Status;
  run: Run;
  saved: string;
  setSaved: (s: string) => void;
}) {
  const s = status.school;
  const [name, setName] = useState(s.name);
  const [aliases, setAliases] = useState(s.aliases.join('\n'));
  const [handles, setHandles] = useState(s.handles.join('\n'));
  const [hashtags, setHashtags] = useState(s.hashtags.join('\n'));
  const [domains, setDomains] = useState(s.emailDomains.join('\n'));

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved('');
    const res = await run({
      type: 'saveSchool',
      school: {
        name: name.trim(),
        aliases: lines(aliases),
        handles: lines(handles).map((h) => h.replace(/^@/, '')),
        hashtags: lines(hashtags).map((h) => h.replace(/^#/, '')),
        emailDomains: lines(domains).map((d) => d.replace(/^@/, '').toLowerCase()),
      },
    });
    if (res.ok) setSaved('Saved.');
  };

  return (
    <section aria-labelledby="school-h">
      <h2 id="school-h">Your school</h2>
      <p class="hint">
        Rule set: <strong>{status.packTitle}</strong>
      </p>
      <form onSubmit={save} onInput={() => setSaved('')} class="grid">
        <label for="school-name">School name</label>
        <input id="school-name" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
        <label for="school-aliases">Other names people use (one per line)</label>
        <textarea id="school-aliases" rows={3} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
        <label for="school-handles">The school's social media handles (one per line)</label>
        <textarea id="school-handles" rows={2} value={handles} onInput={(e) => setHandles(e.currentTarget.value)} />
        <label for="school-hashtags">The school's hashtags (one per line)</label>
        <textarea id="school-hashtags" rows={2} value={hashtags} onInput={(e) => setHashtags(e.currentTarget.value)} />
        <label for="school-domains">Staff e-mail domains (one per line)</label>
        <textarea id="school-domains" rows={2} value={domains} onInput={(e) => setDomains(e.currentTarget.value)} />
        <div class="row">
          <button type="submit">Save school details</button>
          <span role="status" class="ok">
            {saved}
          </span>
        </div>
      </form>
    </section>
  );
}

interface Pending {
  format: string;
  fileName: string;
  name: string;
  people: Extract<AdminMessage, { type: 'importClassList' }>['people'];
  groups: string[];
  warnings: string[];
}

/** Only the names and role are stored for now (dates of birth and consent come with issue 3's storage). */
function namesOnly(p: PersonNames): PersonNames {
  return p.preferred
    ? { role: p.role, forename: p.forename, preferred: p.preferred, surname: p.surname }
    : { role: p.role, forename: p.forename, surname: p.surname };
}

function ClassListSection({ status, run }: { status: Status; run: Run }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPending(null);
    setProblem(null);
    setDone('');
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      setProblem(`${file.name} is larger than 10 MB, which is more than any class list should be. Nothing was imported.`);
      return;
    }
    // Bytes, not file.text(): the reader detects Windows-1252 and UTF-16 exports itself.
    const result = readClassListFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!result.ok) {
      setProblem(`${result.error} Nothing was imported.`);
      return;
    }
    setPending({
      format: result.format,
      fileName: file.name,
      name: file.name.replace(/\.[^.]+$/, ''),
      people: result.people.map(namesOnly),
      groups: result.groups,
      warnings: result.warnings,
    });
  };

  const confirm = async () => {
    if (!pending) return;
    const res = await run({
      type: 'importClassList',
      name: pending.name,
      fileName: pending.fileName,
      groups: pending.groups,
      people: pending.people,
    });
    if (res.ok) {
      setDone(`Imported ${pending.people.length} people from ${pending.fileName}.`);
      setPending(null);
    }
  };

  return (
    <section aria-labelledby="lists-h">
      <h2 id="lists-h">Class lists</h2>
      <p class="hint">
        Import a class list exported from your school's system: SIMS, Arbor, Bromcom or any MIS export, Microsoft School
        Data Sync, OneRoster, or any CSV or tab-separated file with forename and surname columns, in any encoding Excel
        saves. Names are used only to check what you post.
      </p>
      <p class="count" data-testid="pupil-count">
        {status.totals.pupils === 1 ? '1 pupil stored' : `${status.totals.pupils} pupils stored`}
        {status.totals.people !== status.totals.pupils ? ` (${status.totals.people} people in all)` : ''}
      </p>
      <label for="classlist-file">Choose a class list file</label>
      <input id="classlist-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onChange={onFile} />
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {pending && (
        <div class="preview" role="region" aria-label="Import preview">
          <p>
            Found <strong>{pending.people.length}</strong> people in {pending.fileName}
            {pending.groups.length ? ` (groups: ${pending.groups.join(', ')})` : ''}. Read as: {pending.format}.
          </p>
          {pending.warnings.length > 0 && (
            <ul class="warnings">
              {pending.warnings.slice(0, 10).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <label for="classlist-name">Name this list</label>
          <input
            id="classlist-name"
            value={pending.name}
            maxLength={200}
            onInput={(e) => setPending({ ...pending, name: e.currentTarget.value })}
          />
          <div class="row">
            <button type="button" onClick={confirm} disabled={!pending.name.trim()}>
              Import {pending.people.length} people
            </button>
            <button type="button" class="secondary" onClick={() => setPending(null)}>
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
                <td>{l.groups.join(', ') || '—'}</td>
                <td>{l.count}</td>
                <td>{new Date(l.importedAt).toLocaleDateString('en-GB')}</td>
                <td>
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

function TryItSection({ send }: { send: Send }) {
  const [text, setText] = useState('');
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [checked, setChecked] = useState('');
  const check = async (e: Event) => {
    e.preventDefault();
    const res = await send({ type: 'testText', site: 'other', text });
    if (res.ok) {
      setFindings(res.findings ?? []);
      setChecked(text);
    }
  };
  return (
    <section aria-labelledby="try-h">
      <h2 id="try-h">Try it</h2>
      <p class="hint">Type a sentence to see what Second Look would warn about. Nothing is posted.</p>
      <form onSubmit={check}>
        <label for="try-text">Sentence to check</label>
        <textarea id="try-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={20000} />
        <div class="row">
          <button type="submit">Check</button>
        </div>
      </form>
      {findings && (
        <div role="status" class="results">
          {findings.length === 0 ? (
            <p>No warnings for this text.</p>
          ) : (
            <ul>
              {findings.map((f, i) => (
                <li key={i}>
                  <strong>“{checked.slice(f.start, f.end)}”</strong>: {f.title}. <span class="hint">Policy: {f.clause}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

const DEMO_LIST = 'Demo: Holbrook classes';

function DemoSection({ status, run }: { status: Status; run: Run }) {
  const [msg, setMsg] = useState('');
  const load = async () => {
    const parsed = parseClassList(demoClassCsv, 'holbrook-class.csv');
    if (!parsed.ok) return setMsg(parsed.error);
    // Loading the demo twice replaces the demo list rather than adding a copy.
    for (const l of status.lists) if (l.name === DEMO_LIST) await run({ type: 'deleteList', id: l.id });
    const a = await run({ type: 'setPack', packText: JSON.stringify(demoPack) });
    if (!a.ok) return;
    const b = await run({
      type: 'importClassList',
      name: DEMO_LIST,
      fileName: 'holbrook-class.csv',
      groups: parsed.groups,
      people: parsed.people,
    });
    if (b.ok) setMsg(`Loaded the demo school and ${parsed.people.length} made-up pupils.`);
  };
  return (
    <section aria-labelledby="demo-h">
      <h2 id="demo-h">Demo</h2>
      <p class="hint">
        Try Second Look with a made-up school (Holbrook Primary School) and a made-up class list. This replaces your
        school details; remove the demo list afterwards.
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={load}>
          Load the demo school
        </button>
        <span role="status" class="ok">
          {msg}
        </span>
      </div>
    </section>
  );
}

function DeleteSection({ run }: { run: Run }) {
  const [confirming, setConfirming] = useState(false);
  const [msg, setMsg] = useState('');
  return (
    <section aria-labelledby="delete-h">
      <h2 id="delete-h">Delete everything</h2>
      <p class="hint">Removes your school details and every class list from this computer.</p>
      <div class="row">
        {!confirming ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Delete everything…
          </button>
        ) : (
          <>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const res = await run({ type: 'deleteEverything' });
                setConfirming(false);
                if (res.ok) setMsg('Everything has been deleted.');
              }}
            >
              Yes, delete everything
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep my data
            </button>
          </>
        )}
        <span role="status" class="ok">
          {msg}
        </span>
      </div>
    </section>
  );
}
