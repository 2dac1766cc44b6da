/**
 * The pack file with class lists (pack/class-lists.ts): the committed fixture is exactly what the
 * writer makes, round-trips, holds no plain name; plain packs parse exactly as parsePackText does;
 * and a table of hostile or damaged files, each refused with a message naming the place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import demoPack from '../../rules/demo.json';
import { FIXTURE_KEY, FIXTURE_LISTS, FIXTURE_PATH, fixtureText } from '../../test/fixtures/packs/class-lists-fixture';
import { CLASS_LIST_LIMITS, keyFromText, keyToText, packFileText, parseClassLists, parsePackFileText } from './class-lists';
import { parsePackText } from './parse';

const fixture = readFileSync(FIXTURE_PATH, 'utf8');
const json = () => JSON.parse(fixture) as any;
const errorsOf = (text: string): string[] => {
  const r = parsePackFileText(text);
  return r.ok ? [] : r.errors;
};

/** A name written in the file as a word of its own (quotes, spaces, punctuation around it), any case. */
const appearsAsWord = (text: string, word: string) =>
  new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[^\p{L}]/gu, '.')}([^A-Za-z0-9_-]|$)`, 'iu').test(text);

describe('the v1 pack file with class lists (fixture)', () => {
  it('is exactly what packFileText writes for the made-up lists under the fixed key', () => {
    expect(fixture).toBe(fixtureText());
  });

  it('parses, with the key, list summaries and every person', () => {
    const r = parsePackFileText(fixture);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.pack.id).toBe('v1-minimal');
    expect([...r.lists!.key]).toEqual([...FIXTURE_KEY]);
    expect(r.lists!.lists.map((l) => [l.name, l.fileName, l.groups, l.count, l.pupils, l.persons.length])).toEqual([
      ['Year 5', 'year5.csv', ['5H', '5W'], 3, 3, 3],
      ['Staff and parents', 'adults.csv', [], 2, 0, 2],
    ]);
    const [evie, alfie, tomasz] = r.lists!.lists[0]!.persons;
    expect([evie!.role, evie!.dob, evie!.group, evie!.photoConsent]).toEqual(['pupil', '2015-03-02', '5H', undefined]);
    expect([alfie!.photoConsent, alfie!.group]).toEqual([false, '5W']);
    expect([tomasz!.role, tomasz!.leftOn]).toEqual(['former-pupil', '2024-07-19']);
  });

  it('round-trips: parse then write gives the same text', () => {
    const r = parsePackFileText(fixture);
    expect(r.ok && packFileText(r.pack, r.lists)).toBe(fixture);
  });

  it('holds no forename or surname of the people it was made from', () => {
    const words = FIXTURE_LISTS.flatMap((l) => l.people.flatMap((p) => [p.forename, p.surname, p.preferred ?? ''])).filter(Boolean);
    expect(words.length).toBe(11);
    for (const w of words) expect(appearsAsWord(fixture, w), w).toBe(false);
    // The checker itself finds a name that is there.
    expect(appearsAsWord(fixture.replace('"Year 5"', '"Evie Carter"'), 'Evie')).toBe(true);
  });
});

describe('a file without class lists is read exactly as before', () => {
  it.each([
    ['the demo pack', JSON.stringify(demoPack)],
    ['the minimal fixture', readFileSync(new URL('../../test/fixtures/packs/v1-minimal.json', import.meta.url), 'utf8')],
    ['an unknown key', JSON.stringify({ ...demoPack, colour: 'red' })],
    ['not JSON', '{ "format": '],
    ['empty', ''],
    ['over 1 MB', JSON.stringify({ ...demoPack, title: 'x'.repeat(1024 * 1024) })],
    ['"classLists" only inside a string', JSON.stringify({ ...demoPack, title: 'about "classLists"' })],
  ])('%s', (_name, text) => {
    expect(parsePackFileText(text)).toEqual(parsePackText(text));
  });
});

describe('the key', () => {
  it('is written as 43 base64url characters and read back to the same 32 bytes', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 255 - i * 7);
    expect(keyToText(key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...keyFromText(keyToText(key))]).toEqual([...key]);
    expect(keyToText(FIXTURE_KEY)).toBe('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
  });
});

type Edit = (j: any) => void;
const person0: Edit = () => {};
const at = (edit: Edit): string => {
  const j = json();
  edit(j);
  return JSON.stringify(j);
};

describe('valid variations', () => {
  it.each<[string, Edit]>([
    ['a person with only role, words, forms and empty tag lists', (j) => (j.classLists.lists[1].persons[0] = { role: 'staff', words: ['AAAAAAAAAA', 'B-_9zzzzzz'], forms: [['full', [0, 1], 3, 0, 0]], tagsFull: [], tagsNick: [], tagRuns: [] })],
    ['comma and apostrophe masks', (j) => (j.classLists.lists[1].persons[0].forms[0] = ['rev', [1, 0, 1], 0, 4, 2])],
    ['a run tag among the nickname tags', (j) => ((j.classLists.lists[1].persons[0].tagsNick = ['CCCCCCCCCC']), (j.classLists.lists[1].persons[0].tagRuns = ['CCCCCCCCCC']))],
    ['an empty file name', (j) => (j.classLists.lists[0].fileName = '')],
    ['a $schema line', (j) => (j.$schema = './schema.json')],
    ['key ending in 8 (the last character holds 4 bits)', (j) => (j.classLists.key = j.classLists.key.slice(0, 42) + '8')],
  ])('%s', (_name, edit) => {
    expect(errorsOf(at(edit))).toEqual([]);
  });
});

describe('refused, with a message naming the place', () => {
  const L = 'classLists.lists[0]';
  const P = `${L}.persons[0]`;
  it.each<[string, Edit | string, string]>([
    ['classLists is a list', (j) => (j.classLists = []), 'classLists should be an object'],
    ['an unknown key in the section', (j) => (j.classLists.colour = 'red'), 'classLists.colour is not a known setting'],
    ['a plain forename beside the codes', (j) => (j.classLists.lists[0].persons[0].forename = 'Evie'), `${P}.forename is not a known setting`],
    ['"__proto__" in a person', fixture.replace('{"role":"pupil"', '{"__proto__":{"polluted":1},"role":"pupil"'), `${P}.__proto__ is not a known setting`],
    ['"constructor" in a list', (j) => (j.classLists.lists[0].constructor = 'x'), `${L}.constructor is not a known setting`],
    ['another format', (j) => (j.classLists.format = 'something-else'), 'classLists.format'],
    ['version 2', (j) => (j.classLists.version = 2), 'classLists.version'],
    ['another hash', (j) => (j.classLists.hash = 'sha1'), 'classLists.hash'],
    ['a key of 42 characters', (j) => (j.classLists.key = j.classLists.key.slice(1)), 'classLists.key should be the name-code key'],
    ['a key whose last character holds 6 bits', (j) => (j.classLists.key = j.classLists.key.slice(0, 42) + 'B'), 'classLists.key should be the name-code key'],
    ['a padded key', (j) => (j.classLists.key = j.classLists.key.slice(0, 42) + '='), 'classLists.key should be the name-code key'],
    ['a missing key', (j) => delete j.classLists.key, 'classLists.key is missing'],
    ['a word code of 9 characters', (j) => (j.classLists.lists[0].persons[0].words[0] = 'AAAAAAAAA'), `${P}.words[0] should be a name code of exactly 10`],
    ['a tag code of 11 characters', (j) => (j.classLists.lists[0].persons[0].tagsFull[0] = 'AAAAAAAAAAA'), `${P}.tagsFull[0] should be a name code of exactly 10`],
    ['a code with +', (j) => (j.classLists.lists[0].persons[0].words[0] = 'AAAAA+AAAA'), `${P}.words[0] should be a name code`],
    ['a plain name where a code goes', (j) => (j.classLists.lists[0].persons[0].words[0] = 'Evie'), `${P}.words[0] should be a name code`],
    ['no words', (j) => (j.classLists.lists[0].persons[0].words = []), `${P}.words should not be empty`],
    ['the same word code twice', (j) => (j.classLists.lists[0].persons[0].words[1] = j.classLists.lists[0].persons[0].words[0]), `${P} words should not list the same code twice`],
    ['a form with no words', (j) => (j.classLists.lists[0].persons[0].forms[0][1] = []), `${P}.forms[0][1] should not be empty`],
    ['a form of 31 words', (j) => (j.classLists.lists[0].persons[0].forms[0][1] = Array(31).fill(0)), `${P}.forms[0][1] has too many entries (at most 30)`],
    ['a form pointing past the words', (j) => (j.classLists.lists[0].persons[0].forms[1][1] = [0, 2]), `${P} has a form pointing past the end of its words`],
    ['a negative word index', (j) => (j.classLists.lists[0].persons[0].forms[0][1] = [-1]), `${P}.forms[0][1][0]`],
    ['a form of four fields', (j) => (j.classLists.lists[0].persons[0].forms[0] = ['first', [0], 0, 0]), `${P}.forms[0]`],
    ['a form of six fields', (j) => j.classLists.lists[0].persons[0].forms[0].push(0), `${P}.forms[0]`],
    ['a form written as an object', (j) => (j.classLists.lists[0].persons[0].forms[0] = { k: 'first', h: [0], c: 0 }), `${P}.forms[0]`],
    ['a person with no forms', (j) => (j.classLists.lists[0].persons[0].forms = []), `${P}.forms should not be empty`],
    ['an unknown form kind', (j) => (j.classLists.lists[0].persons[0].forms[0][0] = 'guess'), `${P}.forms[0][0]`],
    ['a case flag for a third word of a two-word form', (j) => (j.classLists.lists[0].persons[0].forms[1][2] = 4), `${P}.forms[1] has a flag for a word the form does not have`],
    ['a fractional case mask', (j) => (j.classLists.lists[0].persons[0].forms[1][2] = 1.5), `${P}.forms[1][2]`],
    ['a run tag that is not a tag', (j) => (j.classLists.lists[0].persons[0].tagRuns = ['ZZZZZZZZZZ']), `${P} tagRuns should only list codes from tagsFull or tagsNick`],
    ['129 tags', (j) => (j.classLists.lists[0].persons[0].tagsNick = Array(126).fill('ZZZZZZZZZZ')), `${P} has more than 128 tags`],
    ['a missing tag list', (j) => delete j.classLists.lists[0].persons[0].tagsNick, `${P}.tagsNick is missing`],
    ['a person in the storage shape', (j) => (j.classLists.lists[0].persons[0] = { role: 'pupil', forms: [{ k: 'first', h: ['AAAAAAAAAA'], c: 0 }], tags: [] }), `${P}.tags is not a known setting`],
    ['an unknown role', (j) => (j.classLists.lists[0].persons[0].role = 'governor'), `${P}.role`],
    ['a date of birth that does not exist', (j) => (j.classLists.lists[0].persons[0].dob = '2015-02-30'), `${P}.dob is not a real date`],
    ['a date of birth written another way', (j) => (j.classLists.lists[0].persons[0].dob = '02/03/2015'), `${P}.dob should be a date written yyyy-mm-dd`],
    ['photo consent as text', (j) => (j.classLists.lists[0].persons[1].photoConsent = 'no'), 'classLists.lists[0].persons[1].photoConsent'],
    ['a group of 51 characters', (j) => (j.classLists.lists[0].persons[0].group = 'g'.repeat(51)), `${P}.group is too long (at most 50 characters)`],
    ['a count that does not match', (j) => (j.classLists.lists[0].count = 4), `${L} count does not match the number of people in the list`],
    ['a pupil count that does not match', (j) => (j.classLists.lists[0].pupils = 2), `${L} pupils does not match the number of pupils`],
    ['a list with nobody', (j) => ((j.classLists.lists[1].persons = []), (j.classLists.lists[1].count = 0)), 'classLists.lists[1]'],
    ['no lists', (j) => (j.classLists.lists = []), 'classLists.lists should not be empty'],
    ['51 lists', (j) => (j.classLists.lists = Array(51).fill(j.classLists.lists[1])), 'classLists.lists has too many entries (at most 50)'],
    ['an empty list name', (j) => (j.classLists.lists[0].name = ''), `${L}.name is too short`],
    ['a list name of 201 characters', (j) => (j.classLists.lists[0].name = 'n'.repeat(201)), `${L}.name is too long (at most 200 characters)`],
    ['a list name with a text-direction override', (j) => (j.classLists.lists[0].name = 'Year\u202e5'), `${L}.name should not contain control`],
    ['501 groups', (j) => (j.classLists.lists[0].groups = Array(501).fill('5H')), `${L}.groups has too many entries (at most 500)`],
    ['a broken pack half', (j) => (j.rules['pupil-name'].severty = 'high'), 'rules.pupil-name.severty is not a known setting'],
  ])('%s', (_name, edit, message) => {
    const text = typeof edit === 'string' ? edit : at(edit);
    const r = parsePackFileText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.withLists).toBe(true);
    expect(r.errors.some((e) => e.includes(message)), `${r.errors.join(' | ')} should include ${message}`).toBe(true);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('more than 100,000 people in all, even when each list is within the limit', () => {
    const base = json().classLists;
    const p = base.lists[1].persons[0]; // staff: not a pupil
    const half = { name: 'Half', fileName: '', groups: [], count: 50_001, pupils: 0, persons: Array(50_001).fill(p) };
    const r = parseClassLists({ ...base, lists: [half, { ...half, name: 'Other half' }] });
    expect(r.ok ? [] : r.errors).toEqual(['classLists holds more than 100,000 people in all']);
  }, 60_000);

  it('a damaged file over 1 MB that names classLists is reported as damaged, not as too big', () => {
    const text = fixture.replace('"classLists": {', `"title2": "${'x'.repeat(1024 * 1024)}", "classLists": {`).slice(0, -3);
    const r = parsePackFileText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.withLists).toBe(true);
    expect(r.errors[0]).toMatch(/^The file is not valid JSON: /);
  });

  it('a file over 60 MB before it is read as JSON', () => {
    const text = `{"classLists":"${'x'.repeat(CLASS_LIST_LIMITS.maxBytes)}"}`;
    expect(errorsOf(text)).toEqual(['The file is too big: the limit for a rule set with class lists is 60 MB']);
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = `{"classLists":"${'é'.repeat(CLASS_LIST_LIMITS.maxBytes / 2)}"}`;
    expect(text.length).toBeLessThan(CLASS_LIST_LIMITS.maxBytes);
    expect(errorsOf(text)).toEqual(['The file is too big: the limit for a rule set with class lists is 60 MB']);
  });
});
