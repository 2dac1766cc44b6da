// lookupPerson: display name → role and age facts, with a fixed clock; never a name.
import { describe, expect, it } from 'vitest';
import { indexPeople, type PersonInput } from './name-index';
import { lookupPerson, type PersonLookup } from './person-lookup';

const people: PersonInput[] = [
  { role: 'pupil', forename: 'Evie', surname: 'Carter', dob: '2016-03-01' },
  { role: 'former-pupil', forename: 'William', surname: 'Okafor', dob: '2008-06-15', leftOn: '2024-07-19' },
  { role: 'former-pupil', forename: 'Zoë', surname: 'Brontë', leftOn: '2023-07-21' },
  { role: 'former-pupil', forename: 'Amara', surname: 'James', leftOn: '2020-07-17' },
  { role: 'former-pupil', forename: 'Kuba', surname: 'Kowalski' },
  { role: 'parent', forename: 'Mark', surname: 'Jones' },
  { role: 'staff', forename: 'Sarah', surname: 'Price' },
  // A parent and a pupil with the same name: the pupil wins.
  { role: 'parent', forename: 'Sam', surname: 'Lee' },
  { role: 'pupil', forename: 'Sam', surname: 'Lee' },
];
const index = indexPeople(people);
const now = new Date('2026-06-14T12:00:00Z');

const cases: [displayName: string, expected: PersonLookup | null][] = [
  ['Evie Carter', { role: 'pupil', under18: true, protected: true }],
  ['evie carter 🌟', { role: 'pupil', under18: true, protected: true }],
  ['Mrs Evie Carter', { role: 'pupil', under18: true, protected: true }],
  ['EVIE-CARTER', { role: 'pupil', under18: true, protected: true }],
  // William Okafor turns 18 on 2026-06-15: still 17 on the 14th.
  ['William Okafor', { role: 'former-pupil', under18: true, protected: true }],
  ['Bill Okafor', { role: 'former-pupil', under18: true, protected: true }], // nickname + surname
  ['Amara James', { role: 'former-pupil', under18: null, protected: false }], // left 2020, no DOB
  ['Kuba Kowalski', { role: 'former-pupil', under18: null, protected: true }], // no dates at all: protected
  ['Mark Jones', { role: 'parent', under18: null, protected: false }],
  ['Sarah Price', { role: 'staff', under18: null, protected: false }],
  ['Sam Lee', { role: 'pupil', under18: null, protected: true }],
  ['Evie', null], // a first name alone is nobody in particular
  ['Evie Carterton', null],
  ['Harry Styles', null],
  ['', null],
];

describe('lookupPerson', () => {
  it.each(cases)('%j', (name, expected) => {
    expect(lookupPerson(index, name, now)).toEqual(expected);
  });

  it('a former pupil without a date of birth is protected for two years after leaving', () => {
    expect(lookupPerson(index, 'Zoe Bronte', new Date('2025-07-20T00:00:00Z'))?.protected).toBe(true);
    expect(lookupPerson(index, 'Zoe Bronte', new Date('2025-07-22T00:00:00Z'))?.protected).toBe(false);
  });

  it('follows the clock across the 18th birthday', () => {
    expect(lookupPerson(index, 'William Okafor', new Date('2026-06-15T00:00:00Z'))).toEqual({ role: 'former-pupil', under18: false, protected: false });
  });

  it('returns only role and age facts, never a name', () => {
    const r = lookupPerson(index, 'Evie Carter', now);
    expect(Object.keys(r ?? {}).sort()).toEqual(['protected', 'role', 'under18']);
  });
});
