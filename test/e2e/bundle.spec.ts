/**
 * Static checks of the built extension (no browser): the manifest asks for the least it can and
 * forbids connections; no network, eval or external-messaging API is used by our code; the
 * content script has no storage API (its storage would belong to the social site).
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TESS_CORE } from '../../src/offscreen/tess-core';

const OUT = path.resolve('.output/chrome-mv3');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const js = () => files(OUT).filter((f) => f.endsWith('.js'));
const count = (text: string, needle: string) => text.split(needle).length - 1;

test('manifest: storage + scripting + offscreen, host access only through content-script matches or one user-granted origin at a time, connections only to our own files', () => {
  const m = JSON.parse(readFileSync(path.join(OUT, 'manifest.json'), 'utf8'));
  expect(m.manifest_version).toBe(3);
  // scripting registers the content script on a site the user adds; that origin comes out of
  // optional_host_permissions, asked for from the user's click (nothing is granted at install).
  // offscreen: the image checks (OCR, faces, video frames) run in an offscreen document.
  expect(m.permissions).toEqual(['storage', 'scripting', 'offscreen']);
  expect(m.optional_host_permissions).toEqual(['https://*/*']);
  expect(m.host_permissions).toBeUndefined();
  expect(m.optional_permissions).toBeUndefined();
  expect(m.externally_connectable).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
  // Extension pages may read the extension's own files (the offscreen document loads its model
  // files by chrome-extension:// URL) and nothing else; WASM may compile (tesseract's core), but
  // no eval. The content script runs under the site's CSP, not this one.
  const csp: string = m.content_security_policy.extension_pages;
  expect(csp).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'");
  expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'|'unsafe-inline'|blob:|data:/);
  const matches: string[] = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
  for (const pattern of matches) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z.]+\/\*$/);
  // The one wildcard host: Wikipedia's language subdomains (the wiki-edit rule, policy 001 §6.11).
  expect(matches.filter((p) => p.includes('*.'))).toEqual(['https://*.wikipedia.org/*']);
  expect(matches).not.toContain('<all_urls>');
});

test('no network, eval or external-messaging API in any bundle', () => {
  // Library code we ship that names such an API without our code calling it, with the reason.
  const allowed: Record<string, Record<string, number>> = {
    // papaparse's remote-file streamer (download: true), never used: we parse File text. The CSP
    // (connect-src 'none') would refuse it anyway.
    options: { XMLHttpRequest: 1 },
    // The class-list import worker (src/import/worker.ts) bundles the same papaparse.
    worker: { XMLHttpRequest: 1 },
    // Image checks, offscreen document only (the CSP's connect-src 'self' limits every one of
    // these to the extension's own files; the e2e tests watch the document's loads through
    // DevTools, tests/e2e/images.spec.ts). face-api bundles tfjs, whose model loaders and
    // platform shims name fetch/XHR/importScripts; we load one model, from '/face/'.
    face: { 'fetch(': 17, XMLHttpRequest: 6, importScripts: 5 },
    // tesseract.js's page side: fetch( is its image-URL loader (we pass pixels, never a URL).
    src: { 'fetch(': 1, importScripts: 1 },
    // tesseract's worker: importScripts loads the WASM core from tess/core/; its `new Function`
    // is a bundler helper the CSP (no 'unsafe-eval') would refuse, and OCR works without it.
    'tess/worker.min.js': { importScripts: 1, 'new Function': 1 },
    // Emscripten's loader for the WASM core (the WASM is inlined, so it fetches nothing).
    [`tess/core/${TESS_CORE}`]: { 'fetch(': 1, XMLHttpRequest: 6 },
    // libheif-js (HEIC decoding), its bundle shipped unmodified: Emscripten's loaders (the WASM is
    // inlined and handed over as wasmBinary, so they fetch nothing).
    'heif/libheif-bundle.js': { 'fetch(': 1, XMLHttpRequest: 8, importScripts: 1 },
  };
  for (const file of js()) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(OUT, file);
    const key = rel.startsWith('tess/') || rel.startsWith('heif/') ? rel : path.basename(file).split(/[-.]/)[0]!;
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'new Function', 'eval(', 'RTCPeerConnection']) {
      expect(count(text, api), `${api} in ${path.relative(OUT, file)}`).toBe(allowed[key]?.[api] ?? 0);
    }
  }
});

test('the image models: one tesseract core (the one the offscreen document names), one language, one face model', () => {
  const models = files(OUT)
    .map((f) => path.relative(OUT, f))
    .filter((f) => /^(tess|face)\//.test(f))
    .sort();
  expect(models).toEqual([
    'face/tiny_face_detector_model-weights_manifest.json',
    'face/tiny_face_detector_model.bin',
    `tess/core/${TESS_CORE}`,
    'tess/lang/eng.traineddata.gz',
    'tess/worker.min.js',
  ]);
  // The offscreen document asks for that file by name (a directory would make tesseract.js pick a
  // build by feature detection, possibly one we do not ship).
  const offscreen = js().filter((f) => path.basename(f).startsWith('offscreen'));
  expect(offscreen.some((f) => readFileSync(f, 'utf8').includes(TESS_CORE))).toBe(true);
});

test('the content script has no storage API and no page messaging bridge', () => {
  const text = readFileSync(path.join(OUT, 'content-scripts/content.js'), 'utf8');
  for (const api of ['indexedDB', 'Dexie', 'localStorage', 'sessionStorage', 'caches.open', 'storage.local', 'addEventListener(`message`', "addEventListener('message'", 'addEventListener("message"']) {
    expect(count(text, api), api).toBe(0);
  }
});

test('our own source never calls a network API or opens storage outside src/storage and the background', () => {
  const src = [...files(path.resolve('src')), ...files(path.resolve('entrypoints'))].filter(
    (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f),
  );
  for (const f of src) {
    const text = readFileSync(f, 'utf8');
    const rel = path.relative(process.cwd(), f);
    for (const api of [/\bfetch\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /\beval\(/, /new Function/, /onMessageExternal/, /\.innerHTML\s*=/]) {
      expect(api.test(text), `${api} in ${rel}`).toBe(false);
    }
    if (!rel.startsWith('src/storage/')) {
      expect(/\bindexedDB\b|from 'dexie'|localStorage|sessionStorage/.test(text), `storage API in ${rel}`).toBe(false);
    }
  }
});
