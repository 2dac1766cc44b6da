/**
 * Keyed hashing of name words, as exact-data-match DLP systems do: the class list is stored and
 * matched as HMAC-SHA256(key, normalised word) truncated to 60 bits, never as plain names.
 * Pure: no browser API except `crypto.getRandomValues` for a new key (in Node 20 and every
 * extension context). Trusted side only (background, options page, CLI).
 *
 * The key is random per install (kept in IndexedDB `meta`, see storage/repo.ts); the CLI and tests
 * use an ephemeral one. 60 bits: the index holds a few hundred thousand keys, so a chance collision
 * with one of a post's words is about 1 in 10^12 per word.
 *
 * Cost (measured in Node 20 on this machine, `@noble/hashes` 2.4): HMAC-SHA256 ≈ 4 µs per short
 * word with a pre-keyed clone, BLAKE3 keyed ≈ 5 µs, BLAKE2s ≈ 6 µs: all the same order, so the
 * standard construction, computed by hmac-short.ts (the key's pads precomputed, one block per
 * word: two compressions, no allocation; equal to noble's HMAC, property-tested). The text side is
 * made cheap by a cache of word → hash (the same words recur in every check of a post being
 * typed), and by hashing each token once per check.
 */
import { ShortHmac } from './hmac-short';
import type { Token } from './tokenise';

export const HASH_KEY_BYTES = 32;

/** A fresh random key for a new install or a CLI run. */
export function randomKey(): Uint8Array {
  const key = new Uint8Array(HASH_KEY_BYTES);
  crypto.getRandomValues(key);
  return key;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 60 bits of `d` as 10 base64url characters: no space or comma, so hashes join into n-gram keys. */
function encode60(d: Uint8Array): string {
  let out = '';
  // 7.5 bytes → 10 six-bit digits.
  let acc = 0;
  let bits = 0;
  let i = 0;
  while (out.length < 10) {
    if (bits < 6) {
      acc = ((acc << 8) | (d[i++] as number)) & 0xffff;
      bits += 8;
    }
    bits -= 6;
    out += B64[(acc >>> bits) & 63];
  }
  return out;
}

/** Above this many cached words the cache starts again (a bound on memory, not a privacy measure). */
const CACHE_MAX = 100_000;

const encoder = new TextEncoder();
const scratch = new Uint8Array(192);

export class NameHasher {
  private readonly mac: ShortHmac;
  private readonly cache = new Map<string, string>();
  private readonly perTokens = new WeakMap<readonly Token[], readonly string[]>();

  constructor(key: Uint8Array) {
    if (key.length < 16) throw new Error('name-hash key too short');
    this.mac = new ShortHmac(key);
  }

  /** The keyed hash of `s` without touching the cache: for one-off strings (a person's tag forms at import). */
  hashOnce(s: string): string {
    return this.cache.get(s) ?? this.compute(s);
  }

  private compute(s: string): string {
    // UTF-8 is at most 3 bytes per UTF-16 unit: short strings go through one reused buffer.
    if (s.length * 3 <= scratch.length) {
      const { written } = encoder.encodeInto(s, scratch);
      return encode60(this.mac.digest(scratch.subarray(0, written)));
    }
    return encode60(this.mac.digest(encoder.encode(s)));
  }

  /** The keyed hash of one normalised string (a token norm, or '#'/'@' + a tag body), cached. */
  hash(s: string): string {
    let h = this.cache.get(s);
    if (h === undefined) {
      h = this.compute(s);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(s, h);
    }
    return h;
  }

  /**
   * The hash of every token of one check, in order ('#'/'@' tokens hashed with their sign), computed
   * once per token array however many matchers look at it.
   */
  keysFor(tokens: readonly Token[]): readonly string[] {
    let keys = this.perTokens.get(tokens);
    if (!keys) {
      const out: string[] = new Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        out[i] = this.hash(t.prefix === undefined ? t.norm : t.prefix + t.norm);
      }
      this.perTokens.set(tokens, (keys = out));
    }
    return keys;
  }

  /** Forgets every cached word (benchmarks measure a cold check with it). */
  clear(): void {
    this.cache.clear();
  }

  /** Number of cached words (benchmarks). */
  get cached(): number {
    return this.cache.size;
  }
}
