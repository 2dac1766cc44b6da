// ShortHmac must equal @noble/hashes' HMAC-SHA256 for every message length and key length.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortHmac } from './hmac-short';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('ShortHmac', () => {
  it('equals HMAC-SHA256 on every length 0..80 (the one-block path and the fallback)', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
    const h = new ShortHmac(key);
    for (let n = 0; n <= 80; n++) {
      const msg = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(h.digest(msg)).toEqual(hmac(sha256, key, msg));
    }
  });

  it('equals HMAC-SHA256 for random keys and messages (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.uint8Array({ maxLength: 70 }), (key, msg) => {
        expect(new ShortHmac(key).digest(msg)).toEqual(hmac(sha256, key, msg));
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
