/**
 * A rule-pack file that also carries the class lists, in hashed form (issue 3): the pack as
 * parse.ts reads it, plus one optional top-level `classLists` section holding, per list, its name,
 * groups and counts, and per person only what storage keeps (engine/name-index.ts `HashedPerson`:
 * keyed hashes of the name forms, the matcher's flags, role, dates, consent, group), with the hash
 * key, because another computer cannot match the hashes without it. Never a plain name.
 *
 * A person is written compactly (a trust of 100,000 people must fit the file limit):
 *   { role, dob?, leftOn?, photoConsent?, group?,
 *     words: [code…]                       each distinct word code once,
 *     forms: [[kind, [word index…], capitalMask, commaMask, apostropheMask]…],
 *     tagsFull: [code…], tagsNick: [code…], tagRuns: [code…] }   ('#'/'@' forms; runs ⊆ the others)
 *
 * Pure; trusted side (options page preview, background import, tests), on untrusted data.
 *   parsePackFileText(text)  → { pack, lists? }: a file WITHOUT `classLists` goes through
 *                               parsePackText exactly as before (1 MB limit included); a file with
 *                               it has a larger limit and both halves are parsed strictly.
 *   packFileText(pack, lists) → the export's text.
 * Every check refuses rather than repairs: unknown keys (also "__proto__", "constructor"), hash
 * strings that are not exactly 10 base64url characters, a key that is not 32 bytes, counts that
 * disagree with the persons, more than CLASS_LIST_LIMITS of anything. The output is rebuilt field
 * by field into fresh objects.
 */
import * as v from 'valibot';
import { HASH_KEY_BYTES } from '../engine/hash';
import type { FormKind, HashedForm, HashedPerson, HashedTag } from '../engine/name-index';
import type { PersonRole } from '../engine/types';
import { utf8Length } from '../import/utf8';
import { parsePack, parsePackText, PACK_LIMITS } from './parse';
import type { RulePack } from './types';

export const CLASS_LISTS_FORMAT = 'second-look-class-lists';
/** How the names were hashed: HMAC-SHA256 truncated to 60 bits, 10 base64url characters (engine/hash.ts). */
export const CLASS_LISTS_HASH = 'hmac-sha256-60';

/** Limits, shared with rules/schema.json (a test keeps the two in step). */
export const CLASS_LIST_LIMITS = Object.freeze({
  /** Bytes of a pack file that carries class lists (a plain pack keeps PACK_LIMITS.maxBytes). */
  maxBytes: 60 * 1024 * 1024,
  lists: 50,
  /** People in all the lists together (as the class-list import, protocol MAX_PEOPLE). */
  persons: 100_000,
  nameLength: 200,
  fileNameLength: 260,
  groups: 500,
  groupLength: 50,
  /** Variant forms of one person (a name with many nicknames has a few dozen). */
  forms: 128,
  tags: 128,
  /** Words in one form: the flag bit masks are 31-bit integers. */
  words: 30,
});

const HASH = /^[A-Za-z0-9_-]{10}$/;
/** 32 bytes as unpadded base64url: 43 characters, the last one carrying 4 bits (A, E, I, …). */
const KEY = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const text = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.check((s) => !CONTROL.test(s), 'should not contain control or text-direction characters'));
const date = v.pipe(v.string(), v.regex(ISO_DATE, 'should be a date written yyyy-mm-dd'), v.check(isRealDate, 'is not a real date'));
const hash = v.pipe(v.string(), v.regex(HASH, 'should be a name code of exactly 10 letters, digits, - or _'));
const mask = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** CLASS_LIST_LIMITS.words - 1));
const ROLES: readonly PersonRole[] = ['pupil', 'former-pupil', 'parent', 'staff'];
const FORM_KINDS: readonly FormKind[] = ['full', 'nick', 'rev', 'rev-nc', 'first'];

/** strictObject alone accepts arrays (they are objects): refused first. */
const obj = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'should be an object ({ … })'),
    v.strictObject(entries),
  );

/** A flag mask may only set bits of words the form has. */
const fits = (m: number | undefined, words: number) => m === undefined || m < 2 ** words;

