/**
 * Types shared by the class-list readers (src/import). Pure data, no browser API.
 * `ImportedPerson` is what a reader hands to the options page before anything is stored: the
 * matcher's `PersonNames` plus the few extra facts a school export may carry that other rules use
 * (date of birth for personal-info, leaving date for former pupils, photo consent for photo rules).
 */
import type { PersonNames } from '../engine/types';

export interface ImportedPerson extends PersonNames {
  /** Registration group / form / class, as written ("7A", "Math - Algebra 1"). */
  group?: string;
  /** Preferred / known-as surname when the export has one and it differs from the legal surname. */
  preferredSurname?: string;
  /** Date of birth, ISO yyyy-mm-dd. */
  dob?: string;
  /** Date of leaving, ISO yyyy-mm-dd. */
  leftOn?: string;
  /** Photo consent as recorded by the school (undefined: not in the file or not readable). */
  photoConsent?: boolean;
}

/**
 * What the mapping step shows when detection is unsure: the header row, up to five data rows
 * (cells cut to 60 characters) and the column detection suggests for each field.
 */
export interface MappingPreview {
  file: string;
  headerIndex: number;
  header: string[];
  sample: string[][];
  columns: Partial<Record<'forename' | 'surname' | 'preferred' | 'role' | 'group' | 'dob', number>>;
}

export type ReadClassListResult =
  | { ok: true; format: string; people: ImportedPerson[]; groups: string[]; warnings: string[]; mapping?: MappingPreview }
  | { ok: false; error: string; mapping?: MappingPreview };

/** One uploaded file: raw bytes (CSV/TSV/text) or rows already split (a workbook sheet). */
export type ClassListFile =
  | { name: string; bytes: Uint8Array; rows?: undefined }
  /** `extraSheet`: one sheet of a workbook with several; a sheet that lists no people is skipped with a warning. */
  | { name: string; rows: string[][]; bytes?: undefined; extraSheet?: boolean };
