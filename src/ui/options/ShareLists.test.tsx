// @vitest-environment happy-dom
/**
 * "Include the class lists" on the options page, against the real background Service over
 * fake-indexeddb: the checkbox (off by default) decides whether the download carries the lists as
 * codes; importing such a file says first that its lists replace the ones here, Cancel changes
 * nothing, and after "Replace" the lists show with their names and counts.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import defaultPack from '../../../rules/default.json';
import demoPack from '../../../rules/demo.json';
import { Service } from '../../background/service';
import type { AdminMessage, AdminResponse } from '../../messaging/protocol';
import { parsePack } from '../../pack/parse';
import type { RulePack } from '../../pack/types';
import { openDb, type SecondLookDb } from '../../storage/db';
import { Repo } from '../../storage/repo';
import { App } from './App';

configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const pack = (json: unknown): RulePack => {
  const r = parsePack(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};

let n = 0;
const dbs: SecondLookDb[] = [];
function computer() {
  const db = openDb(`share-lists-${++n}`);
  dbs.push(db);
  const service = new Service(new Repo(db, pack(defaultPack)));
  const sent: AdminMessage[] = [];
  // As the runtime does: the message and the answer cross as JSON.
  const send = async (msg: AdminMessage): Promise<AdminResponse> => {
    sent.push(msg);
    return JSON.parse(JSON.stringify(await service.handleAdmin(JSON.parse(JSON.stringify(msg))))) as AdminResponse;
  };
  return { db, service, send, sent };
}

const PEOPLE = [
  { role: 'pupil' as const, forename: 'Evie', surname: 'Carter', group: '5H' },
  { role: 'pupil' as const, forename: 'Alfred', preferred: 'Alfie', surname: 'Okafor', group: '5H' },
  { role: 'staff' as const, forename: 'Gwenllian', surname: 'Pryce' },
];

async function schoolWithLists() {
  const a = computer();
  await a.service.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) });
  await a.service.handleAdmin({ type: 'importClassList', name: 'Year 5', fileName: 'y5.csv', groups: ['5H'], people: PEOPLE });
  return a;
}

let blobs: Blob[];
beforeEach(() => {
  blobs = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:sl-test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) db.close();
});

function upload(input: HTMLElement, name: string, content: string) {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const checkbox = () => screen.findByRole('checkbox', { name: 'Include the class lists (names stored as codes that cannot be read back)' });

async function exportFrom(a: ReturnType<typeof computer>, withLists: boolean): Promise<string> {
  render(<App send={a.send} />);
  const box = (await checkbox()) as HTMLInputElement;
  expect(box.checked).toBe(false);
  if (withLists) fireEvent.click(box);
  fireEvent.click(screen.getByRole('button', { name: 'Export rule set' }));
  await waitFor(() => expect(blobs).toHaveLength(1));
  return blobs[0]!.text();
}

describe('Export with the class lists', () => {
  it('is off by default: the download is the rule set alone', async () => {
    const a = await schoolWithLists();
    const text = await exportFrom(a, false);
    await screen.findByText('Saved holbrook-demo.second-look.json to your downloads.');
    expect(Object.keys(JSON.parse(text))).not.toContain('classLists');
    expect(a.sent.some((m) => m.type === 'exportPackFile')).toBe(false);
    expect(screen.queryByText(/someone with the file and a list of names/)).toBeNull();
  });

  it('ticked, the download also carries the lists as codes and says so; no name is in it', async () => {
    const a = await schoolWithLists();
    const text = await exportFrom(a, true);
    await screen.findByText('Saved holbrook-demo.second-look.json to your downloads, with the class lists as codes (lists: 1).');
    screen.getByText(/someone with the file and a list of names to try could find out which of those names are on it/);
    const file = JSON.parse(text);
    expect(file.classLists.lists.map((l: { name: string; count: number }) => [l.name, l.count])).toEqual([['Year 5', 3]]);
    for (const w of ['Evie', 'Carter', 'Alfred', 'Alfie', 'Okafor', 'Gwenllian', 'Pryce']) {
      expect(new RegExp(`(^|[^A-Za-z0-9_-])${w}([^A-Za-z0-9_-]|$)`, 'i').test(text), w).toBe(false);
    }
  });

  it('ticked with no lists stored, says the file holds the rules only', async () => {
    const a = computer();
    await a.service.handleAdmin({ type: 'setPack', packText: JSON.stringify(demoPack) });
    const text = await exportFrom(a, true);
    await screen.findByText(/There are no class lists on this computer, so it holds the rules only/);
    expect(Object.keys(JSON.parse(text))).not.toContain('classLists');
  });
});

describe('Import of a file with class lists', () => {
  async function exported() {
    const a = await schoolWithLists();
    const text = (await a.service.handleAdmin({ type: 'exportPackFile', includeLists: true })) as { packFile: string };
    return text.packFile;
  }

  it('says the lists will replace the ones here; Cancel changes nothing; Replace imports them', async () => {
    const file = await exported();
    const b = computer();
    await b.service.handleAdmin({ type: 'importClassList', name: 'Old list', fileName: 'old.csv', groups: [], people: [{ role: 'pupil', forename: 'Zofia', surname: 'Nowak' }] });
    render(<App send={b.send} />);
    const input = await screen.findByLabelText(/Import a rule set file/);

    upload(input, 'holbrook.second-look.json', file);
    let region = await screen.findByRole('region', { name: 'Import the rule set and class lists' });
    expect(region.textContent).toContain('holbrook.second-look.json holds the rule set “Holbrook Primary School (demo)” and class lists (lists: 1).');
    expect(region.textContent).toContain('replaces your school details, your rules and every class list on this computer');
    expect(within(region).getByRole('listitem').textContent).toBe('Year 5: 3 people');
    fireEvent.click(within(region).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Nothing was imported from holbrook.second-look.json, and nothing has changed.');
    expect(b.sent.filter((m) => m.type === 'importPackFile' || m.type === 'setPack')).toEqual([]);
    expect((await b.service.status()).lists.map((l) => l.name)).toEqual(['Old list']);

    upload(input, 'holbrook.second-look.json', file);
    region = await screen.findByRole('region', { name: 'Import the rule set and class lists' });
    fireEvent.click(within(region).getByRole('button', { name: 'Replace rules and class lists' }));
    await screen.findByText(
      'Imported “Holbrook Primary School (demo)” and its class lists (lists: 1) from holbrook.second-look.json. Your school details, rules and class lists now come from this file.',
    );
    expect(screen.queryByRole('region', { name: 'Import the rule set and class lists' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Imported class lists' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent));
    expect(rows).toEqual([['Year 5y5.csv', '5H', '3']]);
    expect(screen.getByTestId('pupil-count').textContent).toContain('2 pupils stored');
    await waitFor(() => expect((screen.getByLabelText('School name') as HTMLInputElement).value).toBe('Holbrook Primary School'));
    const r = await b.service.handleSite({ type: 'check', site: 'facebook', surface: 'post', text: 'Evie Carter scored' }, 1);
    expect(r.ok && r.findings.map((f) => f.rule)).toContain('pupil-name');
  });

  it('a damaged file is refused on the page with the place named, and nothing is sent', async () => {
    const file = (await exported()).replace('"count": 3', '"count": 30');
    const b = computer();
    render(<App send={b.send} />);
    upload(await screen.findByLabelText(/Import a rule set file/), 'bad.json', file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.json was not imported, and nothing has changed:');
    expect(alert.textContent).toContain('classLists.lists[0] count does not match the number of people in the list');
    expect(b.sent.filter((m) => m.type === 'importPackFile' || m.type === 'setPack')).toEqual([]);
  });
});

describe('Import refused by the background after the page accepted it', () => {
  it('shows the refusal, drops the "Importing…" note, and changes nothing', async () => {
    const a = await schoolWithLists();
    const file = ((await a.service.handleAdmin({ type: 'exportPackFile', includeLists: true })) as { packFile: string }).packFile;
    const b = computer();
    // A pack set by the school's IT meanwhile: the background refuses every pack write.
    b.service.setManaged({ state: 'active', pack: pack(defaultPack) });
    render(<App send={b.send} />);
    // The editor is locked under a managed pack; the file input is reached directly, as a script could.
    const input = (await screen.findByLabelText(/Import a rule set file/)) as HTMLInputElement;
    upload(input, 'holbrook.second-look.json', file);
    const region = await screen.findByRole('region', { name: 'Import the rule set and class lists' });
    fireEvent.click(within(region).getByRole('button', { name: 'Replace rules and class lists' }));
    const alert = await screen.findByText(/holbrook.second-look.json was not imported, and nothing has changed/);
    expect(alert.textContent).toContain("set by your school's IT");
    expect(screen.queryByText(/Importing the rule set and class lists/)).toBeNull();
    expect((await b.service.status()).lists).toEqual([]);
  });
});
