/**
 * Where a floating warning panel goes (viewport px): beside the thing it is about, never over the
 * things next to it. Pure; no DOM.
 *
 * `anchor` is the thing the warning is about (a friend request's whole card, or the composer);
 * `avoid` are boxes the user may still want to see and click while the panel shows (the
 * neighbouring request cards in the same list). Tried in order, the first that fits in the
 * viewport and covers neither anchor nor any avoided box wins: right of the anchor, left of it,
 * below it, above it, then right / left of the whole list (anchor and avoided boxes together).
 * When none of those is clear (a composer as wide as the window, its Post button and the photo's
 * preview under it), any clear position nearest the anchor, among those lined up with the edges of
 * the anchor, of the avoided boxes and of the viewport. When none is clear at all (a full grid of
 * cards, a small window), the position that covers the least of the avoided boxes, kept inside the
 * viewport.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 8;
const GAP = 12;

const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** The gap between two boxes (0 when they touch or overlap). */
function distance(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
  const dy = Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h));
  return Math.hypot(dx, dy);
}

function union(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y };
}

export function placePanel(anchor: Rect, avoid: readonly Rect[], size: { w: number; h: number }, vw: number, vh: number): { left: number; top: number } {
  const { w, h } = size;
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, vw - w - MARGIN));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, vh - h - MARGIN));
  const list = union([anchor, ...avoid]);
  const candidates = [
    { left: anchor.x + anchor.w + GAP, top: clampY(anchor.y) },
    { left: anchor.x - w - GAP, top: clampY(anchor.y) },
    { left: clampX(anchor.x), top: anchor.y + anchor.h + GAP },
    { left: clampX(anchor.x), top: anchor.y - h - GAP },
    { left: list.x + list.w + GAP, top: clampY(anchor.y) },
    { left: list.x - w - GAP, top: clampY(anchor.y) },
  ];
  const fits = (c: { left: number; top: number }) => c.left >= MARGIN && c.top >= MARGIN && c.left + w <= vw - MARGIN && c.top + h <= vh - MARGIN;
  const covered = (c: { left: number; top: number }) => {
    const box = { x: c.left, y: c.top, w, h };
    // The avoided boxes count most; the anchor (the warning's own subject) a little.
    return avoid.reduce((n, r) => n + overlapArea(box, r), 0) * 10 + overlapArea(box, anchor);
  };
  const clear = candidates.find((c) => fits(c) && covered(c) === 0);
  if (clear) return clear;
  const xs = [anchor.x, anchor.x + anchor.w - w, ...avoid.flatMap((r) => [r.x + r.w + GAP, r.x - w - GAP]), MARGIN, vw - w - MARGIN].map(clampX);
  const ys = [anchor.y + anchor.h + GAP, anchor.y - h - GAP, anchor.y, ...avoid.flatMap((r) => [r.y + r.h + GAP, r.y - h - GAP]), MARGIN, vh - h - MARGIN].map(clampY);
  let near: { left: number; top: number } | null = null;
  let nearest = Infinity;
  for (const top of ys) {
    for (const left of xs) {
      const c = { left, top };
      if (!fits(c) || covered(c) !== 0) continue;
      const d = distance({ x: left, y: top, w, h }, anchor);
      if (d < nearest) {
        near = c;
        nearest = d;
      }
    }
  }
  if (near) return near;
  let best = { left: clampX(candidates[0]!.left), top: candidates[0]!.top };
  let bestCover = Infinity;
  for (const c of candidates) {
    const inside = { left: clampX(c.left), top: clampY(c.top) };
    const cover = covered(inside);
    if (cover < bestCover) {
      best = inside;
      bestCover = cover;
    }
  }
  return best;
}
