import { describe, expect, it } from 'vitest';
import { placePanel, type Rect } from './placement';

const VW = 1280;
const VH = 720;
const PANEL = { w: 360, h: 550 };
const box = (p: { left: number; top: number }, s = PANEL): Rect => ({ x: p.left, y: p.top, w: s.w, h: s.h });
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.w <= VW && r.y + r.h <= VH;

describe('placePanel', () => {
  it('a request card in a column of cards: beside the card, over neither it nor the next one', () => {
    const card = { x: 14, y: 80, w: 314, h: 98 };
    const next = { x: 14, y: 184, w: 314, h: 98 };
    const p = placePanel(card, [next], PANEL, VW, VH);
    expect(p.left).toBe(14 + 314 + 12);
    expect(overlaps(box(p), card) || overlaps(box(p), next)).toBe(false);
    expect(inside(box(p))).toBe(true);
  });

  it('a card near the right edge: on its left', () => {
    const card = { x: 900, y: 100, w: 360, h: 90 };
    const p = placePanel(card, [{ x: 900, y: 200, w: 360, h: 90 }], PANEL, VW, VH);
    expect(p.left + PANEL.w).toBeLessThanOrEqual(900);
  });

  it('a row of cards side by side (a grid with one row): below the card, not over the card to its right', () => {
    const cards = [0, 1, 2].map((i) => ({ x: 14 + i * 312, y: 80, w: 300, h: 120 }));
    const p = placePanel(cards[0]!, cards.slice(1), { w: 360, h: 400 }, VW, VH);
    expect(p.top).toBeGreaterThanOrEqual(200);
    for (const c of cards) expect(overlaps(box(p, { w: 360, h: 400 }), c)).toBe(false);
  });

  it('full-width rows: above the card when the next row is below and there is room', () => {
    const card = { x: 0, y: 500, w: VW, h: 80 };
    const next = { x: 0, y: 590, w: VW, h: 80 };
    const p = placePanel(card, [next], { w: 360, h: 300 }, VW, VH);
    expect(p.top + 300).toBeLessThanOrEqual(500);
    expect(overlaps(box(p, { w: 360, h: 300 }), next)).toBe(false);
  });

  it('no clear place (a full grid): inside the viewport, covering less of the neighbours than the old place beside the button', () => {
    const cards: Rect[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) cards.push({ x: 10 + c * 316, y: 10 + r * 236, w: 306, h: 226 });
    const anchor = cards[5]!;
    const avoid = cards.filter((c) => c !== anchor);
    const p = placePanel(anchor, avoid, PANEL, VW, VH);
    expect(inside(box(p))).toBe(true);
    const area = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
    const cover = (q: { left: number; top: number }) => avoid.reduce((n, c) => n + area(box(q), c), 0);
    // Never worse than simply putting it to the right of the card, as it used to be.
    expect(cover(p)).toBeLessThanOrEqual(cover({ left: Math.min(anchor.x + anchor.w + 12, VW - 368), top: anchor.y }));
  });

  it('a composer with nothing to avoid: right of it, as before', () => {
    const composer = { x: 100, y: 100, w: 420, h: 60 };
    expect(placePanel(composer, [], PANEL, VW, VH)).toEqual({ left: 532, top: 100 });
  });
});

describe('placePanel: the image warning by a composer and its Send button', () => {
  it('a message composer along the bottom with Send at its right end: above the composer, over neither', () => {
    const composer = { x: 40, y: 660, w: 1160, h: 36 };
    const send = { x: 1208, y: 660, w: 32, h: 36 };
    const size = { w: 360, h: 320 };
    const p = placePanel(composer, [send], size, VW, VH);
    expect(overlaps(box(p, size), composer)).toBe(false);
    expect(overlaps(box(p, size), send)).toBe(false);
    expect(p.top + size.h).toBeLessThanOrEqual(660);
    expect(inside(box(p, size))).toBe(true);
  });

  it('a post composer at the top with Post below its right end: right of the composer, clear of Post', () => {
    const composer = { x: 300, y: 60, w: 560, h: 80 };
    const post = { x: 790, y: 150, w: 70, h: 36 };
    const size = { w: 360, h: 420 };
    const p = placePanel(composer, [post], size, VW, VH);
    expect(p.left).toBe(300 + 560 + 12);
    expect(overlaps(box(p, size), post)).toBe(false);
  });

  it('a window too low for any clear place: on screen, over part of the composer rather than over Send', () => {
    const composer = { x: 8, y: 360, w: 370, h: 40 };
    const send = { x: 380, y: 360, w: 32, h: 40 };
    const size = { w: 360, h: 400 };
    const p = placePanel(composer, [send], size, 420, 420);
    expect(p.left >= 8 && p.top >= 8 && p.left + size.w <= 412).toBe(true);
    expect(overlaps(box(p, size), send)).toBe(false);
  });

  it("a composer too wide to sit beside, with the photo's preview and Post under it (X): clear of all three, near the composer", () => {
    // Measured on the X fixture at 1100 × 800: right of the box no longer fits, below it is the
    // preview, above it the top of the window.
    const composer = { x: 285, y: 73, w: 487, h: 24 };
    const preview = { x: 277, y: 101, w: 112, h: 112 };
    const post = { x: 720, y: 225, w: 65, h: 36 };
    const size = { w: 360, h: 397 };
    const p = placePanel(composer, [post, preview], size, 1100, 800);
    for (const r of [composer, preview, post]) expect(overlaps(box(p, size), r)).toBe(false);
    expect(p.left >= 8 && p.top >= 8 && p.left + size.w <= 1092 && p.top + size.h <= 792).toBe(true);
    // Near: under the preview, no lower than just under Post's row (not at the far end of the window).
    expect(p.top).toBeLessThanOrEqual(225 + 36 + 12);
  });
});

