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
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { compileRuleSet } from '../engine/compile';
import { evaluate } from '../engine/evaluate';
import { parseLocalTime } from '../engine/clock';
import { SITE_IDS, SURFACES, type CheckInput, type Finding, type SiteId } from '../engine/types';
import type { PersonInput } from '../engine/name-index';
import { CLASSLIST_LIMITS } from '../import/classlist';
import type { ImportedPerson } from '../import/types';
import { readClassListFile } from '../import/read-file';
import { PACK_LIMITS, parsePackText } from '../pack/parse';
import type { RulePack } from '../pack/types';

const USAGE = `Usage: npm run --silent cli -- check --pack <pack.json> --people <class-list file> [--site <siteId>]

Reads JSON lines {"id": "...", "text": "..."} on stdin (optional "surface" and "now": "yyyy-mm-ddTHH:MM",
the local time) and writes one line per input:
  {"id": "...", "findings": [{"rule", "start", "end", "severity", "clause"}]}
Sites: ${SITE_IDS.join(', ')} (default: other).`;

/** Longest input line accepted; the engine itself checks only the first 20,000 characters. */
const MAX_LINE_CHARS = 1024 * 1024;

class UsageError extends Error {}

interface Options {
  pack: string;
  people: string;
  site: SiteId;
}

function parseArgs(argv: string[]): Options | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name !== '--pack' && name !== '--people' && name !== '--site') throw new UsageError(`unknown option "${arg}"`);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    values[name] = value;
  }
  if (!values['--pack']) throw new UsageError('--pack <pack.json> is required');
  if (!values['--people']) throw new UsageError('--people <class-list file> is required');
  const site = values['--site'] ?? 'other';
  if (!(SITE_IDS as readonly string[]).includes(site)) {
    throw new UsageError(`--site "${site}" is not a known site (use one of: ${SITE_IDS.join(', ')})`);
  }
  return { pack: values['--pack'], people: values['--people'], site: site as SiteId };
}

/**
 * `npm run` moves to the package root before running the script, so a path the user typed is
 * relative to INIT_CWD (the directory npm was started in). Only trusted when npm ran *this* script.
 */
function userPath(p: string): string {
  const base = process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  return resolve(base, p);
}

/** Reads a UTF-8 text file, refusing oversize files before loading them. Throws a plain message. */
function readText(path: string, what: string, maxBytes: number): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`cannot read the ${what} "${path}": no such file`);
  }
  if (size > maxBytes) throw new Error(`the ${what} "${path}" is too big: the limit is ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const bytes = readFileSync(path);
  try {
    // Fatal decoding: a Windows-1252 export would otherwise turn "Noémie" into "No�mie" silently.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`the ${what} "${path}" is not UTF-8 text (in Excel, save it as "CSV UTF-8")`);
  }
}

function load(opts: Options): { pack: RulePack; people: PersonInput[] } {
  const packPath = userPath(opts.pack);
  const parsedPack = parsePackText(readText(packPath, 'pack file', PACK_LIMITS.maxBytes));
  if (!parsedPack.ok) {
    throw new Error(`the pack "${opts.pack}" is not valid:\n  ${parsedPack.errors.join('\n  ')}`);
  }
  const peoplePath = userPath(opts.people);
  // The same reader as the options page: any encoding Excel writes, MIS / SDS / OneRoster headers.
  let bytes: Uint8Array;
  try {
    if (statSync(peoplePath).size > CLASSLIST_LIMITS.maxBytes) throw new Error('too big');
    bytes = readFileSync(peoplePath);
  } catch (e) {
    throw new Error(`cannot read the class list "${peoplePath}"${(e as Error).message === 'too big' ? ': it is larger than 10 MB' : ''}`);
  }
  const list = readClassListFile(bytes, peoplePath);
  if (!list.ok) throw new Error(list.error);
  for (const w of list.warnings) process.stderr.write(`warning: ${w}\n`);
  return { pack: parsedPack.pack, people: list.people.map(personInput) };
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

async function writeLine(value: LineResult): Promise<void> {
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
  try {
    const { pack, people } = load(opts);
    compiled = compileRuleSet(pack, people);
  } catch (e) {
    process.stderr.write(`second-look: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const site = opts.site;
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

/** What the engine indexes (hashed in memory with an ephemeral key by compileRuleSet): names plus facts. */
function personInput(p: ImportedPerson): PersonInput {
  const out: PersonInput = { role: p.role, forename: p.forename, surname: p.surname };
  if (p.preferred) out.preferred = p.preferred;
  if (p.preferredSurname) out.preferredSurname = p.preferredSurname;
  if (p.group) out.group = p.group;
  if (p.dob) out.dob = p.dob;
  if (p.leftOn) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  return out;
}
