// works-at: RuleTester-style tables with exact spans, on the 'profile' surface only.
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { evaluate, prepareInput } from '../engine/evaluate';
import type { SiteId, Surface } from '../engine/types';
import type { RulePack } from '../pack/types';
import { detect, meta } from './works-at';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: {
    name: 'Holbrook Primary School',
    aliases: ['Holbrook Primary', 'Holbrook'],
    handles: ['HolbrookPrimary'],
    hashtags: ['HolbrookPride'],
    emailDomains: [],
  },
  rules: {
    'works-at': { enabled: true, severity: 'warn', title: 'School as your workplace', clause: '§6.1', sites: { linkedin: { enabled: false } } },
    'school-identity': { enabled: true, severity: 'warn', title: 'School named', clause: '§5.3' },
  },
};
const compiled = compileRuleSet(pack, []);

function run(text: string, site: SiteId = 'facebook', surface: Surface = 'profile'): Span[] {
  return detect(prepareInput({ text, site, surface }), compiled).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid = [
  'Teacher. Mum of two. Views my own.',
  'Works at Oakwood Academy',
  'Holbrooks of Leeds', // not the alias as a word
  '',
];
const invalid: [string, Span[]][] = [
  ['Holbrook Primary School', [[0, 23, 'Holbrook Primary School']]],
  ['Year 5 teacher at Holbrook Primary', [[18, 34, 'Holbrook Primary']]],
  ['KS2 lead @HolbrookPrimary #HolbrookPride', [[9, 25, '@HolbrookPrimary'], [26, 40, '#HolbrookPride']]],
  ['Teaching assistant, Holbrook', [[20, 28, 'Holbrook']]],
];

describe('works-at', () => {
  ruleTable('works-at', meta, (t) => run(t), valid, invalid);

  it('only runs on profile fields', () => {
    for (const s of ['post', 'comment', 'message', 'reference', 'other'] as const) expect(run('Teacher at Holbrook Primary', 'facebook', s)).toEqual([]);
  });
  it('honours the per-site exception (policy 003: LinkedIn allowed)', () => {
    expect(run('Teacher at Holbrook Primary School', 'linkedin')).toEqual([]);
    expect(run('Teacher at Holbrook Primary School', 'x')).toEqual([[11, 34, 'Holbrook Primary School']]);
  });
  it('replaces the school-identity finding on the same words in a profile field, not elsewhere', () => {
    const rules = (surface: Surface, site: SiteId = 'facebook') =>
      evaluate(compiled, { text: 'Teacher at Holbrook Primary', site, surface }).map((f) => f.rule);
    expect(rules('profile')).toEqual(['works-at']);
    expect(rules('post')).toEqual(['school-identity']);
    expect(rules('profile', 'linkedin')).toEqual(['school-identity']);
  });
});
