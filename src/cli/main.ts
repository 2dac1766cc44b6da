/**
 * Command-line checker: runs the extension's own engine (compileRuleSet + evaluate) over JSON lines,
 * so a pack can be tested without a browser. Trusted side, Node only; makes no network request.
 *
 *   npm run --silent cli -- check --pack <pack.json> --people <class-list file> [--site <siteId>]
 *
 * stdin:  one JSON object per line, {"id": "...", "text": "..."}; blank lines are skipped. Optional
 *         per line: "surface" (post, comment, message, profile, wiki-edit, other) and "now", the local
 *         time of the check as "yyyy-mm-ddTHH:MM" (for working-hours and wiki-edit; without it those
 *         reminders stay silent, so replays are reproducible).
 * stdout: exactly one line per input line, in order:
 *           {"id":"...","findings":[{"rule","start","end","severity","clause"}]}
 *         or {"id":"...","error":"..."} for a line that cannot be checked (then it carries on).
 * stderr: problems with the pack or class list (exit code 2) and class-list warnings.
 * Exit codes: 0 all lines read (even if some were bad), 2 bad arguments, pack or class list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { compileRuleSet } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import { parseLocalTime } from '../engine/clock';
import { SITE_IDS, SURFACES, type CheckInput, type Finding, type SiteId } from '../engine/types';
import { ALL_STAGES } from '../image/analyse';
import type { ImageStage } from '../image/types';
import type { SchoolLocation } from '../pack/types';
import { load, userPath } from './load';

const USAGE = `Usage:
  npm run --silent cli -- check --pack <pack.json> --people <class-list file> [--site <siteId>]
  npm run --silent cli -- check-image --pack <pack.json> --people <class-list file> [--logo <logo.png>]...
      [--site <siteId>] [--official] [--caption <text>] [--stages metadata,logo,ocr,faces] [--timings] FILE...

check: reads JSON lines {"id": "...", "text": "..."} on stdin (optional "surface" and "now": "yyyy-mm-ddTHH:MM",
the local time) and writes one line per input:
  {"id": "...", "findings": [{"rule", "start", "end", "severity", "clause"}]}
check-image: checks each photo or video FILE and writes one line per file, in order:
  {"file": "...", "findings": [{"rule", "severity", "clause", "detail", "box"?}], "hasLocation": true|false, "skipped": [...]}
  Logos: each --logo PNG; without --logo, every .png in a "logos" folder beside the pack.
  --official checks as the school's own account (with --caption: the text posted with the photo).
Sites: ${SITE_IDS.join(', ')} (default: other).`;

/** Longest input line accepted; the engine itself checks only the first 20,000 characters. */
const MAX_LINE_CHARS = 1024 * 1024;

class UsageError extends Error {}

interface Options {
  command: 'check' | 'check-image';
  pack: string;
  people: string;
  site: SiteId;
  logos: string[];
  official: boolean;
  caption?: string;
  stages: ImageStage[];
  timings: boolean;
  files: string[];
}

const VALUE_OPTIONS: Record<Options['command'], readonly string[]> = {
  check: ['--pack', '--people', '--site'],
  'check-image': ['--pack', '--people', '--site', '--logo', '--caption', '--stages'],
};
const FLAG_OPTIONS: Record<Options['command'], readonly string[]> = { check: [], 'check-image': ['--official', '--timings'] };

function parseArgs(argv: string[]): Options | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'check-image') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const values: Record<string, string> = {};
  const logos: string[] = [];
  const files: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (command === 'check-image' && !arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (FLAG_OPTIONS[command].includes(name) && eq === -1) {
      flags.add(name);
      continue;
    }
    if (!VALUE_OPTIONS[command].includes(name)) throw new UsageError(`unknown option "${arg}"`);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (name === '--logo') logos.push(value);
    else values[name] = value;
  }
  if (!values['--pack']) throw new UsageError('--pack <pack.json> is required');
  if (!values['--people']) throw new UsageError('--people <class-list file> is required');
  const site = values['--site'] ?? 'other';
  if (!(SITE_IDS as readonly string[]).includes(site)) {
    throw new UsageError(`--site "${site}" is not a known site (use one of: ${SITE_IDS.join(', ')})`);
  }
  let stages = [...ALL_STAGES];
  if (values['--stages']) {
    stages = values['--stages'].split(',').map((x) => x.trim()) as ImageStage[];
    const bad = stages.find((x) => !ALL_STAGES.includes(x));
    if (bad) throw new UsageError(`--stages: "${bad}" is not a stage (use: ${ALL_STAGES.join(', ')})`);
  }
  if (command === 'check-image' && files.length === 0) throw new UsageError('check-image needs at least one FILE');
  const opts: Options = {
    command,
    pack: values['--pack'],
    people: values['--people'],
    site: site as SiteId,
    logos,
    official: flags.has('--official'),
    stages,
    timings: flags.has('--timings'),
    files,
  };
  if (values['--caption'] !== undefined) opts.caption = values['--caption'];
  return opts;
}

