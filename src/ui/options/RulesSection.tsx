/**
 * "School policy rules" on the options page (extension origin, trusted): start from a policy
 * template, switch each rule on or off, set how serious it is, edit the policy text it quotes, turn
 * it off on particular sites, list confidential terms, and export / import the whole rule pack as
 * one JSON file.
 *
 * Every write is a `setPack` with the pack as JSON text, so the background's strict parser is the
 * only judge of a pack; its refusal is shown as it is worded and nothing is stored. Templates and
 * the editor send `keepSchool: true`: the school profile belongs to "Your school" and is never
 * overwritten from here. An import replaces the school profile too, because that is what a school
 * hands to its staff. The pack holds no class lists; only when the user ticks "Include the class
 * lists" does an export carry them, as the stored name codes with their key (pack/class-lists.ts),
 * never a plain name. Importing such a file says first that its lists will replace this computer's.
 */
import { useEffect, useState } from 'preact/hooks';
import { SEVERITIES, SITE_IDS, type RuleId, type Severity } from '../../engine/types';
import type { AdminMessage, AdminResponse } from '../../messaging/protocol';
import { CLASS_LIST_LIMITS, parsePackFileText } from '../../pack/class-lists';
import { PACK_LIMITS } from '../../pack/parse';
import type { RulePack, RuleSettings } from '../../pack/types';
import { RULES } from '../../rules';
import {
  downloadText,
  editRule,
  exportFileName,
  exportText,
  fromDraft,
  hasTerms,
  isOffOn,
  ruleLabel,
  ruleOrder,
  setOffOn,
  setTerms,
  severityLabel,
  siteLabel,
  TEMPLATES,
  termsLabel,
  toDraft,
  vagueTerm,
  type Draft,
} from './rules-edit';
import { t } from '../../i18n';

export type RunOptions = { quiet?: boolean };
export type Run = (msg: AdminMessage, opts?: RunOptions) => Promise<AdminResponse>;

/** Rules this build has a detector for; the others are kept in the pack for later versions. */
const CHECKED = new Set<RuleId>(RULES.map((r) => r.meta.id));

const same = (a: RulePack, b: RulePack) => JSON.stringify(a) === JSON.stringify(b);

export function RulesSection({ run, packVersion }: { run: Run; packVersion: number }) {
  const [saved, setSaved] = useState<RulePack | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);

  // Reload after every pack write (ours, the demo, "delete everything"): the stored pack is the truth.
  useEffect(() => {
    let live = true;
    void run({ type: 'getPack' }, { quiet: true }).then((res) => {
      if (!live) return;
      if (res.ok && res.pack) {
        setSaved(res.pack);
        setDraft(toDraft(res.pack));
        setLoadProblem(null);
      } else setLoadProblem(res.ok ? t('rules.unreadable') : res.error);
    });
    return () => {
      live = false;
    };
  }, [packVersion]);

  return (
    <section aria-labelledby="rules-h">
      {/* Not "Your school's rules": test/e2e/harness.ts waits for a heading named "Your school" (substring match). */}
      <h2 id="rules-h">{t('rules.heading')}</h2>
      {loadProblem && (
        <p role="alert" class="error">
          {loadProblem}
        </p>
      )}
      {!saved || !draft ? (
        !loadProblem && <p>{t('rules.loading')}</p>
      ) : (
        <>
          <p class="hint">
            {t('school.ruleSet')} <strong>{saved.title}</strong>. {t('rules.hint')}
          </p>
          <TemplatePicker run={run} current={saved} />
          <RuleEditor run={run} saved={saved} draft={draft} setDraft={setDraft} />
          <ShareRules run={run} dirty={!same(fromDraft(draft), fromDraft(toDraft(saved)))} />
        </>
      )}
    </section>
  );
}

