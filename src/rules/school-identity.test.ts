// school-identity: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { RulePack } from '../pack/types';
import { detect, meta } from './school-identity';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: {
    name: 'Holbrook Primary School',
    aliases: ['Holbrook Primary', 'Holbrook', 'Oak Field', "St Mary's"],
    handles: ['HolbrookPrimary', '@Holbrook_PS'],
    hashtags: ['HolbrookPride', '#OakFieldFamily'],
    emailDomains: ['holbrook.sch.uk'],
  },
  rules: {
    'school-identity': {
      enabled: true,
      severity: 'warn',
      title: 'Names the school',
      clause: 'Do not identify the school.',
      sites: { linkedin: { enabled: false }, x: { severity: 'high' } },
    },
  },
};

const compiled = compileRuleSet(pack, []);


function run(text: string, site: 'facebook' | 'linkedin' | 'x' = 'facebook'): Span[] {
  return detect(prepareInput({ text, site }), compiled).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid: string[] = [
  'oak field',
  'the oak field behind the church',
  'Oak. Field',
  'Oakfield',
  'Hol brook',
  'Holbrooke',
  '@HolbrookPrimaryPTA',
  '#HolbrookPrimaryPTA',
  '@HolbrookPride', // a hashtag, not a handle
  'HolbrookPride', // a tag only counts with its '#'
  'C#HolbrookPride',
  'St Marys',
  'Primary School',
];

const invalid: [text: string, spans: Span[]][] = [
  ['Holbrook Primary School', [[0, 23, 'Holbrook Primary School']]],
  ['holbrook primary school', [[0, 23, 'holbrook primary school']]],
  ['Holbrook\nPrimary School', [[0, 23, 'Holbrook\nPrimary School']]],
  ['HOLBROOK', [[0, 8, 'HOLBROOK']]],
  ['Holbrook’s sports day', [[0, 8, 'Holbrook']]],
  ['Holbrook Primary School’s fair', [[0, 23, 'Holbrook Primary School']]],
  ['Holbrook Primary, again', [[0, 16, 'Holbrook Primary']]],
  ['Oak Field', [[0, 9, 'Oak Field']]],
  ['OAK FIELD', [[0, 9, 'OAK FIELD']]],
  ['Oak-Field', [[0, 9, 'Oak-Field']]],
  ["St Mary's", [[0, 9, "St Mary's"]]],
  ['ST MARY’S choir', [[0, 9, 'ST MARY’S']]],
  ['@HolbrookPrimary', [[0, 16, '@HolbrookPrimary']]],
  ['@holbrookprimary', [[0, 16, '@holbrookprimary']]],
  ['#HolbrookPrimary', [[0, 16, '#HolbrookPrimary']]],
  ['#HolbrookPrimarySchool', [[0, 22, '#HolbrookPrimarySchool']]],
  ['#holbrookprimaryschool', [[0, 22, '#holbrookprimaryschool']]],
  ['@HolbrookPrimarySchool', [[0, 22, '@HolbrookPrimarySchool']]],
  ['#Holbrook', [[0, 9, '#Holbrook']]],
  ['#StMarys', [[0, 8, '#StMarys']]],
  ['#HolbrookPride', [[0, 14, '#HolbrookPride']]],
  ['#holbrookpride', [[0, 14, '#holbrookpride']]],
  ['#OakFieldFamily', [[0, 15, '#OakFieldFamily']]],
  ['#oakfield', [[0, 9, '#oakfield']]],
  ['@Holbrook_PS', [[0, 12, '@Holbrook_PS']]],
  ['#Holbrook_PS', [[0, 12, '#Holbrook_PS']]],
  // Aliases that are not ordinary words need no case evidence, so the e-mail domain counts too.
  ['staff@holbrook.sch.uk', [[6, 14, 'holbrook']]],
  ['🏫 Holbrook', [[3, 11, 'Holbrook']]],
  [
    'Proud of Holbrook Primary, see #HolbrookPride',
    [
      [9, 25, 'Holbrook Primary'],
      [31, 45, '#HolbrookPride'],
    ],
  ],
];

describe('school-identity', () => {
  ruleTable('school-identity', meta, (text) => run(text), valid, invalid);

  it('respects per-site overrides', () => {
    expect(run('Holbrook', 'linkedin')).toEqual([]);
    const input = (site: 'x' | 'facebook') => prepareInput({ text: 'Holbrook', site });
    expect(detect(input('x'), compiled).map((f) => f.severity)).toEqual(['high']);
    expect(detect(input('facebook'), compiled).map((f) => f.severity)).toEqual(['warn']);
  });

  it('needs a capital on ordinary-word names even when the school has no other alias', () => {
    const c = compileRuleSet({ ...pack, school: { ...pack.school, name: 'Oak Field', aliases: [], handles: [], hashtags: [] } }, []);
    const found = (text: string) => detect(prepareInput({ text, site: 'facebook' }), c).length;
    expect(found('the oak field')).toBe(0);
    expect(found('the Oak Field')).toBe(1);
  });
});
