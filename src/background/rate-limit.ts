/**
 * Per-tab token bucket for site-channel checks. A page that types names programmatically at speed
 * to probe the class list gets "rate-limited" instead of verdicts (threat model B1, the oracle).
 * Pure: time is passed in.
 */
export class RateLimiter {
  private buckets = new Map<number, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond = 10,
    private readonly burst = 30,
  ) {}

  take(key: number, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 500) this.buckets.delete(this.buckets.keys().next().value!);
    return true;
  }
}
