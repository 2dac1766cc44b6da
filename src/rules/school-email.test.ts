// school-email: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { RulePack, RuleSettings } from '../pack/types';
import { detect, findSchoolEmails, meta } from './school-email';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const settings: RuleSettings = {
  enabled: true,
  severity: 'warn',
  title: 'School e-mail address',
  clause: 'Do not use your school e-mail on social media.',
  sites: { linkedin: { enabled: false }, x: { severity: 'high' } },
};

const pack = (rule: RuleSettings | undefined, emailDomains = ['holbrook.sch.uk', 'holbrook-trust.org.uk']): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains },
  rules: rule ? { 'school-email': rule } : {},
});

const compiled = compileRuleSet(pack(settings), []);


function run(text: string, site: 'facebook' | 'linkedin' | 'x' = 'facebook', c = compiled): Span[] {
  return detect(prepareInput({ text, site }), c).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid: string[] = [
  '',
  'holbrook.sch.uk', // a domain without an address
  'www.holbrook.sch.uk/news',
  '@holbrook.sch.uk', // no local part
  'email me @ holbrook.sch.uk',
  'jane @holbrook.sch.uk',
  'jane@ holbrook.sch.uk',
  'jane.smith@gmail.com',
  'jane@notholbrook.sch.uk', // a different school, not a subdomain
  'jane@holbrook.sch.uk.evil.example', // the school domain is not the suffix
  'jane@holbrook.sch', // not the whole domain
  'jane@sch.uk',
  'jane@staff..holbrook.sch.uk', // empty label
  'jane at holbrook dot sch dot uk', // obfuscated: out of scope
  '@HolbrookPrimary',
  'jane@holbrook.sch.ukx',
  'jane@holbrook-trust.org', // only the listed domain
];

const invalid: [text: string, spans: Span[]][] = [
  ['jane.smith@holbrook.sch.uk', [[0, 26, 'jane.smith@holbrook.sch.uk']]],
  ['J.Smith@Staff.Holbrook.sch.uk', [[0, 29, 'J.Smith@Staff.Holbrook.sch.uk']]],
  ['JANE@HOLBROOK.SCH.UK', [[0, 20, 'JANE@HOLBROOK.SCH.UK']]],
  ['Mail me at jane@holbrook.sch.uk.', [[11, 31, 'jane@holbrook.sch.uk']]],
  ['(jane@holbrook.sch.uk)', [[1, 21, 'jane@holbrook.sch.uk']]],
  ['<jane@holbrook.sch.uk>', [[1, 21, 'jane@holbrook.sch.uk']]],
  ['mailto:office@holbrook.sch.uk?subject=hi', [[7, 29, 'office@holbrook.sch.uk']]],
  ['contact: j_smith+ptfa@holbrook.sch.uk, thanks', [[9, 37, 'j_smith+ptfa@holbrook.sch.uk']]],
  ['...jane@holbrook.sch.uk', [[3, 23, 'jane@holbrook.sch.uk']]],
  ['jane@holbrook.sch.uk-', [[0, 20, 'jane@holbrook.sch.uk']]],
  ['head@mail.staff.holbrook.sch.uk', [[0, 31, 'head@mail.staff.holbrook.sch.uk']]],
  ['ceo@holbrook-trust.org.uk', [[0, 25, 'ceo@holbrook-trust.org.uk']]],
  ["Evie's mum: 'jane@holbrook.sch.uk'", [[13, 33, 'jane@holbrook.sch.uk']]],
  ['📧jane@holbrook.sch.uk', [[2, 22, 'jane@holbrook.sch.uk']]],
  [
    'a@holbrook.sch.uk b@gmail.com c@holbrook.sch.uk',
    [
      [0, 17, 'a@holbrook.sch.uk'],
      [30, 47, 'c@holbrook.sch.uk'],
    ],
  ],
  // Two '@' in a row: the second address is still found.
  ['x@y@holbrook.sch.uk', [[2, 19, 'y@holbrook.sch.uk']]],
];

describe('school-email', () => {
  ruleTable('school-email', meta, (text) => run(text), valid, invalid);

  it('cites the pack and respects per-site overrides', () => {
    const text = 'jane@holbrook.sch.uk';
    expect(detect(prepareInput({ text, site: 'facebook' }), compiled)).toEqual([
      { rule: 'school-email', start: 0, end: 20, severity: 'warn', title: 'School e-mail address', clause: 'Do not use your school e-mail on social media.' },
    ]);
    expect(run(text, 'linkedin')).toEqual([]);
    expect(detect(prepareInput({ text, site: 'x' }), compiled).map((f) => f.severity)).toEqual(['high']);
  });

  it('reads its settings and domains only from the pack', () => {
    const text = 'jane@holbrook.sch.uk';
    expect(run(text, 'facebook', compileRuleSet(pack({ ...settings, enabled: false }), []))).toEqual([]);
    expect(run(text, 'facebook', compileRuleSet(pack(undefined), []))).toEqual([]);
    expect(run(text, 'facebook', compileRuleSet(pack(settings, []), []))).toEqual([]);
    // Domains are compared without case and without a stray '@' (the parser normally removes both).
    expect(run(text, 'facebook', compileRuleSet(pack(settings, ['@Holbrook.SCH.uk']), []))).toEqual([[0, 20, text]]);
  });

  it('scans long hostile text in linear time', () => {
    const text = 'a@'.repeat(50_000) + '.'.repeat(50_000) + '@holbrook.sch.uk';
    const t0 = performance.now();
    expect(findSchoolEmails(text, ['holbrook.sch.uk'])).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
