#!/usr/bin/env node
/**
 * Makes the HEIC, AVIF and WebM test files in test/fixtures/images/source/ (committed; run again
 * only to change them):
 *
 *   apt-get install libheif-examples libimage-exiftool-perl   # heif-enc (x265, aom), exiftool
 *   node scripts/make-format-fixtures.mjs
 *
 * - photo.heic / photo.avif: the shared photo.jpg encoded by libheif's heif-enc, which copies its
 *   EXIF (GPS 51.50135 N 0.14189 W) into an Exif item addressed with an iloc base offset.
 * - names-gps.heic / names-gps.avif: a picture drawn in headless Chromium ("Evie Carter and Evie
 *   Carrington"), encoded by heif-enc, then GPS 52.48625 N 1.89035 W (the fixture school's main site)
 *   and Make/Model written by exiftool, which lays the Exif item out as an iPhone does (offset 6,
 *   "Exif\0\0", TIFF).
 * - names.webm: a 0.8 s VP8 WebM recorded from a canvas by Chromium's MediaRecorder
 *   (test/fixtures/images/canvas-media.mjs recordNameWebm), its first
 *   frame showing "Well done Evie Carter" (MediaRecorder writes no tags: no location).
 * - names-location.webm: the same re-packed by ffmpeg (apt-get install ffmpeg) with the location
 *   tags ffmpeg carries over from a phone's MOV/MP4 (LOCATION and COM.APPLE.QUICKTIME.LOCATION.
 *   ISO6709, at the fixture school's main site).
 * - hevc-location.mov: 1 s of HEVC in QuickTime (what an iPhone records by default) with a ©xyz
 *   location 51.5013 N 0.1419 W, made by ffmpeg (libx265). Debian's Chromium has no HEVC decoder.
 * Chromium cannot encode AVIF from a canvas (convertToBlob({type:'image/avif'}) gives a PNG: measured
 * with Chromium 150), hence heif-enc.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { recordNameWebm } from '../test/fixtures/images/canvas-media.mjs';

const OUT = new URL('../test/fixtures/images/source/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'sl-formats-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent('<html><body></body></html>');
const png = await page.evaluate(async () => {
  const c = document.createElement('canvas');
  c.width = 800;
  c.height = 450;
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 800, 450);
  g.fillStyle = '#cfe3f5';
  g.fillRect(0, 0, 800, 135);
  g.fillStyle = '#7fb069';
  g.fillRect(0, 360, 800, 90);
  g.fillStyle = '#000';
  g.font = '44px sans-serif';
  g.fillText('Sports day: well done', 40, 202);
  g.fillText('Evie Carter and Evie Carrington', 40, 279);
  const bytes = new Uint8Array(await (await new Promise((r) => c.toBlob(r, 'image/png'))).arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
});
const webm = await page.evaluate(recordNameWebm);
await browser.close();

writeFileSync(join(tmp, 'names.png'), Buffer.from(png, 'base64'));
writeFileSync(join(OUT, 'names.webm'), Buffer.from(webm, 'base64'));
const heifEnc = (args) => execFileSync('heif-enc', args, { stdio: 'inherit' });
heifEnc(['-q', '60', '-o', join(OUT, 'photo.heic'), join(OUT, 'photo.jpg')]);
heifEnc(['-A', '-q', '60', '-o', join(OUT, 'photo.avif'), join(OUT, 'photo.jpg')]);
for (const [ext, extra] of [['heic', []], ['avif', ['-A']]]) {
  const f = join(OUT, `names-gps.${ext}`);
  heifEnc([...extra, '-q', '60', '-o', f, join(tmp, 'names.png')]);
  execFileSync('exiftool', [
    '-q', '-overwrite_original', '-Make=Apple', '-Model=iPhone 15', '-DateTimeOriginal=2026:06:15 10:30:00',
    '-GPSLatitude=52.48625', '-GPSLatitudeRef=N', '-GPSLongitude=1.89035', '-GPSLongitudeRef=W', f,
  ]);
}
execFileSync('ffmpeg', [
  '-loglevel', 'error', '-y', '-i', join(OUT, 'names.webm'), '-c', 'copy',
  '-metadata', 'location=+52.4862-001.8904/',
  '-metadata', 'com.apple.quicktime.location.ISO6709=+52.4862-001.8904+100.000/',
  join(OUT, 'names-location.webm'),
]);
// An iPhone-style "High Efficiency" clip: HEVC in a QuickTime file with a ©xyz location (London).
execFileSync('ffmpeg', [
  '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', "color=c=white:s=640x360:d=1,drawtext=text='Well done Evie Carter':fontsize=40:x=40:y=160",
  '-c:v', 'libx265', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p', '-metadata', 'location=+51.5013-000.1419/',
  join(OUT, 'hevc-location.mov'),
]);
console.log('written to', OUT);
