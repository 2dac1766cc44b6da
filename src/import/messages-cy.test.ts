/**
 * The class-list reader's refusals in Welsh: the same checks, the same file, row and column, worded
 * in the language the options page is in (the worker is told it; the CLI and these tables default
 * to British English, as the English tables in read-file.test.ts show).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { decodeBytes } from './decode';
import { readUploads } from './expand';
import { readClassListFile, readClassListFiles } from './read-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
const refuse = (text: string | Uint8Array, name = 'dosbarth.csv') => {
  const r = readClassListFile(typeof text === 'string' ? utf8(text) : text, name, { today: '2025-09-01' });
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

afterEach(() => setLocale('en-GB'));

describe('importer messages in Welsh', () => {
  it.each([
    ['an empty file', '   \n', 'Mae dosbarth.csv yn wag'],
    ['an unclosed quote', 'Forename,Surname\n"Amy,Rees\n', 'dosbarth.csv rhes 2: mae cell yn dechrau â dyfynnod (") nad yw byth yn cael ei gau'],
    ['an unquoted comma', 'Forename,Surname,Reg Group\nJosé,García, Jr,10D\n', 'dosbarth.csv rhes 2: mae 4 o gelloedd yn y rhes ond 3 yn y rhes pennawd: os oes coma mewn enw, rhaid iddo fod rhwng dyfynodau'],
    ['an empty surname', 'Forename,Surname\nAmy,\n', 'dosbarth.csv rhes 2: mae’r gell Surname yn wag'],
    ['a role it does not know', 'Forename,Surname,Role\nAmy,Rees,headmaster\n', 'dosbarth.csv rhes 2: mae’r gell Role yn dweud "headmaster"; defnyddiwch pupil, former pupil, parent neu staff'],
    ['a header with no names', 'Forename,Surname\n', 'Mae gan dosbarth.csv res pennawd ond dim enwau oddi tani'],
    ['the whole name in one column', 'Name,Class\nAmy Rees,5H\n', 'Mae’r enw cyfan mewn un golofn "Name" yn dosbarth.csv.'],
    ['no name columns', 'Colour,Size\nred,2\n', 'dosbarth.csv: does dim colofnau enw cyntaf a chyfenw. Dylai’r rhes gyntaf enwi’r colofnau, e.e. "Forename,Surname" neu "Legal Forename,Preferred Forename,Surname,Reg Group" (mae ganddi "Colour" a "Size")'],
    ['a PDF', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'Dydy dosbarth.csv ddim yn edrych fel ffeil destun (PDF yw hi). Dewiswch y rhestr ddosbarth wedi’i chadw fel CSV.'],
  ] as const)('%s', (_name, input, want) => {
    setLocale('cy');
    expect(refuse(input)).toContain(want);
  });

  it('the same refusal in English by default (the CLI and the English tables)', () => {
    expect(refuse('Forename,Surname\nAmy,\n')).toBe('dosbarth.csv row 2: the Surname cell is empty');
  });

  it.each([
    ['no file chosen', () => readClassListFiles([]), 'Chafodd dim ffeil ei dewis'],
    [
      'a roles file on its own',
      () => readClassListFiles([{ name: 'roles.csv', bytes: utf8('sourcedId,userSourcedId,role\nr1,u1,student\n') }]),
      'Mae roles.csv yn rhestru rolau, nid pobl. Dewiswch y ffeil sy’n rhestru pobl:',
    ],
    ['an old .xls', () => decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'hen.xls'), 'Hen lyfr gwaith Excel (.xls) yw hen.xls, nid ffeil destun.'],
  ] as const)('%s', (_name, run, want) => {
    setLocale('cy');
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(want);
  });

  it('the notes under the preview, one and several', () => {
    setLocale('cy');
    const r = readClassListFile(utf8('Class 5H list\nForename,Surname,Notes,Extra\nAmy,Rees,x,\nAmy,Rees,x,\nBen,Cole,,\nBen,Cole,,\n'), 'dosbarth.csv', { today: '2025-09-01' });
    expect(r.ok && r.warnings).toEqual([
      'dosbarth.csv: wedi hepgor 1 llinell uwchben y rhes pennawd',
      'dosbarth.csv: wedi anwybyddu’r colofnau "Notes" a "Extra" (dim ond enwau, rôl, grŵp, dyddiad geni, dyddiad gadael a chaniatâd lluniau y mae Second Look yn eu cadw)',
      'dosbarth.csv: cafodd 2 o resi a ailadroddwyd eu cadw unwaith (rhesi 4 a 6)',
    ]);
    const one = readClassListFile(utf8('Forename,Surname\nAmy,Rees\nAmy,Rees\n'), 'dosbarth.csv', { today: '2025-09-01' });
    expect(one.ok && one.warnings).toEqual(['dosbarth.csv: cafodd 1 rhes a ailadroddwyd ei chadw unwaith (rhes 3)']);
  });

  it('a .xlsx that is not a workbook', async () => {
    setLocale('cy');
    const r = await readUploads([{ name: 'dosbarth.xlsx', bytes: utf8('Forename,Surname\nAmy,Rees\n') }]);
    expect(r).toEqual({ ok: false, error: 'Dydy dosbarth.xlsx ddim yn llyfr gwaith Excel (.xlsx), er bod ei henw’n dweud hynny. Cadwch hi eto o Excel, neu fel CSV.' });
  });
});
