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
import { LanguagePicker, browserLocaleApi, useLocale, type LocaleApi } from './LanguagePicker';
import { t } from '../../i18n';

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
    if (res.ok && (msg.type === 'setPack' || msg.type === 'importPackFile' || msg.type === 'deleteEverything')) setPackVersion((n) => n + 1);
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
  localeApi = browserLocaleApi(),
}: {
  send: Send;
  /** The options entry passes the worker runner; tests use the in-page one. */
  importRunner?: ImportRunner;
  rasterise?: (f: File) => Promise<Rasterised>;
  /** The language choice, kept by the background; tests pass a fake. */
  localeApi?: LocaleApi;
}) {
  // Every component below reads the language through t(); a change re-renders the whole page.
  const [locale, chooseLocale] = useLocale(localeApi);
  const { status, error, run, packVersion } = useStatus(send);
  const locked = status?.managed?.state === 'active';
  // Lives here, not in the form: saving re-mounts the form with the saved values.
  const [schoolSaved, setSchoolSaved] = useState('');
  return (
    <main>
      <header>
        <h1>{t('ext.name')}</h1>
        <p class="lede">
          {t('options.lede')} <strong>{t('options.lede.private')}</strong>
        </p>
        <LanguagePicker locale={locale} choose={chooseLocale} />
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
        <p>{t('options.loading')}</p>
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
        <strong>{t('options.managed.title')}</strong> {t('options.managed.body')}
      </p>
    );
  }
  return (
    <p class="error" role="alert">
      {t('options.managed.invalid', { errors: m.errors.slice(0, 3).join('; ') })}
    </p>
  );
}


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
    const where = r.name.trim() ? t('school.location.named', { n: i + 1, name: r.name.trim() }) : t('school.location', { n: i + 1 });
    if (!r.name.trim()) return { ok: false, error: t('school.location.noName', { where }) };
    if (!(lat >= -90 && lat <= 90)) return { ok: false, error: t('school.location.badLatitude', { where }) };
    if (!(lon >= -180 && lon <= 180)) return { ok: false, error: t('school.location.badLongitude', { where }) };
    if (!(radius >= 10 && radius <= 5000)) return { ok: false, error: t('school.location.badRadius', { where }) };
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
    if (hoursOn && !days.length) return setProblem(t('school.hours.noDays'));
    if (hoursOn && !(start < end)) return setProblem(t('school.hours.order'));
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
    if (res.ok) setSaved(t('school.saved'));
  };
  const setLocation = (i: number, patch: Partial<LocationDraft>) => setLocations(locations.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <section aria-labelledby="school-h">
      <h2 id="school-h">{t('school.heading')}</h2>
      <p class="hint">
        {t('school.ruleSet')} <strong>{status.packTitle}</strong>
      </p>
      <form onSubmit={save} onInput={() => setSaved('')}>
        <fieldset class="lock grid" disabled={locked}>
        <label for="school-name">{t('school.name')}</label>
        <input id="school-name" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
        <label for="school-aliases">{t('school.aliases')}</label>
        <textarea id="school-aliases" rows={3} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
        <label for="school-handles">{t('school.handles')}</label>
        <textarea id="school-handles" rows={2} value={handles} onInput={(e) => setHandles(e.currentTarget.value)} />
        <label for="school-hashtags">{t('school.hashtags')}</label>
        <textarea id="school-hashtags" rows={2} value={hashtags} onInput={(e) => setHashtags(e.currentTarget.value)} />
        <label for="school-domains">{t('school.domains')}</label>
        <textarea id="school-domains" rows={2} value={domains} onInput={(e) => setDomains(e.currentTarget.value)} />

        <fieldset class="sub">
          <legend>{t('school.locations')}</legend>
          <p class="hint">{t('school.locations.hint')}</p>
          {locations.map((l, i) => (
            <div class="location" role="group" aria-label={t('school.location', { n: i + 1 })} key={i}>
              <div class="field grow">
                <label for={`loc-name-${i}`}>{t('school.location.name')}</label>
                <input id={`loc-name-${i}`} value={l.name} maxLength={200} onInput={(e) => setLocation(i, { name: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-lat-${i}`}>{t('school.location.latitude')}</label>
                <input id={`loc-lat-${i}`} inputMode="decimal" value={l.latitude} onInput={(e) => setLocation(i, { latitude: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-lon-${i}`}>{t('school.location.longitude')}</label>
                <input id={`loc-lon-${i}`} inputMode="decimal" value={l.longitude} onInput={(e) => setLocation(i, { longitude: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`loc-radius-${i}`}>{t('school.location.radius')}</label>
                <input id={`loc-radius-${i}`} inputMode="numeric" value={l.radiusMetres} onInput={(e) => setLocation(i, { radiusMetres: e.currentTarget.value })} />
              </div>
              <button type="button" class="secondary" onClick={() => setLocations(locations.filter((_, j) => j !== i))}>
                {t('common.remove')} <span class="visually-hidden">{t('school.location.removeWhich', { n: i + 1 })}</span>
              </button>
            </div>
          ))}
          {locations.length < 20 && (
            <button type="button" class="secondary" onClick={() => setLocations([...locations, { name: '', latitude: '', longitude: '', radiusMetres: '150' }])}>
              {t('school.location.add')}
            </button>
          )}
        </fieldset>

        <fieldset class="sub">
          <legend>{t('school.hours')}</legend>
          <label class="check">
            <input type="checkbox" checked={hoursOn} onChange={(e) => setHoursOn(e.currentTarget.checked)} /> {t('school.hours.set')}
          </label>
          {hoursOn && (
            <>
              <div class="days" role="group" aria-label={t('school.hours.days')}>
                {WEEKDAYS.map((d) => (
                  <label class="check" key={d}>
                    <input
                      type="checkbox"
                      checked={days.includes(d)}
                      onChange={(e) => setDays(e.currentTarget.checked ? [...days, d] : days.filter((x) => x !== d))}
                    />{' '}
                    {t(`day.${d}`)}
                  </label>
                ))}
              </div>
              <div class="row">
                <div class="field">
                  <label for="hours-start">{t('school.hours.start')}</label>
                  <input id="hours-start" type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="hours-end">{t('school.hours.end')}</label>
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
          <button type="submit">{t('school.save')}</button>
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
      <h2 id="try-h">{t('try.heading')}</h2>
      <p class="hint">{t('try.hint')}</p>
      <form onSubmit={check}>
        <label for="try-text">{t('try.label')}</label>
        <textarea id="try-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={20000} />
        <div class="row">
          <button type="submit">{t('try.check')}</button>
        </div>
      </form>
      {findings && (
        <div role="status" class="results">
          {findings.length === 0 ? (
            <p>{t('try.none')}</p>
          ) : (
            <ul>
              {findings.map((f, i) => (
                <li key={i}>
                  <strong>“{checked.slice(f.start, f.end)}”</strong>: {f.title}. <span class="hint">{t('warning.policy', { clause: f.clause })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The demo list's stored name (data, not interface text: reloading the demo finds it by this name). */
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
    if (b.ok) setMsg(t('demo.loaded', { count: parsed.people.length }));
  };
  return (
    <section aria-labelledby="demo-h">
      <h2 id="demo-h">{t('demo.heading')}</h2>
      <p class="hint">{t('demo.hint')}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={load}>
          {t('demo.load')}
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
      <h2 id="delete-h">{t('delete.heading')}</h2>
      <p class="hint">{t('delete.hint')}</p>
      <div class="row">
        {!confirming ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('delete.start')}
          </button>
        ) : (
          <>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const res = await run({ type: 'deleteEverything' });
                setConfirming(false);
                if (res.ok) setMsg(t('delete.done'));
              }}
            >
              {t('delete.confirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('delete.keep')}
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
