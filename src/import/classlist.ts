/**
 * Basic class-list reader (first slice; the full CSV/XLSX/OneRoster/SDS/MIS importer comes later).
 * Pure: no browser API, runs the same in the options page, the CLI and tests. Trusted side, but the
 * file is untrusted input: sizes are capped, every cell is treated as literal text, and a file with
 * any bad row is refused as a whole (design invariant 6: a failed import changes nothing).
 *
 * Accepted header rows (case, spacing and _ / - do not matter; other columns are ignored):
 *   Forename,Surname · First Name,Last Name · Legal Forename,Preferred Forename,Surname,Reg Group
 *   plus an optional Role column: pupil / former pupil / parent / staff (empty means pupil).
 * Only names, role and group are kept: the matcher needs nothing else, so nothing else is stored.
 */
import Papa from 'papaparse';
import type { PersonNames, PersonRole } from '../engine/types';
import { utf8Length } from './utf8';

export const CLASSLIST_LIMITS = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  /** Longest name cell; real names are far shorter, so anything longer is a wrong column. */
  cellLength: 200,
  /** Row problems listed before the rest are counted. */
  maxProblems: 3,
});

export type ParseClassListResult =
  | { ok: true; people: PersonNames[]; groups: string[]; warnings: string[] }
  | { ok: false; error: string };

type Field = 'forename' | 'preferred' | 'surname' | 'group' | 'role';

/** Header spellings per field, in priority order (a Legal Forename beats a plain Forename). */
const HEADERS: Record<Field, readonly string[]> = {
  forename: ['legal forename', 'forename', 'first name', 'firstname', 'given name'],
  preferred: ['preferred forename', 'preferred name', 'known as'],
  surname: ['legal surname', 'surname', 'last name', 'lastname', 'family name'],
  group: ['reg group', 'registration group', 'form', 'class'],
  role: ['role'],
};

const FIELD_NAMES: Record<Field, string> = {
  forename: 'Forename',
  preferred: 'Preferred Forename',
  surname: 'Surname',
  group: 'Reg Group',
  role: 'Role',
};

const ROLES: Record<string, PersonRole> = {
  pupil: 'pupil',
  student: 'pupil',
  'former pupil': 'former-pupil',
  'ex pupil': 'former-pupil',
  'former student': 'former-pupil',
  parent: 'parent',
  carer: 'parent',
  'parent/carer': 'parent',
  staff: 'staff',
};

const EXAMPLE_HEADERS = '"Forename,Surname" or "Legal Forename,Preferred Forename,Surname,Reg Group"';

function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Trims, folds runs of whitespace and control characters to one space, and composes accents (NFC)
 * so "Noémie" typed on a Mac and exported from Windows is one name. */
function cleanCell(cell: string | undefined): string {
  if (!cell) return '';
  return cell
    .normalize('NFC')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
}

function displayName(fileName: string): string {
  // The last path segment only: a full local path is nobody else's business and clutters messages.
  const base = String(fileName ?? '').split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 120) : 'the class list';
}


