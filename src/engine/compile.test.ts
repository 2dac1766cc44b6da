// compileRuleSet: settings resolution, which people become patterns, and isolation from inputs.
import { describe, expect, it } from 'vitest';
import type { RulePack } from '../pack/types';
import { activeRule, compactKey, compileRuleSet, patternWords } from './compile';
import { prepareInput } from './evaluate';
import { findMatches } from './matcher';
import type { PersonNames } from './types';

const basePack = (): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: {
    'pupil-name': { enabled: true, severity: 'high', title: 'Pupil', clause: 'c1' },
    'school-identity': {
      enabled: false,
      severity: 'warn',
      title: 'School',
      clause: 'c2',
      sites: { facebook: { enabled: true, severity: 'info' } },
    },
    offensive: { enabled: true, severity: 'warn', title: 'Offensive', clause: 'c3', sites: { x: { enabled: false } } },
  },
});

const person = (forename: string, surname: string, extra: Partial<PersonNames> = {}): PersonNames => ({
  role: 'pupil',
  forename,
  surname,
  ...extra,
});

const matches = (c: ReturnType<typeof compileRuleSet>, text: string) =>
  findMatches(c.pupilNames, prepareInput({ text, site: 'other' }).tokens).map((m) => text.slice(m.start, m.end));

describe('activeRule', () => {
  const c = compileRuleSet(basePack(), []);
  it.each([
    ['pupil-name', 'x', { severity: 'high', title: 'Pupil', clause: 'c1' }],
    ['school-identity', 'x', null], // disabled
    ['school-identity', 'facebook', { severity: 'info', title: 'School', clause: 'c2' }], // site turns it on
    ['offensive', 'x', null], // site turns it off
    ['offensive', 'facebook', { severity: 'warn', title: 'Offensive', clause: 'c3' }],
    ['confidential', 'x', null], // not in the pack
  ] as const)('%s on %s', (rule, site, expected) => {
    expect(activeRule(c, rule, site)).toEqual(expected);
  });
});

describe('compileRuleSet', () => {
  it('keeps no reference to the pack or the people', () => {
    const pack = basePack();
    const people = [person('Evie', 'Carter')];
    const c = compileRuleSet(pack, people);
    pack.rules['pupil-name']!.enabled = false;
    pack.rules['pupil-name']!.clause = 'changed';
    people.push(person('May', 'Hunter'));
    (people[0] as PersonNames).surname = 'Other';
    expect(activeRule(c, 'pupil-name', 'x')).toEqual({ severity: 'high', title: 'Pupil', clause: 'c1' });
    expect(matches(c, 'Evie Carter, May Hunter')).toEqual(['Evie Carter']);
    expect(Object.isFrozen(c.settings)).toBe(true);
    expect(Object.isFrozen(c.settings['pupil-name'])).toBe(true);
  });

  it('compiles pupils and former pupils only', () => {
    const c = compileRuleSet(basePack(), [
      person('Evie', 'Carter'),
      person('Zoe', 'Bronte', { role: 'former-pupil' }),
      person('Mark', 'Jones', { role: 'parent' }),
      person('Sarah', 'Price', { role: 'staff' }),
    ]);
    expect(matches(c, 'Evie Carter Zoe Bronte Mark Jones Sarah Price')).toEqual(['Evie Carter', 'Zoe Bronte']);
  });

  it('adds the preferred name once, and skips people without a forename or surname', () => {
    const c = compileRuleSet(basePack(), [
      person('Oluwaseun', 'Adebayo', { preferred: 'Seun' }),
      person('Evie', 'Carter', { preferred: 'Evie' }),
      person('Evie', 'Carter'),
      person('Cher', ''),
      person('', 'Nobody'),
      person('  ', 'Blank'),
    ]);
    // Three distinct names, each as a phrase, a "Surname, Forename" phrase, a "Surname Forename"
    // phrase, and '#', '@' and '@forename_surname' compact keys. None of these forenames has nicknames.
    expect(c.pupilNames.size).toBe(18);
    expect(c.pupilForenames.size).toBe(4);
    expect(matches(c, 'Seun Adebayo, Oluwaseun Adebayo, Cher, Nobody')).toEqual(['Seun Adebayo', 'Oluwaseun Adebayo']);
  });

  it('builds an empty matcher from empty inputs', () => {
    const pack = basePack();
    pack.school = { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] };
    const c = compileRuleSet(pack, []);
    expect(c.pupilNames.size).toBe(0);
    expect(c.schoolIdentity.size).toBe(0);
    expect(c.confidentialTerms.size).toBe(0);
    expect(c.schoolEmailDomains).toEqual([]);
  });

  it('copies confidential terms and e-mail domains, normalising the domains', () => {
    const pack = basePack();
    const terms = ['Ofsted inspection', 'Ofsted inspection', '  '];
    pack.rules.confidential = { enabled: true, severity: 'high', title: 'Conf', clause: 'c3', terms };
    pack.school = { ...pack.school, emailDomains: ['holbrook.sch.uk', '@Holbrook.SCH.uk', 'staff.holbrook.sch.uk.'] };
    const c = compileRuleSet(pack, []);
    terms.push('redundancy');
    pack.school.emailDomains.push('gmail.com');
    // One phrase plus its '#' compact key; the blank term adds nothing.
    expect(c.confidentialTerms.size).toBe(2);
    expect(c.schoolEmailDomains).toEqual(['holbrook.sch.uk', 'staff.holbrook.sch.uk']);
    expect(Object.isFrozen(c.schoolEmailDomains)).toBe(true);
  });
});

describe('pattern helpers', () => {
  it('tokenises a phrase like text, keeping possessives as flags', () => {
    expect(patternWords("St Mary’s C of E School")).toEqual([
      { norm: 'st', poss: false },
      { norm: 'mary', poss: true },
      { norm: 'c', poss: false },
      { norm: 'of', poss: false },
      { norm: 'e', poss: false },
      { norm: 'school', poss: false },
    ]);
  });

  it('joins words into a compact key, with or without the possessive s', () => {
    const w = patternWords("St Mary's School");
    expect(compactKey(w)).toBe('stmaryschool');
    expect(compactKey(w, true)).toBe('stmarysschool');
  });
});
