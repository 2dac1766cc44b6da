// disclaimer: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { Surface } from '../engine/types';
import type { RulePack, RuleSettings } from '../pack/types';
import { detect, meta } from './disclaimer';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const settings: RuleSettings = {
  enabled: true,
  severity: 'info',
  title: 'Say your views are your own',
  clause: 'If you disclose your affiliation, state that your views do not represent those of the school.',
  sites: { linkedin: { enabled: false }, x: { severity: 'warn' } },
  terms: ['not the official line'],
};
const pack = (rule: RuleSettings | undefined): RulePack => ({
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: "St Aidan's Primary", aliases: ['St Aidans'], handles: ['StAidansPrimary'], hashtags: ['TeamAidans'], emailDomains: [] },
  rules: rule ? { disclaimer: rule } : {},
});
const compiled = compileRuleSet(pack(settings), []);

function findings(text: string, site: 'facebook' | 'linkedin' | 'x' = 'facebook', surface: Surface = 'post', c = compiled) {
  return detect(prepareInput({ text, site, surface }), c);
}
const run = (text: string): Span[] => findings(text).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);

const valid: string[] = [
  '',
  'Lovely walk this morning',
  'Proud to teach at a great school', // no name
  "Proud to work at St Aidan's Primary. Views are my own.",
  'St Aidans smashed the quiz! (views my own)',
  "So proud of #TeamAidans — views: my own",
  'St Aidans open evening tonight. Opinions are mine, not my employer’s',
  "St Aidans does great work. These views don't represent the views of my employer.",
  'Speaking for myself, St Aidans got it right',
  '@StAidansPrimary #ViewsMyOwn',
  'St Aidans sports day. Not the official line', // the pack's own phrase
  'Any views expressed are personal. St Aidans rocks', // views … personal
  'Views here are mine alone - St Aidans deserves better',
  'I do not speak for St Aidans, but the uniform is great',
  'VIEWS ARE MY OWN. St Aidans rocks',
];

const invalid: [string, Span[]][] = [
  ["Proud to work at St Aidan's Primary", [[17, 35, "St Aidan's Primary"]]],
  ['St Aidans smashed the quiz and St Aidans won', [[0, 9, 'St Aidans']]], // one finding, the first mention
  ['Huge thanks to @StAidansPrimary', [[15, 31, '@StAidansPrimary']]],
  ['#TeamAidans were amazing', [[0, 11, '#TeamAidans']]],
  // Talking about views is not disclaiming them.
  ['My own view is that St Aidans should scrap homework', [[20, 29, 'St Aidans']]],
  ['My views on St Aidans are well known', [[12, 21, 'St Aidans']]],
  // "own" in the next sentence does not make the views the writer's own.
  ['Views on St Aidans differ. I own a dog', [[9, 18, 'St Aidans']]],
];

describe('disclaimer', () => {
  ruleTable('disclaimer', meta, run, valid, invalid);

  it('is not checked in private messages or on a wiki edit form', () => {
    expect(findings('St Aidans rocks', 'facebook', 'message')).toEqual([]);
    expect(findings('St Aidans rocks', 'facebook', 'wiki-edit')).toEqual([]);
    expect(findings('St Aidans rocks', 'facebook', 'comment')).toHaveLength(1);
    expect(detect(prepareInput({ text: 'St Aidans rocks', site: 'facebook' }), compiled)).toHaveLength(1); // surface defaults to other
  });

  it('cites the pack and honours per-site overrides', () => {
    expect(findings('St Aidans rocks')).toEqual([
      { rule: 'disclaimer', start: 0, end: 9, severity: 'info', title: settings.title, clause: settings.clause },
    ]);
    expect(findings('St Aidans rocks', 'linkedin')).toEqual([]);
    expect(findings('St Aidans rocks', 'x').map((f) => f.severity)).toEqual(['warn']);
    expect(findings('St Aidans rocks', 'facebook', 'post', compileRuleSet(pack(undefined), []))).toEqual([]);
    // Without the pack's phrase, its wording is not a disclaimer.
    const plain = compileRuleSet(pack({ ...settings, terms: [] }), []);
    expect(findings('St Aidans sports day. Not the official line', 'facebook', 'post', plain)).toHaveLength(1);
  });
});
