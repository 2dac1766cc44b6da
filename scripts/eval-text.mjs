#!/usr/bin/env node
/**
 * Text-rule evaluation: precision and recall per rule on the labelled corpus in test/corpus/.
 *
 *   node scripts/eval-text.mjs
 *
 * Runs the real CLI once (`npm run --silent cli -- check --pack test/corpus/school.json
 * --people test/corpus/class.csv`) with every post of test/corpus/posts.jsonl on stdin, then compares
 * each finding with the post's `expect` list by exact span: a finding counts only if its rule, start
 * and end equal those of an expected substring (found with indexOf, the n-th time when the label
 * gives `"occurrence": n`). Prints per rule TP, FP, FN, precision and recall, the misses grouped by
 * the post's `note` category, and every FP and FN; writes the same report to bench/text-eval.md.
 *
 * It measures, it does not gate: the exit code is 0 whatever the scores (2 only if the corpus or the
 * CLI cannot be read at all). Node built-ins only.
 *
 * Corpus line format (one JSON object per line):
 *   {"id": "pos-001", "text": "...", "expect": [{"rule": "pupil-name", "text": "Evie Carter"}], "note": "..."}
 * Optional per post: "surface" (post, comment, message, profile, wiki-edit, other) and "now", the local
 * time of the check ("2026-11-23T10:15"); both are passed to the CLI, so clock-driven rules replay
 * exactly. A whole-post reminder (working-hours, wiki-edit without a mention of the school) is
 * labelled with "text": "" (the span 0–0). An expected finding may give "severity": then a finding
 * counts only with that severity too (offensive: aimed at the school's people, or plain swearing at
 * info).
 * `expect` lists every finding that SHOULD fire, for any rule id (rules not built yet, such as
 * offensive, disclaimer or working-hours, can be labelled the same way: they show up as misses).
 * Notes starting "variant: " mark behaviour that is specified but not built yet; "trap: " marks a
 * negative designed to tempt a false positive.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACK = 'test/corpus/school.json';
const PEOPLE = 'test/corpus/class.csv';
const POSTS = 'test/corpus/posts.jsonl';
const REPORT = 'bench/text-eval.md';
const COMMAND = `npm run --silent cli -- check --pack ${PACK} --people ${PEOPLE} < ${POSTS}`;

function fail(message) {
  process.stderr.write(`eval-text: ${message}\n`);
  process.exit(2);
}

// ---------- corpus ----------
const posts = [];
const labelProblems = [];
{
  let raw;
  try {
    raw = readFileSync(join(ROOT, POSTS), 'utf8');
  } catch (e) {
    fail(`cannot read ${POSTS}: ${e.message}`);
  }
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let p;
    try {
      p = JSON.parse(line);
    } catch {
      labelProblems.push(`${POSTS} line ${i + 1}: not valid JSON`);
      return;
    }
    const expected = [];
    for (const e of p.expect ?? []) {
      const n = e.occurrence ?? 1;
      let at = -1;
      for (let k = 0; k < n; k++) {
        at = p.text.indexOf(e.text, at + 1);
        if (at === -1) break;
      }
      if (at === -1) {
        labelProblems.push(`${p.id}: expected ${e.rule} "${e.text}" (occurrence ${n}) is not in the text`);
        continue;
      }
      expected.push({ rule: e.rule, start: at, end: at + e.text.length, severity: e.severity });
    }
    const extra = {};
    if (p.surface !== undefined) extra.surface = p.surface;
    if (p.now !== undefined) extra.now = p.now;
    posts.push({ id: String(p.id), text: p.text, note: p.note ?? '', expected, extra });
  });
}
const ids = new Set();
for (const p of posts) {
  if (ids.has(p.id)) labelProblems.push(`${p.id}: duplicate id`);
  ids.add(p.id);
}

// ---------- run the CLI once ----------
function runCli(input) {
  return new Promise((done, reject) => {
    const child = spawn(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      ['run', '--silent', 'cli', '--', 'check', '--pack', PACK, '--people', PEOPLE],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(input);
  });
}

const started = Date.now();
const cli = await runCli(posts.map((p) => JSON.stringify({ id: p.id, text: p.text, ...p.extra })).join('\n') + '\n');
const elapsed = Date.now() - started;
if (cli.code !== 0) fail(`the CLI exited with ${cli.code}:\n${cli.err}`);

const results = new Map();
const cliErrors = [];
for (const line of cli.out.split('\n')) {
  if (line.trim() === '') continue;
  const r = JSON.parse(line);
  if (r.error) cliErrors.push(`${r.id}: ${r.error}`);
  else results.set(String(r.id), r.findings);
}

// ---------- compare ----------
const category = (note) => {
  if (!note) return '(no note)';
  const cut = note.search(/[,(]/);
  return (cut === -1 ? note : note.slice(0, cut)).trim();
};
const isVariant = (note) => note.startsWith('variant:');

const stats = new Map(); // rule -> {tp, fp, fn, fnBuilt, tpBuilt}
const stat = (rule) => {
  if (!stats.has(rule)) stats.set(rule, { tp: 0, fp: 0, fn: 0, tpBuilt: 0, fnBuilt: 0 });
  return stats.get(rule);
};
const fps = [];
const fns = [];
const missByCategory = new Map(); // category -> {fn, fp}
const bump = (cat, key) => {
  if (!missByCategory.has(cat)) missByCategory.set(cat, { fn: 0, fp: 0 });
  missByCategory.get(cat)[key]++;
};
let negatives = 0;
const positivesPerRule = new Map();
const expectedPerRule = new Map();

for (const p of posts) {
  if (p.expected.length === 0) negatives++;
  for (const r of new Set(p.expected.map((e) => e.rule))) positivesPerRule.set(r, (positivesPerRule.get(r) ?? 0) + 1);
  for (const e of p.expected) expectedPerRule.set(e.rule, (expectedPerRule.get(e.rule) ?? 0) + 1);
  const found = results.get(p.id);
  if (!found) continue; // reported as a CLI error
  const key = (f) => `${f.rule}:${f.start}:${f.end}`;
  // A label with a severity matches only a finding with that severity.
  const matches = (e) => found.some((f) => key(f) === key(e) && (e.severity === undefined || f.severity === e.severity));
  const expectedKeys = new Set(p.expected.map(key));
  const expectedOk = (f) => p.expected.some((e) => key(e) === key(f) && (e.severity === undefined || e.severity === f.severity));
  for (const e of p.expected) {
    const s = stat(e.rule);
    if (matches(e)) {
      s.tp++;
      if (!isVariant(p.note)) s.tpBuilt++;
    } else {
      s.fn++;
      if (!isVariant(p.note)) s.fnBuilt++;
      const overlap = found.some((f) => f.rule === e.rule && ((f.start < e.end && e.start < f.end) || key(f) === key(e)));
      const shown = p.text.slice(e.start, e.end) + (e.severity ? ` (${e.severity})` : '');
      fns.push({ id: p.id, rule: e.rule, text: shown, note: p.note, overlap });
      bump(category(p.note), 'fn');
    }
  }
  for (const f of new Map(found.map((f) => [key(f), f])).values()) {
    if (expectedKeys.has(key(f)) && expectedOk(f)) continue;
    stat(f.rule).fp++;
    const overlap = p.expected.some((e) => e.rule === f.rule && ((f.start < e.end && e.start < f.end) || key(f) === key(e)));
    fps.push({ id: p.id, rule: f.rule, text: `${p.text.slice(f.start, f.end)} (${f.severity})`, note: p.note, overlap });
    bump(category(p.note), 'fp');
  }
}

// ---------- report ----------
const ratio = (a, b) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
const cell = (s) => String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '⏎');
const lines = [];
const today = new Date().toISOString().slice(0, 10);
lines.push('# Text rules: precision and recall on the labelled corpus');
lines.push('');
lines.push(`Generated ${today} by \`node scripts/eval-text.mjs\`. Do not edit by hand.`);
lines.push('');
lines.push(
  'What it measures: the text rules of the engine, run through the real CLI ' +
    `(\`${COMMAND}\`), against hand-written labels. A finding is correct only if its rule and its exact ` +
    'span (start and end) equal a labelled one. The corpus is a fictional school (`test/corpus/school.json`), ' +
    'a class list of pupils, former pupils and parents (`test/corpus/class.csv`), and posts, comments and ' +
    'messages a UK teacher might write (`test/corpus/posts.jsonl`), with traps. Clock-driven posts carry their own ' +
    'local time and surface, replayed through the CLI; a whole-post reminder is the span 0–0; where a label gives a ' +
    'severity (offensive), the finding must have it too. Posts noted `variant: …` ' +
    'label behaviour that is specified but not built yet (nicknames, "Surname, Forename", a first name ' +
    'alone in a school context, run-together hashtags); they are counted as misses, and the second recall ' +
    'column leaves them out. It measures; it does not gate.',
);
lines.push('');
const perRule = [...positivesPerRule.entries()].map(([r, n]) => `${r} ${n}`).join(', ');
lines.push(
  `Corpus: ${posts.length} posts; ${posts.length - negatives} with at least one expected finding ` +
    `(posts per rule: ${perRule}); ${negatives} negatives (${((100 * negatives) / posts.length).toFixed(1)}%) ` +
    `expecting nothing. CLI run: ${elapsed} ms for all posts.`,
);
lines.push('');
{
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'src');
  if (head.status === 0) {
    const changed = dirty.status === 0 && dirty.stdout.trim() !== '';
    lines.push(`Engine measured: commit ${head.stdout.trim()}${changed ? ', with uncommitted changes in src/' : ''}.`);
    lines.push('');
  }
}
if (labelProblems.length || cliErrors.length) {
  lines.push('## Problems with the corpus or the run');
  lines.push('');
  for (const l of [...labelProblems, ...cliErrors]) lines.push(`- ${cell(l)}`);
  lines.push('');
}
lines.push('## Per rule');
lines.push('');
lines.push('| rule | expected | TP | FP | FN | precision | recall | recall, built behaviour only |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const order = ['pupil-name', 'school-identity', 'confidential', 'personal-info', 'school-email', 'offensive', 'disclaimer', 'working-hours', 'wiki-edit'];
const rules = [...new Set([...order.filter((r) => stats.has(r)), ...[...stats.keys()].sort()])];
const total = { tp: 0, fp: 0, fn: 0, tpBuilt: 0, fnBuilt: 0 };
for (const r of rules) {
  const s = stats.get(r);
  for (const k of Object.keys(total)) total[k] += s[k];
  lines.push(
    `| ${r} | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} | ${ratio(s.tpBuilt, s.tpBuilt + s.fnBuilt)} |`,
  );
}
lines.push(
  `| **all** | ${total.tp + total.fn} | ${total.tp} | ${total.fp} | ${total.fn} | ${ratio(total.tp, total.tp + total.fp)} | ${ratio(total.tp, total.tp + total.fn)} | ${ratio(total.tpBuilt, total.tpBuilt + total.fnBuilt)} |`,
);
lines.push('');
const BATCHES = [
  {
    prefix: 'ho-',
    title: 'Batch written after the rules (ids `ho-…`)',
    about:
      'Written after the four new rules were built. Measured before any tuning at commit 4e3b2d3: offensive precision ' +
      '1.000, recall 0.556 (9 expected); disclaimer precision 0.571, recall 1.000; working-hours and wiki-edit 1.000. The rules ' +
      'were then changed in general ways those misses showed (knob, thick, hateful, animals, mum/dad as targets; ' +
      '"views … personal" disclaimers), and one label was corrected (ho-002), so this batch is no longer held out.',
  },
  {
    prefix: 'ho2-',
    title: 'Held-out batch (ids `ho2-…`)',
    about: 'Written after the tuning above and not used to change any rule: the least optimistic figures here.',
  },
];
for (const batch of BATCHES) {
  // Same counting as the per-rule table, restricted to one batch.
  const held = posts.filter((p) => p.id.startsWith(batch.prefix));
  if (held.length > 0) {
    const hs = new Map();
    const hstat = (r) => {
      if (!hs.has(r)) hs.set(r, { tp: 0, fp: 0, fn: 0 });
      return hs.get(r);
    };
    for (const p of held) {
      const found = results.get(p.id) ?? [];
      const k = (f) => `${f.rule}:${f.start}:${f.end}`;
      for (const e of p.expected) {
        const hit = found.some((f) => k(f) === k(e) && (e.severity === undefined || f.severity === e.severity));
        hstat(e.rule)[hit ? 'tp' : 'fn']++;
      }
      for (const f of new Map(found.map((f) => [k(f), f])).values()) {
        const ok = p.expected.some((e) => k(e) === k(f) && (e.severity === undefined || e.severity === f.severity));
        if (!ok) hstat(f.rule).fp++;
      }
    }
    lines.push(`## ${batch.title}: ${held.length} posts`);
    lines.push('');
    lines.push(`${batch.about} Included in the totals above as well.`);
    lines.push('');
    lines.push('| rule | expected | TP | FP | FN | precision | recall |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [...order.filter((r) => hs.has(r)), ...[...hs.keys()].filter((r) => !order.includes(r)).sort()]) {
      const x = hs.get(r);
      lines.push(`| ${r} | ${x.tp + x.fn} | ${x.tp} | ${x.fp} | ${x.fn} | ${ratio(x.tp, x.tp + x.fp)} | ${ratio(x.tp, x.tp + x.fn)} |`);
    }
    lines.push('');
  }
}
lines.push('## Errors by category (the post\'s note)');
lines.push('');
lines.push('| category | FN | FP |');
lines.push('| --- | ---: | ---: |');
for (const [cat, c] of [...missByCategory.entries()].sort((a, b) => b[1].fn + b[1].fp - (a[1].fn + a[1].fp) || a[0].localeCompare(b[0]))) {
  lines.push(`| ${cell(cat)} | ${c.fn} | ${c.fp} |`);
}
if (missByCategory.size === 0) lines.push('| (none) | 0 | 0 |');
lines.push('');
const list = (title, rows, what) => {
  lines.push(`## ${title} (${rows.length})`);
  lines.push('');
  if (rows.length === 0) {
    lines.push('None.');
    lines.push('');
    return;
  }
  lines.push(`| id | rule | ${what} | note |`);
  lines.push('| --- | --- | --- | --- |');
  for (const r of rows) {
    lines.push(`| ${r.id} | ${r.rule} | \`${cell(r.text)}\`${r.overlap ? ' (span differs)' : ''} | ${cell(r.note)} |`);
  }
  lines.push('');
};
list('False negatives: expected, not found', fns, 'expected text');
list('False positives: found, not expected', fps, 'found text');

const report = lines.join('\n');
process.stdout.write(report + '\n');
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, REPORT), report + '\n');
process.stderr.write(`eval-text: wrote ${relative(process.cwd(), join(ROOT, REPORT)) || REPORT}\n`);
process.exitCode = 0;
