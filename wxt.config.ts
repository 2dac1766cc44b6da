import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    permissions: ['storage', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // An admin-pushed rule pack through browser policy (src/pack/managed.ts reads it).
    storage: { managed_schema: 'managed-schema.json' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
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
    // MV2 (the Firefox build) has no optional_host_permissions: there the per-site permission for
    // "Other sites" lives in optional_permissions.
    'build:manifestGenerated': (_wxt, manifest) => {
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
