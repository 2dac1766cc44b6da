/**
 * Loading a pack and a class list for the command-line tools (src/cli/main.ts, scripts/image-eval.ts),
 * with the same readers and limits as the options page. Node only, trusted side.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PersonInput } from '../engine/name-index';
import { CLASSLIST_LIMITS } from '../import/classlist';
import type { ImportedPerson } from '../import/types';
import { readClassListFile } from '../import/read-file';
import { PACK_LIMITS, parsePackText } from '../pack/parse';
import type { RulePack } from '../pack/types';

/**
 * `npm run` moves to the package root before running the script, so a path the user typed is
 * relative to INIT_CWD (the directory npm was started in). Only trusted when npm ran *this* script.
 */
export function userPath(p: string): string {
  const base = process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  return resolve(base, p);
}

/** Reads a UTF-8 text file, refusing oversize files before loading them. Throws a plain message. */
export function readText(path: string, what: string, maxBytes: number): string {
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

export function load(opts: { pack: string; people: string }): { pack: RulePack; people: PersonInput[] } {
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

/** What the engine indexes (hashed in memory with an ephemeral key by compileRuleSet): names plus facts. */
export function personInput(p: ImportedPerson): PersonInput {
  const out: PersonInput = { role: p.role, forename: p.forename, surname: p.surname };
  if (p.preferred) out.preferred = p.preferred;
  if (p.preferredSurname) out.preferredSurname = p.preferredSurname;
  if (p.group) out.group = p.group;
  if (p.dob) out.dob = p.dob;
  if (p.leftOn) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  return out;
}
