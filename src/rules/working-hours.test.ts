// working-hours: a clock-driven reminder, tested with fixed local times.
import { describe, expect, it } from 'vitest';
import type { Surface } from '../engine/types';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import { parseLocalTime } from '../engine/clock';
import { check, compiled, pack, school, wh, wiki } from '../../test/unit/clock-rules';
import * as wikiEdit from './wiki-edit';
import * as workingHours from './working-hours';

describe('working-hours', () => {
  const cases: [string, string | null, Surface, unknown[]][] = [
    ['Lovely walk', '2026-11-23T10:15', 'post', [[0, 0, 'info']]], // Monday mid-morning
    ['Lovely walk', '2026-11-23T08:30', 'comment', [[0, 0, 'info']]], // start is inclusive
    ['Lovely walk', '2026-11-23T16:00', 'post', []], // end is exclusive
    ['Lovely walk', '2026-11-23T07:45', 'post', []],
    ['Lovely walk', '2026-11-28T11:00', 'post', []], // Saturday
    ['Lovely walk', '2026-11-27T11:00', 'post', []], // closure day
    ['Lovely walk', '2026-12-22T11:00', 'message', []], // Christmas holidays
    ['Lovely walk', '2027-01-04T09:00', 'message', [[0, 0, 'info']]], // first day back
    ['Lovely walk', null, 'post', []], // no time given
    ['Editing an article', '2026-11-23T10:15', 'wiki-edit', []], // wiki-edit reminds there instead
  ];
  it.each(cases)('%j at %s on %s', (text, now, surface, expected) => {
    expect(check(workingHours, text, now, surface)).toEqual(expected);
  });

  it('needs working hours in the pack, and follows per-site overrides', () => {
    const noHours = compileRuleSet(pack({ ...school, workingHours: undefined }, { 'working-hours': wh }), []);
    expect(check(workingHours, 'x', '2026-11-23T10:15', 'post', 'facebook', noHours)).toEqual([]);
    expect(check(workingHours, 'x', '2026-11-23T10:15', 'post', 'linkedin')).toEqual([]);
    expect(check(workingHours, 'x', '2026-11-23T10:15', 'post', 'x')).toEqual([[0, 0, 'warn']]);
    const off = compileRuleSet(pack(school, { 'working-hours': { ...wh, enabled: false } }), []);
    expect(check(workingHours, 'x', '2026-11-23T10:15', 'post', 'facebook', off)).toEqual([]);
  });

  it('cites the pack', () => {
    const f = workingHours.detect(prepareInput({ text: 'hi', site: 'other', now: parseLocalTime('2026-11-23T10:15')! }), compiled);
    expect(f).toEqual([{ rule: 'working-hours', start: 0, end: 0, severity: 'info', title: wh.title, clause: wh.clause }]);
    expect(workingHours.meta.id).toBe('working-hours');
  });
});
