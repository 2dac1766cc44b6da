// reference: the recommendation surface and endorsement clicks; exact spans (first eight words).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { SiteId, Surface } from '../engine/types';
import type { RulePack } from '../pack/types';
import { check, detect, meta } from './reference';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const CLAUSE = '"Staff should never provide references for other individuals on social or professional networking sites".';
const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: { reference: { enabled: true, severity: 'warn', title: 'Reference or recommendation', clause: CLAUSE, sites: { facebook: { enabled: false } } } },
};
const compiled = compileRuleSet(pack, []);

function run(text: string, surface: Surface = 'reference', site: SiteId = 'linkedin'): Span[] {
  return detect(prepareInput({ text, site, surface }), compiled).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid = ['', '   ', '🙂 —'];
const invalid: [string, Span[]][] = [
  ['Great colleague', [[0, 15, 'Great colleague']]],
  ['  Jo is a brilliant teacher', [[2, 27, 'Jo is a brilliant teacher']]],
  ["I worked with Sam for six years at the school's nursery", [[0, 34, 'I worked with Sam for six years at']]],
  ["Sam's lessons were superb.", [[0, 25, "Sam's lessons were superb"]]],
];

describe('reference', () => {
  ruleTable('reference', meta, (t) => run(t), valid, invalid);

  it('only runs on the recommendation surface', () => {
    for (const s of ['post', 'comment', 'message', 'profile', 'other'] as const) expect(run('Great colleague', s)).toEqual([]);
  });
  it('answers endorsement clicks with the clause, honouring site overrides', () => {
    expect(check(compiled, { action: 'endorse', site: 'linkedin' })).toEqual({ rule: 'reference', severity: 'warn', title: 'Reference or recommendation', clause: CLAUSE });
    expect(check(compiled, { action: 'endorse', site: 'facebook' })).toBeNull();
    expect(check(compiled, { action: 'follow', site: 'linkedin' })).toBeNull();
  });
});
