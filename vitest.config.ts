import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit and DOM suites only; browser suites live in test/e2e and run under Playwright.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
  },
});
