import { describe, expect, it } from 'vitest';
import { CATALOGUE, detectLocale, enGB, LOCALES, paramsOf, t, type MessageKey } from './index';

const KEYS = Object.keys(enGB) as MessageKey[];

describe('catalogues', () => {
  it.each(LOCALES.filter((l) => l !== 'en-GB'))('%s has every key, none empty, with the same {params} as English', (locale) => {
    const cat = CATALOGUE[locale];
    expect(Object.keys(cat).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) {
      expect(cat[k].trim(), k).not.toBe('');
      expect(paramsOf(cat[k]), k).toEqual(paramsOf(enGB[k]));
    }
  });

  it('Welsh is translated, not copied: most messages differ from English', () => {
    const same = KEYS.filter((k) => CATALOGUE.cy[k] === enGB[k] && paramsOf(enGB[k]).length < 2 && k !== 'ext.name');
    expect(same).toEqual([]);
  });
});

describe('t', () => {
  it.each([
    ['en-GB', 'warning.policy', { clause: '§5.4 No names.' }, 'Policy: §5.4 No names.'],
    ['cy', 'warning.policy', { clause: '§5.4 Dim enwau.' }, 'Polisi: §5.4 Dim enwau.'],
    ['cy', 'warning.edit.post', undefined, 'Golygu fy mhostiad'],
    ['en-GB', 'warning.anyway.action', { verb: 'Confirm' }, 'Confirm anyway'],
    ['en-GB', 'warning.policy', {}, 'Policy: {clause}'],
  ] as const)('%s %s', (locale, key, params, expected) => {
    expect(t(key, params, locale)).toBe(expected);
  });
});

describe('detectLocale', () => {
  it.each([
    [['cy-GB', 'en-GB'], 'cy'],
    [['cy'], 'cy'],
    [['en-US', 'cy'], 'en-GB'],
    [['fr-FR'], 'en-GB'],
    [['fr-FR', 'cy'], 'cy'],
    [[], 'en-GB'],
  ] as const)('%j → %s', (langs, expected) => {
    expect(detectLocale(langs)).toBe(expected);
  });
});

describe('public/_locales', () => {
  it('match the catalogue (regenerate with npx tsx scripts/gen-locales.mjs)', async () => {
    const { readFileSync } = await import('node:fs');
    const { manifestMessages } = await import('./manifest');
    for (const [dir, messages] of Object.entries(manifestMessages())) {
      expect(JSON.parse(readFileSync(`public/_locales/${dir}/messages.json`, 'utf8'))).toEqual(messages);
    }
  });
});
