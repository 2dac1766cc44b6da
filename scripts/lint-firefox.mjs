/**
 * Runs Mozilla's addons-linter (the linter behind `web-ext lint` and addons.mozilla.org) on the
 * Firefox build and fails on any error. Warnings are printed; the known ones are explained in
 * docs/store-listing.md ("Checks before upload").
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.output/firefox-mv3');
const run = spawnSync('npx', ['addons-linter', '--output', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(2);
}
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? ':' + m.line : ''} ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`addons-linter on ${path.relative(process.cwd(), dir)}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