function TemplatePicker({ run, current }: { run: Run; current: RulePack }) {
  const [choice, setChoice] = useState(() => Math.max(0, TEMPLATES.findIndex((t) => t.id === current.id)));
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const template = TEMPLATES[choice]!;

  const apply = async () => {
    const res = await run({ type: 'setPack', packText: JSON.stringify(template.json), keepSchool: true }, { quiet: true });
    setConfirming(false);
    if (res.ok) {
      setProblem(null);
      setDone(t('rules.template.done', { title: template.title }));
    } else setProblem(res.error);
  };

  return (
    <div class="subsection">
      <h3>{t('rules.template.heading')}</h3>
      <p class="hint">{t('rules.template.hint')}</p>
      <label for="template-select">{t('rules.template.label')}</label>
      <div class="row template-row">
        <select
          id="template-select"
          value={String(choice)}
          onChange={(e) => {
            setChoice(Number(e.currentTarget.value));
            setConfirming(false);
            setDone('');
          }}
        >
          {TEMPLATES.map((tpl, i) => (
            <option key={tpl.id} value={String(i)}>
              {tpl.title}
            </option>
          ))}
        </select>
        {!confirming && (
          <button type="button" class="secondary" onClick={() => (setConfirming(true), setDone(''))}>
            {t('rules.template.apply')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="preview" role="region" aria-label={t('rules.template.confirmRegion')}>
          <p>{t('rules.template.confirm', { title: template.title })}</p>
          <div class="row">
            <button type="button" onClick={apply}>
              {t('rules.template.replace')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <Outcome problem={problem} done={done} />
    </div>
  );
}

function RuleEditor({
  run,
  saved,
  draft,
  setDraft,
}: {
  run: Run;
  saved: RulePack;
  draft: Draft;
  setDraft: (d: Draft) => void;
}) {
  // "Rules saved." belongs to the pack it saved: a template, import or demo load since then hides it.
  const [savedNote, setSavedNote] = useState<RulePack | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const edited = fromDraft(draft);
  const stored = fromDraft(toDraft(saved));
  const dirty = !same(edited, stored);
  const done = savedNote && same(savedNote, stored) ? t('rules.saved') : '';
  const change = (d: Draft) => {
    setDraft(d);
    setSavedNote(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    // Said here, in the user's language, before the parser (which refuses the same terms) sees it.
    const vague = vagueTerm(draft);
    if (vague) {
      setSavedNote(null);
      return setProblem(t('rules.notSaved', { error: vague }));
    }
    const res = await run({ type: 'setPack', packText: JSON.stringify(edited), keepSchool: true }, { quiet: true });
    if (res.ok) {
      setProblem(null);
      setSavedNote(edited);
    } else {
      setSavedNote(null);
      setProblem(t('rules.notSaved', { error: res.error }));
    }
  };

  return (
    <form onSubmit={save} class="subsection" aria-labelledby="rules-list-h">
      <h3 id="rules-list-h">{t('rules.list.heading')}</h3>
      <p class="hint">{t('rules.list.hint')}</p>
      {ruleOrder(draft.pack).map((id) => (
        <RuleFields key={id} id={id} rule={draft.pack.rules[id]!} draft={draft} change={change} />
      ))}
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      <div class="row save-bar">
        <button type="submit" disabled={!dirty}>
          {t('rules.save')}
        </button>
        <button type="button" class="secondary" disabled={!dirty} onClick={() => (setDraft(toDraft(saved)), setProblem(null))}>
          {t('rules.discard')}
        </button>
        <span role="status" class="ok">
          {dirty ? <span class="unsaved">{t('rules.unsaved')}</span> : done}
        </span>
      </div>
    </form>
  );
}

function RuleFields({ id, rule, draft, change }: { id: RuleId; rule: RuleSettings; draft: Draft; change: (d: Draft) => void }) {
  const base = `rule-${id}`;
  const siteSeverities = SITE_IDS.filter((s) => rule.sites?.[s]?.severity && !isOffOn(rule, s));
  return (
    <fieldset class={rule.enabled ? 'rule' : 'rule off'} data-rule={id}>
      <legend>
        {ruleLabel(id)} <code class="rule-id">{id}</code>
      </legend>
      {!CHECKED.has(id) && <p class="hint not-yet">{t('rules.notYet')}</p>}
      <div class="rule-top">
        <label class="check">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => change(editRule(draft, id, { enabled: e.currentTarget.checked }))} />
          {t('rules.on')}
        </label>
        <div class="field grow">
          <label for={`${base}-title`}>{t('rules.title')}</label>
          <input
            id={`${base}-title`}
            value={rule.title}
            maxLength={200}
            onInput={(e) => change(editRule(draft, id, { title: e.currentTarget.value }))}
          />
        </div>
        <div class="field">
          <label for={`${base}-severity`}>{t('rules.severity')}</label>
          <select
            id={`${base}-severity`}
            value={rule.severity}
            onChange={(e) => change(editRule(draft, id, { severity: e.currentTarget.value as Severity }))}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label for={`${base}-clause`}>{t('rules.clause')}</label>
      <textarea
        id={`${base}-clause`}
        rows={3}
        maxLength={2000}
        value={rule.clause}
        onInput={(e) => change(editRule(draft, id, { clause: e.currentTarget.value }))}
      />
      {rule.source && <p class="hint source">{t('rules.source', { source: rule.source })}</p>}
      {hasTerms(id) && (
        <>
          <label for={`${base}-terms`}>{termsLabel(id)}</label>
          <textarea
            id={`${base}-terms`}
            rows={3}
            value={draft.terms[id] ?? ''}
            onInput={(e) => change(setTerms(draft, id, e.currentTarget.value))}
          />
        </>
      )}
      <fieldset class="sites">
        <legend>{t('rules.notOn')}</legend>
        {SITE_IDS.map((site) => (
          <label key={site} class="check site">
            <input
              type="checkbox"
              checked={isOffOn(rule, site)}
              onChange={(e) => change(setOffOn(draft, id, site, e.currentTarget.checked))}
            />
            {siteLabel(site)}
          </label>
        ))}
      </fieldset>
      {siteSeverities.length > 0 && (
        <p class="hint">
          {siteSeverities.map((s) => t('rules.siteSeverity', { site: siteLabel(s), severity: severityLabel(rule.sites![s]!.severity!) })).join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** A checked pack file with class lists, waiting for the user to say it may replace the lists here. */
interface PendingImport {
  file: string;
  text: string;
  title: string;
  lists: { name: string; count: number }[];
}

function ShareRules({ run, dirty }: { run: Run; dirty: boolean }) {
  const [done, setDone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [withLists, setWithLists] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const exportPack = async () => {
    setProblem(null);
    setDone('');
    const res = await run({ type: 'getPack' }, { quiet: true });
    if (!res.ok || !res.pack) return setProblem(res.ok ? t('rules.unreadable') : res.error);
    const name = exportFileName(res.pack);
    if (!withLists) {
      downloadText(document, name, exportText(res.pack));
      return setDone(t('rules.exported', { file: name }));
    }
    const file = await run({ type: 'exportPackFile', includeLists: true }, { quiet: true });
    if (!file.ok || file.packFile === undefined) return setProblem(file.ok ? t('rules.unreadable') : file.error);
    downloadText(document, name, file.packFile);
    setDone(file.listsIncluded ? t('rules.exported.lists', { file: name, count: file.listsIncluded }) : t('rules.exported.noLists', { file: name }));
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setProblem(null);
    setDone('');
    setPending(null);
    if (!file) return;
    if (file.size > CLASS_LIST_LIMITS.maxBytes) {
      input.value = '';
      return setProblem(t('rules.import.tooBigLists', { file: file.name }));
    }
    const text = await file.text();
    input.value = ''; // so the same file can be chosen again after fixing it
    // Checked here first (the same strict parser the background runs again) to say what it holds.
    // A big file with class lists takes seconds: say so, and let that paint before the check.
    if (text.includes('"classLists"')) {
      setDone(t('rules.import.checking', { file: file.name }));
      await new Promise((r) => setTimeout(r, 0));
    }
    const checked = parsePackFileText(text);
    setDone('');
    if (checked.ok && checked.lists) {
      return setPending({
        file: file.name,
        text,
        title: checked.pack.title,
        lists: checked.lists.lists.map((l) => ({ name: l.name, count: l.count })),
      });
    }
    if (!checked.ok && checked.withLists) return setProblem(t('rules.import.failed', { file: file.name, error: checked.errors.join('\n') }));
    if (file.size > PACK_LIMITS.maxBytes) return setProblem(t('rules.import.tooBig', { file: file.name }));
    const res = await run({ type: 'setPack', packText: text }, { quiet: true });
    if (!res.ok) return setProblem(t('rules.import.failed', { file: file.name, error: res.error }));
    setDone(t('rules.import.done', { title: res.status?.packTitle ?? file.name, file: file.name }));
  };

  const importWithLists = async (p: PendingImport) => {
    setPending(null);
    setDone(t('rules.import.lists.importing', { file: p.file }));
    const res = await run({ type: 'importPackFile', fileText: p.text }, { quiet: true });
    if (!res.ok) {
      setDone('');
      return setProblem(t('rules.import.failed', { file: p.file, error: res.error }));
    }
    setDone(t('rules.import.lists.done', { title: res.status?.packTitle ?? p.title, file: p.file, count: res.status?.lists.length ?? p.lists.length }));
  };

  return (
    <div class="subsection">
      <h3>{t('rules.share.heading')}</h3>
      <p class="hint">{t('rules.share.hint')}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={exportPack}>
          {t('rules.export')}
        </button>
        <label class="check">
          <input type="checkbox" checked={withLists} onChange={(e) => setWithLists(e.currentTarget.checked)} />
          {t('rules.export.withLists')}
        </label>
        {dirty && <span class="hint">{t('rules.export.dirty')}</span>}
      </div>
      {withLists && <p class="hint">{t('rules.export.withLists.hint')}</p>}
      <label for="pack-file">{t('rules.import')}</label>
      <input id="pack-file" type="file" accept=".json,application/json" onChange={onFile} />
      {pending && (
        <div class="preview" role="region" aria-label={t('rules.import.lists.region')}>
          <p>{t('rules.import.lists.confirm', { file: pending.file, title: pending.title, count: pending.lists.length })}</p>
          <ul>
            {pending.lists.map((l, i) => (
              <li key={i}>{t('rules.import.lists.item', { name: l.name, count: l.count })}</li>
            ))}
          </ul>
          <div class="row">
            <button type="button" onClick={() => importWithLists(pending)}>
              {t('rules.import.lists.replace')}
            </button>
            <button type="button" class="secondary" onClick={() => (setPending(null), setDone(t('rules.import.lists.cancelled', { file: pending.file })))}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <Outcome problem={problem} done={done} />
    </div>
  );
}

/** What an action came to: a refusal (announced at once) or a quiet confirmation. */
function Outcome({ problem, done }: { problem: string | null; done: string }) {
  return (
    <>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      <p role="status" class="ok">
        {done}
      </p>
    </>
  );
}
