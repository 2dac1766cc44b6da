// evaluate: rule selection, ordering, the 20,000-character cap, and the rule registry.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RulePack } from '../pack/types';
import { RULES } from '../rules';
import { compileRuleSet } from './compile';
import { evaluate, MAX_CHECK_CHARS, prepareInput } from './evaluate';
import { RULE_IDS, type PersonNames, type SiteId } from './types';

const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary', aliases: ['Holbrook'], handles: [], hashtags: [], emailDomains: [] },
  rules: {
    'pupil-name': { enabled: true, severity: 'high', title: 'Pupil', clause: 'c1', sites: { reddit: { enabled: false } } },
    'school-identity': { enabled: true, severity: 'warn', title: 'School', clause: 'c2', sites: { linkedin: { enabled: false } } },
  },
};
const people: PersonNames[] = [
  { role: 'pupil', forename: 'Evie', surname: 'Carter' },
  { role: 'pupil', forename: 'Holbrook', surname: 'Smith' },
];
const compiled = compileRuleSet(pack, people);

const run = (text: string, site: SiteId = 'facebook') =>
  evaluate(compiled, { text, site }).map((f) => [f.rule, f.start, f.end, f.severity]);

describe('evaluate', () => {
  it('sorts by start, then rule id, then end', () => {
    expect(run('Evie Carter at Holbrook Primary; Holbrook Smith')).toEqual([
      ['pupil-name', 0, 11, 'high'],
      ['school-identity', 15, 31, 'warn'],
      ['pupil-name', 33, 47, 'high'],
      ['school-identity', 33, 41, 'warn'],
    ]);
  });

  it('runs only the rules that are on for the site', () => {
    const text = 'Evie Carter at Holbrook';
    expect(run(text, 'linkedin').map((f) => f[0])).toEqual(['pupil-name']);
    expect(run(text, 'reddit').map((f) => f[0])).toEqual(['school-identity']);
    expect(evaluate(compileRuleSet({ ...pack, rules: {} }, people), { text, site: 'x' })).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(run('')).toEqual([]);
  });
});

describe('the 20,000-character cap', () => {
  const pad = (n: number) => 'x '.repeat(n / 2);
  const name = 'Evie Carter';

  it('is 20,000', () => {
    expect(MAX_CHECK_CHARS).toBe(20_000);
  });

  it('checks a name that ends exactly at the cap', () => {
    const text = pad(MAX_CHECK_CHARS - name.length - 1) + ' ' + name + ' more text';
    expect(text.indexOf(name) + name.length).toBe(MAX_CHECK_CHARS);
    expect(run(text)).toEqual([['pupil-name', MAX_CHECK_CHARS - name.length, MAX_CHECK_CHARS, 'high']]);
  });

  it('ignores a name the cap cuts through, or one after it', () => {
    const across = pad(MAX_CHECK_CHARS - 6) + name;
    expect(run(across)).toEqual([]);
    const after = pad(MAX_CHECK_CHARS) + name;
    expect(run(after)).toEqual([]);
  });

  it('does not match a word cut short by the cap ("Carters" cut to "Carter")', () => {
    const text = pad(MAX_CHECK_CHARS - name.length - 1) + ' ' + name + 's';
    expect(text.length).toBe(MAX_CHECK_CHARS + 1);
    expect(run(text)).toEqual([]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a'.repeat(MAX_CHECK_CHARS - 1) + '😀';
    expect(prepareInput({ text, site: 'x' }).text).toHaveLength(MAX_CHECK_CHARS - 1);
  });
});

describe('rule registry', () => {
  const ids = RULES.map((r) => r.meta.id);
  it('is sorted by id, without duplicates', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });
  it('registers only known rule ids', () => {
    for (const id of ids) expect(RULE_IDS).toContain(id);
  });
  it('has a colocated test for every rule', () => {
    for (const id of ids) expect(existsSync(new URL(`../rules/${id}.test.ts`, import.meta.url))).toBe(true);
  });
});

describe('surfaces', () => {
  it('every surface the site channel accepts is one the engine knows', async () => {
    const { SURFACES: channel } = await import('../messaging/protocol');
    const { SURFACES: engine } = await import('./types');
    for (const s of channel) expect(engine).toContain(s);
  });
});