/** Each distinct word code once per person; forms point into this table by index. */
const MAX_WORDS_PER_PERSON = 256;
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_WORDS_PER_PERSON - 1));

/** A form as [kind, word indexes, capital mask, comma mask, apostrophe mask] (engine/name-index.ts HashedForm). */
const form = v.pipe(
  v.strictTuple([
    v.picklist(FORM_KINDS),
    v.pipe(v.array(index), v.minLength(1), v.maxLength(CLASS_LIST_LIMITS.words)),
    mask,
    mask,
    mask,
  ]),
  v.check(([, ws, c, m, p]) => fits(c, ws.length) && fits(m, ws.length) && fits(p, ws.length), 'has a flag for a word the form does not have'),
);

const codes = (max: number) => v.pipe(v.array(hash), v.maxLength(max));

const person = v.pipe(
  obj({
    role: v.picklist(ROLES),
    dob: v.optional(date),
    leftOn: v.optional(date),
    photoConsent: v.optional(v.boolean()),
    group: v.optional(text(1, CLASS_LIST_LIMITS.groupLength)),
    words: v.pipe(codes(MAX_WORDS_PER_PERSON), v.minLength(1)),
    forms: v.pipe(v.array(form), v.minLength(1), v.maxLength(CLASS_LIST_LIMITS.forms)),
    tagsFull: codes(CLASS_LIST_LIMITS.tags),
    tagsNick: codes(CLASS_LIST_LIMITS.tags),
    tagRuns: codes(CLASS_LIST_LIMITS.tags),
  }),
  v.check((p) => new Set(p.words).size === p.words.length, 'words should not list the same code twice'),
  v.check((p) => p.forms.every(([, ws]) => ws.every((i) => i < p.words.length)), 'has a form pointing past the end of its words'),
  v.check((p) => p.tagsFull.length + p.tagsNick.length <= CLASS_LIST_LIMITS.tags, `has more than ${CLASS_LIST_LIMITS.tags} tags`),
  v.check((p) => p.tagRuns.every((h) => p.tagsFull.includes(h) || p.tagsNick.includes(h)), 'tagRuns should only list codes from tagsFull or tagsNick'),
);

const isPupil = (p: { role: PersonRole }) => p.role === 'pupil' || p.role === 'former-pupil';

const list = v.pipe(
  obj({
    name: text(1, CLASS_LIST_LIMITS.nameLength),
    fileName: text(0, CLASS_LIST_LIMITS.fileNameLength),
    groups: v.pipe(v.array(text(1, CLASS_LIST_LIMITS.groupLength)), v.maxLength(CLASS_LIST_LIMITS.groups)),
    count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CLASS_LIST_LIMITS.persons)),
    pupils: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(CLASS_LIST_LIMITS.persons)),
    persons: v.pipe(v.array(person), v.minLength(1), v.maxLength(CLASS_LIST_LIMITS.persons)),
  }),
  v.check((l) => l.count === l.persons.length, 'count does not match the number of people in the list'),
  v.check((l) => l.pupils === l.persons.filter(isPupil).length, 'pupils does not match the number of pupils in the list'),
);

const section = v.pipe(
  obj({
    format: v.literal(CLASS_LISTS_FORMAT),
    version: v.literal(1),
    hash: v.literal(CLASS_LISTS_HASH),
    key: v.pipe(v.string(), v.regex(KEY, `should be the name-code key: ${HASH_KEY_BYTES} bytes written as 43 letters, digits, - or _`)),
    lists: v.pipe(v.array(list), v.minLength(1), v.maxLength(CLASS_LIST_LIMITS.lists)),
  }),
  v.check(
    (s) => s.lists.reduce((n, l) => n + l.persons.length, 0) <= CLASS_LIST_LIMITS.persons,
    `holds more than ${CLASS_LIST_LIMITS.persons.toLocaleString('en-GB')} people in all`,
  ),
);

/** One class list as a file carries it and storage writes it. */
export interface ListExport {
  name: string;
  fileName: string;
  groups: string[];
  count: number;
  pupils: number;
  persons: HashedPerson[];
}

export interface ClassListsExport {
  /** The per-install name-hash key (HASH_KEY_BYTES). */
  key: Uint8Array;
  lists: ListExport[];
}

