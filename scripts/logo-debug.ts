// Tuning aid (tune split only): for every logo case and every school logo of the split, the
// inlier count and photometric correlation of the best placement. Not part of the product.
import { readFileSync } from 'node:fs';
import { decodeNode } from '../src/image/node-engines';
import { toGray, fitGray } from '../src/image/raster';
import { prepareLogo, sceneFeatures, matchLogoFeatures, debugLog } from '../src/image/features';
const D = 'test/fixtures/images/';
const labels = JSON.parse(readFileSync(D + 'labels.json', 'utf8')).filter((l: any) => l.logo !== undefined && l.split === (process.argv[2] ?? 'tune'));
const logoFiles = [...new Set(labels.map((l: any) => l.logos[0]))] as string[];
const logos = logoFiles.map((f) => ({ f, p: prepareLogo(decodeNode(new Uint8Array(readFileSync(D + f)))) }));
debugLog.on = true;
for (const l of labels) {
  const g = fitGray(toGray(decodeNode(new Uint8Array(readFileSync(D + l.file)))), 1280).img;
  const sf = sceneFeatures(g)!;
  for (const { f, p } of logos) {
    debugLog.lines = [];
    const m = matchLogoFeatures(g, sf, p);
    const expected = l.logo && f === l.logos[0];
    const ncc = debugLog.lines.filter((x) => x.startsWith('ncc=')).map((x) => x.slice(4));
    const fine = debugLog.lines.filter((x) => x.startsWith("fine=")).map((x) => x.slice(5));
    const cells = debugLog.lines.filter((x) => x.startsWith('cells=')).map((x) => x.slice(6));
    if (process.env.CELLS && ncc.length) console.error(JSON.stringify({ pos: !!expected, found: !!m, ncc: ncc.map(Number), cells: cells.map((c) => JSON.parse(c)), file: l.file, logo: f, desc: l.desc }));
    if (ncc.length) console.log(expected ? 'POS' : 'NEG', !!m, ncc.join(','), fine.join(' '), l.file.slice(10), 'vs', f.split('/').pop());
    else if (expected) console.log('POS', false, 'no-geometry', l.file.slice(10));
  }
}
