// @vitest-environment happy-dom
/**
 * School setup on the options page against a fake admin channel: Excel and zip imports, the
 * progress bar and cancel, the column-mapping step, per-list replace, locations and working hours,
 * the managed-pack lock, and logos. The real readers run (in-page runner); only the background is faked.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminMessage, AdminResponse, Status } from '../../messaging/protocol';
import defaultPack from '../../../rules/default.json';
import { makeXlsx, makeZip } from '../../../test/fixtures/rosters/make-xlsx';
import { App } from './App';
import type { ImportRunner } from './import-runner';

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
  logos: [],
};

function fakeSend(status: Status = empty) {
  const sent: AdminMessage[] = [];
  let current: Status = structuredClone(status);
  let nextId = 1 + Math.max(0, ...current.lists.map((l) => l.id));
  const logos: { id: number; name: string; width: number; height: number; addedAt: number; png: string }[] = [];
  const send = vi.fn(async (msg: AdminMessage): Promise<AdminResponse> => {
    sent.push(msg);
    if (msg.type === 'saveSchool') current = { ...current, school: msg.school };
    if (msg.type === 'importClassList') {
      const kept = current.lists.filter((l) => l.id !== msg.replaceListId);
      const lists = [...kept, { id: nextId++, name: msg.name, fileName: msg.fileName, importedAt: 0, count: msg.people.length, pupils: msg.people.filter((p) => p.role === 'pupil').length, groups: msg.groups }];
      current = { ...current, lists, totals: { people: lists.reduce((n, l) => n + l.count, 0), pupils: lists.reduce((n, l) => n + l.pupils, 0) } };
    }
    if (msg.type === 'addLogo') {
      logos.push({ id: logos.length + 1, name: msg.name, width: msg.width, height: msg.height, addedAt: 0, png: msg.png });
      current = { ...current, logos: logos.map(({ png: _, ...l }) => l) };
    }
    if (msg.type === 'getLogos') return { ok: true, logos: structuredClone(logos) };
    if (msg.type === 'getPack') return { ok: true, pack: structuredClone(defaultPack) as never };
    return { ok: true, status: current };
  });
  return { send, sent };
}

function upload(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}
const file = (name: string, content: string | Uint8Array, type = 'text/csv') => new File([content as BlobPart], name, { type });
const imports = (sent: AdminMessage[]) => sent.filter((m): m is Extract<AdminMessage, { type: 'importClassList' }> => m.type === 'importClassList');

afterEach(cleanup);

describe('class-list import', () => {
  it('an Excel workbook with dates and a formula cell imports with date of birth and group', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    const xlsx = makeXlsx([
      ['Legal Surname', 'Legal Forename', 'Preferred Forename', 'Reg Group', 'DOB', 'Photo consent'],
      ['Okafor', 'Chidi', null, '7A', { date: '2013-01-31' }, 'No'],
      [{ formula: 'PROPER("patel")', cached: 'Patel' }, 'Anika', 'Ani', '7A', { date: '2012-12-01' }, 'Yes'],
    ]);
    upload(await screen.findByLabelText('Choose a class list file'), [file('class-7a.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')]);
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview.textContent).toContain('Found 2 people in class-7a.xlsx (groups: 7A). Read as: SIMS / MIS export.');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 people' }));
    await waitFor(() => expect(screen.getByTestId('pupil-count').textContent).toBe('2 pupils stored'));
    expect(imports(sent)[0]!.people).toEqual([
      { role: 'pupil', forename: 'Chidi', surname: 'Okafor', group: '7A', dob: '2013-01-31', photoConsent: false },
      { role: 'pupil', forename: 'Anika', preferred: 'Ani', surname: 'Patel', group: '7A', dob: '2012-12-01', photoConsent: true },
    ]);
  });

  it('a OneRoster zip, and SDS users.csv + roles.csv chosen together', async () => {
    const { send } = fakeSend();
    render(<App send={send} />);
    const zip = makeZip({
      'users.csv': 'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName\nu1,,,true,o1,student,a,,Amira,Begum\nu2,,,true,o1,teacher,b,,Carla,Diaz\n',
      'classes.csv': 'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId\nc1,,,7B,,k,,homeroom,,o1\n',
      'enrollments.csv': 'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\ne1,,,c1,o1,u1,student\n',
    });
    const input = await screen.findByLabelText('Choose a class list file');
    upload(input, [file('export.zip', zip, 'application/zip')]);
    expect((await screen.findByRole('region', { name: 'Import preview' })).textContent).toContain(
      'Found 2 people in export.zip (groups: 7B). Read as: OneRoster 1.1 users.csv + classes.csv + enrollments.csv.',
    );
    upload(input, [
      file('users.csv', 'sourcedId,username,givenName,familyName\nu1,a,Amy,Lee\nu2,b,Tom,Ray\n'),
      file('roles.csv', 'userSourcedId,orgSourcedId,role,sessionSourcedId,grade,isPrimary\nu1,o,student,,,true\nu2,o,teacher,,,true\n'),
    ]);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Import preview' }).textContent).toContain('Read as: Microsoft SDS v2.1 users.csv + roles.csv.'));
    expect(screen.getByRole('region', { name: 'Import preview' }).textContent).toContain('Found 2 people in users.csv, roles.csv');
  });

  it('a 20,000-row file shows the progress bar, then the preview', async () => {
    const { send } = fakeSend();
    render(<App send={send} />);
    const rows = Array.from({ length: 20_000 }, (_, i) => `Pupil${String.fromCharCode(97 + (i % 26))}${i},Surname${i},7A`);
    upload(await screen.findByLabelText('Choose a class list file'), [file('big.csv', `Forename,Surname,Reg Group\n${rows.join('\n')}`)]);
    expect(await screen.findByRole('progressbar', { name: 'Reading the class list' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect((await screen.findByRole('region', { name: 'Import preview' }, { timeout: 10_000 })).textContent).toContain('Found 20000 people in big.csv');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancel while reading shows "nothing was changed" and sends nothing', async () => {
    const { send, sent } = fakeSend();
    // A runner that reports progress and then waits, like the worker on a big file.
    const slow: ImportRunner = (_files, _opts, onProgress, signal) =>
      new Promise((resolve) => {
        onProgress(2000, 50_000);
        signal.addEventListener('abort', () => resolve({ ok: false, error: 'Import cancelled. Nothing was changed.', cancelled: true }));
      });
    render(<App send={send} importRunner={slow} />);
    upload(await screen.findByLabelText('Choose a class list file'), [file('big.csv', 'Forename,Surname\nA,B\n')]);
    const bar = await screen.findByRole('progressbar', { name: 'Reading the class list' });
    expect(bar.getAttribute('value')).toBe('2000');
    expect(bar.getAttribute('max')).toBe('50000');
    expect(screen.getByText('2,000 of 50,000 rows')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Import cancelled. Nothing was changed.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(imports(sent)).toEqual([]);
  });

  it('unknown columns: the mapping step shows the first rows, the user picks columns, then imports', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    upload(await screen.findByLabelText('Choose a class list file'), [file('odd.csv', 'Kid,Family,Tutor,Born\nAmy,Lee,7A,01/02/2013\nBo,Chan,7B,\n')])
    const mapping = await screen.findByRole('region', { name: 'Choose the columns' });
    expect(mapping.textContent).toContain('Second Look could not tell which columns of odd.csv hold the names.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(mapping).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Kid', 'Family', 'Tutor', 'Born']);
    expect(within(mapping).getAllByRole('row')[1]!.textContent).toBe('AmyLee7A01/02/2013');
    const again = within(mapping).getByRole('button', { name: 'Read again with these columns' }) as HTMLButtonElement;
    expect(again.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Forename column'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Surname column'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Group or class column'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Date of birth column'), { target: { value: '3' } });
    fireEvent.click(again);
    expect((await screen.findByRole('region', { name: 'Import preview' })).textContent).toContain('Read as: Columns you chose.');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 people' }));
    await waitFor(() => expect(imports(sent)).toHaveLength(1));
    expect(imports(sent)[0]!.people).toEqual([
      { role: 'pupil', forename: 'Amy', surname: 'Lee', group: '7A', dob: '2013-02-01' },
      { role: 'pupil', forename: 'Bo', surname: 'Chan', group: '7B' },
    ]);
  });

  it.each([
    ['a damaged workbook', () => file('class.xlsx', makeXlsx([['Forename', 'Surname'], ['A', 'B']]).slice(0, 300)), /^class\.xlsx could not be read as an Excel workbook \(it is damaged or incomplete\)\. Save it from Excel as \.xlsx or CSV UTF-8 and try again\. Nothing was imported\.$/],
    ['an old .xls', () => file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), /^old\.xls is a spreadsheet workbook or archive that was not unpacked\. Save the spreadsheet as CSV/],
    ['a zip with no CSV in it', () => file('photos.zip', makeZip({ 'a.jpg': 'x' })), /^photos\.zip has no CSV files in it\. Nothing was imported\.$/],
    ['a 200 MB file', () => Object.defineProperty(file('huge.csv', 'Forename,Surname\n'), 'size', { value: 200 * 1024 * 1024 }), /^huge\.csv is larger than 10 MB, which is more than any class list should be\. Nothing was imported\.$/],
  ])('%s gets a clear message and nothing is sent', async (_, make, message) => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    upload(await screen.findByLabelText('Choose a class list file'), [make()]);
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    expect(imports(sent)).toEqual([]);
  });

  it('Replace on a list imports the new file into that list (replaceListId)', async () => {
    const { send, sent } = fakeSend({
      ...empty,
      lists: [
        { id: 4, name: 'Year 5', fileName: 'y5.csv', importedAt: 0, count: 30, pupils: 30, groups: ['5H'] },
        { id: 7, name: 'Year 6', fileName: 'y6.csv', importedAt: 0, count: 28, pupils: 28, groups: ['6B'] },
      ],
      totals: { people: 58, pupils: 58 },
    });
    render(<App send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Replace Year 6' }));
    const input = screen.getByLabelText('Choose the new file for Year 6');
    upload(input, [file('y6-new.csv', 'Forename,Surname\nNia,Jones\n')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Replace Year 6 with 1 people' }));
    await waitFor(() => expect(screen.getByTestId('pupil-count').textContent).toBe('31 pupils stored'));
    expect(imports(sent)[0]).toEqual({ type: 'importClassList', name: 'Year 6', fileName: 'y6-new.csv', groups: [], people: [{ role: 'pupil', forename: 'Nia', surname: 'Jones' }], replaceListId: 7 });
    expect(screen.getByText('Replaced Year 6 with 1 people from y6-new.csv.')).toBeTruthy();
  });
});

describe('school profile: locations and working hours', () => {
  it('adds a location and working hours and sends them with the school', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    fireEvent.input(await screen.findByLabelText('School name'), { target: { value: 'Holbrook Primary School' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a location' }));
    const loc = screen.getByRole('group', { name: 'Location 1' });
    fireEvent.input(within(loc).getByLabelText('Name'), { target: { value: 'Main site' } });
    fireEvent.input(within(loc).getByLabelText('Latitude'), { target: { value: '52.4862' } });
    fireEvent.input(within(loc).getByLabelText('Longitude'), { target: { value: '-1.8904' } });
    fireEvent.input(within(loc).getByLabelText('Radius (metres)'), { target: { value: '200' } });
    fireEvent.click(screen.getByLabelText('Set working hours'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Working days' })).getByLabelText('Friday'));
    fireEvent.input(screen.getByLabelText('Start'), { target: { value: '08:30' } });
    fireEvent.input(screen.getByLabelText('End'), { target: { value: '16:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));
    await screen.findByText('Saved.');
    expect(sent.find((m) => m.type === 'saveSchool')).toEqual({
      type: 'saveSchool',
      school: {
        name: 'Holbrook Primary School',
        aliases: [],
        handles: [],
        hashtags: [],
        emailDomains: [],
        locations: [{ name: 'Main site', latitude: 52.4862, longitude: -1.8904, radiusMetres: 200 }],
        workingHours: { days: ['mon', 'tue', 'wed', 'thu'], start: '08:30', end: '16:00' },
      },
    });
  });

  it.each([
    ['a latitude out of range', { Latitude: '95', Longitude: '1', 'Radius (metres)': '100' }, 'Location 1 (Main site): the latitude should be a number from -90 to 90, e.g. 52.4862'],
    ['a radius too small', { Latitude: '52', Longitude: '1', 'Radius (metres)': '3' }, 'Location 1 (Main site): the radius should be from 10 to 5000 metres'],
    ['a longitude that is not a number', { Latitude: '52', Longitude: '1°W', 'Radius (metres)': '100' }, 'Location 1 (Main site): the longitude should be a number from -180 to 180, e.g. -1.8904'],
  ])('refuses %s, naming the location, and sends nothing', async (_, fields, message) => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a location' }));
    const loc = screen.getByRole('group', { name: 'Location 1' });
    fireEvent.input(within(loc).getByLabelText('Name'), { target: { value: 'Main site' } });
    for (const [label, value] of Object.entries(fields)) fireEvent.input(within(loc).getByLabelText(label), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(sent.some((m) => m.type === 'saveSchool')).toBe(false);
  });

  it('working hours that end before they start are refused', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    fireEvent.click(await screen.findByLabelText('Set working hours'));
    fireEvent.input(screen.getByLabelText('Start'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save school details' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Working hours: the start time should be before the end time.');
    expect(sent.some((m) => m.type === 'saveSchool')).toBe(false);
  });
});

describe('a pack set by the school IT (storage.managed)', () => {
  it('says so and disables the school and rules editors; class lists stay usable', async () => {
    const { send } = fakeSend({ ...empty, school: { ...empty.school, name: 'Holbrook Primary School' }, managed: { state: 'active' } });
    render(<App send={send} />);
    expect((await screen.findByRole('note')).textContent).toContain("Set by your school's IT.");
    expect((screen.getByLabelText('School name') as HTMLInputElement).closest('fieldset')!.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save school details' }) as HTMLButtonElement).closest('fieldset:disabled')).not.toBeNull();
    await screen.findByRole('heading', { name: 'School policy rules' });
    expect(screen.getByRole('heading', { name: 'School policy rules' }).closest('fieldset')!.disabled).toBe(true);
    expect((screen.getByLabelText('Choose a class list file') as HTMLInputElement).closest('fieldset:disabled')).toBeNull();
  });

  it('an invalid policy pack is reported with the parser message', async () => {
    const { send } = fakeSend({ ...empty, managed: { state: 'invalid', errors: ['extra is not a known setting'] } });
    render(<App send={send} />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be used, so your own settings still apply: extra is not a known setting');
    expect((screen.getByLabelText('School name') as HTMLInputElement).closest('fieldset')!.disabled).toBe(false);
  });
});

describe('logos', () => {
  it('stores the rasterised PNG and shows a thumbnail from the stored copy', async () => {
    const { send, sent } = fakeSend();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const rasterise = vi.fn(async () => ({ ok: true as const, png, width: 512, height: 256 }));
    render(<App send={send} rasterise={rasterise} />);
    upload(await screen.findByLabelText('Add a logo'), [file('crest.svg', '<svg/>', 'image/svg+xml')]);
    await screen.findByText('Added crest.svg (512 × 256).');
    expect(sent.find((m) => m.type === 'addLogo')).toEqual({ type: 'addLogo', name: 'crest', png: btoa(String.fromCharCode(...png)), width: 512, height: 256 });
    const img = (await screen.findByRole('img', { name: 'crest (stored copy)' })) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${btoa(String.fromCharCode(...png))}`);
  });

  it('a hostile SVG gets its message and nothing is sent (real checks)', async () => {
    const { send, sent } = fakeSend();
    render(<App send={send} />);
    upload(await screen.findByLabelText('Add a logo'), [file('evil.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 'image/svg+xml')]);
    expect((await screen.findByRole('alert')).textContent).toBe('evil.svg was not added: it contains a script. Export the logo as PNG and try again. Nothing was changed.');
    upload(screen.getByLabelText('Add a logo'), [file('huge.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="90000"></svg>', 'image/svg+xml')]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('huge.svg was not added: its size (90000 × 90000) is larger than 8192 pixels'));
    expect(sent.some((m) => m.type === 'addLogo')).toBe(false);
  });
});
