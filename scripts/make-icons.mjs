#!/usr/bin/env node
/**
 * Draws the toolbar icon (a magnifying glass over a speech bubble: "take a second look before you
 * post") as PNGs in public/icon/, where WXT picks them up. Pure Node (zlib), no image library;
 * run once after changing the design, the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a 0..1 square. Returns [r,g,b] or null (transparent).
function shade(u, v) {
  const blue = [29, 78, 216];
  const white = [255, 255, 255];
  const amber = [245, 158, 11];
  // Rounded-square background.
  const r = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (Math.hypot(dx, dy) > r) return null;
  // Magnifier handle (amber), from the lens towards the bottom right.
  const hx = u - 0.66, hy = v - 0.66;
  const along = (hx + hy) / Math.SQRT2, across = (hx - hy) / Math.SQRT2;
  if (along > 0 && along < 0.26 && Math.abs(across) < 0.065) return amber;
  // Lens ring (white) with a blue inside holding two white "text" lines.
  const d = Math.hypot(u - 0.44, v - 0.44);
  if (d < 0.3 && d > 0.22) return white;
  if (d <= 0.22) {
    if (Math.abs(v - 0.39) < 0.03 && u > 0.31 && u < 0.57) return white;
    if (Math.abs(v - 0.49) < 0.03 && u > 0.31 && u < 0.5) return white;
    return blue;
  }
  return blue;
}

for (const size of [16, 32, 48, 128]) {
  const ss = 4; // supersampling for smooth edges
  const out = png(size, (x, y) => {
    let acc = [0, 0, 0], n = 0;
    for (let i = 0; i < ss; i++) for (let j = 0; j < ss; j++) {
      const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
      if (c) { acc = acc.map((a, k) => a + c[k]); n++; }
    }
    return n ? [...acc.map((a) => Math.round(a / n)), Math.round((255 * n) / (ss * ss))] : [0, 0, 0, 0];
  });
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), out);
}
console.log('wrote public/icon/{16,32,48,128}.png');
