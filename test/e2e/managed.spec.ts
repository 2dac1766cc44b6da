/**
 * storage.managed in the real browser (issue 3): a rule pack pushed by the school's IT through
 * Chromium's machine policy (/etc/chromium/policies/managed/*.json, "3rdparty" → extensions →
 * <id>) replaces the local pack, locks the school and rules on the options page, and drives the
 * warnings; a malformed policy pack is refused with its reason while the local pack stays.
 *
 * Chromium reads machine policy only from /etc/chromium/policies, so this test writes a file there
 * (CI runs as root) for an extension id used by no other test: the build is copied to a folder of
 * its own, and an unpacked extension's id comes from its folder. The file is removed afterwards.
 */
import type { BrowserContext } from '@playwright/test';
import { access, constants, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXT_DIR, expect, extensionIdOf, launchWithBuild, expectWarning, SITES, test } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
const EDITOR = '[role="dialog"] [data-lexical-editor="true"]';


function managedPack(base: Record<string, unknown>) {
  return {
    ...base,
    id: 'ashgrove-it-2026',
    title: 'Ashgrove Academy (set by IT)',
    school: { name: 'Ashgrove Academy', aliases: ['Ashgrove'], handles: ['AshgroveAcad'], hashtags: [], emailDomains: ['ashgrove.sch.uk'] },
  };
}

test('a rule pack pushed by browser policy replaces the local one, locks the options page and drives warnings', async () => {
  await access(POLICY_DIR, constants.W_OK).catch(async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(POLICY_DIR, { recursive: true });
  });
  const root = await mkdtemp(path.join(tmpdir(), 'sl-managed-'));
  const ext = path.join(root, 'ext');
  await cp(EXT_DIR, ext, { recursive: true });
  const profile = path.join(root, 'profile');
  let policyFile = '';
  let context: BrowserContext | null = null;
  try {
    // The id of this copy of the build.
    context = await launchWithBuild(profile, ext);
    const id = await extensionIdOf(context);
    await context.close();
    context = null;

    const base = JSON.parse(await readFile('rules/demo.json', 'utf8'));
    policyFile = path.join(POLICY_DIR, `second-look-e2e-${id}.json`);
    await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { rulePack: JSON.stringify(managedPack(base)) } } } }));

    context = await launchWithBuild(profile, ext);
    await extensionIdOf(context);
    const opt = await context.newPage();
    await opt.goto(`chrome-extension://${id}/options.html`);
    await expect(opt.getByRole('note')).toContainText("Set by your school's IT.");
    await expect(opt.locator('#school-name')).toHaveValue('Ashgrove Academy');
    await expect(opt.locator('#school-name')).toBeDisabled();

    const page = await context.newPage();
    await page.goto(SITES.facebook.url);
    await page.click(EDITOR);
    await page.keyboard.type('Great match for Ashgrove Academy today', { delay: 5 });
    await expectWarning(page, 'School named', '“Ashgrove Academy”');
    await context.close();
    context = null;

    // A broken pack in the policy: refused with its reason; the local pack (empty here) stays.
    await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { rulePack: JSON.stringify({ ...managedPack(base), extra: 1 }) } } } }));
    context = await launchWithBuild(profile, ext);
    await extensionIdOf(context);
    const opt2 = await context.newPage();
    await opt2.goto(`chrome-extension://${id}/options.html`);
    await expect(opt2.getByRole('alert').filter({ hasText: "Your school's IT set a rule pack" })).toContainText('extra is not a known setting');
    await expect(opt2.locator('#school-name')).toBeEnabled();
    await expect(opt2.locator('#school-name')).not.toHaveValue('Ashgrove Academy');
  } finally {
    await context?.close().catch(() => undefined);
    if (policyFile) await rm(policyFile, { force: true });
    await rm(root, { recursive: true, force: true });
  }
});
