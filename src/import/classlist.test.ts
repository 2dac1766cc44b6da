/**
 * Tables for the basic class-list reader: accepted layouts, then refused files with the exact
 * plain-English message a teacher sees. Pure, runs in Node.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PersonNames } from '../engine/types';
import { CLASSLIST_LIMITS, parseClassList } from './classlist';

const roster = (name: string) => readFileSync(new URL(`../../test/fixtures/rosters/${name}`, import.meta.url), 'utf8');

function people(text: string, file = 'roster.csv'): PersonNames[] {
  const r = parseClassList(text, file);
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r.people;
}

function error(text: string, file = 'roster.csv'): string {
  const r = parseClassList(text, file);
  if (r.ok) throw new Error('expected the class list to be refused');
  return r.error;
}

const pupil = (forename: string, surname: string, preferred?: string): PersonNames =>
  preferred ? { role: 'pupil', forename, preferred, surname } : { role: 'pupil', forename, surname };

describe('parseClassList: fixtures', () => {
  it('reads the demo class (30 pupils, 2 reg groups) with names exactly as written', () => {
    const r = parseClassList(readFileSync(new URL('../../assets/demo/holbrook-class.csv', import.meta.url), 'utf8'), 'holbrook-class.csv');
    if (!r.ok) throw new Error(r.error);
    expect(r.people).toHaveLength(30);
    expect(r.groups).toEqual(['5H', '5W']);
    expect(r.warnings).toEqual([]);
    expect(r.people).toEqual(
      expect.arrayContaining([
        pupil('Evie', 'Carter'),
        pupil('May', 'Hunter'),
        pupil('Noémie', 'Dubois'),
        pupil('Siobhán', "O'Brien"),
        pupil('Ellie-Mae', 'Smith'),
        pupil('Daan', 'van der Berg'),
        pupil('Łukasz', 'Nowak'),
        pupil('Grace', 'Hope'),
        pupil('Alfred', 'Okafor', 'Alfie'),
        pupil('Harry', 'Stiles'),
        pupil('Aisha', 'Rahman'),
        pupil('Priya', 'Patel'),
        pupil('Oluwaseun', 'Adeyemi'),
        pupil('Mei', 'Chen'),
      ]),
    );
  });

  it('reads the sentinel class: exactly one pupil', () => {
    expect(people(roster('sentinel-class.csv'))).toEqual([pupil('Zephyrine', 'Quillfeather')]);
  });
});

describe('parseClassList: accepted layouts', () => {
  const valid: { name: string; text: string; people: PersonNames[]; groups?: string[]; warnings?: string[] }[] = [
    { name: 'Forename,Surname', text: 'Forename,Surname\nEvie,Carter\n', people: [pupil('Evie', 'Carter')] },
    { name: 'First Name,Last Name', text: 'First Name,Last Name\nEvie,Carter\n', people: [pupil('Evie', 'Carter')] },
    { name: 'headers in any case, spacing or _', text: 'FIRST_NAME , last  name\nEvie,Carter\n', people: [pupil('Evie', 'Carter')] },
    {
      name: 'Legal Forename,Preferred Forename,Surname,Reg Group',
      text: 'Legal Forename,Preferred Forename,Surname,Reg Group\nAlfred,Alfie,Okafor,6B\nEvie,,Carter,6A\n',
      people: [pupil('Alfred', 'Okafor', 'Alfie'), pupil('Evie', 'Carter')],
      groups: ['6A', '6B'],
    },
    {
      name: 'columns in another order',
      text: 'Reg Group,Surname,Forename\n6A,Carter,Evie\n',
      people: [pupil('Evie', 'Carter')],
      groups: ['6A'],
    },
    { name: 'tab-separated', text: 'Forename\tSurname\nSiobhán\tO\'Brien\n', people: [pupil('Siobhán', "O'Brien")] },
    { name: 'semicolon-separated (European Excel)', text: 'Forename;Surname\nNoémie;Dubois\n', people: [pupil('Noémie', 'Dubois')] },
    { name: 'Windows line endings and a BOM', text: '\uFEFFForename,Surname\r\nEvie,Carter\r\n', people: [pupil('Evie', 'Carter')] },
    {
      name: 'quoted cells with commas and quotes',
      text: 'Forename,Surname\n"Mary, Jane","O""Neill"\n',
      people: [pupil('Mary, Jane', 'O"Neill')],
    },
    {
      name: 'cells trimmed, inner spaces folded, accents composed (NFC)',
      text: 'Forename,Surname\n  Noe\u0301mie  ,  van   der Berg \n',
      people: [pupil('Noémie', 'van der Berg')],
    },
    {
      name: 'blank and whitespace-only rows skipped',
      text: '\n\nForename,Surname\n\nEvie,Carter\n , \n\t\nMay,Hunter\n\n',
      people: [pupil('Evie', 'Carter'), pupil('May', 'Hunter')],
    },
    {
      name: 'preferred name equal to the legal one is dropped',
      text: 'Legal Forename,Preferred Forename,Surname\nEvie,evie,Carter\n',
      people: [pupil('Evie', 'Carter')],
    },
    {
      name: 'Role column: pupil, former pupil, parent, staff; empty means pupil',
      text: 'Forename,Surname,Role\nA,One,pupil\nB,Two,Former Pupil\nC,Three,former-pupil\nD,Four,PARENT\nE,Five,staff\nF,Six,\n',
      people: [
        pupil('A', 'One'),
        { role: 'former-pupil', forename: 'B', surname: 'Two' },
        { role: 'former-pupil', forename: 'C', surname: 'Three' },
        { role: 'parent', forename: 'D', surname: 'Four' },
        { role: 'staff', forename: 'E', surname: 'Five' },
        pupil('F', 'Six'),
      ],
    },
    {
      name: 'duplicate rows kept once, with a warning naming the rows',
      text: 'Forename,Surname\nEvie,Carter\nMay,Hunter\nevie,CARTER\nEvie,Carter\n',
      people: [pupil('Evie', 'Carter'), pupil('May', 'Hunter')],
      warnings: ['roster.csv: 2 repeated rows were kept once (rows 4, 5)'],
    },
    {
      name: 'same name, different role, is not a duplicate',
      text: 'Forename,Surname,Role\nSam,Lee,pupil\nSam,Lee,parent\n',
      people: [pupil('Sam', 'Lee'), { role: 'parent', forename: 'Sam', surname: 'Lee' }],
    },
    {
      name: 'other columns ignored with a warning (only names are kept)',
      text: 'UPN,Forename,Surname,DOB\nA123,Evie,Carter,2015-04-01\n',
      people: [pupil('Evie', 'Carter')],
      warnings: ['roster.csv: ignored the columns "UPN" and "DOB" (Second Look keeps only names, role and group)'],
    },
    {
      name: 'a row with too few cells only fails if a name is missing',
      text: 'Forename,Surname,Reg Group\nEvie,Carter\n',
      people: [pupil('Evie', 'Carter')],
    },
  ];
  it.each(valid)('$name', ({ text, people: expected, groups, warnings }) => {
    const r = parseClassList(text, 'roster.csv');
    if (!r.ok) throw new Error(r.error);
    expect(r.people).toEqual(expected);
    if (groups) expect(r.groups).toEqual(groups);
    expect(r.warnings).toEqual(warnings ?? []);
  });
});

describe('parseClassList: refused files', () => {
  const cases: { name: string; text: string; file?: string; error: string }[] = [
    { name: 'empty Surname cell', text: `Forename,Surname\n${'A,B\n'.repeat(12)}Evie,\n`, error: 'roster.csv row 14: the Surname cell is empty' },
    { name: 'empty cell named as the file names it', text: 'First Name,Last Name\n,Carter\n', error: 'roster.csv row 2: the First Name cell is empty' },
    { name: 'row numbers count blank rows, as a spreadsheet does', text: 'Forename,Surname\n\n\nEvie,  \n', error: 'roster.csv row 4: the Surname cell is empty' },
    { name: 'missing Surname column', text: 'Forename,Class\nEvie,6A\n', error: 'roster.csv: there is no Surname column. The first row should name the columns, e.g. "Forename,Surname" or "Legal Forename,Preferred Forename,Surname,Reg Group"' },
    { name: 'no header row at all', text: 'Evie,Carter\nMay,Hunter\n', error: 'roster.csv: there are no Forename or Surname columns.' },
    { name: 'unknown role', text: 'Forename,Surname,Role\nEvie,Carter,teacher\n', error: 'roster.csv row 2: the Role cell says "teacher"; use pupil, former pupil, parent or staff' },
    { name: 'unclosed quote', text: 'Forename,Surname\n"Evie,Carter\n', error: 'roster.csv row 2: a cell starts with a quote mark (") that is never closed' },
    { name: 'over-long name cell', text: `Forename,Surname\nEvie,${'x'.repeat(CLASSLIST_LIMITS.cellLength + 1)}\n`, error: 'roster.csv row 2: the Surname cell is too long (more than 200 characters)' },
    { name: 'header but no names', text: 'Forename,Surname\n\n', error: 'roster.csv has a header row but no names under it' },
    { name: 'empty file', text: ' \n\n', error: 'roster.csv is empty' },
    { name: 'an Excel workbook', text: 'PK\u0003\u0004[Content_Types].xml', file: 'roster.xlsx', error: 'roster.xlsx is not a CSV or text file (if it is an Excel workbook, save it as CSV first)' },
    { name: 'only the file name, never the local path', text: 'Forename,Surname\nEvie,\n', file: 'C:\\Users\\head\\Desktop\\6A.csv', error: '6A.csv row 2: the Surname cell is empty' },
    {
      name: 'several problems: the first three, then a count',
      text: 'Forename,Surname\nA,\nB,\nC,\nD,\nE,\n',
      error: 'roster.csv row 2: the Surname cell is empty\nroster.csv row 3: the Surname cell is empty\nroster.csv row 4: the Surname cell is empty\n…and 2 more problems',
    },
  ];
  it.each(cases)('$name', ({ text, file, error: message }) => {
    expect(error(text, file)).toContain(message);
  });

  it('refuses more than 100,000 rows', () => {
    const text = `Forename,Surname\n${'Evie,Carter\n'.repeat(CLASSLIST_LIMITS.maxRows + 1)}`;
    expect(error(text)).toBe('roster.csv has more than 100,000 rows, which is the limit: split it into smaller lists');
  });

  it('accepts exactly 100,000 rows', () => {
    const text = `Forename,Surname\n${Array.from({ length: CLASSLIST_LIMITS.maxRows }, (_, i) => `P${i},S${i}`).join('\n')}`;
    expect(people(text)).toHaveLength(CLASSLIST_LIMITS.maxRows);
  });

  it('refuses files over 10 MB', () => {
    const text = `Forename,Surname\n${'x'.repeat(CLASSLIST_LIMITS.maxBytes)}`;
    expect(error(text)).toBe('roster.csv is too big: the limit is 10 MB');
  });

  it('treats formula-looking and pattern-looking cells as plain names', () => {
    expect(people('Forename,Surname\n=HYPERLINK("x"),(a+)+$\n')).toEqual([pupil('=HYPERLINK("x")', '(a+)+$')]);
  });

  it.each(['constructor', '__proto__', 'valueOf'])('refuses a Role of "%s" instead of finding an Object.prototype key', (role) => {
    expect(error(`Forename,Surname,Role\nAmy,Rees,${role}\n`)).toBe(`roster.csv row 2: the Role cell says "${role}"; use pupil, former pupil, parent or staff`);
  });
});
