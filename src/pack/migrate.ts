/**
 * Rule-pack migrations, version by version. Pure data in, fresh data out; no browser API.
 * Trusted side (options page, background, CLI), but the data it sees is still untrusted: it runs
 * after parse.ts has copied the raw JSON into plain null-prototype objects with reserved keys
 * (`__proto__`, `constructor`, `prototype`) already rejected, and before the strict schema check.
 *
 * Only version 1 exists today, so the table is empty and a v1 pack passes straight through.
 *
 * How version 2 will slot in (the order matters, each step has a test):
 *   1. Add `test/fixtures/packs/v2-minimal.json`; keep every v1 fixture for ever.
 *   2. Write `function v1ToV2(pack: PackData): PackData` below. It must be pure: build and return a
 *      NEW object (never mutate its argument, never merge into an existing object) and set
 *      `version: 2`. Unknown v1 keys cannot reach it (the v1 shape was validated when saved, and
 *      parse.ts rejects reserved keys before any migration), so it only maps known fields.
 *   3. Register it as `1: v1ToV2` in MIGRATIONS and bump CURRENT_PACK_VERSION to 2.
 *   4. Change src/pack/types.ts, the valibot schema in parse.ts and rules/schema.json to v2, and
 *      update rules/*.json (they are always stored at the current version).
 *   5. Test: every v1 fixture migrates and parses, and equals its v2 counterpart.
 * A pack newer than CURRENT_PACK_VERSION is refused with a message asking for an update: we never
 * guess at a future format.
 */

/** The pack format version this build reads and writes. */
export const CURRENT_PACK_VERSION = 1;

/** A pack as plain data (null-prototype objects, arrays, strings, numbers, booleans, null). */
export type PackData = Record<string, unknown>;

/** Turns a version-n pack into a version-(n+1) pack. Pure; returns a fresh object. */
export type Migration = (older: Readonly<PackData>) => PackData;

/** MIGRATIONS[n] migrates version n to n + 1. Empty while only v1 exists (see header). */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({
  // 1: v1ToV2,
});

export type MigrateResult = { ok: true; data: PackData } | { ok: false; error: string };

/** Brings a pack of any known version up to CURRENT_PACK_VERSION, one step at a time. */
export function migratePack(data: Readonly<PackData>): MigrateResult {
  const version = data.version;
  if (version === undefined) {
    return { ok: false, error: `version is missing: add "version": ${CURRENT_PACK_VERSION}` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ok: false,
      error: `version should be a whole number, e.g. ${CURRENT_PACK_VERSION} (this copy of Second Look reads version ${CURRENT_PACK_VERSION})`,
    };
  }
  if (version > CURRENT_PACK_VERSION) {
    return {
      ok: false,
      error:
        `This rule pack is version ${version}, which is newer than this copy of Second Look understands ` +
        `(version ${CURRENT_PACK_VERSION}). Update Second Look, or ask for a version ${CURRENT_PACK_VERSION} pack.`,
    };
  }
  if (version < 1) {
    return { ok: false, error: `version ${version} is not a rule pack version: the first version is 1` };
  }
  let current: PackData = data as PackData;
  for (let from = version; from < CURRENT_PACK_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) {
      // A gap in the table is a programming error; say so rather than half-migrate.
      return { ok: false, error: `Second Look cannot upgrade a version ${from} pack (no migration is registered)` };
    }
    current = step(current);
    if (current.version !== from + 1) {
      return { ok: false, error: `the migration from version ${from} did not produce version ${from + 1}` };
    }
  }
  return { ok: true, data: current };
}