function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Reads a class list. Never throws; any problem returns `{ ok: false, error }` naming file and row. */
export function parseClassList(text: string, fileName: string): ParseClassListResult {
  const file = displayName(fileName);
  if (typeof text !== 'string') return { ok: false, error: `${file} could not be read as text` };
  if (text.length > CLASSLIST_LIMITS.maxBytes || utf8Length(text) > CLASSLIST_LIMITS.maxBytes) {
    return { ok: false, error: `${file} is too big: the limit is 10 MB` };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('PK\u0003\u0004') || body.includes('\u0000')) {
    return {
      ok: false,
      error: `${file} is not a CSV or text file (if it is an Excel workbook, save it as CSV first)`,
    };
  }
  if (body.trim() === '') return { ok: false, error: `${file} is empty` };

  // Pass 1 only guesses the delimiter (comma, tab, semicolon, pipe). It needs blank lines skipped
  // ('greedy'), or a stray empty line makes every delimiter look inconsistent.
  const guess = Papa.parse<string[]>(body, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const delimiter = guess.meta.delimiter || ',';

  // Pass 2 reads every record with blank rows kept, so "row 14" in a message is row 14 in the
  // spreadsheet; we skip blank rows ourselves with the same rule as skipEmptyLines: 'greedy'.
  let rowNumber = 0;
  let columns: Map<Field, { index: number; label: string }> | null = null;
  let headerError: string | null = null;
  let tooManyRows = false;
  let dataRows = 0;
  const problems: string[] = [];
  let problemCount = 0;
  const people: PersonNames[] = [];
  const groups = new Set<string>();
  const seen = new Map<string, number>();
  const duplicateRows: number[] = [];
  const warnings: string[] = [];

  const problem = (message: string) => {
    problemCount++;
    if (problems.length < CLASSLIST_LIMITS.maxProblems) problems.push(message);
  };

  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (results, parser) => {
      rowNumber++;
      const row = results.data;
      for (const err of results.errors) {
        if (err.type === 'Quotes') {
          problem(
            err.code === 'MissingQuotes'
              ? `${file} row ${rowNumber}: a cell starts with a quote mark (") that is never closed`
              : `${file} row ${rowNumber}: a cell has a stray quote mark (")`,
          );
        }
      }
      if (isBlankRow(row)) return;

      if (!columns) {
        const found = readHeader(row);
        if (typeof found === 'string') {
          headerError = `${file}: ${found}`;
          parser.abort();
          return;
        }
        columns = found.columns;
        if (found.ignored.length) {
          warnings.push(`${file}: ignored the column${found.ignored.length === 1 ? '' : 's'} ${listWords(found.ignored.map((c) => `"${c}"`))} (Second Look keeps only names, role and group)`);
        }
        return;
      }

      if (++dataRows > CLASSLIST_LIMITS.maxRows) {
        tooManyRows = true;
        parser.abort();
        return;
      }
      const cell = (field: Field) => {
        const col = columns!.get(field);
        return col ? cleanCell(row[col.index]) : '';
      };
      const label = (field: Field) => columns!.get(field)?.label ?? FIELD_NAMES[field];

      let rowOk = true;
      for (const field of ['forename', 'surname'] as const) {
        const value = cell(field);
        if (value === '') {
          problem(`${file} row ${rowNumber}: the ${label(field)} cell is empty`);
          rowOk = false;
        }
      }
      for (const field of ['forename', 'preferred', 'surname', 'group'] as const) {
        if (cell(field).length > CLASSLIST_LIMITS.cellLength) {
          problem(`${file} row ${rowNumber}: the ${label(field)} cell is too long (more than ${CLASSLIST_LIMITS.cellLength} characters)`);
          rowOk = false;
        }
      }
      let role: PersonRole = 'pupil';
      const roleText = cell('role');
      if (roleText !== '') {
        const roleKey = normaliseHeader(roleText);
        // Own keys only: a Role cell saying "constructor" must not find Object.prototype.constructor.
        const known = Object.prototype.hasOwnProperty.call(ROLES, roleKey) ? ROLES[roleKey] : undefined;
        if (!known) {
          problem(`${file} row ${rowNumber}: the ${label('role')} cell says "${roleText.slice(0, 40)}"; use pupil, former pupil, parent or staff`);
          rowOk = false;
        } else role = known;
      }
      if (!rowOk) return;

      const forename = cell('forename');
      const surname = cell('surname');
      const preferredRaw = cell('preferred');
      // A preferred name equal to the legal one adds nothing to match on.
      const person: PersonNames =
        preferredRaw && preferredRaw.toLowerCase() !== forename.toLowerCase()
          ? { role, forename, preferred: preferredRaw, surname }
          : { role, forename, surname };

      const group = cell('group');
      if (group) groups.add(group);

      const key = [role, forename, person.preferred ?? '', surname].join('\u0000').toLowerCase();
      if (seen.has(key)) {
        duplicateRows.push(rowNumber);
        return;
      }
      seen.set(key, rowNumber);
      people.push(person);
    },
  });

  if (headerError) return { ok: false, error: headerError };
  if (tooManyRows) {
    return { ok: false, error: `${file} has more than ${CLASSLIST_LIMITS.maxRows.toLocaleString('en-GB')} rows, which is the limit: split it into smaller lists` };
  }
  if (problemCount) {
    const more = problemCount - problems.length;
    return {
      ok: false,
      error: problems.join('\n') + (more > 0 ? `\n…and ${more} more problem${more === 1 ? '' : 's'}` : ''),
    };
  }
  if (!columns) return { ok: false, error: `${file} is empty` };
  if (people.length === 0) return { ok: false, error: `${file} has a header row but no names under it` };

  if (duplicateRows.length) {
    const shown = duplicateRows.slice(0, 10).join(', ');
    const rest = duplicateRows.length > 10 ? ` and ${duplicateRows.length - 10} more` : '';
    warnings.push(
      `${file}: ${duplicateRows.length} repeated row${duplicateRows.length === 1 ? ' was' : 's were'} kept once (row${duplicateRows.length === 1 ? '' : 's'} ${shown}${rest})`,
    );
  }
  const sortedGroups = [...groups].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' }));
  return { ok: true, people, groups: sortedGroups, warnings };
}

/** Maps header cells to fields, or explains in words which required column is missing. */
function readHeader(row: readonly string[]): { columns: Map<Field, { index: number; label: string }>; ignored: string[] } | string {
  const normalised = row.map(normaliseHeader);
  const columns = new Map<Field, { index: number; label: string }>();
  const used = new Set<number>();
  for (const field of Object.keys(HEADERS) as Field[]) {
    for (const spelling of HEADERS[field]) {
      const index = normalised.indexOf(spelling);
      if (index !== -1 && !used.has(index)) {
        columns.set(field, { index, label: cleanCell(row[index]) });
        used.add(index);
        break;
      }
    }
  }
  const missing = (['forename', 'surname'] as const).filter((f) => !columns.has(f)).map((f) => FIELD_NAMES[f]);
  if (missing.length) {
    const what = missing.length === 1 ? `there is no ${missing[0]} column` : `there are no ${missing.join(' or ')} columns`;
    return `${what}. The first row should name the columns, e.g. ${EXAMPLE_HEADERS}`;
  }
  const ignored = row
    .map((cell, i) => (used.has(i) || cell.trim() === '' ? null : cleanCell(cell).slice(0, 40)))
    .filter((c): c is string => c !== null);
  return { columns, ignored };
}
