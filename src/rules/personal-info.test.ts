// personal-info: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { RulePack, RuleSettings } from '../pack/types';
import { detect, findDatesOfBirth, meta } from './personal-info';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const settings: RuleSettings = {
  enabled: true,
  severity: 'info',
  title: 'Your personal details',
  clause: 'It is not safe to reveal personal information.',
  sites: { linkedin: { enabled: false }, x: { severity: 'warn' } },
};

const pack = (rule: RuleSettings | undefined): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: rule ? { 'personal-info': rule } : {},
});

const compiled = compileRuleSet(pack(settings), []);


function run(text: string, site: 'facebook' | 'linkedin' | 'x' = 'facebook', c = compiled): Span[] {
  return detect(prepareInput({ text, site }), c).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid: string[] = [
  '',
  // Event dates: a full date with no birth cue.
  'Sports day on 3 September 2025',
  'Deadline 03/09/2012',
  'Term starts 2025-09-03',
  'Trip on September 3rd, 2025 to the zoo',
  // No year.
  'Born on 3rd September',
  'my birthday is on 03/09',
  'DOB 3 Sept',
  'birthday: September 3rd',
  // A cue, but not a full date.
  'born in 2012',
  'born September 2012',
  'DOB 2012',
  // Not a date.
  'DOB 31/02/2012',
  'DOB 13/13/2012',
  'DOB 00/09/2012',
  'born 3/9/1850', // outside 1900–2099
  'DOB 3 Sept 12', // word dates need a 4-digit year
  'born 03/09-2012', // two different separators
  'born 03 / 09 / 2012',
  'born 1.03.09.2012', // part of a longer run of numbers
  'born 03/09/2012/5',
  'born at 10.1.12.1',
  'born 3 Septembers 2012',
  // The cue is in another sentence, or too far back.
  'Happy birthday Sam! Sports day is on 3 September 2025',
  'I was born to teach. Sports day on 3 September 2025',
  'Born and raised in Leeds, we have always held our village fair on 3 September 2025',
  'birthday\n\nSports day 3 September 2025',
  // "birthday" must follow the date directly.
  '3 September 2025, birthday party after',
  // The cue's sentence ends before the date.
  'Happy birthday! 3 September 2012 was the day you arrived',
];

const invalid: [text: string, spans: Span[]][] = [
  ['DOB: 03/09/2012', [[5, 15, '03/09/2012']]],
  ['DOB: 03.09.2012', [[5, 15, '03.09.2012']]],
  ['dob 3-9-2012', [[4, 12, '3-9-2012']]],
  ['D.O.B. 03/09/2012', [[7, 17, '03/09/2012']]],
  ['D.O.B 03/09/2012', [[6, 16, '03/09/2012']]],
  ['b. 3/9/12', [[3, 9, '3/9/12']]],
  ['Evie was born 3/9/12!', [[14, 20, '3/9/12']]],
  ['Date of birth 2012-09-03', [[14, 24, '2012-09-03']]],
  ['born on 3 September 2012', [[8, 24, '3 September 2012']]],
  ['She was born on the 3rd of September, 2012 in Leeds', [[20, 42, '3rd of September, 2012']]],
  ['Born 3rd September 2012', [[5, 23, '3rd September 2012']]],
  ['born 3 Sept 2012', [[5, 16, '3 Sept 2012']]],
  ['born 3 Sept. 2012', [[5, 17, '3 Sept. 2012']]],
  ['BORN 14 FEB 2011', [[5, 16, '14 FEB 2011']]],
  ['DOB 03-Sep-2012', [[4, 15, '03-Sep-2012']]],
  ['born September 3rd, 2012', [[5, 24, 'September 3rd, 2012']]],
  ['Birthday: Sept. 3 2012', [[10, 22, 'Sept. 3 2012']]],
  ['b’day 29/02/2012', [[6, 16, '29/02/2012']]],
  ['DOB 09/23/2012', [[4, 14, '09/23/2012']]], // only the m/d reading is a date
  ['3 September 2012 birthday', [[0, 16, '3 September 2012']]],
  ['03/09/2012 birthday cake', [[0, 10, '03/09/2012']]],
  ['DOB:\n03/09/2012', [[5, 15, '03/09/2012']]],
  [
    'Twins born 3/9/12 and 4/9/12',
    [
      [11, 17, '3/9/12'],
      [22, 28, '4/9/12'],
    ],
  ],
  ['Born on Monday, 3rd September 2012 🎉', [[16, 34, '3rd September 2012']]],
];

describe('personal-info', () => {
  ruleTable('personal-info', meta, (text) => run(text), valid, invalid);

  it('cites the pack and respects per-site overrides', () => {
    const text = 'DOB 03/09/2012';
    expect(detect(prepareInput({ text, site: 'facebook' }), compiled)).toEqual([
      { rule: 'personal-info', start: 4, end: 14, severity: 'info', title: 'Your personal details', clause: 'It is not safe to reveal personal information.' },
    ]);
    expect(run(text, 'linkedin')).toEqual([]);
    expect(detect(prepareInput({ text, site: 'x' }), compiled).map((f) => f.severity)).toEqual(['warn']);
  });

  it('reads its settings only from the pack', () => {
    const text = 'DOB 03/09/2012';
    expect(run(text, 'facebook', compileRuleSet(pack({ ...settings, enabled: false }), []))).toEqual([]);
    expect(run(text, 'facebook', compileRuleSet(pack(undefined), []))).toEqual([]);
  });

  it('scans long text of dates and cues in linear time', () => {
    const text = 'born 03/09/2012 '.repeat(1_000) + '1/'.repeat(5_000) + ' 3 September '.repeat(500);
    const t0 = performance.now();
    expect(findDatesOfBirth(prepareInput({ text, site: 'x' }))).toHaveLength(1_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
