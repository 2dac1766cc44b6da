// @vitest-environment happy-dom
/**
 * The rules editor on the options page against a fake background that stores one pack and parses
 * every write with the real strict parser (as the service does), so refusals carry the parser's
 * own words and a refused write changes nothing.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import demoPack from '../../../rules/demo.json';
import trustTemplate from '../../../rules/templates/trust-2024.json';
import type { AdminMessage, AdminResponse, Status } from '../../messaging/protocol';
import { parsePack, parsePackText } from '../../pack/parse';
import type { RulePack } from '../../pack/types';
import { App } from './App';
import { downloadText, exportFileName, exportText, setOffOn, toDraft, fromDraft } from './rules-edit';

// On a loaded machine (several suites on two cores) a re-render can take seconds: the waits below
// are on conditions, given room to come true, and each test room for several of them.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const parsed = (json: unknown): RulePack => {
  const r = parsePack(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return JSON.parse(JSON.stringify(r.pack)) as RulePack;
};

function fakeBackground(initial: RulePack = parsed(demoPack)) {
  let pack = initial;
  const sent: AdminMessage[] = [];
  const status = (): Status => ({
    school: structuredClone(pack.school),
    packTitle: pack.title,
    packId: pack.id,
    lists: [],
    totals: { people: 0, pupils: 0 },
  });
  const send = vi.fn(async (msg: AdminMessage): Promise<AdminResponse> => {
    sent.push(msg);
    switch (msg.type) {
      case 'getPack':
        return { ok: true, pack: JSON.parse(JSON.stringify(pack)) as RulePack };
      case 'setPack': {
        const r = parsePackText(msg.packText);
        if (!r.ok) return { ok: false, error: r.errors.join('\n') };
        const next = JSON.parse(JSON.stringify(r.pack)) as RulePack;
        pack = msg.keepSchool ? { ...next, school: pack.school } : next;
        return { ok: true, status: status() };
      }
      default:
        return { ok: true, status: status() };
    }
  });
  return { send, sent, current: () => pack };
}

const writes = (sent: AdminMessage[]) => sent.filter((m): m is Extract<AdminMessage, { type: 'setPack' }> => m.type === 'setPack');
const rule = (id: string) => screen.getByRole('group', { name: new RegExp(`\\b${id}$`) });

function upload(input: HTMLElement, name: string, content: string) {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('rules editor', () => {
  it('shows every rule of the pack with labelled controls, most important first', async () => {
    const { send } = fakeBackground();
    render(<App send={send} />);
    await screen.findByRole('heading', { name: 'The rules' });
    const groups = screen.getAllByRole('group').filter((g) => g.getAttribute('data-rule'));
    expect(groups).toHaveLength(18);
    expect(groups.slice(0, 3).map((g) => g.getAttribute('data-rule'))).toEqual(['pupil-name', 'school-identity', 'confidential']);
    const pupil = within(rule('pupil-name'));
    expect((pupil.getByLabelText('On') as HTMLInputElement).checked).toBe(true);
    expect((pupil.getByLabelText('How serious') as HTMLSelectElement).value).toBe('high');
    expect(pupil.getByRole('option', { name: 'Serious' })).toBeTruthy();
    expect((pupil.getByLabelText('Title shown in the warning') as HTMLInputElement).value).toBe("Pupil's name");
    expect((pupil.getByLabelText('Policy text the warning quotes') as HTMLTextAreaElement).value).toContain('§5.4');
    expect(within(pupil.getByRole('group', { name: 'Not on' })).getAllByRole('checkbox')).toHaveLength(12);
    const terms = within(rule('confidential')).getByLabelText('Confidential words and phrases (one per line)') as HTMLTextAreaElement;
    expect(terms.value.split('\n').length).toBeGreaterThan(0);
    expect((screen.getByRole('button', { name: 'Save rules' }) as HTMLButtonElement).disabled).toBe(true);
    // Honest about rules this build has no detector for yet.
    expect(rule('logo').textContent).toContain('does not check this yet');
    expect(rule('pupil-name').textContent).not.toContain('does not check this yet');
  });

  it.each([
    ['(a+)+$', 'Line 2 of “Confidential words and phrases (one per line)”, “(a+)+$”, needs at least two letters (or two digits together): it would match too much.'],
    ['a.', 'Line 2 of “Confidential words and phrases (one per line)”, “a.”, needs at least two letters (or two digits together): it would match too much.'],
    ['5', 'Line 2 of “Confidential words and phrases (one per line)”, “5”, needs at least two letters (or two digits together): it would match too much.'],
  ])('a term %j that would match almost anything is refused before anything is sent', async (vague, message) => {
    const { send, sent, current } = fakeBackground();
    render(<App send={send} />);
    await screen.findByRole('heading', { name: 'The rules' });
    const before = current();
    const terms = within(rule('confidential')).getByLabelText('Confidential words and phrases (one per line)') as HTMLTextAreaElement;
    fireEvent.input(terms, { target: { value: `Ofsted inspection\n${vague}\n10` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`The rules were not saved, and nothing has changed:\n${message}`);
    expect(writes(sent)).toHaveLength(0);
    expect(current()).toBe(before);
    // Fixed, it saves.
    fireEvent.input(terms, { target: { value: 'Ofsted inspection\n10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Rules saved.');
    expect(current().rules.confidential!.terms).toEqual(['Ofsted inspection', '10']);
  });

  it('the parser refuses the same vague term in an imported rule set', async () => {
    const { send, current } = fakeBackground();
    render(<App send={send} />);
    await screen.findByRole('heading', { name: 'Share the rule set' });
    const before = current();
    const hostile = JSON.parse(JSON.stringify(demoPack));
    hostile.rules.confidential.terms = ['Ofsted inspection', '(a+)+$'];
    upload(screen.getByLabelText('Import a rule set file (replaces your school details and rules)'), 'hostile.json', JSON.stringify(hostile));
    const alert = await screen.findByText(/hostile\.json was not imported/);
    expect(alert.textContent).toContain('rules.confidential.terms[1] ("(a+)+$") needs two letters together or two digits');
    expect(current()).toBe(before);
  });

  it('applying a template asks first, replaces the rules and keeps the school', async () => {
    const { send, sent, current } = fakeBackground();
    render(<App send={send} />);
    fireEvent.change(await screen.findByLabelText('Policy template'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply template…' }));
    expect(writes(sent)).toHaveLength(0);
    expect(screen.getByRole('region', { name: 'Confirm template' }).textContent).toContain('Template: trust school policy, 2024 (003)');
    fireEvent.click(screen.getByRole('button', { name: 'Replace the rules' }));
    await screen.findByText(/The rules now come from “Template: trust school policy, 2024 \(003\)”\. Your school details were kept\./);
    expect(writes(sent)).toEqual([{ type: 'setPack', packText: JSON.stringify(trustTemplate), keepSchool: true }]);
    expect(current().school.name).toBe('Holbrook Primary School');
    expect(current().rules).toEqual(parsed(trustTemplate).rules);
    // The editor reloads the stored pack: the trust policy allows naming the school on LinkedIn.
    await waitFor(() => expect((within(rule('school-identity')).getByLabelText('LinkedIn') as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText('School name') as HTMLInputElement).value).toBe('Holbrook Primary School');
  });

  it('sends exactly the edited pack: a rule off, a severity, a clause, a site exception and terms', async () => {
    const { send, sent } = fakeBackground();
    render(<App send={send} />);
    await screen.findByRole('heading', { name: 'The rules' });
    fireEvent.click(within(rule('personal-info')).getByLabelText('On'));
    fireEvent.change(within(rule('school-identity')).getByLabelText('How serious'), { target: { value: 'high' } });
    fireEvent.input(within(rule('school-identity')).getByLabelText('Policy text the warning quotes'), { target: { value: 'Do not name the school.\nSee §6.1.' } });
    fireEvent.input(within(rule('school-identity')).getByLabelText('Title shown in the warning'), { target: { value: 'Naming the school' } });
    fireEvent.click(within(rule('school-identity')).getByLabelText('X'));
    fireEvent.input(within(rule('confidential')).getByLabelText('Confidential words and phrases (one per line)'), {
      target: { value: 'Project Falcon\n\n  Ofsted visit  \n' },
    });
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Rules saved.');

    const [msg] = writes(sent);
    expect(msg!.keepSchool).toBe(true);
    const expected = parsed(demoPack);
    expected.rules['personal-info']!.enabled = false;
    const si = expected.rules['school-identity']!;
    Object.assign(si, { severity: 'high', clause: 'Do not name the school.\nSee §6.1.', title: 'Naming the school' });
    si.sites = { ...si.sites, x: { enabled: false } };
    expected.rules.confidential!.terms = ['Project Falcon', 'Ofsted visit'];
    const got = parsePackText(msg!.packText);
    if (!got.ok) throw new Error(got.errors.join('\n'));
    expect(JSON.parse(JSON.stringify(got.pack))).toEqual(expected);
    expect(JSON.parse(msg!.packText)).toEqual(expected); // and the text itself needed no repair
  });

  it('a save the parser refuses shows its words in an alert and changes nothing', async () => {
    const { send, current } = fakeBackground();
    const before = current();
    render(<App send={send} />);
    await screen.findByRole('heading', { name: 'The rules' });
    fireEvent.input(within(rule('pupil-name')).getByLabelText('Title shown in the warning'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The rules were not saved, and nothing has changed');
    expect(alert.textContent).toContain('rules.pupil-name.title');
    expect(current()).toBe(before);
    // The typing is kept so it can be fixed; "Discard changes" goes back to the stored rules.
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect((within(rule('pupil-name')).getByLabelText('Title shown in the warning') as HTMLInputElement).value).toBe("Pupil's name");
  });

  it('turning a site exception off again keeps the site severity and drops empty entries', () => {
    const d = toDraft(parsed(trustTemplate));
    const on = fromDraft(setOffOn(d, 'school-identity', 'linkedin', false));
    expect(on.rules['school-identity']!.sites).toBeUndefined();
    const def = toDraft(parsed(demoPack));
    const li = def.pack.rules['school-identity']!.sites?.linkedin;
    const off = fromDraft(setOffOn(def, 'school-identity', 'linkedin', true));
    expect(off.rules['school-identity']!.sites?.linkedin).toEqual({ ...li, enabled: false });
    const back = fromDraft(setOffOn(toDraft(off), 'school-identity', 'linkedin', false));
    expect(back.rules['school-identity']!.sites).toEqual(def.pack.rules['school-identity']!.sites);
  });

  it('a refused import shows the parser error and nothing changes', async () => {
    const { send, current } = fakeBackground();
    const before = current();
    render(<App send={send} />);
    const bad = { ...trustTemplate, rules: { ...trustTemplate.rules, 'pupil-name': { ...trustTemplate.rules['pupil-name'], severty: 'high' } } };
    upload(await screen.findByLabelText(/Import a rule set file/), 'from-a-colleague.json', JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('from-a-colleague.json was not imported, and nothing has changed');
    expect(alert.textContent).toContain('rules.pupil-name.severty is not a known setting');
    expect(current()).toBe(before);
  });

  it('a file over 1 MB is refused before anything is sent', async () => {
    const { send, sent } = fakeBackground();
    render(<App send={send} />);
    upload(await screen.findByLabelText(/Import a rule set file/), 'huge.json', ' '.repeat(1024 * 1024 + 1));
    expect((await screen.findByRole('alert')).textContent).toContain('huge.json is larger than 1 MB');
    expect(writes(sent)).toHaveLength(0);
  });

  it('an import replaces the whole pack, school included', async () => {
    const { send, current } = fakeBackground(parsed(trustTemplate));
    render(<App send={send} />);
    upload(await screen.findByLabelText(/Import a rule set file/), 'holbrook.second-look.json', JSON.stringify(demoPack));
    await screen.findByText(/Imported “Holbrook Primary School \(demo\)” from holbrook.second-look.json/);
    expect(current()).toEqual(parsed(demoPack));
    await waitFor(() => expect((screen.getByLabelText('School name') as HTMLInputElement).value).toBe('Holbrook Primary School'));
  });

  it('export downloads the stored pack as <id>.second-look.json through an object URL', async () => {
    const { send } = fakeBackground();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:sl-test'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    render(<App send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export rule set' }));
    await screen.findByText('Saved holbrook-demo.second-look.json to your downloads.');
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicks[0]!.download).toBe('holbrook-demo.second-look.json');
    expect(clicks[0]!.getAttribute('href')).toBe('blob:sl-test');
    expect(clicks[0]!.isConnected).toBe(false);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(parsed(demoPack));
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:sl-test'), { timeout: 2000 });
  });

  it('the export text round-trips through the parser unchanged and holds no people', () => {
    const pack = parsed(demoPack);
    const text = exportText(pack);
    expect(exportFileName(pack)).toBe('holbrook-demo.second-look.json');
    const back = parsePackText(text);
    expect(back.ok && JSON.parse(JSON.stringify(back.pack))).toEqual(pack);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['format', 'id', 'rules', 'school', 'title', 'version']);
  });

  it('downloadText revokes the URL only after the delay', () => {
    vi.useFakeTimers();
    try {
      const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:t');
      const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      downloadText(document, 'a.json', '{}', 500);
      expect(create).toHaveBeenCalled();
      expect(revoke).not.toHaveBeenCalled();
      vi.advanceTimersByTime(500);
      expect(revoke).toHaveBeenCalledWith('blob:t');
    } finally {
      vi.useRealTimers();
    }
  });
});
