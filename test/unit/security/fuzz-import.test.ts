/**
 * Hostile input for the class-list importers (issue 7): property-based fuzzing with fast-check over
 * random bytes and over CSV-shaped text (quotes, delimiters, BOMs, formula cells, reserved header
 * names, ragged rows), plus a 200 MB file. Whatever comes in, the reader returns a result (never
 * throws), an error names the file in plain words, accepted people are well-formed, and
 * Object.prototype is untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClassListFile, readClassListFiles } from '../../../src/import/read-file';
import { CLASSLIST_LIMITS } from '../../../src/import/classlist';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

const ROLES = new Set(['pupil', 'former-pupil', 'parent', 'staff']);
const enc = new TextEncoder();

function checkResult(r: ReturnType<typeof readClassListFile>, fileName: string): void {
  if (r.ok) {
    expect(Array.isArray(r.people)).toBe(true);
    for (const p of r.people) {
      expect(ROLES.has(p.role)).toBe(true);
      expect(typeof p.forename).toBe('string');
      expect(typeof p.surname).toBe('string');
      expect(p.forename.length + p.surname.length).toBeGreaterThan(0);
      expect(p.forename.length).toBeLessThanOrEqual(CLASSLIST_LIMITS.cellLength);
      expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    }
    expect(r.people.length).toBeLessThanOrEqual(CLASSLIST_LIMITS.maxRows);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(10);
    // Plain words that say which file: the name appears (shortened names keep their start).
    expect(r.error).toContain(fileName.slice(0, 8));
  }
  // Nothing leaked onto Object.prototype from a header called __proto__, constructor...
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

const HEADERS = [
  'Forename', 'Surname', 'Legal Forename', 'Preferred Forename', 'Reg Group', 'Year', 'DOB', 'Date of Leaving',
  'Photo consent', 'givenName', 'familyName', 'role', 'First Name', 'Last Name', 'SIS ID', '__proto__',
  'constructor', 'prototype', 'toString', '', ' ', 'Forename;Surname',
];
const CELLS = [
  'Evie', 'Carter', "O'Brien", 'O’Brien', 'Noémie', 'Łukasz', 'van der Berg', '=HYPERLINK("http://x")', '+cmd|/C calc',
  '-1+1', '@SUM(A1)', '"quoted, comma"', 'multi\nline', '', ' ', '5H', 'pupil', 'student', 'parent', 'teacher',
  '14/02/2015', '2015-02-14', 'Yes', 'No', '__proto__', 'constructor', '\u0000', '\uFEFF', '\uD800', 'x'.repeat(300),
];

const csvArb = fc
  .record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 12 })), { maxLength: 10 }), { maxLength: 30 }),
    delimiter: fc.constantFrom(',', '\t', ';', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    quoteAll: fc.boolean(),
  })
  .map(({ header, rows, delimiter, eol, bom, quoteAll }) => {
    const cell = (c: string) => (quoteAll || /[",\n\r;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
    return (bom ? '\uFEFF' : '') + lines.join(eol);
  });

describe('class-list importers under fuzzing', () => {
  it('random bytes: a result, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('class.csv', 'export.txt', 'users.csv', 'x.tsv'), (bytes, name) => {
        checkResult(readClassListFile(bytes, name), name);
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('CSV-shaped text in UTF-8 and UTF-16LE: a result, never a throw; people well-formed', () => {
    fc.assert(
      fc.property(csvArb, fc.boolean(), (text, utf16) => {
        let bytes: Uint8Array;
        if (utf16) {
          bytes = new Uint8Array(2 + text.length * 2);
          bytes[0] = 0xff;
          bytes[1] = 0xfe;
          for (let i = 0; i < text.length; i++) {
            bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
            bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
          }
        } else bytes = enc.encode(text);
        checkResult(readClassListFile(bytes, 'fuzzed-class.csv'), 'fuzzed-class.csv');
      }),
      { numRuns: 600 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('several files read together (SDS / OneRoster sets): a result, never a throw', () => {
    const names = ['users.csv', 'roles.csv', 'relationships.csv', 'enrollments.csv', 'classes.csv', 'Student.csv', 'manifest.csv'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), csvArb), { minLength: 1, maxLength: 4 }), (files) => {
        const r = readClassListFiles(files.map(([name, text]) => ({ name, bytes: enc.encode(text) })));
        if (r.ok) for (const p of r.people) expect(ROLES.has(p.role)).toBe(true);
        else expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('formula cells are kept as text, never evaluated or turned into names that start with = + - @', () => {
    const text = 'Forename,Surname\n=HYPERLINK("http://evil"),Carter\nEvie,+SUM(1)\nAlfie,Okafor\n';
    const r = readClassListFile(enc.encode(text), 'formulas.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.people.some((p) => p.forename === 'Alfie' && p.surname === 'Okafor')).toBe(true);
    for (const p of r.people) expect(`${p.forename}${p.surname}`).not.toMatch(/HYPERLINK|SUM\(/);
  });

  it('a 200 MB file is refused by size before it is decoded, with a plain message', () => {
    const big = new Uint8Array(200 * 1024 * 1024).fill(0x41);
    const t0 = performance.now();
    const r = readClassListFile(big, 'whole-trust-export.csv');
    expect(performance.now() - t0).toBeLessThan(1000); // refused up front, not parsed
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/whole-trust-export\.csv is too big: the limit is 10 MB/) });
    // Allocating and filling 200 MB is the slow part, before the clock starts.
  }, PROPERTY_TIMEOUT_MS);
});
