import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { TESS_CORE } from './src/offscreen/tess-core';

/**
 * Files the image checks load at run time, copied from npm packages into the build and loaded by
 * extension URL (nothing is downloaded): the tesseract.js worker, one WASM core, the English model
 * (4.0.0_best_int), and face-api's tiny face detector weights.
 *
 * One core, not the three tesseract.js would choose between: the LSTM-only SIMD build, named as an
 * explicit corePath (src/offscreen/tess-core.ts). Given a directory, tesseract.js 7 would load the
 * relaxed-SIMD build in Chromium and the SIMD build in Firefox ESR 140 (no relaxed SIMD there); the
 * SIMD build runs in both (Chrome 91+, Firefox 89+: below our minimums) and reads as fast in Chromium
 * (bench/ocr-cores.md). The plain build would serve only browsers without SIMD, which we do not
 * support. 7.6 MB less to install.
 *
 * libheif-js (HEIC decoding: LGPL-3.0) ships as its own unmodified files with its licence, loaded by
 * the image checker as a separate script, never bundled into our code.
 */
const MODEL_FILES: { from: string; to: string }[] = [
  { from: 'tesseract.js/dist/worker.min.js', to: 'tess/worker.min.js' },
  { from: `tesseract.js-core/${TESS_CORE}`, to: `tess/core/${TESS_CORE}` },
  { from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', to: 'tess/lang/eng.traineddata.gz' },
  { from: '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json', to: 'face/tiny_face_detector_model-weights_manifest.json' },
  { from: '@vladmandic/face-api/model/tiny_face_detector_model.bin', to: 'face/tiny_face_detector_model.bin' },
  // The build with the WASM inlined: its Emscripten loader compiles synchronously, so it cannot
  // read a separate .wasm in a page, and we never fetch it ourselves.
  { from: 'libheif-js/libheif-wasm/libheif-bundle.js', to: 'heif/libheif-bundle.js' },
  { from: 'libheif-js/LICENSE', to: 'heif/LICENSE' },
  { from: 'libheif-js/libheif-wasm/LICENSE', to: 'heif/LICENSE-libheif' },
];

// The manifest asks for the least it can: storage for our own data, and host access only to the
// sites the adapters cover (the content script's `matches`, from src/sites). No <all_urls>.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    // From public/_locales (en_GB, cy), generated from src/i18n by scripts/gen-locales.mjs.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en_GB',
    // scripting: register the content script on sites the user adds ("Other sites" on the options
    // page); each such origin is asked for, one at a time, from the user's click, out of
    // optional_host_permissions. Nothing is granted at install.
    // offscreen: the image checks run in an offscreen document (Chrome; absent in Firefox's build).
    permissions: ['storage', 'scripting', 'offscreen'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // An admin-pushed rule pack through browser policy (src/pack/managed.ts reads it).
    storage: { managed_schema: 'managed-schema.json' },
    content_security_policy: {
      // 'wasm-unsafe-eval': tesseract.js's WASM core (without it the OCR worker hangs silently).
      // connect-src 'self': the offscreen document (Chrome) or the background page (Firefox) reads
      // the model files shipped in the extension (chrome-extension:// or moz-extension://<our id>/)
      // and nothing else; no http(s) origin is allowed. Firefox ESR 140 without 'wasm-unsafe-eval':
      // "CompileError: call to WebAssembly.instantiate() blocked by CSP" and the OCR never answers.
      // libheif's WASM (HEIC decoding) needs 'wasm-unsafe-eval' too.
      // Content scripts are not extension pages: the social site's page gets none of this.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'",
    },
    browser_specific_settings: {
      // Firefox's data-collection declaration: Second Look collects nothing.
      gecko: {
        id: 'second-look@second-look.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android gained data_collection_permissions in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  hooks: {
    'build:publicAssets': (wxt, assets) => {
      for (const f of MODEL_FILES) assets.push({ absoluteSrc: resolve('node_modules', f.from), relativeDest: f.to });
    },
    // MV2 (the Firefox build) has no optional_host_permissions: there the per-site permission for
    // "Other sites" lives in optional_permissions.
    'build:manifestGenerated': (wxt, manifest) => {
      // Firefox has no offscreen documents: the permission would be unknown there.
      if (wxt.config.browser === 'firefox') {
        if (manifest.permissions) manifest.permissions = manifest.permissions.filter((p) => p !== 'offscreen');
      }
      if (manifest.manifest_version === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), 'https://*/*'] as typeof manifest.optional_permissions;
        delete (manifest as { optional_host_permissions?: unknown }).optional_host_permissions;
      }
    },
  },
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/sites/dist/**'] },
  // No modulepreload polyfill: it is a fetch() the extension does not need (invariant 1).
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
});