type LineResult =
  | { id: unknown; findings: { rule: string; start: number; end: number; severity: string; clause: string }[] }
  | { id: unknown; error: string };

function checkLine(line: string, lineNo: number, run: (input: Omit<CheckInput, 'site'>) => Finding[]): LineResult {
  if (line.length > MAX_LINE_CHARS) return { id: null, error: `line ${lineNo} is longer than 1 MB` };
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNo} is not valid JSON` };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { id: null, error: `line ${lineNo} should be a JSON object like {"id": "1", "text": "..."}` };
  }
  const rec = input as Record<string, unknown>;
  const id = Object.hasOwn(rec, 'id') ? rec.id : undefined;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    return { id: null, error: `line ${lineNo}: "id" should be a string or a number` };
  }
  const text = Object.hasOwn(rec, 'text') ? rec.text : undefined;
  if (typeof text !== 'string') return { id, error: `line ${lineNo}: "text" should be a string` };
  const check: Omit<CheckInput, 'site'> = { text };
  if (Object.hasOwn(rec, 'surface')) {
    if (!(SURFACES as readonly unknown[]).includes(rec.surface)) {
      return { id, error: `line ${lineNo}: "surface" should be one of: ${SURFACES.join(', ')}` };
    }
    check.surface = rec.surface as CheckInput['surface'];
  }
  if (Object.hasOwn(rec, 'now')) {
    const now = typeof rec.now === 'string' ? parseLocalTime(rec.now) : null;
    if (!now) return { id, error: `line ${lineNo}: "now" should be a local time such as "2026-11-23T10:15"` };
    check.now = now;
  }
  try {
    const findings = run(check).map((f) => ({
      rule: f.rule,
      start: f.start,
      end: f.end,
      severity: f.severity,
      clause: f.clause,
    }));
    return { id, findings };
  } catch (e) {
    return { id, error: `the check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function writeLine(value: unknown): Promise<void> {
  // Respect back-pressure so a large batch piped to a slow reader does not pile up in memory.
  if (!process.stdout.write(`${JSON.stringify(value)}\n`)) {
    await new Promise<void>((done) => process.stdout.once('drain', done));
  }
}

async function main(argv: string[]): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`second-look: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let compiled: ReturnType<typeof compileRuleSet>;
  let locations: SchoolLocation[] = [];
  try {
    const { pack, people } = load(opts);
    compiled = compileRuleSet(pack, people);
    locations = pack.school.locations ?? [];
  } catch (e) {
    process.stderr.write(`second-look: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const site = opts.site;
  if (opts.command === 'check-image') {
    // Loaded only for images: the text check stays fast to start.
    const { checkImages, readLogos } = await import('./check-image');
    let logos;
    try {
      logos = readLogos(opts.logos.length > 0 ? opts.logos.map(userPath) : logosBesidePack(userPath(opts.pack)));
    } catch (e) {
      process.stderr.write(`second-look: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const ctx = { compiled, locations, logos, site, officialAccount: opts.official, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) };
    for await (const line of checkImages(opts.files.map((f) => ({ shown: f, path: userPath(f) })), ctx, opts.stages, opts.timings)) {
      await writeLine(line);
    }
    return 0;
  }
  const run = (input: Omit<CheckInput, 'site'>) => evaluate(compiled, { ...input, site });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    await writeLine(checkLine(raw, lineNo, run));
  }
  return 0;
}

/** PNG files in a "logos" folder beside the pack (sorted), or none. */
function logosBesidePack(packPath: string): string[] {
  const dir = join(dirname(packPath), 'logos');
  try {
    return readdirSync(dir)
      .filter((f) => extname(f).toLowerCase() === '.png')
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): let stdout drain when it is a pipe.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`second-look: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);

