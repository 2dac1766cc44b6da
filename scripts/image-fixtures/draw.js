// Browser-side drawing for scripts/make-image-fixtures.ts: runs in headless Chromium (canvas only,
// no network), deterministic for a given seed. Synthetic school crests, scenes with a logo printed,
// embroidered or on a sign, whole-logo variants, certificates / pupils' work / signs with text.
/* eslint-disable */
(() => {
  function rng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = (r, xs) => xs[Math.floor(r() * xs.length) % xs.length];
  const hsl = (h, s, l) => `hsl(${h},${s}%,${l}%)`;

  async function load(src) {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img;
  }

  function out(canvas, type, quality) {
    return canvas.toDataURL(type, quality);
  }

  // ---------------------------------------------------------------------------------------------
  // Synthetic school crests: shield / roundel / square badge, a motif, initials and a motto ribbon.
  function shieldPath(ctx, w, h) {
    ctx.beginPath();
    ctx.moveTo(w * 0.12, h * 0.08);
    ctx.lineTo(w * 0.88, h * 0.08);
    ctx.lineTo(w * 0.88, h * 0.5);
    ctx.quadraticCurveTo(w * 0.86, h * 0.8, w * 0.5, h * 0.94);
    ctx.quadraticCurveTo(w * 0.14, h * 0.8, w * 0.12, h * 0.5);
    ctx.closePath();
  }
  function star(ctx, cx, cy, r, n) {
    ctx.beginPath();
    for (let i = 0; i < n * 2; i++) {
      const a = (Math.PI * i) / n - Math.PI / 2;
      const rr = i % 2 ? r * 0.45 : r;
      ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    ctx.closePath();
    ctx.fill();
  }
  /**
   * A synthetic crest. With `twin`, another school's near-twin of crest `seed`: the same shape, motif,
   * emblem and font, but its own colours and two other initials (as crest L7 relates to L4 by chance).
   */
  function drawLogo(seed, twin) {
    const r = rng(seed * 7919 + 3);
    const r2 = twin ? rng(twin * 104729 + 11) : null;
    const W = 280;
    const H = 300;
    const c = document.createElement('canvas');
    c.width = W;
    c.height = H;
    const ctx = c.getContext('2d');
    let hue = Math.floor(r() * 360);
    let accentHue = (hue + 40 + r() * 100) % 360;
    if (r2) {
      hue = (hue + 60 + Math.floor(r2() * 240)) % 360;
      accentHue = (hue + 40 + r2() * 100) % 360;
    }
    const main = hsl(hue, 65, 30);
    const accent = hsl(accentHue, 80, 55);
    const shape = seed % 3;
    ctx.lineWidth = 8;
    ctx.strokeStyle = accent;
    ctx.fillStyle = main;
    if (shape === 0) shieldPath(ctx, W, H);
    else if (shape === 1) {
      ctx.beginPath();
      ctx.arc(W / 2, H / 2, W * 0.44, 0, Math.PI * 2);
    } else {
      ctx.beginPath();
      ctx.roundRect(W * 0.08, H * 0.08, W * 0.84, H * 0.84, 24);
    }
    ctx.fill();
    ctx.stroke();
    ctx.save();
    ctx.clip();
    // Motif: stripes, chevron, quartering or rays.
    const motif = Math.floor(r() * 4);
    ctx.fillStyle = accent;
    if (motif === 0) for (let i = 0; i < 5; i++) ctx.fillRect(0, H * (0.15 + i * 0.16), W, H * 0.05);
    else if (motif === 1) {
      ctx.beginPath();
      ctx.moveTo(0, H * 0.75);
      ctx.lineTo(W / 2, H * 0.35);
      ctx.lineTo(W, H * 0.75);
      ctx.lineTo(W, H * 0.9);
      ctx.lineTo(W / 2, H * 0.5);
      ctx.lineTo(0, H * 0.9);
      ctx.fill();
    } else if (motif === 2) {
      ctx.fillRect(0, 0, W / 2, H / 2);
      ctx.fillRect(W / 2, H / 2, W / 2, H / 2);
    } else {
      for (let i = 0; i < 12; i += 2) {
        ctx.beginPath();
        ctx.moveTo(W / 2, H / 2);
        ctx.arc(W / 2, H / 2, W, (i * Math.PI) / 6, ((i + 1) * Math.PI) / 6);
        ctx.fill();
      }
    }
    ctx.restore();
    // Emblem: stars, a book or a tree.
    ctx.fillStyle = '#fff';
    const emblem = Math.floor(r() * 3);
    if (emblem === 0) {
      star(ctx, W * 0.5, H * 0.36, 34, 5);
      star(ctx, W * 0.3, H * 0.6, 18, 5);
      star(ctx, W * 0.7, H * 0.6, 18, 5);
    } else if (emblem === 1) {
      ctx.fillRect(W * 0.28, H * 0.3, W * 0.2, H * 0.26);
      ctx.fillRect(W * 0.52, H * 0.3, W * 0.2, H * 0.26);
      ctx.fillStyle = main;
      for (let i = 0; i < 4; i++) {
        ctx.fillRect(W * 0.31, H * (0.34 + i * 0.05), W * 0.14, 3);
        ctx.fillRect(W * 0.55, H * (0.34 + i * 0.05), W * 0.14, 3);
      }
    } else {
      ctx.beginPath();
      ctx.moveTo(W * 0.5, H * 0.2);
      ctx.lineTo(W * 0.7, H * 0.5);
      ctx.lineTo(W * 0.3, H * 0.5);
      ctx.fill();
      ctx.fillRect(W * 0.46, H * 0.5, W * 0.08, H * 0.12);
    }
    const letters = 'ABCDEFGHJKLMNPRSTW';
    let initials = pick(r, letters.split('')) + pick(r, letters.split(''));
    const font = pick(r, ['DejaVu Serif', 'Liberation Serif', 'DejaVu Sans']);
    if (r2) {
      // Two other letters, neither in the original's place.
      const own = initials;
      do initials = pick(r2, letters.split('')) + pick(r2, letters.split(''));
      while (initials[0] === own[0] || initials[1] === own[1]);
    }
    ctx.font = `bold 54px ${font}`;
    ctx.textAlign = 'center';
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = main;
    ctx.lineWidth = 3;
    ctx.strokeText(initials, W / 2, H * 0.8);
    ctx.fillText(initials, W / 2, H * 0.8);
    return out(c, 'image/png');
  }

  // ---------------------------------------------------------------------------------------------
  // Scenes: a photo (or a synthetic street / classroom scene) with the logo placed on it.
  function syntheticScene(ctx, w, h, r) {
    const g = ctx.createLinearGradient(0, 0, 0, h);
    g.addColorStop(0, hsl(200 + r() * 30, 50, 70 + r() * 15));
    g.addColorStop(0.55, hsl(200, 20, 85));
    g.addColorStop(0.56, hsl(90 + r() * 40, 30, 35 + r() * 15));
    g.addColorStop(1, hsl(90, 25, 25));
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    const n = 20 + Math.floor(r() * 40);
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = hsl(r() * 360, 20 + r() * 50, 20 + r() * 60);
      const x = r() * w;
      const y = r() * h;
      const s = (0.03 + r() * 0.2) * w;
      if (r() < 0.5) ctx.fillRect(x, y, s, s * (0.4 + r()));
      else {
        ctx.beginPath();
        ctx.ellipse(x, y, s / 2, s / (1 + r() * 2), r() * 3, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    // Windows, brick-like texture and a few strokes: corners everywhere, as in real photos.
    for (let i = 0; i < 200; i++) {
      ctx.strokeStyle = hsl(r() * 360, 10 + r() * 30, 20 + r() * 60);
      ctx.lineWidth = 1 + r() * 3;
      ctx.beginPath();
      const x = r() * w;
      const y = r() * h;
      ctx.moveTo(x, y);
      ctx.lineTo(x + (r() - 0.5) * w * 0.15, y + (r() - 0.5) * h * 0.15);
      ctx.stroke();
    }
    ctx.font = `${20 + r() * 30}px DejaVu Sans`;
    ctx.fillStyle = '#222';
    ctx.fillText(pick(r, ['OPEN', 'Car park', 'Bus stop', 'Cafe', 'Library', 'No 42']), r() * w * 0.7, r() * h);
  }

  function noise(ctx, w, h, amount, r) {
    if (!amount) return;
    const d = ctx.getImageData(0, 0, w, h);
    for (let i = 0; i < d.data.length; i += 4) {
      const n = (r() - 0.5) * 2 * amount;
      d.data[i] += n;
      d.data[i + 1] += n;
      d.data[i + 2] += n;
    }
    ctx.putImageData(d, 0, 0);
  }

  /**
   * spec: { w, h, seed, bg: dataURL|null, logo: null | { src, cx, cy, size, angle, skew, alpha,
   * mode: 'print'|'fabric'|'sign', tint }, blur, noise, quality }
   */
  async function scene(spec) {
    const r = rng(spec.seed);
    const c = document.createElement('canvas');
    c.width = spec.w;
    c.height = spec.h;
    const ctx = c.getContext('2d');
    if (spec.bg) {
      const img = await load(spec.bg);
      // Cover the canvas, with a random crop so the same photo gives different scenes.
      const s = Math.max(spec.w / img.width, spec.h / img.height) * (1 + r() * 0.3);
      ctx.drawImage(img, -r() * (img.width * s - spec.w), -r() * (img.height * s - spec.h), img.width * s, img.height * s);
    } else syntheticScene(ctx, spec.w, spec.h, r);
    if (spec.logo) {
      const L = spec.logo;
      const img = await load(L.src);
      const lw = L.size;
      const lh = (img.height / img.width) * lw;
      ctx.save();
      ctx.translate(L.cx, L.cy);
      ctx.rotate(L.angle);
      ctx.transform(1, L.skew, 0, 1, 0, 0);
      if (L.mode === 'fabric') {
        // A crest on a jumper: a fabric patch, then the crest with lower contrast.
        ctx.fillStyle = L.tint;
        ctx.fillRect(-lw * 0.9, -lh * 0.9, lw * 1.8, lh * 1.8);
        ctx.globalAlpha = L.alpha;
      } else if (L.mode === 'sign') {
        ctx.fillStyle = '#f4f4f0';
        ctx.fillRect(-lw * 0.65, -lh * 0.65, lw * 1.3, lh * 1.3);
        ctx.strokeStyle = '#333';
        ctx.lineWidth = 4;
        ctx.strokeRect(-lw * 0.65, -lh * 0.65, lw * 1.3, lh * 1.3);
      } else ctx.globalAlpha = L.alpha;
      if (L.filter) ctx.filter = L.filter;
      ctx.drawImage(img, -lw / 2, -lh / 2, lw, lh);
      ctx.restore();
    }
    if (spec.blur) {
      const t = document.createElement('canvas');
      t.width = spec.w;
      t.height = spec.h;
      const tc = t.getContext('2d');
      tc.filter = `blur(${spec.blur}px)`;
      tc.drawImage(c, 0, 0);
      ctx.clearRect(0, 0, spec.w, spec.h);
      ctx.drawImage(t, 0, 0);
    }
    noise(ctx, spec.w, spec.h, spec.noise || 0, r);
    return out(c, 'image/jpeg', spec.quality);
  }

  /** spec: { src, scale, crop: [l,t,r,b] fractions, filter, bg, type, quality } */
  async function whole(spec) {
    const img = await load(spec.src);
    const [l, t, rr, b] = spec.crop;
    const sw = img.width * (1 - l - rr);
    const sh = img.height * (1 - t - b);
    const c = document.createElement('canvas');
    c.width = Math.max(8, Math.round(sw * spec.scale));
    c.height = Math.max(8, Math.round(sh * spec.scale));
    const ctx = c.getContext('2d');
    if (spec.bg) {
      ctx.fillStyle = spec.bg;
      ctx.fillRect(0, 0, c.width, c.height);
    }
    if (spec.filter) ctx.filter = spec.filter;
    ctx.drawImage(img, img.width * l, img.height * t, sw, sh, 0, 0, c.width, c.height);
    return out(c, spec.type, spec.quality);
  }

  /**
   * Text on paper: certificate, a piece of work with the name at the top, a sign.
   * spec: { kind, lines: [{text, size, font, bold, italic, colour}], w, h, seed, paper, angle, bgPhoto,
   * blur, noise, quality }
   */
  async function paper(spec) {
    const r = rng(spec.seed);
    const c = document.createElement('canvas');
    c.width = spec.w;
    c.height = spec.h;
    const ctx = c.getContext('2d');
    if (spec.bgPhoto) {
      const img = await load(spec.bgPhoto);
      const s = Math.max(spec.w / img.width, spec.h / img.height);
      ctx.drawImage(img, 0, 0, img.width * s, img.height * s);
    } else {
      ctx.fillStyle = '#777';
      ctx.fillRect(0, 0, spec.w, spec.h);
    }
    ctx.save();
    ctx.translate(spec.w / 2, spec.h / 2);
    ctx.rotate(spec.angle || 0);
    const pw = spec.w * (spec.bgPhoto ? 0.78 : 0.96);
    const ph = spec.h * (spec.bgPhoto ? 0.78 : 0.96);
    ctx.fillStyle = spec.paper;
    ctx.fillRect(-pw / 2, -ph / 2, pw, ph);
    if (spec.kind === 'certificate') {
      ctx.strokeStyle = hsl(r() * 360, 60, 35);
      ctx.lineWidth = 10;
      ctx.strokeRect(-pw / 2 + 20, -ph / 2 + 20, pw - 40, ph - 40);
    }
    if (spec.kind === 'work') {
      ctx.strokeStyle = '#9bc';
      ctx.lineWidth = 1;
      for (let y = -ph / 2 + 80; y < ph / 2; y += 34) {
        ctx.beginPath();
        ctx.moveTo(-pw / 2, y);
        ctx.lineTo(pw / 2, y);
        ctx.stroke();
      }
    }
    let y = -ph / 2 + ph * 0.12;
    const step = ph * 0.76 / Math.max(1, spec.lines.length);
    for (const L of spec.lines) {
      ctx.font = `${L.italic ? 'italic ' : ''}${L.bold ? 'bold ' : ''}${L.size}px ${L.font}`;
      ctx.fillStyle = L.colour || '#111';
      ctx.textAlign = spec.kind === 'work' ? 'left' : 'center';
      ctx.fillText(L.text, spec.kind === 'work' ? -pw / 2 + 40 : 0, y + L.size);
      y += Math.max(step, L.size * 1.4);
    }
    ctx.restore();
    if (spec.blur) {
      const t = document.createElement('canvas');
      t.width = spec.w;
      t.height = spec.h;
      const tc = t.getContext('2d');
      tc.filter = `blur(${spec.blur}px)`;
      tc.drawImage(c, 0, 0);
      ctx.drawImage(t, 0, 0);
    }
    noise(ctx, spec.w, spec.h, spec.noise || 0, r);
    return out(c, 'image/jpeg', spec.quality);
  }

  window.fixtures = { drawLogo, scene, whole, paper };
})();
