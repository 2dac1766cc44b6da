/**
 * Accessibility (issue 7): axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in the real browser on the
 * options page and on the warning. The warning lives in a closed shadow root that axe (like the
 * page) cannot enter, so the test copies its rendered markup and styles, through DevTools, into an
 * open shadow root at the same place and runs axe on that copy.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectWarning, loadDemo, openCopyOfWarning, openOptions, SITES, test } from './harness';

const AXE = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

async function axe(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    async ({ tags, include }) => {
      const ax = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const ctx = include ? { include: [[include]] } : document;
      return (await ax.run(ctx, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
    },
    { tags: TAGS, include },
  );
  return result as AxeViolation[];
}

const summary = (v: AxeViolation[]) =>
  v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary).join('; ')}`);

test('the options page passes axe-core (WCAG A/AA), before and after loading a school', async ({ context, extensionId }) => {
  const opt = await openOptions(context, extensionId);
  expect(summary(await axe(opt))).toEqual([]);
  const loaded = await loadDemo(context, extensionId);
  expect(summary(await axe(loaded))).toEqual([]);
});

test('the warning passes axe-core (WCAG A/AA): its dialog, names, buttons and colour contrast', async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Evie Carter won the poetry prize at Holbrook Primary', { delay: 5 });
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await expectWarning(page, 'has not been sent', "Pupil's name");
  expect(await openCopyOfWarning(page, 'axe-warning-copy')).toContain('alertdialog');
  expect(summary(await axe(page, '#axe-warning-copy'))).toEqual([]);
  // The check reaches into the copy: a nameless button added there is reported.
  await page.evaluate(() => document.getElementById('axe-warning-copy')!.shadowRoot!.append(document.createElement('button')));
  expect((await axe(page, '#axe-warning-copy')).map((v) => v.id)).toContain('button-name');
});

test('in Welsh, the options page and the warning still pass axe-core (WCAG A/AA), with lang="cy"', async ({ context, extensionId }) => {
  const opt = await loadDemo(context, extensionId);
  await opt.getByLabel('Language', { exact: true }).selectOption({ label: 'Cymraeg' });
  await opt.getByRole('heading', { name: 'Eich ysgol', exact: true }).waitFor();
  await expect(opt.locator('html')).toHaveAttribute('lang', 'cy');
  expect(summary(await axe(opt))).toEqual([]);

  const page = await context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('[role="dialog"] [data-lexical-editor="true"]');
  await page.keyboard.type('Evie Carter won the poetry prize at Holbrook Primary', { delay: 5 });
  await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
  await expectWarning(page, 'Nid yw eich postiad wedi’i anfon', 'Golygu fy mhostiad');
  expect(await openCopyOfWarning(page, 'axe-warning-copy')).toContain('alertdialog');
  // The copied panel says it is Welsh, so a screen reader reads it with Welsh pronunciation.
  expect(await page.evaluate(() => document.getElementById('axe-warning-copy')!.shadowRoot!.querySelector('[role="alertdialog"]')?.getAttribute('lang'))).toBe('cy');
  expect(summary(await axe(page, '#axe-warning-copy'))).toEqual([]);
});
