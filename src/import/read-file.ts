/**
 * The full class-list reader: bytes in, people out. Pure (papaparse + TextDecoder), so the options
 * page, the CLI and Node tests run the same code. Trusted side, but every file is untrusted input:
 * sizes and row counts are capped, cells are literal text, and a file with a bad row is refused as
 * a whole (design invariant 6: a failed import changes nothing).
 *
 * Formats, told apart by their header row (case, spaces, _ and - do not matter; libraries.md §1):
 *   Microsoft SDS v2.1   users.csv (sourcedId, givenName, familyName, no role, no status)
 *                        + roles.csv, relationships.csv (guardians), demographics.csv (birthDate),
 *                        enrollments.csv + classes.csv (group)
 *   Microsoft SDS v2     users.csv (sourcedId, givenName, familyName, role, no status)
 *   OneRoster 1.1 / 1.2  users.csv (as above plus status/dateLastModified/enabledUser; 1.1 has role,
 *                        1.2 has roles.csv and preferredGivenName)
 *   Microsoft SDS classic Student.csv / Teacher.csv (SIS ID + School SIS ID, or the UK format's
 *                        ID + School DfE Number) + Section.csv and StudentEnrollment/TeacherRoster.csv
 *   Clever               students.csv / teachers.csv (School_id + Student_id / Teacher_id)
 *   SIMS / MIS export    any Forename/Surname layout with an MIS column (Legal Forename, Preferred
 *                        Forename, Reg Group, UPN, DOB, Date of Leaving, Photo consent…)
 *   Generic CSV          any other file with forename and surname columns (CSV, TSV, ; or |)
 * A single "Name" column is refused: "Smith, John" and "John Smith" cannot be split reliably.
 * XLSX workbooks and OneRoster zips are unpacked by expand.ts into rows / CSV files first; this
 * module reads rows from either. When detection is unsure (a generic file, or no header it knows)
 * the result carries `mapping`: the header, the first rows and a suggested column for each field,
 * so the options page can ask the user and read again with `ReadOptions.mapping`.
 */
import Papa from 'papaparse';
import type { PersonRole } from '../engine/types';
import { CLASSLIST_LIMITS } from './classlist';
import { decodeBytes, displayFileName } from './decode';
import type { ClassListFile, ImportedPerson, MappingPreview, ReadClassListResult } from './types';
import { t, type MessageKey } from '../i18n';

export type { ClassListFile, ImportedPerson, MappingPreview, ReadClassListResult } from './types';

