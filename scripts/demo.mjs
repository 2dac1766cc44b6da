#!/usr/bin/env node
/**
 * `npm start`: builds the extension and the demo pages, opens Chromium with Second Look loaded,
 * loads the demo school (Holbrook Primary, made-up pupils) through the options page, and opens a
 * demo Facebook-style compose page served locally at https://www.facebook.com/ (nothing goes to
 * the real site: every request is answered from this machine).
 *
 * With a display, the browser stays open for you to try; without one (CI, SSH), it runs headless,
 * types a post with a pupil's name, and saves screenshots of the warning to demo-output/.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ext = path.join(root, '.output/chrome-mv3');
const out = path.join(root, 'demo-output');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(browserPath)) {
  console.error(`Chromium was not found at ${browserPath}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

console.log('Building the extension and the demo pages…');
execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
execSync('node test/fixtures/build-fixtures.mjs', { cwd: root, stdio: 'inherit' });

const context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'second-look-demo-')), {
  executablePath: browserPath,
  headless,
  viewport: { width: 1100, height: 800 },
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const facebook = await readFile(path.join(root, 'test/fixtures/sites/dist/facebook.html'), 'utf8');
const x = await readFile(path.join(root, 'test/fixtures/sites/dist/x.html'), 'utf8');
await context.route('https://www.facebook.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: facebook }));
await context.route('https://x.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: x }));

const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
const options = await context.newPage();
await options.goto(`chrome-extension://${id}/options.html`);
await options.getByRole('button', { name: 'Load the demo school' }).click();
await options.getByText(/Loaded the demo school/).waitFor();
console.log('Loaded the demo school (Holbrook Primary School) and its made-up class list.');

const page = await context.newPage();
await page.goto('https://www.facebook.com/');

if (!headless) {
  console.log('\nChromium is open on a demo Facebook page. Type a pupil name such as "Evie Carter" or "Holbrook Primary"');
  console.log('into the post box and press Post. The demo school and class list are on the options page. Close the browser to finish.');
  await new Promise((resolve) => context.on('close', resolve));
  process.exit(0);
}

await mkdir(out, { recursive: true });
await page.click('[role="dialog"] [data-lexical-editor="true"]');
await page.keyboard.type('Such a proud day! Evie Carter won the poetry prize at Holbrook Primary', { delay: 10 });
await page.waitForTimeout(600);
await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
await page.waitForTimeout(400);
const held = await page.evaluate(() => window.__fixture.posts.length === 0);
await page.screenshot({ path: path.join(out, 'warning-facebook.png') });
await options.screenshot({ path: path.join(out, 'options.png'), fullPage: true });
console.log(`\nTyped a post with a pupil's name; the post was ${held ? 'held' : 'NOT held'}.`);
console.log(`Screenshots: ${path.relative(process.cwd(), path.join(out, 'warning-facebook.png'))}, ${path.relative(process.cwd(), path.join(out, 'options.png'))}`);
await context.close();
process.exit(held ? 0 : 1);
