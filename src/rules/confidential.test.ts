// confidential: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { RulePack, RuleSettings } from '../pack/types';
import { detect, meta } from './confidential';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const settings: RuleSettings = {
  enabled: true,
  severity: 'high',
  title: 'Confidential information',
  clause: 'Do not discuss confidential school business.',
  sites: { linkedin: { enabled: false }, x: { severity: 'warn' } },
  terms: ['Ofsted inspection', 'Ofsted', 'safeguarding referral', 'redundancy', 'staff restructure', 'Project Falcon', 'Café Réunion', 'Year 6 (SATs)'],
};

const pack = (rule: RuleSettings | undefined): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: rule ? { confidential: rule } : {},
});

const compiled = compileRuleSet(pack(settings), []);


function run(text: string, site: 'facebook' | 'linkedin' | 'x' = 'facebook', c = compiled): Span[] {
  return detect(prepareInput({ text, site }), c).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid: string[] = [
  '',
  'Lovely walk this morning',
  'redundancyfund', // one token, not the term
  'redundancies', // no stemming
  'redundant',
  'Ofsteds',
  'an inspection by the council',
  'inspection day',
  'safeguarding. referral', // punctuation between the words breaks the phrase
  'safeguarding, referral',
  'staff-room restructure',
  'Project: Falcon',
  '@Ofsted', // a handle is not the term
  'Year 6 SAT', // a term written with brackets is its words: "year 6 sats"
  'Year 6',
  'Cafe',
];

const invalid: [text: string, spans: Span[]][] = [
  ['redundancy', [[0, 10, 'redundancy']]],
  ['REDUNDANCY talks', [[0, 10, 'REDUNDANCY']]],
  ['Redundancy', [[0, 10, 'Redundancy']]],
  ['ofsted inspection next week', [[0, 17, 'ofsted inspection']]],
  ['The Ofsted Inspection went well', [[4, 21, 'Ofsted Inspection']]],
  // The longest term at a position wins; "Ofsted" alone is hidden inside it.
  ['Ofsted inspection', [[0, 17, 'Ofsted inspection']]],
  ['Ofsted came in', [[0, 6, 'Ofsted']]],
  ['Ofsted\ninspection', [[0, 17, 'Ofsted\ninspection']]],
  ['Ofsted-inspection', [[0, 17, 'Ofsted-inspection']]],
  ["Ofsted's report", [[0, 6, 'Ofsted']]],
  ['made a safeguarding referral today', [[7, 28, 'safeguarding referral']]],
  ['the staff restructure and redundancy', [[4, 21, 'staff restructure'], [26, 36, 'redundancy']]],
  ['#ProjectFalcon', [[0, 14, '#ProjectFalcon']]],
  ['#redundancy', [[0, 11, '#redundancy']]],
  ['#OfstedInspection', [[0, 17, '#OfstedInspection']]],
  ['project falcon', [[0, 14, 'project falcon']]],
  ['cafe reunion', [[0, 12, 'cafe reunion']]], // accents fold
  ['Year 6 SATs results', [[0, 11, 'Year 6 SATs']]], // punctuation in a term is not a pattern
  ['🙂 redundancy', [[3, 13, 'redundancy']]],
];

describe('confidential', () => {
  ruleTable('confidential', meta, (text) => run(text), valid, invalid);

  it('defaults to high severity', () => {
    expect(meta.defaultSeverity).toBe('high');
  });

  it('cites the pack and respects per-site overrides', () => {
    const f = detect(prepareInput({ text: 'redundancy', site: 'facebook' }), compiled);
    expect(f).toEqual([
      { rule: 'confidential', start: 0, end: 10, severity: 'high', title: 'Confidential information', clause: 'Do not discuss confidential school business.' },
    ]);
    expect(run('redundancy', 'linkedin')).toEqual([]);
    expect(detect(prepareInput({ text: 'redundancy', site: 'x' }), compiled).map((x) => x.severity)).toEqual(['warn']);
  });

  it('reads its terms and settings only from the pack', () => {
    expect(run('redundancy', 'facebook', compileRuleSet(pack({ ...settings, enabled: false }), []))).toEqual([]);
    expect(run('redundancy', 'facebook', compileRuleSet(pack(undefined), []))).toEqual([]);
    expect(run('redundancy', 'facebook', compileRuleSet(pack({ ...settings, terms: undefined }), []))).toEqual([]);
    expect(run('redundancy', 'facebook', compileRuleSet(pack({ ...settings, terms: [] }), []))).toEqual([]);
    // A per-site override can switch it on where the rule itself is off.
    const onlyX = compileRuleSet(pack({ ...settings, enabled: false, sites: { x: { enabled: true } } }), []);
    expect(run('redundancy', 'x', onlyX)).toEqual([[0, 10, 'redundancy']]);
    expect(run('redundancy', 'facebook', onlyX)).toEqual([]);
  });
});