export interface ReadOptions {
  /** Today as yyyy-mm-dd: a pupil whose leaving date is on or before it is a former pupil. */
  today?: string;
  /** Columns chosen by the user for one file (the preview's mapping step); skips detection for it. */
  mapping?: ColumnMapping;
  /** Called every few thousand rows with rows read so far and the total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Fields the user can map by hand. */
export const MAPPABLE_FIELDS = ['forename', 'surname', 'preferred', 'role', 'group', 'dob'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export interface ColumnMapping {
  /** Display name of the file the mapping is for. */
  file: string;
  /** 0-based index of the header row among the file's records. */
  headerIndex: number;
  /** Column index per field; -1 or absent: not in the file. */
  columns: Partial<Record<MappableField, number>>;
}

// ---------------------------------------------------------------------------------------------
// Header vocabulary. Keys are "compact": lower case, letters and digits only ("Legal Forename",
// "legal_forename" and "LegalForename" are all "legalforename"). Order is priority.

type Field = 'forename' | 'preferred' | 'surname' | 'preferredSurname' | 'group' | 'dob' | 'leftOn' | 'photoConsent' | 'role' | 'id';

const COLUMNS: Record<Field, readonly string[]> = {
  forename: ['legalforename', 'legalfirstname', 'legalgivenname', 'forename', 'forenames', 'firstname', 'givenname', 'first'],
  // catalyst's OneRoster 1.2 fixture misspells it "prefferedGivenName".
  preferred: ['preferredforename', 'preferredfirstname', 'preferredgivenname', 'prefferedgivenname', 'preferredname', 'knownas', 'knownasfirstname', 'knownasforename'],
  surname: ['legalsurname', 'legallastname', 'legalfamilyname', 'surname', 'lastname', 'familyname', 'last'],
  preferredSurname: ['preferredsurname', 'preferredlastname', 'preferredfamilyname', 'knownaslastname', 'knownassurname'],
  group: ['reggroup', 'registrationgroup', 'registrationform', 'regform', 'reg', 'tutorgroup', 'formgroup', 'form', 'class', 'classname', 'homeroom'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthdateddmmyyyy', 'dobddmmyyyy'],
  leftOn: ['dateofleaving', 'leavingdate', 'dateleft', 'leftdate', 'leavedate', 'leaverdate'],
  photoConsent: ['photoconsent', 'photographconsent', 'photopermission', 'photographpermission', 'consentphoto', 'consentphotos', 'consentforphotographs'],
  role: ['role', 'usertype', 'persontype'],
  id: ['sourcedid', 'sisid', 'id', 'studentid', 'teacherid', 'userid'],
};

const LABELS: Record<Field, string> = {
  forename: 'Forename',
  preferred: 'Preferred Forename',
  surname: 'Surname',
  preferredSurname: 'Preferred Surname',
  group: 'Reg Group',
  dob: 'DOB',
  leftOn: 'Date of Leaving',
  photoConsent: 'Photo consent',
  role: 'Role',
  id: 'ID',
};

/** Columns that only a UK MIS export (SIMS, Arbor, Bromcom, ScholarPack) tends to have. */
const MIS_MARKERS = [
  'legalforename', 'legalsurname', 'preferredforename', 'preferredsurname', 'reggroup', 'registrationgroup',
  'registrationform', 'tutorgroup', 'upn', 'adno', 'admissionno', 'admissionnumber', 'yeargroup', 'ncyear',
  'dob', 'dateofbirth', 'dateofleaving', 'leavingdate', 'dateofadmission', 'year',
];

const NAME_ONLY = ['name', 'fullname', 'pupilname', 'studentname', 'childname', 'learnername', 'displayname', 'pupil', 'student'];

/** Role words from MIS files, SDS (v2 sample spellings included) and OneRoster 1.1/1.2. */
const ROLES: Record<string, PersonRole> = {
  pupil: 'pupil', student: 'pupil', learner: 'pupil', child: 'pupil',
  formerpupil: 'former-pupil', expupil: 'former-pupil', formerstudent: 'former-pupil', leaver: 'former-pupil',
  alumni: 'former-pupil', alumnus: 'former-pupil', alumna: 'former-pupil',
  parent: 'parent', carer: 'parent', parentcarer: 'parent', guardian: 'parent', relative: 'parent', contact: 'parent',
  staff: 'staff', teacher: 'staff', faculty: 'staff', aide: 'staff', professor: 'staff', lecturer: 'staff',
  administrator: 'staff', proctor: 'staff', principal: 'staff', headteacher: 'staff', counselor: 'staff',
  counsellor: 'staff', districtadministrator: 'staff', siteadministrator: 'staff', systemadministrator: 'staff',
  chair: 'staff', teachingassistant: 'staff', ta: 'staff', adjunct: 'staff', instructor: 'staff',
  librarian: 'staff', dean: 'staff', coach: 'staff', assistant: 'staff', advisor: 'staff', adviser: 'staff',
  tutor: 'staff', support: 'staff', supportstaff: 'staff', volunteer: 'staff', governor: 'staff',
};

/** Own keys only: a Role cell saying "constructor" must not find Object.prototype.constructor. */
function roleOf(text: string): PersonRole | undefined {
  const key = compact(text);
  return Object.prototype.hasOwnProperty.call(ROLES, key) ? ROLES[key] : undefined;
}

const compact = (cell: string): string => cell.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Trims, folds whitespace and control characters to one space, composes accents (NFC). */
function cleanCell(cell: string | undefined): string {
  if (!cell) return '';
  return cell.normalize('NFC').replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${t('import.and')} ${words[words.length - 1]}`;
}

function rowList(rows: readonly number[]): string {
  if (rows.length <= 10) return listWords(rows.map(String));
  return t('common.andMore', { list: rows.slice(0, 10).join(', '), count: rows.length - 10 });
}

/** The key for one or for several (each a whole sentence: Welsh says "rhes" / "o resi"). */
const n1 = <K extends string>(n: number, key: K): `${K}.one` | `${K}.many` => (n === 1 ? `${key}.one` : `${key}.many`);

// ---------------------------------------------------------------------------------------------
// Spreadsheet formulas. A cell such as =HYPERLINK("http://…","x") is not a name; Excel's own
// ="Smith" (used to keep text as text) is. Injection on export is another module's concern.

const FORMULA_START = /^[=+\-@]/;
const NAME_LIKE = /^[\p{L}\p{M}][\p{L}\p{M}'’‘`. \-]*$/u;
const GROUP_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'’. \-/&]*$/u;

/** The cell as a name, '' if it is only dashes, or null if it is a formula rather than a name. */
function unformula(cell: string, like: RegExp): string | null {
  if (!FORMULA_START.test(cell)) return cell;
  const quoted = /^="(.*)"$/s.exec(cell);
  const value = quoted ? quoted[1]!.replace(/""/g, '"').trim() : cell.replace(/^[=+\-@\s]+/, '');
  if (value === '') return '';
  return like.test(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Dates: ISO anywhere; d/m/y in UK files; m/d/y in Microsoft SDS and Clever files (the SDS
// samples use M/D/YYYY even in the "UK format" folder, libraries.md §1.1).

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDate(text: string, order: 'dmy' | 'mdy'): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?: [\d:]+)?$/.exec(t);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    return order === 'dmy' ? isoDate(+m[3]!, b, a) : isoDate(+m[3]!, a, b);
  }
  m = /^(\d{1,2})[ \-]([A-Za-z]{3,9})[ \-,]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    return month ? isoDate(+m[3]!, month, +m[1]!) : null;
  }
  return null;
}

const CONSENT_YES = new Set(['yes', 'y', 'true', '1', 'granted', 'given', 'consented', 'agreed', 'allowed', 'ok']);
const CONSENT_NO = new Set(['no', 'n', 'false', '0', 'refused', 'withheld', 'declined', 'notgiven', 'none', 'denied']);

// ---------------------------------------------------------------------------------------------
// Tables: a decoded file split into a header row and data rows.

interface Row {
  /** 1-based record number as a spreadsheet shows it. */
  n: number;
  cells: string[];
}

interface Table {
  file: string;
  header: string[];
  keys: string[];
  rows: Row[];
  skippedAbove: number;
}

type Classified =
  | {
      kind: 'people';
      family: string;
      fileLabel: string;
      roster: boolean;
      defaultRole: PersonRole | null;
      dateOrder: 'dmy' | 'mdy';
      /** Columns chosen by the user: detection is skipped. */
      mapped?: Partial<Record<MappableField, number>>;
    }
  | { kind: 'roles' | 'relationships' | 'enrollments' | 'classes' | 'demographics' | 'other'; fileLabel: string; what: `import.what.${string}` & MessageKey };

function has(keys: readonly string[], ...names: string[]): boolean {
  return names.every((n) => keys.includes(n));
}

function hasAny(keys: readonly string[], ...names: string[]): boolean {
  return names.some((n) => keys.includes(n));
}

function findColumn(keys: readonly string[], field: Field, used?: Set<number>): number {
  for (const name of COLUMNS[field]) {
    const i = keys.indexOf(name);
    if (i !== -1 && !used?.has(i)) return i;
  }
  // "Photo Consent (Website)", "Photo consent given?" and the like.
  if (field === 'photoConsent') return keys.findIndex((k, i) => k.startsWith('photo') && /consent|permission/.test(k) && !used?.has(i));
  return -1;
}

/** What a header row is, or null if it is not a header we know. */
function classify(keys: readonly string[], fileName: string): Classified | null {
  const base = fileName.toLowerCase();
  const hasNames = findColumn(keys, 'forename') !== -1 && findColumn(keys, 'surname') !== -1;

  // SDS v2 / v2.1 and OneRoster users.csv.
  if (has(keys, 'sourcedid', 'givenname', 'familyname')) {
    if (hasAny(keys, 'status', 'datelastmodified', 'enableduser')) {
      const v12 = !keys.includes('role') || hasAny(keys, 'preferredgivenname', 'prefferedgivenname', 'primaryorgsourcedid', 'usermasteridentifier');
      return { kind: 'people', family: v12 ? 'OneRoster 1.2' : 'OneRoster 1.1', fileLabel: 'users.csv', roster: true, defaultRole: null, dateOrder: 'dmy' };
    }
    return {
      kind: 'people',
      family: keys.includes('role') ? 'Microsoft SDS v2' : 'Microsoft SDS v2.1',
      fileLabel: 'users.csv',
      roster: true,
      defaultRole: null,
      dateOrder: 'mdy',
    };
  }
  if (has(keys, 'usersourcedid', 'relationshipusersourcedid')) return { kind: 'relationships', fileLabel: 'relationships.csv', what: 'import.what.guardianLinks' };
  if (has(keys, 'classsourcedid', 'usersourcedid')) return { kind: 'enrollments', fileLabel: 'enrollments.csv', what: 'import.what.classEnrolments' };
  if (has(keys, 'usersourcedid', 'role')) return { kind: 'roles', fileLabel: 'roles.csv', what: 'import.what.roles' };
  if (has(keys, 'birthdate') && hasAny(keys, 'usersourcedid', 'sourcedid') && !hasNames) return { kind: 'demographics', fileLabel: 'demographics.csv', what: 'import.what.birthDates' };
  if (has(keys, 'sourcedid', 'title') && hasAny(keys, 'orgsourcedid', 'schoolsourcedid', 'coursesourcedid', 'classtype')) {
    return hasAny(keys, 'code', 'coursecode')
      ? { kind: 'other', fileLabel: 'courses.csv', what: 'import.what.courses' }
      : { kind: 'classes', fileLabel: 'classes.csv', what: 'import.what.classes' };
  }
  if (has(keys, 'usersourcedid', 'flag')) return { kind: 'other', fileLabel: 'userFlags.csv', what: 'import.what.userFlags' };
  if (has(keys, 'sourcedid', 'name', 'type')) return { kind: 'other', fileLabel: 'orgs.csv', what: 'import.what.orgs' };
  if (has(keys, 'sourcedid', 'title', 'type') || has(keys, 'sourcedid', 'schoolyear')) return { kind: 'other', fileLabel: 'academicSessions.csv', what: 'import.what.sessions' };
  if (has(keys, 'propertyname', 'value')) return { kind: 'other', fileLabel: 'manifest.csv', what: 'import.what.manifest' };

  // Microsoft SDS classic ("SDS format": SIS ID + School SIS ID; "UK format": ID + School DfE Number).
  const sdsSchool = hasAny(keys, 'schoolsisid', 'schooldfenumber');
  const uk = keys.includes('schooldfenumber');
  const sdsFamily = uk ? 'Microsoft SDS (UK format)' : 'Microsoft SDS';
  if (hasAny(keys, 'sisid', 'id') && sdsSchool && has(keys, 'firstname', 'lastname')) {
    const teacher = hasAny(keys, 'teachernumber', 'qualification', 'title') || (!hasAny(keys, 'studentnumber', 'grade', 'graduationyear') && base.includes('teacher'));
    return {
      kind: 'people',
      family: sdsFamily,
      fileLabel: teacher ? 'Teacher.csv' : 'Student.csv',
      roster: true,
      defaultRole: teacher ? 'staff' : 'pupil',
      dateOrder: 'mdy',
    };
  }
  if (hasAny(keys, 'sisid', 'id') && keys.includes('sectionname')) return { kind: 'classes', fileLabel: 'Section.csv', what: 'import.what.classes' };
  if (hasAny(keys, 'sectionsisid', 'sectionid') && hasAny(keys, 'sisid', 'id') && !hasNames) {
    return { kind: 'enrollments', fileLabel: base.includes('teacher') ? 'TeacherRoster.csv' : 'StudentEnrollment.csv', what: 'import.what.classEnrolments' };
  }
  if ((hasAny(keys, 'sisid', 'dfenumber') && keys.includes('name') && hasAny(keys, 'principalname', 'gradelow')) || has(keys, 'principalname', 'gradelow')) {
    return { kind: 'other', fileLabel: 'School.csv', what: 'import.what.schools' };
  }

  // Clever students.csv / teachers.csv (First_name, Last_name).
  if (keys.includes('schoolid') && hasAny(keys, 'studentid', 'teacherid') && hasNames) {
    const teacher = keys.includes('teacherid') && !keys.includes('studentid');
    return { kind: 'people', family: 'Clever', fileLabel: teacher ? 'teachers.csv' : 'students.csv', roster: true, defaultRole: teacher ? 'staff' : 'pupil', dateOrder: 'mdy' };
  }

  if (hasNames || (findColumn(keys, 'surname') !== -1 && keys.includes('preferredforename'))) {
    const mis = MIS_MARKERS.some((k) => keys.includes(k)) || findColumn(keys, 'photoConsent') !== -1;
    return { kind: 'people', family: mis ? 'SIMS / MIS export' : 'Generic CSV', fileLabel: '', roster: false, defaultRole: 'pupil', dateOrder: 'dmy' };
  }
  return null;
}

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

function splitText(text: string, file: string): Step<string[][]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: t('import.empty', { file }) };

