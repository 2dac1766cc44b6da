import { readFileSync } from 'node:fs';
import { createNodeEngines } from '../src/image/node-engines';
import { fitRgba } from '../src/image/raster';
const e = createNodeEngines({ ocr: false });
for (let i=1;i<=6;i++) {
  const img = await e.decode(new Uint8Array(readFileSync(`node_modules/@vladmandic/face-api/demo/sample${i}.jpg`)), '');
  const s = fitRgba(img, 1280).img;
  const t=performance.now();
  const f = await e.faces!(s);
  console.log(i, img.width, img.height, f.length, f.map(x=>x.score.toFixed(2)).join(','), (performance.now()-t).toFixed(0));
}
