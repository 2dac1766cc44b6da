/**
 * Migration table and per-version fixtures. Each pack version keeps a fixture in
 * test/fixtures/packs/ for ever; every one must still parse to a current pack.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_PACK_VERSION, MIGRATIONS, migratePack } from './migrate';
import { parsePack, parsePackText } from './parse';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/packs/${name}`, import.meta.url), 'utf8');

describe('pack fixtures by version', () => {
  it('v1-minimal.json parses to the expected pack', () => {
    const r = parsePackText(fixture('v1-minimal.json'));
    expect(r).toEqual({
      ok: true,
      pack: {
        format: 'second-look-pack',
        version: 1,
        id: 'v1-minimal',
        title: 'Smallest useful version 1 pack',
        school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
        rules: {
          'pupil-name': { enabled: true, severity: 'high', title: "Pupil's name", clause: 'Do not discuss pupils on social media.' },
        },
      },
    });
  });
});

describe('migratePack', () => {
  it('has one migration per step below the current version, and none beyond', () => {
    const steps = Object.keys(MIGRATIONS).map(Number).sort((a, b) => a - b);
    expect(steps).toEqual(Array.from({ length: CURRENT_PACK_VERSION - 1 }, (_, i) => i + 1));
  });

  it('passes a current-version pack through untouched', () => {
    const data = { format: 'second-look-pack', version: CURRENT_PACK_VERSION, id: 'x' };
    const r = migratePack(data);
    expect(r).toEqual({ ok: true, data });
  });

  it.each([
    [{ version: CURRENT_PACK_VERSION + 1 }, `This rule pack is version ${CURRENT_PACK_VERSION + 1}, which is newer`],
    [{ version: 0 }, 'version 0 is not a rule pack version'],
    [{ version: -3 }, 'version -3 is not a rule pack version'],
    [{ version: '1' }, 'version should be a whole number'],
    [{ version: null }, 'version should be a whole number'],
    [{}, 'version is missing'],
  ])('refuses %j', (data, message) => {
    const r = migratePack(data as Record<string, unknown>);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('is what parsePack uses (a future version is refused before the schema runs)', () => {
    const r = parsePack({ format: 'second-look-pack', version: 99, whatever: true });
    expect(r).toEqual({
      ok: false,
      errors: ['This rule pack is version 99, which is newer than this copy of Second Look understands (version 1). Update Second Look, or ask for a version 1 pack.'],
    });
  });

  it('v1-school-profile.json: the optional locations and working hours (added without a version bump) parse', () => {
    const r = parsePackText(fixture('v1-school-profile.json'));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.pack.version).toBe(1);
    expect(r.pack.school.locations).toEqual([{ name: 'Main site', latitude: 52.4862, longitude: -1.8904, radiusMetres: 150 }]);
    expect(r.pack.school.workingHours).toEqual({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' });
  });
});