  // Guess the delimiter on the first rows with blank lines skipped (a stray empty line makes every
  // delimiter look inconsistent), then read every record with blank rows kept so row numbers match
  // the spreadsheet.
  const guess = Papa.parse<string[]>(body, { preview: 50, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const delimiter = guess.meta.delimiter || ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });

  const problems: string[] = [];
  for (const err of parsed.errors) {
    if (err.type !== 'Quotes' || problems.length >= CLASSLIST_LIMITS.maxProblems) continue;
    const n = (err.row ?? 0) + 1;
    problems.push(
      err.code === 'MissingQuotes'
        ? t('import.quoteOpen', { file, row: n })
        : t('import.quoteStray', { file, row: n }),
    );
  }
  if (problems.length) return { ok: false, error: problems.join('\n') };
  return { ok: true, value: parsed.data };
}

/** A preview for the mapping step: header, first data rows and the columns detection suggests. */
function mappingPreview(all: readonly string[][], headerIndex: number, file: string): MappingPreview {
  const header = (all[headerIndex] ?? []).map((c) => cleanCell(c).slice(0, 60));
  const keys = header.map(compact);
  const used = new Set<number>();
  const columns: Partial<Record<MappableField, number>> = {};
  for (const f of MAPPABLE_FIELDS) {
    const i = findColumn(keys, f, used);
    if (i !== -1) {
      columns[f] = i;
      used.add(i);
    }
  }
  const sample: string[][] = [];
  for (let i = headerIndex + 1; i < all.length && sample.length < 5; i++) {
    const cells = all[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    sample.push(header.map((_, j) => cleanCell(cells[j]).slice(0, 60)));
  }
  return { file, headerIndex, header, sample, columns };
}

type TableStep = { ok: true; value: { table: Table; kind: Classified } } | { ok: false; error: string; mapping?: MappingPreview };

function toTable(all: string[][], file: string, mapping?: ColumnMapping): TableStep {
  if (mapping && mapping.file === file) {
    const header = (all[mapping.headerIndex] ?? []).map((c) => cleanCell(c));
    if (!header.length) return { ok: false, error: t('import.headerEmpty', { file }) };
    const rows: Row[] = [];
    for (let i = mapping.headerIndex + 1; i < all.length; i++) {
      const cells = all[i]!;
      if (cells.every((c) => c.trim() === '')) continue;
      if (rows.length >= CLASSLIST_LIMITS.maxRows) return tooManyRows(file);
      rows.push({ n: i + 1, cells });
    }
    const kind: Classified = { kind: 'people', family: 'Columns you chose', fileLabel: '', roster: false, defaultRole: 'pupil', dateOrder: 'dmy', mapped: mapping.columns };
    return { ok: true, value: { table: { file, header, keys: header.map(compact), rows, skippedAbove: mapping.headerIndex }, kind } };
  }
  const nonBlank: number[] = [];
  for (let i = 0; i < all.length && nonBlank.length < 10; i++) {
    if (!all[i]!.every((c) => c.trim() === '')) nonBlank.push(i);
  }
  if (!nonBlank.length) return { ok: false, error: t('import.empty', { file }) };

  // Some MIS reports put a title line or two above the header row.
  let headerIndex = -1;
  let kind: Classified | null = null;
  for (const i of nonBlank) {
    kind = classify(all[i]!.map(compact), file);
    if (kind) {
      headerIndex = i;
      break;
    }
  }
  if (!kind) {
    const first = all[nonBlank[0]!]!;
    const keys = first.map(compact);
    if (NAME_ONLY.some((k) => keys.includes(k))) {
      const label = cleanCell(first[keys.findIndex((k) => NAME_ONLY.includes(k))]);
      return {
        ok: false,
        error: t('import.wholeName', { file, column: label }),
      };
    }
    const seen = first.map((c) => cleanCell(c)).filter(Boolean).slice(0, 6).map((c) => `"${c.slice(0, 30)}"`);
    return {
      ok: false,
      mapping: mappingPreview(all, nonBlank[0]!, file),
      error: seen.length ? t('import.noNameColumnsSeen', { file, seen: listWords(seen) }) : t('import.noNameColumns', { file }),
    };
  }

  const header = all[headerIndex]!.map((c) => cleanCell(c));
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const cells = all[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    if (rows.length >= CLASSLIST_LIMITS.maxRows) return tooManyRows(file);
    rows.push({ n: i + 1, cells });
  }
  return { ok: true, value: { table: { file, header, keys: header.map(compact), rows, skippedAbove: headerIndex }, kind } };
}

function tooManyRows(file: string): { ok: false; error: string } {
  return { ok: false, error: t('import.tooManyRows', { file, max: CLASSLIST_LIMITS.maxRows.toLocaleString('en-GB') }) };
}

// ---------------------------------------------------------------------------------------------
// People files.

interface Record_ {
  id?: string;
  row: number;
  file: string;
  person: ImportedPerson;
  /** The role came from the file itself (a Role column or Student.csv/Teacher.csv). */
  roleKnown: boolean;
}

class Notes {
  private readonly groupsOf = new Map<string, number[]>();
  add(message: string, row: number): void {
    const rows = this.groupsOf.get(message) ?? [];
    rows.push(row);
    this.groupsOf.set(message, rows);
  }
  /** One line per kind of note: "… (rows 3, 9 and 12)". */
  lines(file: string): string[] {
    return [...this.groupsOf].map(([note, rows]) => t(n1(rows.length, 'import.note'), { file, note, rows: rowList(rows) }));
  }
}

function readPeople(
  table: Table,
  kind: Extract<Classified, { kind: 'people' }>,
  today: string,
  warnings: string[],
  onRow?: (n: number) => void,
): Step<Record_[]> {
  const { file, keys, header } = table;
  const used = new Set<number>();
  const col = {} as Record<Field, number>;
  for (const field of Object.keys(COLUMNS) as Field[]) {
    if (kind.mapped) {
      const i = (kind.mapped as Partial<Record<Field, number>>)[field];
      col[field] = typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < header.length && !used.has(i) ? i : -1;
    } else {
      // id is only for joining roster files; a UPN or Adno is never read.
      col[field] = field === 'id' && !kind.roster ? -1 : findColumn(keys, field, used);
    }
    if (col[field] !== -1) used.add(col[field]);
  }
  if (kind.mapped && (col.forename === -1 || col.surname === -1)) {
    return { ok: false, error: t('import.chooseColumns', { file }) };
  }
  // A file with only a Preferred Forename (no legal one) uses it as the forename.
  if (col.forename === -1 && col.preferred !== -1) [col.forename, col.preferred] = [col.preferred, -1];
  if (col.surname === -1 && col.preferredSurname !== -1) [col.surname, col.preferredSurname] = [col.preferredSurname, -1];
  const label = (f: Field) => (col[f] !== -1 ? header[col[f]] || LABELS[f] : LABELS[f]);

  if (table.skippedAbove > 0) warnings.push(t(n1(table.skippedAbove, 'import.skippedAbove'), { file, count: table.skippedAbove }));
  if (!kind.roster) {
    const ignored = header.filter((h, i) => h !== '' && !used.has(i)).map((h) => `"${h.slice(0, 40)}"`);
    if (ignored.length) {
      warnings.push(t(n1(ignored.length, 'import.ignoredColumns'), { file, columns: listWords(ignored) }));
    }
  }

  const problems: string[] = [];
  let problemCount = 0;
  const problem = (m: string) => {
    if (problems.length < CLASSLIST_LIMITS.maxProblems) problems.push(m);
    problemCount++;
  };
  const notes = new Notes();
  const unknownRoles = new Set<string>();
  const out: Record_[] = [];

  let seenRows = 0;
  for (const { n, cells } of table.rows) {
    if (onRow && ++seenRows % 2000 === 0) onRow(2000);
    // Ragged rows: missing trailing cells are empty; extra non-empty cells mean the columns moved.
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problem(t('import.cellCount', { file, row: n, cells: cells.length, header: header.length }));
      continue;
    }
    const raw = (f: Field) => (col[f] === -1 ? '' : cleanCell(cells[col[f]]));

    let formula: string | null = null;
    const name = (f: 'forename' | 'preferred' | 'surname' | 'preferredSurname') => {
      const v = unformula(raw(f), NAME_LIKE);
      if (v === null && !formula) formula = f;
      return v ?? '';
    };
    const forename = name('forename');
    const surname = name('surname');
    const preferred = name('preferred');
    const preferredSurname = name('preferredSurname');
    let group = unformula(raw('group'), GROUP_LIKE);
    if (formula) {
      notes.add(t('import.note.formulaName', { column: label(formula) }), n);
      continue;
    }
    if (group === null) {
      notes.add(t('import.note.formulaGroup', { column: label('group') }), n);
      group = '';
    }

    let rowOk = true;
    for (const [f, v] of [['forename', forename], ['surname', surname]] as const) {
      if (v === '') {
        problem(t('import.cellEmpty', { file, row: n, column: label(f) }));
        rowOk = false;
      }
    }
    for (const [f, v] of [['forename', forename], ['preferred', preferred], ['surname', surname], ['preferredSurname', preferredSurname], ['group', group]] as const) {
      if (v.length > CLASSLIST_LIMITS.cellLength) {
        problem(t('import.cellTooLong', { file, row: n, column: label(f), max: CLASSLIST_LIMITS.cellLength }));
        rowOk = false;
      }
    }

    let role: PersonRole = kind.defaultRole ?? 'pupil';
    let roleKnown = kind.defaultRole !== null && kind.roster;
    const roleText = raw('role');
    if (roleText !== '') {
      const known = roleOf(roleText);
      if (known) {
        role = known;
        roleKnown = true;
      } else if (kind.roster) {
        // Rostering formats have long staff-role lists (SDS v2.1 lists dozens): an unknown one is staff.
        unknownRoles.add(roleText.slice(0, 40));
        role = 'staff';
        roleKnown = true;
      } else {
        problem(t('import.badRole', { file, row: n, column: label('role'), value: roleText.slice(0, 40) }));
        rowOk = false;
      }
    } else if (!kind.roster) roleKnown = true;
    if (!rowOk) continue;

    const person: ImportedPerson = { role, forename, surname };
    if (preferred && preferred.toLowerCase() !== forename.toLowerCase()) person.preferred = preferred;
    if (preferredSurname && preferredSurname.toLowerCase() !== surname.toLowerCase()) person.preferredSurname = preferredSurname;
    if (group) person.group = group;

    for (const f of ['dob', 'leftOn'] as const) {
      const text = raw(f);
      if (!text) continue;
      const iso = parseDate(text, kind.dateOrder);
      if (iso) person[f] = iso;
      else notes.add(t('import.note.badDate', { column: label(f) }), n);
    }
    const consent = raw('photoConsent');
    if (consent) {
      const c = compact(consent);
      if (CONSENT_YES.has(c)) person.photoConsent = true;
      else if (CONSENT_NO.has(c)) person.photoConsent = false;
      else notes.add(t('import.note.badConsent', { column: label('photoConsent') }), n);
    }
    if (person.role === 'pupil' && person.leftOn && person.leftOn <= today && roleText === '') person.role = 'former-pupil';

    const record: Record_ = { row: n, file, person, roleKnown };
    const id = col.id === -1 ? '' : cleanCell(cells[col.id]);
    if (id) record.id = id;
    out.push(record);
  }

  if (problemCount) {
    const more = problemCount - problems.length;
    return { ok: false, error: problems.join('\n') + (more > 0 ? `\n${t(n1(more, 'import.moreProblems'), { count: more })}` : '') };
  }
  if (unknownRoles.size) {
    warnings.push(t(n1(unknownRoles.size, 'import.rolesAsStaff'), { file, roles: listWords([...unknownRoles].map((r) => `"${r}"`)) }));
  }
  warnings.push(...notes.lines(file));
  return { ok: true, value: out };
}

