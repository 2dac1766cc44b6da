/**
 * Static checks of the built extension (no browser): the manifest asks for the least it can and
 * forbids connections; no network, eval or external-messaging API is used by our code; the
 * content script has no storage API (its storage would belong to the social site).
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const OUT = path.resolve('.output/chrome-mv3');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const js = () => files(OUT).filter((f) => f.endsWith('.js'));
const count = (text: string, needle: string) => text.split(needle).length - 1;

test('manifest: storage + scripting, host access only through content-script matches or one user-granted origin at a time, connections forbidden', () => {
  const m = JSON.parse(readFileSync(path.join(OUT, 'manifest.json'), 'utf8'));
  expect(m.manifest_version).toBe(3);
  // scripting registers the content script on a site the user adds; that origin comes out of
  // optional_host_permissions, asked for from the user's click (nothing is granted at install).
  expect(m.permissions).toEqual(['storage', 'scripting']);
  expect(m.optional_host_permissions).toEqual(['https://*/*']);
  expect(m.host_permissions).toBeUndefined();
  expect(m.optional_permissions).toBeUndefined();
  expect(m.externally_connectable).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
  expect(m.content_security_policy.extension_pages).toContain("connect-src 'none'");
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
  };
  for (const file of js()) {
    const text = readFileSync(file, 'utf8');
    const key = path.basename(file).split(/[-.]/)[0]!;
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'new Function', 'eval(', 'RTCPeerConnection']) {
      expect(count(text, api), `${api} in ${path.relative(OUT, file)}`).toBe(allowed[key]?.[api] ?? 0);
    }
  }
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