/** `withLists`: the refused file did have a `classLists` section (so it is not a plain pack). */
export type ParsePackFileResult = { ok: true; pack: RulePack; lists?: ClassListsExport } | { ok: false; errors: string[]; withLists?: true };

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function keyToText(key: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of key) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64URL[(acc >>> bits) & 63];
    }
  }
  if (bits > 0) out += B64URL[(acc << (6 - bits)) & 63];
  return out;
}

export function keyFromText(s: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of s) {
    const d = B64URL.indexOf(ch);
    if (d < 0) throw new Error('not base64url');
    acc = ((acc << 6) | d) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function formatPath(keys: readonly (string | number)[]): string {
  let out = 'classLists';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z0-9_-]{1,60}$/.test(k)) out += `.${k}`;
    else out += `[${JSON.stringify(k.length > 60 ? `${k.slice(0, 60)}…` : k)}]`;
  }
  return out;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const where = formatPath(keys);
  switch (issue.type) {
    case 'strict_object':
      if (issue.expected === 'never') return `${where} is not a known setting`;
      if (issue.received === 'undefined') return `${where} is missing`;
      return `${where} should be an object ({ … })`;
    case 'string':
      return `${where} should be text in quotes`;
    case 'array':
      return `${where} should be a list ([ … ])`;
    case 'min_length':
      return Array.isArray(issue.input) ? `${where} should not be empty` : `${where} is too short`;
    case 'max_length':
      return Array.isArray(issue.input)
        ? `${where} has too many entries (at most ${String(issue.requirement)})`
        : `${where} is too long (at most ${String(issue.requirement)} characters)`;
    case 'check':
    case 'custom':
    case 'regex':
      return `${where} ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

type FilePerson = v.InferOutput<typeof person>;

/** File → storage: rebuilt field by field; nothing of the parsed input object survives into storage. */
function decodePerson(p: FilePerson): HashedPerson {
  const runs = new Set(p.tagRuns);
  const tag = (k: HashedTag['k'], h: string): HashedTag => (runs.has(h) ? { k, h, r: 1 } : { k, h });
  const out: HashedPerson = {
    role: p.role,
    forms: p.forms.map(([k, ws, c, m, pm]) => {
      const f: HashedForm = { k, h: ws.map((i) => p.words[i]!), c };
      if (m) f.m = m;
      if (pm) f.p = pm;
      return f;
    }),
    tags: [...p.tagsFull.map((h) => tag('full', h)), ...p.tagsNick.map((h) => tag('nick', h))],
  };
  if (p.dob !== undefined) out.dob = p.dob;
  if (p.leftOn !== undefined) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  if (p.group !== undefined) out.group = p.group;
  return out;
}

/**
 * Storage → file. The same word code recurs in a person's forms ("Evie Carter", "Carter, Evie",
 * "Evie" alone), so each is written once in `words` and the forms point at it: about half the size.
 * Only known fields are read (a stored row's id and listId stay behind).
 */
function encodePerson(p: HashedPerson): FilePerson {
  const words: string[] = [];
  const at = new Map<string, number>();
  const ix = (h: string) => {
    let i = at.get(h);
    if (i === undefined) at.set(h, (i = words.push(h) - 1));
    return i;
  };
  const forms = p.forms.map((f) => [f.k, f.h.map(ix), f.c, f.m ?? 0, f.p ?? 0] as FilePerson['forms'][number]);
  const out: FilePerson = {
    role: p.role,
    words,
    forms,
    tagsFull: p.tags.filter((t) => t.k === 'full').map((t) => t.h),
    tagsNick: p.tags.filter((t) => t.k === 'nick').map((t) => t.h),
    tagRuns: p.tags.filter((t) => t.r).map((t) => t.h),
  };
  if (p.dob !== undefined) out.dob = p.dob;
  if (p.leftOn !== undefined) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  if (p.group !== undefined) out.group = p.group;
  return out;
}

/** Validates the `classLists` section alone (already decoded). Never throws. */
export function parseClassLists(json: unknown): { ok: true; lists: ClassListsExport } | { ok: false; errors: string[] } {
  const result = v.safeParse(section, json, { abortPipeEarly: true });
  if (!result.success) {
    const errors = [...new Set(result.issues.map(describe))];
    const extra = errors.length - PACK_LIMITS.maxErrors;
    return { ok: false, errors: extra > 0 ? [...errors.slice(0, PACK_LIMITS.maxErrors), `…and ${extra} more problem${extra === 1 ? '' : 's'}`] : errors };
  }
  const s = result.output;
  const key = keyFromText(s.key);
  if (key.length !== HASH_KEY_BYTES) return { ok: false, errors: [`classLists.key should be ${HASH_KEY_BYTES} bytes`] };
  return {
    ok: true,
    lists: {
      key,
      lists: s.lists.map((l) => ({
        name: l.name,
        fileName: l.fileName,
        groups: [...l.groups],
        count: l.count,
        pupils: l.pupils,
        persons: l.persons.map(decodePerson),
      })),
    },
  };
}

/** True when the decoded file has its own `classLists` key (never an inherited one). */
function hasClassLists(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && Object.prototype.hasOwnProperty.call(json, 'classLists');
}

/**
 * Validates a pack file. Without `classLists` it is exactly parsePackText (same limits, same
 * messages). With it: the larger size limit, then the pack half through parsePack and the lists
 * half through parseClassLists; any problem in either refuses the whole file.
 */
export function parsePackFileText(fileText: string): ParsePackFileResult {
  if (typeof fileText !== 'string') return { ok: false, errors: ['The pack file could not be read as text'] };
  if (fileText.length > CLASS_LIST_LIMITS.maxBytes || utf8Length(fileText) > CLASS_LIST_LIMITS.maxBytes) {
    return { ok: false, errors: [`The file is too big: the limit for a rule set with class lists is ${CLASS_LIST_LIMITS.maxBytes / 1024 / 1024} MB`] };
  }
  const body = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  // Only a file that names `classLists` near its top level needs the second parse; JSON.parse keeps
  // "__proto__" as an own key, which the strict schemas refuse.
  let json: unknown;
  if (body.includes('"classLists"')) {
    try {
      json = JSON.parse(body);
    } catch (e) {
      // Above 1 MB it can only have been meant as a file with class lists: say what is wrong with it.
      if (utf8Length(fileText) > PACK_LIMITS.maxBytes) {
        return { ok: false, errors: [`The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`], withLists: true };
      }
      json = undefined;
    }
  }
  if (!hasClassLists(json)) return parsePackText(fileText);
  const { classLists, ...packPart } = json;
  const pack = parsePack(packPart);
  const lists = parseClassLists(classLists);
  const errors = [...(pack.ok ? [] : pack.errors), ...(lists.ok ? [] : lists.errors)];
  if (!pack.ok || !lists.ok) return { ok: false, errors, withLists: true };
  return { ok: true, pack: pack.pack, lists: lists.lists };
}

/** The export's text: the pack, and with `lists` the `classLists` section. Parses back with parsePackFileText. */
export function packFileText(pack: RulePack, lists?: ClassListsExport): string {
  if (!lists) return `${JSON.stringify(pack, null, 2)}\n`;
  const file = {
    ...pack,
    classLists: {
      format: CLASS_LISTS_FORMAT,
      version: 1,
      hash: CLASS_LISTS_HASH,
      key: keyToText(lists.key),
      lists: lists.lists.map((l) => ({
        name: l.name,
        fileName: l.fileName,
        groups: [...l.groups],
        count: l.count,
        pupils: l.pupils,
        persons: l.persons.map(encodePerson),
      })),
    },
  };
  // The pack part indented as a plain export is; each person on one line so the file stays readable and small.
  const persons: string[] = [];
  const text = JSON.stringify(
    file,
    (k, val: unknown) => {
      if (k === 'persons' && Array.isArray(val)) {
        persons.push(`[\n${val.map((p) => `          ${JSON.stringify(p)}`).join(',\n')}\n        ]`);
        return `\u0000persons${persons.length - 1}\u0000`;
      }
      return val;
    },
    2,
  );
  return `${text.replace(/"\\u0000persons(\d+)\\u0000"/g, (_m, i: string) => persons[Number(i)]!)}\n`;
}
