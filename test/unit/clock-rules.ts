/**
 * The school, pack and check helper both clock-driven rule tables use (src/rules/working-hours.test.ts,
 * src/rules/wiki-edit.test.ts): working hours Mon–Fri 08:30–16:00, a Christmas holiday and a closure day.
 */
import { parseLocalTime } from '../../src/engine/clock';
import { compileRuleSet, type CompiledRuleSet } from '../../src/engine/compile';
import { prepareInput } from '../../src/engine/evaluate';
import type { Surface } from '../../src/engine/types';
import type { RulePack, RuleSettings, SchoolProfile } from '../../src/pack/types';
import type * as wikiEdit from '../../src/rules/wiki-edit';
import type * as workingHours from '../../src/rules/working-hours';

export const wh: RuleSettings = {
  enabled: true,
  severity: 'info',
  title: 'Social media in working time',
  clause: 'Do not use social media for personal purposes during working time.',
  sites: { linkedin: { enabled: false }, x: { severity: 'warn' } },
};
export const wiki: RuleSettings = { enabled: true, severity: 'info', title: 'Editing Wikipedia at work', clause: '§6.11: no Wikipedia edits at work.' };
export const school: SchoolProfile = {
  name: "St Aidan's Primary",
  aliases: ['St Aidans'],
  handles: [],
  hashtags: [],
  emailDomains: [],
  workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' },
  holidays: [
    { name: 'Christmas holidays', from: '2026-12-19', to: '2027-01-03' },
    { name: 'Closure day', from: '2026-11-27', to: '2026-11-27' },
  ],
};
export const pack = (s: SchoolProfile, rules: RulePack['rules']): RulePack => ({ format: 'second-look-pack', version: 1, id: 't', title: 't', school: s, rules });
export const compiled = compileRuleSet(pack(school, { 'working-hours': wh, 'wiki-edit': wiki }), []);

export type Site = 'facebook' | 'linkedin' | 'x' | 'other';
export function check(rule: typeof wikiEdit | typeof workingHours, text: string, now: string | null, surface: Surface = 'post', site: Site = 'facebook', c: CompiledRuleSet = compiled) {
  const input = prepareInput({ text, site, surface, ...(now ? { now: parseLocalTime(now)! } : {}) });
  return rule.detect(input, c).map((f) => [f.start, f.end, f.severity]);
}
