import { defineConfig } from '@playwright/test';

/**
 * Browser suites: the built extension (.output/chrome-mv3) in Debian's Chromium, headless.
 *
 * Three workers: the tests mostly wait on the browser (CI used 28 % of two cores with two workers).
 * With 170 tests the parallel project took 12.6 min on two workers and 9.2 min on three. The tests
 * that measure the page's responsiveness, or push 50,000–100,000 rows through it, must not share
 * the machine with another browser: they are the `solo` project, which starts after `parallel` has
 * finished and so runs on its own.
 */
const SOLO = ['**/options.spec.ts', '**/share-lists-large.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 3,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'parallel', testIgnore: SOLO },
    { name: 'solo', testMatch: SOLO, dependencies: ['parallel'], workers: 1 },
  ],
});
