import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the set rate, per tab', () => {
    const rl = new RateLimiter(10, 5);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(rl.take(1, t0)).toBe(true);
    expect(rl.take(1, t0)).toBe(false);
    expect(rl.take(2, t0)).toBe(true); // another tab has its own bucket
    expect(rl.take(1, t0 + 50)).toBe(false); // half a token
    expect(rl.take(1, t0 + 100)).toBe(true); // one token after 100 ms at 10/s
    expect(rl.take(1, t0 + 100)).toBe(false);
  });
});
