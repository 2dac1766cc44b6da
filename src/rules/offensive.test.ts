// offensive: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive), plus the
// severity each finding gets (aimed at the school or its people, or not).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { RulePack, RuleSettings } from '../pack/types';
import { detect, meta } from './offensive';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const settings: RuleSettings = {
  enabled: true,
  severity: 'warn',
  title: 'Offensive or derogatory',
  clause: '§5.5: do not attack, insult, abuse or defame pupils, their families, colleagues or the school.',
  sites: { linkedin: { severity: 'high' }, reddit: { enabled: false } },
  terms: ['numbskull', 'Ofsted muppets'],
};
const pack = (rule: RuleSettings | undefined): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: "St Aidan's Primary", aliases: ['St Aidans'], handles: ['StAidansPrimary'], hashtags: [], emailDomains: [] },
  rules: rule ? { offensive: rule } : {},
});
const compiled = compileRuleSet(pack(settings), [
  { role: 'pupil', forename: 'Evie', surname: 'Carter', group: '4B' },
  { role: 'parent', forename: 'Dawn', surname: 'Carter' },
]);

function findings(text: string, site: 'facebook' | 'linkedin' | 'reddit' = 'facebook', c = compiled) {
  return detect(prepareInput({ text, site }), c);
}
const run = (text: string): Span[] => findings(text).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);

const valid: string[] = [
  '',
  'Lovely walk this morning',
  // Not profanity: whole-word and obscenity whitelists.
  'Scunthorpe, assessment, Mr Dickens and cocktails at the Essex fundraiser',
  'Class assembly then a passing shower',
  // Clinical and school words obscenity lists that we dropped.
  'Relationships and sex education for year 6 pupils this term',
  'A blue tit nested by the pupils\u2019 pond',
  'Dick Whittington is the Christmas panto for the kids',
  'He played hooker for the school rugby team',
  // Mild swearing not aimed at anyone, or intensifying praise.
  'Bloody weather again',
  'Year 6 were bloody brilliant at sports day',
  // Insults said of oneself, negated, or harmless.
  "I'm useless at remembering the kids' names",
  "I was so stupid, I left the register in the car",
  "The kids aren't lazy, they're tired",
  'A lazy Sunday with my own kids',
  'My parents are idiots about technology', // the writer's own family
  // An insult not aimed at the school or its people.
  'The referee was useless on Saturday',
  // Not obfuscation: handles, e-mail, times, year groups.
  'Email j.smith@staidans.sch.uk about Y4 at 10am on the 21st, @StAidansPrimary',
  'Sooooo proud of the kids',
  // A target far away, or in another sentence.
  'The parents were great. The traffic was a joke',
  'The kids wore thick coats on the trip', // thick, but not "so thick"
  'The pupils fed the farm animals and a door knob fell off',
];

const invalid: [string, Span[]][] = [
  ['The parents at this school are idiots', [[31, 37, 'idiots']]],
  ['SLT are a joke', [[4, 14, 'are a joke']]],
  ['St Aidans is a shambles', [[15, 23, 'shambles']]],
  ['This school is sh1t', [[15, 19, 'sh1t']]],
  ["You're a $h!thead", [[9, 17, '$h!thead']]],
  ['@$$hole teachers everywhere', [[0, 7, '@$$hole']]],
  ['fuuuuck the new timetable', [[0, 7, 'fuuuuck']]],
  ['f u c k this place', [[0, 7, 'f u c k']]],
  ['the head is f***ing useless', [[12, 19, 'f***ing'], [20, 27, 'useless']]],
  ['I could strangle year 9 today', [[8, 16, 'strangle']]],
  ['Evie Carter is a little sh1t', [[24, 28, 'sh1t']]],
  ['4B are feral this week', [[7, 12, 'feral']]],
  ['Some of these kids are so thick', [[26, 31, 'thick']]],
  ['The year 10s are animals', [[17, 24, 'animals']]],
  ['the bloody parents parked on the zigzags again', [[4, 10, 'bloody']]],
  ['Honestly the OFSTED inspectors were clueless', [[36, 44, 'clueless']]],
  ['Numbskull parents', [[0, 9, 'Numbskull']]], // the pack's own word
  ['What a b1tch of a day', [[7, 12, 'b1tch']]], // swearing, not aimed: info
  ['That corner shop is run by a p@ki', [[29, 33, 'p@ki']]], // a slur is never acceptable
];

describe('offensive', () => {
  ruleTable('offensive', meta, run, valid, invalid);

  const severities: [string, string[]][] = [
    ['What a b1tch of a day', ['info']],
    ['Shit, I forgot my lanyard', ['info']],
    ['This school is shit', ['warn']],
    ['That corner shop is run by a p@ki', ['warn']],
    ['the head is f***ing useless', ['warn', 'warn']],
    ['Year 6 were f***ing amazing', ['info']],
  ];
  it.each(severities)('%j has severities %j', (text, expected) => {
    expect(findings(text).map((f) => f.severity)).toEqual(expected);
  });

  it('cites the pack and follows per-site overrides', () => {
    expect(findings('SLT are a joke')).toEqual([
      { rule: 'offensive', start: 4, end: 14, severity: 'warn', title: 'Offensive or derogatory', clause: settings.clause },
    ]);
    expect(findings('SLT are a joke', 'linkedin').map((f) => f.severity)).toEqual(['high']);
    expect(findings('SLT are a joke', 'reddit')).toEqual([]);
    expect(findings('SLT are a joke', 'facebook', compileRuleSet(pack(undefined), []))).toEqual([]);
    // Without the pack's words, its own term is an ordinary word.
    expect(findings('Numbskull parents', 'facebook', compileRuleSet(pack({ ...settings, terms: [] }), []))).toEqual([]);
  });

  it('defaults to warn', () => {
    expect(meta.defaultSeverity).toBe('warn');
  });
});
