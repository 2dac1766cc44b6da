// official-account (text side): tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { evaluate, prepareInput } from '../engine/evaluate';
import type { PersonInput } from '../engine/name-index';
import type { RulePack } from '../pack/types';
import { detect, isSchoolAccount, meta, type PostingAccount } from './official-account';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const rule = (title: string, clause: string) => ({ enabled: true, severity: 'high' as const, title, clause });
const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary School', aliases: ['Holbrook Primary'], handles: ['HolbrookPrimary'], hashtags: [], emailDomains: ['holbrook.sch.uk'] },
  rules: {
    'official-account': rule('Posting as the school', 'Appendix A.5: pupils must not be identifiable.'),
    'pupil-name': rule("Pupil's name", 'Do not name pupils.'),
    'school-identity': { ...rule('Names the school', 'Do not identify the school.'), severity: 'warn' },
    disclaimer: { ...rule('Disclaimer', 'Say your views are your own.'), severity: 'info' },
  },
};
const people: PersonInput[] = [
  { role: 'pupil', forename: 'Amelia', surname: 'Thornbury', photoConsent: true },
  { role: 'pupil', forename: 'Oliver', surname: 'Ashdown', photoConsent: false },
  { role: 'former-pupil', forename: 'Ruby', surname: 'Kettle', photoConsent: false },
  { role: 'pupil', forename: 'Noah', surname: 'Pike' }, // consent not recorded
  { role: 'staff', forename: 'Karen', surname: 'Adams', photoConsent: false },
];
const compiled = compileRuleSet(pack, people);

function spans(text: string, opts: { officialAccount?: boolean; hasMedia?: boolean }): Span[] {
  return detect(prepareInput({ text, site: 'x', ...opts }), compiled).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

describe('official account, photo attached', () => {
  ruleTable(
    'official-account',
    meta,
    (text) => spans(text, { officialAccount: true, hasMedia: true }),
    [
      'Sports day at Holbrook Primary!',
      'Well done Karen Adams for organising it', // staff: not a pupil
      'Amelia Thornbury-Smith on the track', // someone else
      'Thornbury Road was closed',
      '',
    ],
    [
      ['Well done Amelia Thornbury!', [[10, 26, 'Amelia Thornbury']]],
      ['Noah Pike and Oliver Ashdown won', [[0, 9, 'Noah Pike'], [14, 28, 'Oliver Ashdown']]],
      ['Ruby Kettle came back to visit', [[0, 11, 'Ruby Kettle']]],
      ['#AmeliaThornbury star of the week', [[0, 16, '#AmeliaThornbury']]],
    ],
  );
});

describe('official account, no photo: only pupils without photo consent', () => {
  ruleTable(
    'official-account',
    meta,
    (text) => spans(text, { officialAccount: true }),
    ['Well done Amelia Thornbury!', 'Noah Pike read in assembly', 'Oliver in my class'],
    [
      ['Noah Pike and Oliver Ashdown won', [[14, 28, 'Oliver Ashdown']]],
      ["Ashdown, Oliver's poem", [[0, 15, 'Ashdown, Oliver']]],
      ['Ruby Kettle came back to visit', [[0, 11, 'Ruby Kettle']]],
    ],
  );
});

describe('personal account: never fires (pupil-name speaks there)', () => {
  it.each(['Well done Amelia Thornbury!', 'Oliver Ashdown won', 'Ruby Kettle'])('%j', (text) => {
    expect(spans(text, { hasMedia: true })).toEqual([]);
    expect(spans(text, {})).toEqual([]);
  });
});

describe('the warning says which protocol point applies', () => {
  it('a photo with a named pupil cites 003 step 2 before the pack clause', () => {
    const [f] = detect(prepareInput({ text: 'Amelia Thornbury', site: 'x', officialAccount: true, hasMedia: true }), compiled);
    expect(f?.clause).toBe(
      'A child is named in a post with a photo. School posting protocol (003 step 2; 004): never name a child featured in a photograph. Appendix A.5: pupils must not be identifiable.',
    );
    expect(f?.title).toBe('Posting as the school');
    expect(f?.severity).toBe('high');
  });
  it('no photo consent cites 003 step 1 (and wins over the photo point)', () => {
    const [f] = detect(prepareInput({ text: 'Oliver Ashdown', site: 'x', officialAccount: true, hasMedia: true }), compiled);
    expect(f?.clause.startsWith('A pupil named here has no photo consent on record. School posting protocol (003 step 1; 004)')).toBe(true);
  });
});

describe('evaluate: personal-account rules stay quiet on the school account', () => {
  const text = 'Amelia Thornbury at Holbrook Primary';
  const rules = (opts: { officialAccount?: boolean; hasMedia?: boolean }) =>
    evaluate(compiled, { text, site: 'x', surface: 'post', ...opts }).map((f) => [f.rule, f.start, f.end]);
  it('personal account: pupil-name, disclaimer and school-identity', () => {
    expect(rules({ hasMedia: true })).toEqual([
      ['pupil-name', 0, 16],
      ['disclaimer', 20, 36],
      ['school-identity', 20, 36],
    ]);
  });
  it('official account with a photo: official-account only', () => {
    expect(rules({ officialAccount: true, hasMedia: true })).toEqual([['official-account', 0, 16]]);
  });
  it('official account without a photo, consent given: nothing', () => {
    expect(rules({ officialAccount: true })).toEqual([]);
  });
  it('off for a site where the pack turns it off', () => {
    const off = compileRuleSet({ ...pack, rules: { ...pack.rules, 'official-account': { ...rule('t', 'c'), sites: { x: { enabled: false } } } } }, people);
    expect(detect(prepareInput({ text: 'Oliver Ashdown', site: 'x', officialAccount: true }), off)).toEqual([]);
  });
});

describe('isSchoolAccount', () => {
  const school = { name: 'Holbrook Primary School', aliases: ['Holbrook Primary', "St Mary's"], handles: ['HolbrookPrimary', '@Holbrook_PS', 'holbrook@school.social'] };
  const yes: PostingAccount[] = [
    { handle: 'HolbrookPrimary' },
    { handle: '@holbrookprimary' },
    { handle: '@HOLBROOK_PS' },
    { handle: 'holbrook@school.social' },
    { handle: 'HolbrookPrimary@mastodon.example' }, // pack handle without an instance
    { displayName: 'Holbrook Primary School' },
    { displayName: '  holbrook   primary ' },
    { displayName: 'St Mary’s' },
    { handle: 'HolbrookPrimary', displayName: 'Ms Jones' },
  ];
  const no: (PostingAccount | undefined)[] = [
    undefined,
    {},
    { handle: 'HolbrookPrimaryPTA' },
    { handle: 'Holbrook' },
    { handle: '@' },
    { handle: 'holbrook@other.social' },
    { handle: 'ms_jones', displayName: 'Holbrook Primary' }, // a handle is shown and is not the school's
    { displayName: 'Holbrook Primary PTA' },
    { displayName: 'Holbrook' },
    { displayName: '' },
  ];
  it.each(yes)('%j is the school', (a) => expect(isSchoolAccount(school, a)).toBe(true));
  it.each(no)('%j is not', (a) => expect(isSchoolAccount(school, a)).toBe(false));
});
