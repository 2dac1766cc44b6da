/** The managed-policy reader against a fake storage area: absent, valid (text and object), hostile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_KEY, readManagedPack, type ManagedArea } from './managed';

const demo = readFileSync(new URL('../../rules/demo.json', import.meta.url), 'utf8');
const area = (items: Record<string, unknown>): ManagedArea & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return { asked, get: async (keys) => (asked.push(keys), items) };
};

describe('readManagedPack', () => {
  it('no area, an empty policy, an empty string and a rejecting area all mean "none"', async () => {
    expect(await readManagedPack(undefined)).toEqual({ state: 'none' });
    expect(await readManagedPack(area({}))).toEqual({ state: 'none' });
    expect(await readManagedPack(area({ [MANAGED_KEY]: '' }))).toEqual({ state: 'none' });
    expect(await readManagedPack({ get: () => Promise.reject(new Error('Managed storage manifest not found')) })).toEqual({ state: 'none' });
  });

  it('a pack given as JSON text or as an object is parsed strictly and frozen; only rulePack is asked for', async () => {
    const a = area({ [MANAGED_KEY]: demo, other: 'ignored' });
    const text = await readManagedPack(a);
    expect(a.asked).toEqual([MANAGED_KEY]);
    if (text.state !== 'active') throw new Error(text.state);
    expect(text.pack.school.name).toBe('Holbrook Primary School');
    expect(Object.isFrozen(text.pack.school)).toBe(true);
    const obj = await readManagedPack(area({ [MANAGED_KEY]: JSON.parse(demo) }));
    expect(obj).toEqual(text);
  });

  it.each([
    ['not JSON', '{nope', /^The pack file is not valid JSON/],
    ['wrong format', JSON.stringify({ format: 'x' }), /^format should be "second-look-pack"/],
    ['prototype pollution', `{"format":"second-look-pack","version":1,"__proto__":{"polluted":1}}`, /^__proto__ is not allowed/],
    ['unknown key', JSON.stringify({ ...JSON.parse(demo), extra: 1 }), /^extra is not a known setting$/],
    ['a number', 42, /^The pack should be a JSON object/],
  ])('refuses %s with the parser message', async (_, value, message) => {
    const r = await readManagedPack(area({ [MANAGED_KEY]: value }));
    if (r.state !== 'invalid') throw new Error(r.state);
    expect(r.errors[0]).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
