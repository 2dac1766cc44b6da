import { defineConfig } from '@playwright/test';

// Browser suites: the built extension (.output/chrome-mv3) in Debian's Chromium, headless.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
