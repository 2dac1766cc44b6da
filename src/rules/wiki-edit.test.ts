// wiki-edit: a surface- and clock-driven reminder, tested with fixed local times.
import { describe, expect, it } from 'vitest';
import type { Surface } from '../engine/types';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import { check, compiled, pack, school, wh, wiki } from '../../test/unit/clock-rules';
import * as wikiEdit from './wiki-edit';
import * as workingHours from './working-hours';

describe('wiki-edit', () => {
  const cases: [string, string | null, Surface, unknown[]][] = [
    ['Fixed a typo in the history section', '2026-11-23T10:15', 'wiki-edit', [[0, 0, 'info']]], // at work
    ['Fixed a typo in the history section', '2026-11-23T19:30', 'wiki-edit', []], // evening
    ['Fixed a typo in the history section', '2026-12-22T10:15', 'wiki-edit', []], // holidays
    ['Fixed a typo in the history section', null, 'wiki-edit', []],
    // About the school: at any time, on the first mention.
    ["St Aidan's Primary was rated outstanding; St Aidans has 400 pupils", '2026-11-28T21:00', 'wiki-edit', [[0, 18, 'info']]],
    ['St Aidans has 400 pupils', null, 'wiki-edit', [[0, 9, 'info']]],
    // Never on another surface.
    ['Fixed a typo in the history section', '2026-11-23T10:15', 'post', []],
    ['St Aidans has 400 pupils', '2026-11-23T10:15', 'comment', []],
  ];
  it.each(cases)('%j at %s on %s', (text, now, surface, expected) => {
    expect(check(wikiEdit, text, now, surface)).toEqual(expected);
  });

  it('reminds whenever a time is given when the pack has no working hours', () => {
    const noHours = compileRuleSet(pack({ ...school, workingHours: undefined }, { 'wiki-edit': wiki }), []);
    expect(check(wikiEdit, 'Fixed a typo', '2026-11-28T21:00', 'wiki-edit', 'other', noHours)).toEqual([[0, 0, 'info']]);
    expect(check(wikiEdit, 'Fixed a typo', null, 'wiki-edit', 'other', noHours)).toEqual([]);
  });

  it('cites the pack and is off when the pack leaves it out', () => {
    const f = wikiEdit.detect(prepareInput({ text: 'St Aidans', site: 'other', surface: 'wiki-edit' }), compiled);
    expect(f).toEqual([{ rule: 'wiki-edit', start: 0, end: 9, severity: 'info', title: wiki.title, clause: wiki.clause }]);
    const none = compileRuleSet(pack(school, {}), []);
    expect(check(wikiEdit, 'St Aidans', '2026-11-23T10:15', 'wiki-edit', 'other', none)).toEqual([]);
    expect(wikiEdit.meta.id).toBe('wiki-edit');
  });
});
