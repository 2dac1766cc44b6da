import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['’', 3],
    ['😀', 4],
    ['\uD83D', 3], // a lone surrogate is encoded as U+FFFD (3 bytes)
    ['\uD83D\uD83D', 6],
    ['\uDE00\uD83D', 6],
  ])('%j is %i bytes', (s, n) => expect(utf8Length(s)).toBe(n));

  it('agrees with TextEncoder on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length), { numRuns: 2000 });
  }, PROPERTY_TIMEOUT_MS);
});
