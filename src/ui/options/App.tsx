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
import { WEEKDAYS, type SchoolLocation, type Weekday } from '../../pack/types';
import demoPack from '../../../rules/demo.json';
import demoClassCsv from '../../../assets/demo/holbrook-class.csv?raw';
import { ImportSection } from './ImportSection';
import { inThreadRunner, type ImportRunner } from './import-runner';
import { rasteriseLogo, type Rasterised } from './logo-image';
import { LogosSection } from './LogosSection';
import { RulesSection, type Run, type RunOptions } from './RulesSection';
import { OtherSites } from './OtherSites';

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

export function App({
  send,
  importRunner = inThreadRunner,
  rasterise = rasteriseLogo,
}: {
  send: Send;
  /** The options entry passes the worker runner; tests use the in-page one. */
  importRunner?: ImportRunner;
  rasterise?: (f: File) => Promise<Rasterised>;
}) {
  const { status, error, run, packVersion } = useStatus(send);
  const locked = status?.managed?.state === 'active';
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
          <ManagedNotice status={status} />
          <SchoolSection key={JSON.stringify(status.school)} status={status} run={run} saved={schoolSaved} setSaved={setSchoolSaved} locked={locked} />
          {/* A pack set by policy cannot be edited: the whole editor is disabled, not just its save button. */}
          <fieldset class="lock" disabled={locked}>
            <RulesSection run={run} packVersion={packVersion} />
          </fieldset>
          <ImportSection status={status} run={run} runner={importRunner} />
          <LogosSection status={status} run={run} rasterise={rasterise} />
          <TryItSection send={send} />
          <OtherSites />
          <DemoSection status={status} run={run} />
          <DeleteSection run={run} />
        </>
      ) : (
        <p>Loading…</p>
      )}
    </main>
  );
}

