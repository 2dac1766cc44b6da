import { describe, expect, it } from 'vitest';
import { LOCALE_KEY, LocaleSetting, isLocaleMessage, withLocale, type LocaleStorageArea } from './locale';

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const writes: Record<string, unknown>[] = [];
  const api: LocaleStorageArea = {
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => {
      writes.push(items);
      Object.assign(data, items);
    },
  };
  return { api, data, writes };
}

describe('LocaleSetting', () => {
  it.each([
    [{}, ['cy-GB', 'en-GB'], 'cy'],
    [{}, ['en-US'], 'en-GB'],
    [{}, [], 'en-GB'],
    [{ [LOCALE_KEY]: 'cy' }, ['en-GB'], 'cy'],
    [{ [LOCALE_KEY]: 'en-GB' }, ['cy'], 'en-GB'],
    // A value that is not one of ours is ignored: the browser's languages decide.
    [{ [LOCALE_KEY]: 'fr' }, ['cy'], 'cy'],
    [{ [LOCALE_KEY]: { toString: 'cy' } }, ['en'], 'en-GB'],
  ] as const)('stored %j, browser %j → %s', async (stored, langs, want) => {
    const s = new LocaleSetting(area(stored).api, langs);
    await s.ready;
    expect(s.current()).toBe(want);
    expect(await s.handle({ type: 'getLocale' })).toEqual({ ok: true, locale: want });
  });

  it('setLocale stores only the tag and answers with it', async () => {
    const a = area();
    const s = new LocaleSetting(a.api, ['en-GB']);
    expect(await s.handle({ type: 'setLocale', locale: 'cy' })).toEqual({ ok: true, locale: 'cy' });
    expect(a.writes).toEqual([{ [LOCALE_KEY]: 'cy' }]);
    expect(s.current()).toBe('cy');
    // A new worker (restart) reads it back.
    const again = new LocaleSetting(a.api, ['en-GB']);
    await again.ready;
    expect(again.current()).toBe('cy');
  });

  it.each([
    [{ type: 'setLocale', locale: 'fr' }],
    [{ type: 'setLocale', locale: 'cy', extra: 1 }],
    [{ type: 'setLocale' }],
    [{ type: 'getLocale', locale: 'cy' }],
    [{ type: 'setLocale', locale: ['cy'] }],
    [null],
    ['setLocale'],
  ])('refuses %j and changes nothing', async (msg) => {
    const a = area();
    const s = new LocaleSetting(a.api, ['en-GB']);
    expect(await s.handle(msg)).toEqual({ ok: false, error: 'That request was not understood.' });
    expect(a.writes).toEqual([]);
    expect(s.current()).toBe('en-GB');
  });

  it('a storage area that fails to read leaves the browser default', async () => {
    const s = new LocaleSetting({ get: () => Promise.reject(new Error('gone')), set: async () => {} }, ['cy']);
    await s.ready;
    expect(s.current()).toBe('cy');
  });
});

describe('isLocaleMessage / withLocale', () => {
  it.each([
    [{ type: 'getLocale' }, true],
    [{ type: 'setLocale', locale: 'x' }, true],
    [{ type: 'getStatus' }, false],
    [null, false],
  ])('isLocaleMessage(%j) is %s', (m, want) => {
    expect(isLocaleMessage(m)).toBe(want);
  });

  it.each([
    [{ ok: true, findings: [] }, { ok: true, findings: [], locale: 'cy' }],
    [{ ok: false, error: 'rate-limited' }, { ok: false, error: 'rate-limited' }],
    [undefined, undefined],
  ])('withLocale(%j)', (res, want) => {
    expect(withLocale(res, 'cy')).toEqual(want);
  });
});
