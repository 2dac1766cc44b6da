/**
 * The largest file the limits allow: 100,000 people in 40 lists (about 46 MB), imported through the
 * real options page of a fresh profile. The page checks it, the message carries it to the service
 * worker, which checks it again and writes it in one transaction; a pupil from the last list is then
 * warned about on the Facebook fixture. Timings are printed (SHARE_LISTS_LARGE …) and recorded in
 * bench/pack-file.md. Made-up names only (bench/pack-file-large.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, expectWarning, openOptions, SITES, test } from './harness';

/** Made by bench/pack-file-large.ts in a child process (the engine's JSON imports need tsx). */
async function largeFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-large-'));
  try {
    const file = path.join(dir, 'trust.json');
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['bench/pack-file-large.ts', file], { stdio: 'inherit' });
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('100,000 people in one file import through the options page of a fresh profile', async ({ context, extensionId }) => {
  test.setTimeout(600_000);
  const text = await largeFile();
  const opt = await openOptions(context, extensionId);
  const t0 = Date.now();
  await opt.setInputFiles('#pack-file', { name: 'trust.second-look.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const region = opt.getByRole('region', { name: 'Import the rule set and class lists' });
  await expect(region.getByRole('listitem')).toHaveCount(40, { timeout: 120_000 });
  const checked = Date.now() - t0;
  const t1 = Date.now();
  await region.getByRole('button', { name: 'Replace rules and class lists' }).click();
  await expect(opt.getByText(/and its class lists \(lists: 40\)/)).toBeVisible({ timeout: 300_000 });
  const stored = Date.now() - t1;
  await expect(opt.getByTestId('pupil-count')).toContainText('100000');

  const fb = await context.newPage();
  const t2 = Date.now();
  await fb.goto(SITES.facebook.url);
  await fb.click('[role="dialog"] [data-lexical-editor="true"]');
  await fb.keyboard.type('Evie Carter was brilliant today', { delay: 5 });
  await expectWarning(fb, "Pupil's name", '“Evie Carter”');
  const firstWarning = Date.now() - t2;
  console.log(`SHARE_LISTS_LARGE bytes=${Buffer.byteLength(text)} page_check_ms=${checked} import_ms=${stored} first_warning_ms=${firstWarning}`);
});
