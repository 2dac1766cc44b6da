// person-match: handles read as whole forms only, display names through lookupPerson; fixed clock.
import { describe, expect, it } from 'vitest';
import { indexPeople, type PersonInput } from '../engine/name-index';
import type { PersonLookup } from '../engine/person-lookup';
import { handleBody, lookupHandle, matchPerson, stepSeverity } from './person-match';

const people: PersonInput[] = [
  { role: 'pupil', forename: 'Evie', surname: 'Carter', dob: '2016-03-01' },
  { role: 'pupil', forename: 'Ellie-Mae', surname: 'Smith' },
  { role: 'pupil', forename: 'Isla', surname: 'MacDonald' },
  { role: 'pupil', forename: 'Noémie', surname: 'Dubois' },
  { role: 'pupil', forename: 'Alfred', preferred: 'Alfie', surname: 'Okafor' },
  { role: 'former-pupil', forename: 'William', surname: 'Jones', dob: '2008-06-15' },
  { role: 'former-pupil', forename: 'Amara', surname: 'James', dob: '2004-01-01' },
  { role: 'parent', forename: 'Mark', surname: 'Bell' },
  { role: 'staff', forename: 'Sarah', surname: 'Price' },
];
const index = indexPeople(people);
const now = new Date('2026-06-14T12:00:00Z');

const PUPIL: PersonLookup = { role: 'pupil', under18: true, protected: true };
const PUPIL_NO_DOB: PersonLookup = { role: 'pupil', under18: null, protected: true };
const FORMER_U18: PersonLookup = { role: 'former-pupil', under18: true, protected: true };
const FORMER_ADULT: PersonLookup = { role: 'former-pupil', under18: false, protected: false };
const PARENT: PersonLookup = { role: 'parent', under18: null, protected: false };
const STAFF: PersonLookup = { role: 'staff', under18: null, protected: false };

describe('handleBody', () => {
  const cases: [string, { letters: string; fixed: number[] } | null][] = [
    ['@eviecarter', { letters: 'eviecarter', fixed: [] }],
    ['evie_carter12', { letters: 'eviecarter', fixed: [4] }],
    ['EvieCarter', { letters: 'eviecarter', fixed: [] }],
    ['evie.carter.09', { letters: 'eviecarter', fixed: [4] }],
    ['@evie_carter@mastodon.social', { letters: 'eviecarter', fixed: [4] }],
    ['eviecarter.bsky.social', { letters: 'eviecarter', fixed: [] }],
    ['ellie_mae_smith', { letters: 'elliemaesmith', fixed: [5, 8] }],
    ['@', null],
    ['12345', null],
    ['evie carter', null], // a space is not part of any handle
    ['evie<b>', null],
    ['a'.repeat(41), null],
  ];
  it.each(cases)('%j', (handle, expected) => {
    const got = handleBody(handle);
    expect(got && { letters: got.letters, fixed: [...got.fixed].sort((a, b) => a - b) }).toEqual(expected);
  });
});

describe('lookupHandle: whole-form readings only', () => {
  const cases: [string, PersonLookup | null][] = [
    ['@eviecarter', PUPIL],
    ['evie_carter12', PUPIL],
    ['EvieCarter', PUPIL],
    ['EVIECARTER', PUPIL],
    ['evie.carter', PUPIL],
    ['carter_evie', null], // surname-first is a text form, not a handle form
    ['ellie_mae_smith', PUPIL_NO_DOB],
    ['elliemaesmith', PUPIL_NO_DOB],
    ['IslaMacDonald', PUPIL_NO_DOB], // the camel hump in "MacDonald" is not a forced boundary
    ['islamacdonald', PUPIL_NO_DOB],
    ['noemiedubois', PUPIL_NO_DOB], // accents folded
    ['alfieokafor', PUPIL_NO_DOB], // preferred name
    ['alfredokafor', PUPIL_NO_DOB],
    ['billjones', FORMER_U18], // nickname + surname
    ['amara_james', FORMER_ADULT],
    ['markbell', PARENT],
    ['sarahprice', STAFF],
    ['eviecarterfan', null], // substrings never count
    ['not_evie_carter', null],
    ['xx_eviecarter_xx', null],
    ['evie', null],
    ['carter', null],
    ['evie_car_ter', null], // fixed boundaries must match the name's
    ['harrystyles', null],
  ];
  it.each(cases)('%j', (handle, expected) => {
    expect(lookupHandle(index, handle, now)).toEqual(expected);
  });

  it('finds nothing with an empty index', () => {
    expect(lookupHandle(indexPeople([]), 'eviecarter', now)).toBeNull();
  });
});

describe('matchPerson', () => {
  const cases: [{ displayName?: string; handle?: string }, PersonLookup | null][] = [
    [{ displayName: 'Evie Carter' }, PUPIL],
    [{ displayName: 'Evie Carter 🌟', handle: 'ec_2016' }, PUPIL],
    [{ displayName: '🌟 ec 🌟', handle: 'evie_carter12' }, PUPIL],
    [{ displayName: 'Mark Bell', handle: 'evie_carter' }, PUPIL], // most protected of the two
    [{ displayName: 'Mark Bell' }, PARENT],
    [{ displayName: 'Emma Watson', handle: 'emmawatson' }, null], // famous, not on the list
    [{ displayName: 'Evie', handle: 'evie' }, null],
    [{}, null],
  ];
  it.each(cases)('%j', (ref, expected) => {
    expect(matchPerson(index, ref, now)).toEqual(expected);
  });
});

describe('stepSeverity', () => {
  it.each([
    ['info', 1, 'warn'],
    ['warn', 1, 'high'],
    ['high', 1, 'high'],
    ['high', -1, 'warn'],
    ['warn', -1, 'info'],
    ['info', -1, 'info'],
  ] as const)('%s %d → %s', (s, by, out) => {
    expect(stepSeverity(s, by)).toBe(out);
  });
});
