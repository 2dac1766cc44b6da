// The logo matcher against a near-twin crest: same shape, quartering and emblem, other initials and
// other grey levels. The school's own crest, even recoloured, must match; the twin must not.
import { describe, expect, it } from 'vitest';
import { matchLogoFeatures, prepareLogoFeatures, sceneFeatures } from './features';
import type { GrayImage } from './raster';

/** 5×7 bitmaps of a few capitals. */
const GLYPHS: Record<string, string[]> = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  B: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
};

/** A round crest, quartered in two tones, an open book, two initials in white. */
function crest(initials: string, tones: [number, number, number], design: 'round' | 'square' = 'round'): GrayImage {
  const W = 220;
  const H = 240;
  const data = new Uint8Array(W * H).fill(255);
  const [ring, q1, q2] = tones;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x - W / 2;
      const dy = y - H / 2;
      const r = Math.hypot(dx, dy);
      if (design === 'round' && r < 104) data[y * W + x] = r > 96 ? ring : (dx < 0) === (dy < 0) ? q1 : q2;
      // Another design: a square with a band across, no quartering.
      const edge = Math.max(Math.abs(dx), Math.abs(dy));
      if (design === 'square' && edge < 100) data[y * W + x] = edge > 92 ? ring : Math.abs(dy - 60) < 8 ? q2 : q1;
    }
  }
  const rect = (x0: number, y0: number, w: number, h: number, v: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * W + x] = v;
  };
  // The book: two pages with lines.
  rect(62, 50, 44, 56, 250);
  rect(114, 50, 44, 56, 250);
  for (let i = 0; i < 4; i++) {
    rect(68, 60 + i * 11, 32, 3, q1);
    rect(120, 60 + i * 11, 32, 3, q1);
  }
  // Initials, 6 px a dot.
  [...initials].forEach((ch, k) => {
    const g = GLYPHS[ch] as string[];
    g.forEach((row, gy) => [...row].forEach((bit, gx) => bit === '1' && rect(70 + k * 44 + gx * 6, 130 + gy * 6, 6, 6, 250)));
  });
  return { width: W, height: H, data };
}

/** A textured grey scene with `logo` pasted at (x0, y0). */
function scene(logo: GrayImage | null, x0: number, y0: number, seed: number): GrayImage {
  const W = 900;
  const H = 640;
  const data = new Uint8Array(W * H);
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < data.length; i++) data[i] = 110 + ((i % W) >> 4) % 3 * 20 + Math.floor(rnd() * 14);
  // Some blocks so the scene has corners of its own.
  for (let k = 0; k < 40; k++) {
    const bx = Math.floor(rnd() * (W - 60));
    const by = Math.floor(rnd() * (H - 60));
    const v = Math.floor(rnd() * 255);
    for (let y = by; y < by + 20 + rnd() * 40; y++) for (let x = bx; x < bx + 20 + rnd() * 40; x++) data[y * W + x] = v;
  }
  if (logo) {
    for (let y = 0; y < logo.height; y++) {
      for (let x = 0; x < logo.width; x++) {
        const v = logo.data[y * logo.width + x] as number;
        if (v !== 255) data[(y + y0) * W + x + x0] = v;
      }
    }
  }
  return { width: W, height: H, data };
}

describe('logo features: near-twin crests', () => {
  const ours = crest('AB', [40, 70, 150]);
  const prepared = prepareLogoFeatures(ours, ours.data.map((v) => (v === 255 ? 0 : 1)));
  const find = (img: GrayImage) => {
    const f = sceneFeatures(img);
    return f ? matchLogoFeatures(img, f, prepared) : null;
  };

  it('finds the crest in a scene, and recoloured (other grey levels)', () => {
    expect(find(scene(ours, 300, 200, 7))).not.toBeNull();
    expect(find(scene(crest('AB', [200, 120, 30]), 420, 160, 8))).not.toBeNull();
  });

  it('does not take a crest that differs only in its initials and colours for it', () => {
    expect(find(scene(crest('KM', [40, 70, 150]), 300, 200, 7))).toBeNull();
    expect(find(scene(crest('KM', [200, 120, 30]), 420, 160, 8))).toBeNull();
  });

  it('does not take a crest of another design with the same book and initials for it', () => {
    // The detailed cells (book, initials) agree; the outline and the quartering do not.
    expect(find(scene(crest('AB', [40, 70, 150], 'square'), 300, 200, 7))).toBeNull();
    expect(find(scene(crest('AB', [200, 120, 30], 'square'), 420, 160, 8))).toBeNull();
  });

  it('stays quiet on the scene alone', () => {
    expect(find(scene(null, 0, 0, 7))).toBeNull();
  });
});