function ManagedNotice({ status }: { status: Status }) {
  const m = status.managed;
  if (!m) return null;
  if (m.state === 'active') {
    return (
      <p class="managed" role="note">
        <strong>Set by your school's IT.</strong> The school details and rules below come from your school's IT
        department (browser policy) and cannot be changed here. Class lists and logos are still yours to manage.
      </p>
    );
  }
  return (
    <p class="error" role="alert">
      Your school's IT set a rule pack for Second Look that could not be used, so your own settings still apply:{' '}
      {m.errors.slice(0, 3).join('; ')}
    </p>
  );
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

interface LocationDraft {
  name: string;
  latitude: string;
  longitude: string;
  radiusMetres: string;
}

const toLocationDraft = (l: SchoolLocation): LocationDraft => ({
  name: l.name,
  latitude: String(l.latitude),
  longitude: String(l.longitude),
  radiusMetres: String(l.radiusMetres),
});

/** Parses the location rows; an error names the row and the field in words. */
function readLocations(rows: LocationDraft[]): { ok: true; value: SchoolLocation[] } | { ok: false; error: string } {
  const out: SchoolLocation[] = [];
  for (const [i, r] of rows.entries()) {
    if (!r.name.trim() && !r.latitude.trim() && !r.longitude.trim()) continue;
    const n = (v: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN);
    const [lat, lon, radius] = [n(r.latitude), n(r.longitude), n(r.radiusMetres)];
    const where = `Location ${i + 1}${r.name.trim() ? ` (${r.name.trim()})` : ''}`;
    if (!r.name.trim()) return { ok: false, error: `${where}: give it a name, e.g. "Main site"` };
    if (!(lat >= -90 && lat <= 90)) return { ok: false, error: `${where}: the latitude should be a number from -90 to 90, e.g. 52.4862` };
    if (!(lon >= -180 && lon <= 180)) return { ok: false, error: `${where}: the longitude should be a number from -180 to 180, e.g. -1.8904` };
    if (!(radius >= 10 && radius <= 5000)) return { ok: false, error: `${where}: the radius should be from 10 to 5000 metres` };
    out.push({ name: r.name.trim(), latitude: lat, longitude: lon, radiusMetres: radius });
  }
  return { ok: true, value: out };
}

function SchoolSection({
  status,
  run,
  saved,
  setSaved,
  locked,
}: {
  status: Status;
  run: Run;
  saved: string;
  setSaved: (s: string) => void;
  locked: boolean;
}) {
  const s = status.school;
  const [locations, setLocations] = useState<LocationDraft[]>((s.locations ?? []).map(toLocationDraft));
  const [hoursOn, setHoursOn] = useState(!!s.workingHours);
  const [days, setDays] = useState<Weekday[]>(s.workingHours?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const [start, setStart] = useState(s.workingHours?.start ?? '08:00');
  const [end, setEnd] = useState(s.workingHours?.end ?? '17:00');
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState(s.name);
  const [aliases, setAliases] = useState(s.aliases.join('\n'));
  const [handles, setHandles] = useState(s.handles.join('\n'));
  const [hashtags, setHashtags] = useState(s.hashtags.join('\n'));
  const [domains, setDomains] = useState(s.emailDomains.join('\n'));

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved('');
    setProblem(null);
    const locs = readLocations(locations);
    if (!locs.ok) return setProblem(locs.error);
    if (hoursOn && !days.length) return setProblem('Working hours: tick at least one working day, or untick "Set working hours".');
    if (hoursOn && !(start < end)) return setProblem('Working hours: the start time should be before the end time.');
    const school: Extract<AdminMessage, { type: 'saveSchool' }>['school'] = {
      name: name.trim(),
      aliases: lines(aliases),
      handles: lines(handles).map((h) => h.replace(/^@/, '')),
      hashtags: lines(hashtags).map((h) => h.replace(/^#/, '')),
      emailDomains: lines(domains).map((d) => d.replace(/^@/, '').toLowerCase()),
    };
    if (locs.value.length) school.locations = locs.value;
    if (hoursOn) school.workingHours = { days: WEEKDAYS.filter((d) => days.includes(d)), start, end };
    // Holidays come from an imported pack; this form does not edit them, so it keeps them.
    if (s.holidays?.length) school.holidays = s.holidays;
    const res = await run({ type: 'saveSchool', school });
    if (res.ok) setSaved('Saved.');
  };
  const setLocation = (i: number, patch: Partial<LocationDraft>) => setLocations(locations.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <section aria-labelledby="school-h">
      <h2 id="school-h">Your school</h2>
      <p class="hint">
        Rule set: <strong>{status.packTitle}</strong>
      </p>
      <form onSubmit={save} onInput={() => setSaved('')}>
        <fieldset class="lock grid" disabled={locked}>
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

        <fieldset class="sub">
          <legend>School locations</legend>
          <p class="hint">
            Where the school is, so photos taken on the school grounds can be spotted from their location data. Find the
            latitude and longitude on any map (right-click the school); the radius covers the grounds.
          </p>
          {locations.map((l, i) => (
            <div class="location" role="group" aria-label={`Location ${i + 1}`} key={i}>
              <div class="field grow">
                <label for={`loc-name-${i}`}>Name</label>
                <input id={`loc-name-${i}`} value={l.name} maxLength={200} onInput={(e) => setLocation(i, { name: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-lat-${i}`}>Latitude</label>
                <input id={`loc-lat-${i}`} inputMode="decimal" value={l.latitude} onInput={(e) => setLocation(i, { latitude: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-lon-${i}`}>Longitude</label>
                <input id={`loc-lon-${i}`} inputMode="decimal" value={l.longitude} onInput={(e) => setLocation(i, { longitude: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-radius-${i}`}>Radius (metres)</label>
                <input id={`loc-radius-${i}`} inputMode="numeric" value={l.radiusMetres} onInput={(e) => setLocation(i, { radiusMetres: e.currentTarget.value })} />
              </div>
              <button type="button" class="secondary" onClick={() => setLocations(locations.filter((_, j) => j !== i))}>
                Remove <span class="visually-hidden">location {i + 1}</span>
              </button>
            </div>
          ))}
          {locations.length < 20 && (
            <button type="button" class="secondary" onClick={() => setLocations([...locations, { name: '', latitude: '', longitude: '', radiusMetres: '150' }])}>
              Add a location
            </button>
          )}
        </fieldset>

        <fieldset class="sub">
          <legend>Working hours</legend>
          <label class="check">
            <input type="checkbox" checked={hoursOn} onChange={(e) => setHoursOn(e.currentTarget.checked)} /> Set working hours
          </label>
          {hoursOn && (
            <>
              <div class="days" role="group" aria-label="Working days">
                {WEEKDAYS.map((d) => (
                  <label class="check" key={d}>
                    <input
                      type="checkbox"
                      checked={days.includes(d)}
                      onChange={(e) => setDays(e.currentTarget.checked ? [...days, d] : days.filter((x) => x !== d))}
                    />{' '}
                    {DAY_NAMES[d]}
                  </label>
                ))}
              </div>
              <div class="row">
                <div class="field">
                  <label for="hours-start">Start</label>
                  <input id="hours-start" type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="hours-end">End</label>
                  <input id="hours-end" type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
                </div>
              </div>
            </>
          )}
        </fieldset>

        {problem && (
          <p role="alert" class="error">
            {problem}
          </p>
        )}
        <div class="row">
          <button type="submit">Save school details</button>
          <span role="status" class="ok">
            {saved}
          </span>
        </div>
        </fieldset>
      </form>
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
