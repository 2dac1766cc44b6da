/**
 * Invariant 1's detector, tested: the harness checks Chromium's net log after every e2e test and
 * fails on any request started by a page, a content script or the extension. This spec proves the
 * detector sees such a request when one is made (so an empty list means something), and that a
 * whole session — options page, demo import, typing, warning, hold, post anyway — makes none.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, clickInWarning, expect, expectWarning, fixturePosts, loadDemo, SITES, test } from './harness';
import { readNetLogRequests } from './netlog';

const POST_EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
const POST_BUTTON = '[role="dialog"] [role="button"][aria-label="Post"]';

test('the net-log check catches a request a page makes (so its empty result means something)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-netlog-'));
  const file = path.join(dir, 'net-log.json');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--log-net-log=${file}`, '--net-log-capture-mode=Default'],
  });
  try {
    await context.route('https://www.facebook.com/**', (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', body: '<p>hello</p>' }),
    );
    const page = await context.newPage();
    await page.goto('https://www.facebook.com/');
    // A request Playwright does not route goes to the (closed) network and must be seen.
    await page.evaluate(() => fetch('https://telemetry.example.invalid/beacon?x=1').catch(() => undefined));
  } finally {
    await context.close();
  }
  const requests = await readNetLogRequests(file);
  await rm(dir, { recursive: true, force: true });
  expect(requests).toContainEqual(
    expect.objectContaining({ url: 'https://telemetry.example.invalid/beacon?x=1', initiator: 'https://www.facebook.com' }),
  );
});

test('a whole session makes no request: options, import, typing, warning, hold, post anyway', async ({ context, extensionId, netLog }) => {
  await loadDemo(context, extensionId);
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click(POST_EDITOR);
  await page.keyboard.type('Lovely afternoon with Evie Carter at sports day', { delay: 5 });
  await page.click(POST_BUTTON);
  await expectWarning(page, "Pupil's name", 'has not been sent');
  await page.waitForTimeout(400);
  await clickInWarning(page, 'Post anyway');
  await page.click(POST_BUTTON);
  await expect.poll(async () => (await fixturePosts(page)).length).toBe(1);
  // The harness reads the net log after the browser closes and fails the test on any request.
  expect(netLog.expectNone).toBe(true);
});