// ---------------------------------------------------------------------------------------------
// Linking files (rostering formats): roles, guardians, birth dates, class enrolments.

function column(table: Table, ...names: string[]): number {
  for (const name of names) {
    const i = table.keys.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

const cellAt = (row: Row, i: number) => (i === -1 ? '' : cleanCell(row.cells[i]));

interface Links {
  roles: Map<string, { role: string; primary: boolean }>;
  guardians: Map<string, string>;
  births: Map<string, string>;
  enrolments: { classId: string; userId: string }[];
  classes: Map<string, { title: string; homeroom: boolean }>;
  has: Set<Classified['kind']>;
}

function readLinks(table: Table, kind: Classified['kind'], links: Links, warnings: string[]): void {
  links.has.add(kind);
  if (kind === 'roles') {
    const user = column(table, 'usersourcedid');
    const role = column(table, 'role');
    const isPrimary = column(table, 'isprimary');
    const roleType = column(table, 'roletype');
    for (const row of table.rows) {
      const id = cellAt(row, user);
      if (!id) continue;
      const primary = compact(cellAt(row, isPrimary)) === 'true' || compact(cellAt(row, roleType)) === 'primary';
      const prev = links.roles.get(id);
      if (!prev || (primary && !prev.primary)) links.roles.set(id, { role: cellAt(row, role), primary });
    }
  } else if (kind === 'relationships') {
    const guardian = column(table, 'relationshipusersourcedid');
    const rel = column(table, 'relationshiprole');
    for (const row of table.rows) {
      const id = cellAt(row, guardian);
      if (id && !links.guardians.has(id)) links.guardians.set(id, cellAt(row, rel) || 'guardian');
    }
  } else if (kind === 'demographics') {
    const user = column(table, 'usersourcedid', 'sourcedid');
    const birth = column(table, 'birthdate');
    const bad: number[] = [];
    for (const row of table.rows) {
      const id = cellAt(row, user);
      const text = cellAt(row, birth);
      if (!id || !text) continue;
      const iso = parseDate(text, 'mdy');
      if (iso) links.births.set(id, iso);
      else bad.push(row.n);
    }
    if (bad.length) warnings.push(t(n1(bad.length, 'import.badBirthDate'), { file: table.file, rows: rowList(bad) }));
  } else if (kind === 'enrollments') {
    const cls = column(table, 'classsourcedid', 'sectionsisid', 'sectionid');
    const user = column(table, 'usersourcedid', 'sisid', 'id');
    for (const row of table.rows) {
      const classId = cellAt(row, cls);
      const userId = cellAt(row, user);
      if (classId && userId) links.enrolments.push({ classId, userId });
    }
  } else if (kind === 'classes') {
    const id = column(table, 'sourcedid', 'sisid', 'id');
    const title = column(table, 'title', 'sectionname');
    const type = column(table, 'classtype');
    for (const row of table.rows) {
      const key = cellAt(row, id);
      const name = unformula(cellAt(row, title), GROUP_LIKE);
      if (key && name) links.classes.set(key, { title: name.slice(0, CLASSLIST_LIMITS.cellLength), homeroom: compact(cellAt(row, type)) === 'homeroom' });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points.


function todayIso(options?: ReadOptions): string {
  return options?.today && /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : new Date().toISOString().slice(0, 10);
}

/** Reads one class-list file. Never throws; any problem returns `{ ok: false, error }` naming file, row and column. */
export function readClassListFile(bytes: Uint8Array, fileName: string, options?: ReadOptions): ReadClassListResult {
  return readClassListFiles([{ name: fileName, bytes }], options);
}

/**
 * Reads several files exported together (SDS users.csv + roles.csv + relationships.csv +
 * enrollments.csv + classes.csv, or Student.csv + Teacher.csv + Section.csv + StudentEnrollment.csv,
 * or several class lists). All or nothing: one bad file refuses the lot.
 */
export function readClassListFiles(files: readonly ClassListFile[], options?: ReadOptions): ReadClassListResult {
  if (!Array.isArray(files) || files.length === 0) return { ok: false, error: t('import.noFile') };
  if (files.length > 60) return { ok: false, error: t('import.tooManyFiles') };
  const today = todayIso(options);
  const warnings: string[] = [];
  const records: Record_[] = [];
  const links: Links = { roles: new Map(), guardians: new Map(), births: new Map(), enrolments: [], classes: new Map(), has: new Set() };
  const families: string[] = [];
  const fileLabels: string[] = [];
  const linkLabels: string[] = [];
  const nonPeople: { file: string; kind: Exclude<Classified, { kind: 'people' }> }[] = [];
  let rosterPeople = false;

  // Pass 1: every file to a table (decode + split, or rows already split from a workbook), so the
  // progress total is known before the rows are read.
  const tables: { file: string; all: string[][]; table: Table; kind: Classified }[] = [];
  for (const f of files) {
    const file = displayFileName(f.name);
    let all: string[][];
    if ('rows' in f && f.rows) {
      if (!Array.isArray(f.rows)) return { ok: false, error: t('import.unreadable', { file }) };
      all = f.rows;
    } else {
      const bytes = (f as { bytes?: unknown }).bytes;
      if (!(bytes instanceof Uint8Array)) return { ok: false, error: t('import.unreadable', { file }) };
      if (bytes.length > CLASSLIST_LIMITS.maxBytes) return { ok: false, error: t('import.tooBig', { file }) };
      if (/\.(xlsx|xlsm|xls|ods|numbers|zip)$/i.test(file)) {
        return { ok: false, error: t('import.notUnpacked', { file }) };
      }
      const decoded = decodeBytes(bytes, file);
      if (!decoded.ok) return decoded;
      const split = splitText(decoded.text, file);
      if (!split.ok) return split;
      all = split.value;
    }
    const parsed = toTable(all, file, options?.mapping);
    if (!parsed.ok) {
      // A notes or summary sheet beside the class sheets of a workbook is not an error.
      if ('extraSheet' in f && f.extraSheet && !options?.mapping) {
        nonPeople.push({ file, kind: { kind: 'other', fileLabel: file, what: 'import.what.noNameColumns' } });
        continue;
      }
      return parsed;
    }
    tables.push({ file, all, ...parsed.value });
  }

  const total = tables.reduce((n, t) => n + (t.kind.kind === 'people' ? t.table.rows.length : 0), 0);
  let done = 0;
  const onRow = options?.onProgress
    ? (n: number) => {
        done += n;
        options.onProgress!(Math.min(done, total), total);
      }
    : undefined;
  options?.onProgress?.(0, total);

  let unsure: MappingPreview | undefined;
  for (const { file, all, table, kind } of tables) {
    if (kind.kind === 'people') {
      const read = readPeople(table, kind, today, warnings, onRow);
      if (!read.ok) return read;
      if (read.value.length === 0) return { ok: false, error: t('import.noNames', { file }) };
      records.push(...read.value);
      if (!families.includes(kind.family)) families.push(kind.family);
      if (kind.fileLabel && !fileLabels.includes(kind.fileLabel)) fileLabels.push(kind.fileLabel);
      rosterPeople ||= kind.roster;
      // A generic file was matched on header words alone: offer the mapping step.
      if (kind.family === 'Generic CSV' && !unsure) unsure = mappingPreview(all, table.skippedAbove, file);
    } else {
      nonPeople.push({ file, kind });
      if (kind.kind !== 'other') {
        readLinks(table, kind.kind, links, warnings);
        if (!linkLabels.includes(kind.fileLabel)) linkLabels.push(kind.fileLabel);
      }
    }
  }
  options?.onProgress?.(total, total);

  if (records.length === 0) {
    const first = nonPeople[0];
    if (files.length === 1 && first) {
      return { ok: false, error: t('import.notPeople', { file: first.file, what: t(first.kind.what), hint: t('import.peopleHint') }) };
    }
    return { ok: false, error: t('import.nonePeople', { hint: t('import.peopleHint') }) };
  }
  for (const { file, kind } of nonPeople) {
    if (kind.kind === 'other') warnings.push(t('import.notNeeded', { file, what: t(kind.what) }));
  }

  // Roles for users.csv without a role column (SDS v2.1, OneRoster 1.2).
  const unroled: number[] = [];
  const unknownRoles = new Set<string>();
  for (const r of records) {
    if (r.roleKnown) continue;
    const fromRoles = r.id ? links.roles.get(r.id) : undefined;
    const fromRel = r.id ? links.guardians.get(r.id) : undefined;
    if (fromRoles && fromRoles.role) {
      const known = roleOf(fromRoles.role);
      if (!known) unknownRoles.add(fromRoles.role.slice(0, 40));
      r.person.role = known ?? 'staff';
    } else if (fromRel) {
      r.person.role = 'parent';
    } else {
      r.person.role = 'pupil';
      unroled.push(r.row);
    }
  }
  if (unknownRoles.size) warnings.push(t(n1(unknownRoles.size, 'import.rolesAsStaff'), { file: 'roles.csv', roles: listWords([...unknownRoles].map((x) => `"${x}"`)) }));
  if (unroled.length) {
    const file = records.find((r) => !r.roleKnown)?.file ?? 'users.csv';
    warnings.push(
      links.has.has('roles')
        ? t(n1(unroled.length, 'import.unroled'), { file, count: unroled.length, rows: rowList(unroled) })
        : t('import.noRoleColumn', { file }),
    );
  }

  // Birth dates from demographics.csv; groups from enrolments (a homeroom class wins, else the first).
  if (links.births.size) {
    for (const r of records) {
      const dob = r.id ? links.births.get(r.id) : undefined;
      if (dob && !r.person.dob) r.person.dob = dob;
    }
  }
  if (links.enrolments.length) {
    if (!links.classes.size) {
      warnings.push(t('import.enrolmentsNoClasses'));
    } else {
      const groupOf = new Map<string, { title: string; homeroom: boolean }>();
      for (const { classId, userId } of links.enrolments) {
        const cls = links.classes.get(classId);
        if (!cls) continue;
        const prev = groupOf.get(userId);
        if (!prev || (cls.homeroom && !prev.homeroom)) groupOf.set(userId, cls);
      }
      for (const r of records) {
        const cls = r.id ? groupOf.get(r.id) : undefined;
        if (cls && !r.person.group) r.person.group = cls.title;
      }
    }
  }

  // Repeated people (same names, role, group and dates) are kept once.
  const seen = new Set<string>();
  const people: ImportedPerson[] = [];
  const repeats = new Map<string, number[]>();
  for (const r of records) {
    const p = r.person;
    const key = [p.role, p.forename, p.preferred, p.surname, p.preferredSurname, p.group, p.dob, p.leftOn, p.photoConsent].join('\u0000').toLowerCase();
    if (seen.has(key)) {
      const rows = repeats.get(r.file) ?? [];
      rows.push(r.row);
      repeats.set(r.file, rows);
      continue;
    }
    seen.add(key);
    people.push(p);
  }
  for (const [file, rows] of repeats) {
    warnings.push(t(n1(rows.length, 'import.repeated'), { file, count: rows.length, rows: rowList(rows) }));
  }

  const groups = [...new Set(people.map((p) => p.group).filter((g): g is string => !!g))].sort((a, b) =>
    a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' }),
  );
  const labels = [...fileLabels, ...linkLabels];
  const format = rosterPeople && labels.length ? `${families.join(' + ')} ${labels.join(' + ')}` : families.join(' + ');
  const result: ReadClassListResult = { ok: true, format, people, groups, warnings };
  if (unsure) result.mapping = unsure;
  return result;
}
