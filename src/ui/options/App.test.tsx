// @vitest-environment happy-dom
/**
 * The options page against a fake admin channel: what a teacher sees and what gets sent.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminMessage, AdminResponse, Status } from '../../messaging/protocol';
import defaultPack from '../../../rules/default.json';
import { App } from './App';

// On a loaded machine (several suites on two cores) a re-render can take seconds: the waits below
// are on conditions, given room to come true, and each test room for several of them.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const empty: Status = {
  school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  packTitle: 'UK default',
  packId: 'uk-default',
  lists: [],
  totals: { people: 0, pupils: 0 },
};

function fakeSend(status: Status = empty) {
  const sent: AdminMessage[] = [];
  let current = structuredClone(status);
  const send = vi.fn(async (msg: AdminMessage): Promise<AdminResponse> => {
    sent.push(msg);
    if (msg.type === 'saveSchool') current = { ...current, school: msg.school };
    if (msg.type === 'importClassList') {
      current = {
        ...current,
        lists: [...current.lists, { id: 1, name: msg.name, fileName: msg.fileName, importedAt: 0, count: msg.people.length, pupils: msg.people.length, groups: msg.groups }],
        totals: { people: msg.people.length, pupils: msg.people.length },
      };
    }
    // The rules editor reads the pack (RulesSection.test.tsx covers it with a parsing fake).
    if (msg.type === 'getPack') return { ok: true, pack: structuredClone(defaultPack) as never };
    if (msg.type === 'testText') return { ok: true, findings: [{ rule: 'pupil-name', start: 10, end: 21, severity: 'high', title: "Pupil's name", clause: 'Do not name pupils.' }] };
    return { ok: true, status: current };
  });
  return { send, sent };
}

function upload(input: HTMLElement, name: string, content: string) {
  const file = new File([content], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

afterEach(cleanup);

describe('options page', () => {
  it('saves the school profile, trimming @ and # and splitting lines', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    fireEvent.input(await screen.findByLabelText('School name'), { target: { value: ' Holbrook Primary School ' } });
    fireEvent.input(screen.getByLabelText('Other names people use (one per line)'), { target: { value: 'Holbrook Primary\n\nHolbrook' } });
    fireEvent.input(screen.getByLabelText("The school's social media handles (one per line)"), { target: { value: '@HolbrookPrimary' } });
    fireEvent.input(screen.getByLabelText("The school's hashtags (one per line)"), { target: { value: '#HolbrookPride' } });
    fireEvent.input(screen.getByLabelText('Staff e-mail domains (one per line)'), { target: { value: '@Holbrook.sch.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));
    await screen.findByText('Saved.');
    expect(sent.filter((m) => m.type === 'saveSchool')).toHaveLength(1);
    expect(sent.find((m) => m.type === 'saveSchool')).toEqual({
      type: 'saveSchool',
      school: { name: 'Holbrook Primary School', aliases: ['Holbrook Primary', 'Holbrook'], handles: ['HolbrookPrimary'], hashtags: ['HolbrookPride'], emailDomains: ['holbrook.sch.uk'] },
    });
  });

  it('previews a class list, then imports it and shows the count', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    upload(await screen.findByLabelText('Choose a class list file'), 'class-5h.csv', 'Forename,Surname,Reg Group\nEvie,Carter,5H\nMei,Chen,5H\n');
    await screen.findByText(/Found/);
    expect(screen.getByRole('region', { name: 'Import preview' }).textContent).toContain('(groups: 5H)');
    expect(sent.some((m) => m.type === 'importClassList')).toBe(false); // nothing written before confirming
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 people' }));
    await waitFor(() => expect(screen.getByTestId('pupil-count').textContent).toBe('2 pupils stored'));
    const msg = sent.find((m) => m.type === 'importClassList');
    expect(msg).toEqual({
      type: 'importClassList',
      name: 'class-5h',
      fileName: 'class-5h.csv',
      groups: ['5H'],
      people: [
        // The group goes with each person (stored beside the name hashes, for the policies).
        { role: 'pupil', forename: 'Evie', surname: 'Carter', group: '5H' },
        { role: 'pupil', forename: 'Mei', surname: 'Chen', group: '5H' },
      ],
    });
  });

  it('a broken file gets a clear message and nothing is sent', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    upload(await screen.findByLabelText('Choose a class list file'), 'oops.csv', 'Name\nJust One Column\n');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('oops.csv');
    expect(alert.textContent).toContain('Nothing was imported.');
    expect(sent.map((m) => m.type).filter((t) => !t.startsWith('get'))).toEqual([]); // reads only
  });

  it('try it shows the words the user typed and the rule', async () => {
    const { send } = fakeSend();
    render(<App send={send} />);
    fireEvent.input(await screen.findByLabelText('Sentence to check'), { target: { value: 'Well done Evie Carter!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const results = await screen.findByText(/“Evie Carter”/);
    expect(results.parentElement!.textContent).toContain("Pupil's name");
  });

  it('delete everything asks first', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything…' }));
    expect(sent.some((m) => m.type === 'deleteEverything')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await screen.findByText('Everything has been deleted.');
    expect(sent.filter((m) => m.type !== 'getPack' && m.type !== 'getLogos').at(-1)).toEqual({ type: 'deleteEverything' });
    await waitFor(() => expect(sent.at(-1)).toEqual({ type: 'getPack' })); // the rules editor reloads
  });
});
