import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest asks for the least it can: storage for our own data, and host access only to the
// sites the adapters cover (the content script's `matches`, from src/sites). No <all_urls>.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Second Look',
    description:
      "Warns school staff before they post something that breaks their school's social media policy. Everything stays on your device.",
    permissions: ['storage'],
    action: { default_title: 'Second Look settings' },
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
    },
  },
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/sites/dist/**'] },
  // No modulepreload polyfill: it is a fetch() the extension does not need (invariant 1).
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
});
