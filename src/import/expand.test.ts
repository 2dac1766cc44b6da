/**
 * Uploads that need unpacking first: Excel workbooks (read-excel-file) and zipped OneRoster / SDS
 * exports (fflate), then the same header detection as CSV. Workbooks are generated with fflate
 * (test/fixtures/rosters/make-xlsx.ts) so dates and formula cells are exactly what Excel stores.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeWorkbook, makeXlsx, makeZip } from '../../test/fixtures/rosters/make-xlsx';
import { ARCHIVE_LIMITS, cellText, expandUploads, readArchive, readUploads, readWorkbook } from './expand';
import type { ReadClassListResult } from './types';

const SHARED = new URL('../../../shared/data/', import.meta.url);
const shared = (path: string) => new Uint8Array(readFileSync(new URL(path, SHARED)));
const TODAY = { today: '2026-11-23' };

function ok(r: ReadClassListResult): Extract<ReadClassListResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}
function fail(r: ReadClassListResult): string {
  if (r.ok) throw new Error(`expected a refusal, got ${r.people.length} people (${r.format})`);
  return r.error;
}

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['Amy', 'Amy'],
    [7, '7'],
    [Number.NaN, ''],
    [true, 'TRUE'],
    [new Date(Date.UTC(2012, 8, 3)), '2012-09-03'],
    [new Date(Number.NaN), ''],
  ])('%s → %j', (input, out) => expect(cellText(input)).toBe(out));
});

describe('XLSX', () => {
  it('the generated roster.xlsx (written by exceljs) reads like its CSV twin, dates included', async () => {
    const r = ok(await readUploads([{ name: 'roster.xlsx', bytes: shared('generated/roster.xlsx') }], TODAY));
    expect(r.format).toBe('SIMS / MIS export');
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Siobhán', surname: 'O’Brien', preferred: 'Shiv', group: '7A', dob: '2012-09-03' },
      { role: 'pupil', forename: 'Zoë', surname: 'Brontë', group: '8C', dob: '2011-02-14' },
    ]);
  });

  it('a workbook with a title row, real date cells, formula cells and a blank row', async () => {
    const bytes = makeXlsx([
      ['Class list 7A — printed 01/09/2026'],
      [],
      ['Legal Surname', 'Legal Forename', 'Preferred Forename', 'Reg Group', 'DOB', 'Photo consent'],
      ['Okafor', 'Chidi', null, '7A', { date: '2013-01-31' }, 'Yes'],
      // A formula with the value Excel calculated: the value is the name.
      [{ formula: 'PROPER("patel")', cached: 'Patel' }, 'Anika', 'Ani', '7A', { date: '2012-12-01' }, 'No'],
      [],
      // A text cell that is a formula injection attempt: skipped as a name, with a warning.
      ['=HYPERLINK("http://example.invalid","x")', 'Evil', null, '7A', null, null],
      // A formula with no cached value gives an empty cell: refused naming the row.
      ['Jones', { formula: 'A1&""' }, null, '7A', 44000, null],
    ]);
    const bad = fail(await readUploads([{ name: 'class.xlsx', bytes }], TODAY));
    expect(bad).toBe('class.xlsx row 8: the Legal Forename cell is empty');

    const good = makeXlsx([
      ['Legal Surname', 'Legal Forename', 'Preferred Forename', 'Reg Group', 'DOB'],
      ['Okafor', 'Chidi', null, '7A', { date: '2013-01-31' }],
      [{ formula: 'PROPER("patel")', cached: 'Patel' }, 'Anika', 'Ani', '7A', { date: '2012-12-01' }],
      ['=HYPERLINK("http://example.invalid","x")', 'Evil', null, '7A', null],
      // A date typed as text in the UK order still reads as d/m/y.
      ['Brown', 'Ted', null, { formula: '"7"&"B"', cached: '7B' }, '03/04/2012'],
    ]);
    const r = ok(await readUploads([{ name: 'class.xlsx', bytes: good }], TODAY));
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Chidi', surname: 'Okafor', group: '7A', dob: '2013-01-31' },
      { role: 'pupil', forename: 'Anika', surname: 'Patel', preferred: 'Ani', group: '7A', dob: '2012-12-01' },
      { role: 'pupil', forename: 'Ted', surname: 'Brown', group: '7B', dob: '2012-04-03' },
    ]);
    expect(r.groups).toEqual(['7A', '7B']);
    expect(r.warnings).toEqual(['class.xlsx: skipped: the Legal Surname cell is a spreadsheet formula, not a name (row 4)']);
  });

  it('reads every filled-in sheet (one per class), names the sheet in messages and skips a notes sheet with a warning', async () => {
    const header = ['Legal Forename', 'Legal Surname', 'Reg Group'];
    const bytes = makeWorkbook([
      { name: '4 Oak', rows: [header, ['Evie', 'Carter', '4O'], ['Alfie', 'Shah', '4O']] },
      { name: 'Sheet2', rows: [] },
      { name: '4 Ash', rows: [header, ['Noémie', 'Dubois', '4A']] },
      { name: 'Notes', rows: [['Updated by the office, September'], ['Ask Mrs Jones about new starters']] },
    ]);
    const r = ok(await readUploads([{ name: 'classes.xlsx', bytes }], TODAY));
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Evie', surname: 'Carter', group: '4O' },
      { role: 'pupil', forename: 'Alfie', surname: 'Shah', group: '4O' },
      { role: 'pupil', forename: 'Noémie', surname: 'Dubois', group: '4A' },
    ]);
    expect(r.warnings).toEqual(['classes.xlsx › Notes: not needed (no forename and surname columns) and ignored']);

    // An error in the second class sheet names that sheet and row, and nothing is read.
    const broken = makeWorkbook([
      { name: '4 Oak', rows: [header, ['Evie', 'Carter', '4O']] },
      { name: '4 Ash', rows: [header, ['Noémie', 'Dubois', '4A'], [null, 'Khan', '4A']] },
    ]);
    expect(fail(await readUploads([{ name: 'classes.xlsx', bytes: broken }], TODAY))).toBe('classes.xlsx › 4 Ash row 3: the Legal Forename cell is empty');

    // A workbook whose only filled sheet is notes: the plain refusal for a file that lists no people.
    const notes = makeWorkbook([{ name: 'Notes', rows: [['Updated by the office'], ['nothing yet']] }, { name: 'Sheet2', rows: [] }]);
    expect(fail(await readUploads([{ name: 'notes.xlsx', bytes: notes }], TODAY))).toMatch(/^notes\.xlsx: there are no forename and surname columns/);
  });

  it('refuses a damaged workbook, a renamed CSV and an .xls, naming the file', async () => {
    const damaged = makeXlsx([['Forename', 'Surname']]).slice(0, 200);
    expect(fail(await readUploads([{ name: 'x.xlsx', bytes: damaged }]))).toBe(
      'x.xlsx could not be read as an Excel workbook (it is damaged or incomplete). Save it from Excel as .xlsx or CSV UTF-8 and try again.',
    );
    expect(fail(await readUploads([{ name: 'y.xlsx', bytes: new TextEncoder().encode('Forename,Surname\nA,B\n') }]))).toBe(
      'y.xlsx is not an Excel workbook (.xlsx), although its name says so. Save it again from Excel, or as CSV.',
    );
    const notXlsx = zipSync({ 'hello.txt': new Uint8Array([1, 2, 3]) });
    expect(fail(await readUploads([{ name: 'z.xlsx', bytes: notXlsx }]))).toMatch(/^z\.xlsx could not be read as an Excel workbook/);
    expect(fail(await readUploads([{ name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }]))).toMatch(/^old\.xls is a spreadsheet workbook or archive that was not unpacked/);
  });

  it('a workbook whose parts claim to unpack to more than the limit is refused before reading', async () => {
    // A stored (uncompressed) entry with a central-directory size patched to 60 MB.
    const z = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(10) }, { level: 0 });
    const view = new DataView(z.buffer);
    for (let i = z.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        const cd = view.getUint32(i + 16, true);
        view.setUint32(cd + 24, 60 * 1024 * 1024, true);
        break;
      }
    }
    const r = await readWorkbook(z, 'bomb.xlsx');
    expect(r).toEqual({ ok: false, error: 'bomb.xlsx unpacks to more than 50 MB, which is more than any class list: save it as CSV instead' });
  });
});

const OR_USERS = [
  'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
  'u1,,,true,o1,student,ab,,Amira,Begum,,,,,,,07,',
  'u2,,,true,o1,student,cd,,Ben,Cole,,,,,,,07,',
  't1,,,true,o1,teacher,ef,,Carla,Diaz,,,,,,,,',
].join('\n');
const OR_CLASSES = ['sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods', 'c1,,,Maths 7x,,k1,,scheduled,,o1,t1,,,', 'c2,,,7B,,k2,,homeroom,,o1,t1,,,'].join('\n');
const OR_ENROL = ['sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate', 'e1,,,c1,o1,u1,student,false,,', 'e2,,,c2,o1,u1,student,false,,', 'e3,,,c1,o1,u2,student,false,,', 'e4,,,c2,o1,t1,teacher,true,,'].join('\n');

describe('OneRoster zip', () => {
  it('users.csv + enrollments.csv + classes.csv in a zip (in a folder, with a manifest and macOS junk) → groups', async () => {
    const zip = makeZip({
      'export/manifest.csv': 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n',
      'export/users.csv': OR_USERS,
      'export/classes.csv': OR_CLASSES,
      'export/enrollments.csv': OR_ENROL,
      '__MACOSX/export/._users.csv': 'junk',
      'export/readme.pdf': 'not csv',
    });
    const r = ok(await readUploads([{ name: 'oneroster.zip', bytes: zip }], TODAY));
    expect(r.format).toBe('OneRoster 1.1 users.csv + classes.csv + enrollments.csv');
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Amira', surname: 'Begum', group: '7B' }, // the homeroom class wins
      { role: 'pupil', forename: 'Ben', surname: 'Cole', group: 'Maths 7x' },
      { role: 'staff', forename: 'Carla', surname: 'Diaz', group: '7B' },
    ]);
    expect(r.groups).toEqual(['7B', 'Maths 7x']);
    expect(r.warnings).toEqual(['manifest.csv: not needed (the OneRoster manifest) and ignored']);
  });

  it('SDS v2.1 users.csv + roles.csv chosen as two files', async () => {
    const files = ['users.csv', 'roles.csv'].map((name) => ({ name, bytes: shared(`microsoft-sds/SDS_v2.1/${name}`) }));
    const r = ok(await readUploads(files, TODAY));
    expect(r.format).toBe('Microsoft SDS v2.1 users.csv + roles.csv');
    expect(r.people.length).toBe(8);
    expect(new Set(r.people.map((p) => p.role))).toEqual(new Set(['pupil', 'staff']));
  });

  it('refuses a zip with no CSV, too many entries, a damaged zip, and an entry over the size limit', async () => {
    expect(fail(await readUploads([{ name: 'a.zip', bytes: makeZip({ 'a.pdf': 'x' }) }]))).toBe('a.zip has no CSV files in it');
    const many = Object.fromEntries(Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.csv`, 'a,b\n']));
    expect(fail(await readUploads([{ name: 'b.zip', bytes: makeZip(many) }]))).toBe(
      `b.zip holds more than ${ARCHIVE_LIMITS.maxEntries} CSV files; choose the export's users, roles, enrollments and classes files`,
    );
    expect(fail(await readUploads([{ name: 'c.zip', bytes: makeZip({ 'users.csv': OR_USERS }).slice(0, 30) }]))).toBe('c.zip is not a zip archive that can be opened');
    // 11 MB of one repeated byte compresses to a few KB: the declared size is what refuses it.
    const big = zipSync({ 'users.csv': new Uint8Array(11 * 1024 * 1024).fill(0x41) });
    expect(big.length).toBeLessThan(100_000);
    expect(readArchive(big, 'd.zip')).toEqual({ ok: false, error: 'd.zip: users.csv is too big to be a class list (the limit is 10 MB per file)' });
  });

  it('a file over 10 MB is refused before it is unpacked', async () => {
    expect(await expandUploads([{ name: 'e.zip', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }])).toEqual({ ok: false, error: 'e.zip is too big: the limit is 10 MB' });
  });
});

describe('mapping step (detection unsure)', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('a file with no header Second Look knows: refused with a preview and no suggested columns', async () => {
    const text = 'Kid,Family,Tutor,Born\nAmy,Lee,7A,01/02/2013\nBo,Chan,7B,\n';
    const r = await readUploads([{ name: 'odd.csv', bytes: utf8(text) }], TODAY);
    expect(r.ok).toBe(false);
    expect(r.mapping).toEqual({
      file: 'odd.csv',
      headerIndex: 0,
      header: ['Kid', 'Family', 'Tutor', 'Born'],
      sample: [
        ['Amy', 'Lee', '7A', '01/02/2013'],
        ['Bo', 'Chan', '7B', ''],
      ],
      columns: {},
    });
    // The user maps the columns; the same file then reads.
    const mapped = ok(await readUploads([{ name: 'odd.csv', bytes: utf8(text) }], { ...TODAY, mapping: { file: 'odd.csv', headerIndex: 0, columns: { forename: 0, surname: 1, group: 2, dob: 3 } } }));
    expect(mapped.format).toBe('Columns you chose');
    expect(mapped.people).toEqual([
      { role: 'pupil', forename: 'Amy', surname: 'Lee', group: '7A', dob: '2013-02-01' },
      { role: 'pupil', forename: 'Bo', surname: 'Chan', group: '7B' },
    ]);
    expect(mapped.mapping).toBeUndefined();
  });

  it('a generic CSV reads but carries the suggested mapping; a mapping without forename or surname is refused', async () => {
    const text = 'First Name,Last Name,Email,Class\nAmy,Lee,a@x.invalid,7A\n';
    const r = ok(await readUploads([{ name: 'g.csv', bytes: utf8(text) }], TODAY));
    expect(r.format).toBe('Generic CSV');
    expect(r.mapping?.columns).toEqual({ forename: 0, surname: 1, group: 3 });
    // Swapped by the user (they know the export put surnames first).
    const swapped = ok(await readUploads([{ name: 'g.csv', bytes: utf8(text) }], { ...TODAY, mapping: { file: 'g.csv', headerIndex: 0, columns: { forename: 1, surname: 0, role: -1 } } }));
    expect(swapped.people).toEqual([{ role: 'pupil', forename: 'Lee', surname: 'Amy' }]);
    expect(fail(await readUploads([{ name: 'g.csv', bytes: utf8(text) }], { mapping: { file: 'g.csv', headerIndex: 0, columns: { forename: 0, surname: 99 } } }))).toBe(
      'g.csv: choose which column holds the forename and which holds the surname',
    );
  });

  it('reports progress from 0 to the row total', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Amy${'x'.repeat(i % 7)},Lee${i}`);
    const seen: [number, number][] = [];
    ok(await readUploads([{ name: 'p.csv', bytes: utf8(`Forename,Surname\n${rows.join('\n')}`) }], { onProgress: (d, t) => seen.push([d, t]) }));
    expect(seen).toEqual([
      [0, 5000],
      [2000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);
  });
});
