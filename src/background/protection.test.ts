import { describe, expect, it } from 'vitest';
import { applyProtectionReport, isProtectionReport, type ActionApi } from './protection';

const LIMITED_TITLE =
  'Second Look: limited protection on this page. The site has changed and its usual hooks were not found; what you type is still checked, but some buttons may not be held.';
const DEFAULT_TITLE = 'Second Look settings';

function fakeAction() {
  const calls: string[] = [];
  const api: ActionApi = {
    setBadgeText: async (d) => void calls.push(`text ${d.tabId} ${JSON.stringify(d.text)}`),
    setTitle: async (d) => void calls.push(`title ${d.tabId} ${d.title === LIMITED_TITLE ? 'LIMITED' : d.title === DEFAULT_TITLE ? 'DEFAULT' : d.title}`),
    setBadgeBackgroundColor: async (d) => void calls.push(`color ${d.tabId} ${d.color}`),
  };
  return { api, calls };
}

describe('protection report', () => {
  it.each([
    [{ type: 'protection', level: 'limited' }, ['text 7 "!"', 'title 7 LIMITED', 'color 7 #b45309']],
    [{ type: 'protection', level: 'full' }, ['text 7 ""', 'title 7 DEFAULT']],
  ])('valid %j sets the badge for the sender tab', async (msg, want) => {
    const { api, calls } = fakeAction();
    expect(await applyProtectionReport(msg, 7, api)).toBe(true);
    expect(calls).toEqual(want);
  });

  it.each([
    ['limited', 'Second Look: diogelwch cyfyngedig ar y dudalen hon.'],
    ['full', 'Gosodiadau Second Look'],
  ] as const)('in Welsh, %s gives the Welsh title', async (level, start) => {
    const titles: string[] = [];
    const api: ActionApi = { setBadgeText: async () => {}, setTitle: async (d) => void titles.push(d.title) };
    expect(await applyProtectionReport({ type: 'protection', level }, 7, api, 'cy')).toBe(true);
    expect(titles).toHaveLength(1);
    expect(titles[0]!.startsWith(start)).toBe(true);
  });

  it.each([
    [{ type: 'protection', level: 'none' }],
    [{ type: 'protection', level: 'limited', tabId: 3 }],
    [{ type: 'protection' }],
    [{ type: 'protection', level: 'limited', title: '<b>pwned</b>' }],
    ['protection'],
    [null],
  ])('invalid %j changes nothing', async (msg) => {
    const { api, calls } = fakeAction();
    expect(await applyProtectionReport(msg, 7, api)).toBe(false);
    expect(calls).toEqual([]);
  });

  it.each([
    [{ type: 'protection' }, true],
    [{ type: 'check' }, false],
    [null, false],
    ['protection', false],
  ])('isProtectionReport(%j) is %s', (msg, want) => {
    expect(isProtectionReport(msg)).toBe(want);
  });
});
