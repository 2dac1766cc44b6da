/**
 * HMAC-SHA256 specialised for short messages (at most 55 bytes: one SHA-256 block with its padding),
 * the size of a name word or a tag. The key's inner and outer states are computed once, so each
 * message costs exactly two compressions and no allocation besides the result. Longer messages go
 * to `@noble/hashes`. Pure: no browser API. Checked against `@noble/hashes/hmac` in hmac-short.test.ts.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Uint32Array(64);

/** One SHA-256 compression of the 16 big-endian words already in W[0..15], into `st`. */
function compress(st: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = st[0] as number, b = st[1] as number, c = st[2] as number, d = st[3] as number;
  let e = st[4] as number, f = st[5] as number, g = st[6] as number, h = st[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  st[0] = (st[0] as number) + a; st[1] = (st[1] as number) + b; st[2] = (st[2] as number) + c; st[3] = (st[3] as number) + d;
  st[4] = (st[4] as number) + e; st[5] = (st[5] as number) + f; st[6] = (st[6] as number) + g; st[7] = (st[7] as number) + h;
}

/** State after one block of `key` (≤ 64 bytes, zero-padded) XOR `pad`. */
function keyedState(key: Uint8Array, pad: number): Uint32Array {
  const st = IV.slice();
  for (let i = 0; i < 16; i++) {
    let w = 0;
    for (let j = 0; j < 4; j++) w = (w << 8) | (((key[i * 4 + j] ?? 0) ^ pad) & 0xff);
    W[i] = w;
  }
  compress(st);
  return st;
}

export class ShortHmac {
  private readonly inner: Uint32Array;
  private readonly outer: Uint32Array;
  private readonly st = new Uint32Array(8);
  private readonly long: ReturnType<typeof hmac.create>;

  constructor(key: Uint8Array) {
    const k = key.length > 64 ? sha256(key) : key;
    this.inner = keyedState(k, 0x36);
    this.outer = keyedState(k, 0x5c);
    this.long = hmac.create(sha256, key);
  }

  /** HMAC-SHA256(key, msg): the full 32-byte digest. */
  digest(msg: Uint8Array): Uint8Array {
    const n = msg.length;
    if (n > 55) return this.long.clone().update(msg).digest();
    const st = this.st;
    st.set(this.inner);
    // Inner: message, 0x80, zeros, bit length (64 + n bytes, counting the key block).
    W.fill(0, 0, 16);
    for (let i = 0; i < n; i++) W[i >> 2] = (W[i >> 2] as number) | ((msg[i] as number) << (24 - 8 * (i & 3)));
    W[n >> 2] = (W[n >> 2] as number) | (0x80 << (24 - 8 * (n & 3)));
    W[15] = (64 + n) * 8;
    compress(st);
    // Outer: the 32-byte inner digest, 0x80, zeros, bit length (64 + 32 bytes).
    for (let i = 0; i < 8; i++) W[i] = st[i] as number;
    W[8] = 0x80000000;
    W.fill(0, 9, 15);
    W[15] = (64 + 32) * 8;
    st.set(this.outer);
    compress(st);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const w = st[i] as number;
      out[i * 4] = w >>> 24;
      out[i * 4 + 1] = (w >>> 16) & 0xff;
      out[i * 4 + 2] = (w >>> 8) & 0xff;
      out[i * 4 + 3] = w & 0xff;
    }
    return out;
  }
}
