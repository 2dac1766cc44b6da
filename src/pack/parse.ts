/**
 * Strict rule-pack parser (RulePack v1). Pure; runs on the trusted side (options page import,
 * background, CLI), on data that is NOT trusted: packs arrive from colleagues and downloads
 * (reference/style-and-security.md B5).
 *
 * Three stages, each refusing rather than repairing:
 *   1. `toPlainData` copies the input into fresh null-prototype objects, refusing anything that is not
 *      plain JSON data, the reserved names `__proto__` / `constructor` / `prototype` at any depth, and
 *      runaway depth or size. Nothing later ever sees the caller's objects or an inherited property.
 *   2. `migratePack` brings older versions up to the current one (migrate.ts); newer ones are refused.
 *   3. A valibot `strictObject` schema (mirrored by rules/schema.json) checks every field; its issues
 *      are turned into plain-English messages that name the path, e.g.
 *      "rules.pupil-name.severty is not a known setting".
 * The result is rebuilt field by field into new objects and deep-frozen: never merged into anything.
 * No field is ever compiled as a regular expression; names and terms stay literal strings (B4).
 */
import * as v from 'valibot';
import { RULE_IDS, SEVERITIES, SITE_IDS, type RuleId, type SiteId } from '../engine/types';
import { migratePack, type PackData } from './migrate';
import { WEEKDAYS, type RulePack, type RuleSettings, type SchoolProfile, type SiteOverride, type Weekday } from './types';
import { utf8Length } from '../import/utf8';
import { normalise } from '../engine/normalise';

/** Limits, shared with rules/schema.json (a test keeps the two in step). */
export const PACK_LIMITS = Object.freeze({
  /** Bytes of pack text accepted before JSON.parse. */
  maxBytes: 1024 * 1024,
  /** Nesting depth: the v1 format needs 5 (rules → id → sites → site → enabled). */
  maxDepth: 8,
  /** Values in the whole document; a full v1 pack has well under 2,000. */
  maxNodes: 20_000,
  idLength: 100,
  titleLength: 200,
  nameLength: 200,
  clauseLength: 2000,
  sourceLength: 200,
  schemaRefLength: 500,
  /** Hostname limit from RFC 1035. */
  domainLength: 253,
  /** aliases, handles, hashtags, emailDomains. */
  listItems: 50,
  terms: 500,
  termLength: 200,
  /** school.locations entries. */
  locations: 20,
  /** school.holidays entries (a few years of term dates). */
  holidays: 100,
  /** Smallest and largest school-grounds radius, metres. */
  minRadius: 10,
  maxRadius: 5000,
  /** Messages returned for one pack; the rest are summarised. */
  maxErrors: 20,
});

export const PACK_FORMAT = 'second-look-pack';

export type ParsePackResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------------------------
// Stage 1: plain-data copy

/** Formats a path like `rules.pupil-name.sites.x` or `school.aliases[3]` for messages. */
function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(part) && part.length <= 60) out += out ? `.${part}` : part;
    // Odd keys are quoted (and shortened) so a hostile key cannot forge a message.
    else out += `[${JSON.stringify(part.length > 60 ? `${part.slice(0, 60)}…` : part)}]`;
  }
  return out;
}

interface CopyState {
  nodes: number;
  errors: string[];
}

/** Stop walking once the pack is known to be refused: a huge array costs nothing more. */
function overBudget(state: CopyState): boolean {
  return state.nodes > PACK_LIMITS.maxNodes || state.errors.length >= PACK_LIMITS.maxErrors;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies JSON-shaped data into fresh null-prototype objects and arrays. Returns undefined (and
 * records an error) for anything else. Accessor properties are refused, never invoked.
 */
function toPlainData(value: unknown, path: (string | number)[], depth: number, state: CopyState): unknown {
  if (overBudget(state)) return undefined;
  if (++state.nodes > PACK_LIMITS.maxNodes) {
    state.errors.push(`The pack is too large: it has more than ${PACK_LIMITS.maxNodes.toLocaleString('en-GB')} values`);
    return undefined;
  }
  const where = path.length ? formatPath(path) : 'The pack';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    state.errors.push(`${where} should be a finite number`);
    return undefined;
  }
  if (typeof value !== 'object') {
    state.errors.push(`${where} is not JSON data (found a ${typeof value})`);
    return undefined;
  }
  if (depth >= PACK_LIMITS.maxDepth) {
    state.errors.push(`${where} is nested too deeply (more than ${PACK_LIMITS.maxDepth} levels)`);
    return undefined;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (overBudget(state)) break;
      const desc = Object.getOwnPropertyDescriptor(value, i);
      if (!desc || !('value' in desc)) {
        state.errors.push(`${formatPath([...path, i])} is not JSON data`);
        continue;
      }
      out.push(toPlainData(desc.value, [...path, i], depth + 1, state));
    }
    return out;
  }
  if (!isPlainObject(value)) {
    state.errors.push(`${where} is not JSON data`);
    return undefined;
  }
  const out: Record<string, unknown> = Object.create(null);
  // Reflect.ownKeys, not for…in: own keys only, and symbols show up so they can be refused.
  for (const key of Reflect.ownKeys(value)) {
    if (overBudget(state)) break;
    if (typeof key === 'symbol') {
      state.errors.push(`${where} is not JSON data (it has a symbol key)`);
      continue;
    }
    const keyPath = [...path, key];
    if (RESERVED_KEYS.has(key)) {
      state.errors.push(
        `${formatPath(keyPath)} is not allowed: "__proto__", "constructor" and "prototype" are never valid names in a pack`,
      );
      continue;
    }
    const desc = Object.getOwnPropertyDescriptor(value, key);
    if (!desc || !('value' in desc)) {
      state.errors.push(`${formatPath(keyPath)} is not JSON data`);
      continue;
    }
    if (!desc.enumerable) continue;
    out[key] = toPlainData(desc.value, keyPath, depth + 1, state);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stage 3: the v1 schema. Check messages are sentence endings; `describeIssue` adds the path.

// C0/C1 controls and bidi overrides have no place in names or titles: they hide or reorder text
// in the warning UI (a pack could make one clause read as another). Constant patterns, not data.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NO_CONTROL = 'should not contain control or text-direction characters';
const WORD_CHARS = /^[A-Za-z0-9_]+$/;
const PACK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A DNS hostname with at least two labels (RFC 1035 letters-digits-hyphen, IDNs as xn--). */
export function isHostname(name: string): boolean {
  if (name.length === 0 || name.length > PACK_LIMITS.domainLength) return false;
  const labels = name.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (!/^[a-z0-9-]+$/.test(label) || label.startsWith('-') || label.endsWith('-')) return false;
  }
  // A purely numeric last label means an IP address, not a school's mail domain.
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

const line = (max: number) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max), v.check((s) => !CONTROL_CHARS.test(s), NO_CONTROL));
const requiredLine = (max: number) => v.pipe(line(max), v.minLength(1));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

/** A handle or hashtag: one leading sigil tolerated, then letters, digits and underscores only. */
const word = (sigil: '@' | '#', what: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(PACK_LIMITS.nameLength),
    v.transform((s) => (s.startsWith(sigil) ? s.slice(1) : s)),
    v.minLength(1),
    v.check((s) => WORD_CHARS.test(s), `should be a ${what} made only of letters, digits and _ (a leading ${sigil} is allowed)`),
  );

const domain = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(PACK_LIMITS.domainLength),
  // People paste "@holbrook.sch.uk" from an address; the domain is what follows the @.
  v.transform((s) => (s.startsWith('@') ? s.slice(1) : s).toLowerCase()),
  v.check(isHostname, 'should be an e-mail domain such as "holbrook.sch.uk" (letters, digits, - and dots)'),
);

const severity = v.picklist(SEVERITIES);

/** strictObject alone accepts arrays (they are objects); refuse them first with a clear message. */
const obj = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      'should be an object ({ … })',
    ),
    v.strictObject(entries),
  );

const siteOverride = obj({
  enabled: v.optional(v.boolean()),
  severity: v.optional(severity),
});

const sites = obj(
  Object.fromEntries(SITE_IDS.map((id) => [id, v.optional(siteOverride)])) as Record<
    SiteId,
    v.OptionalSchema<typeof siteOverride, undefined>
  >,
);

/**
 * A term must be specific enough to be worth a warning: after normalising, some word in it has two
 * letters together, or it has a run of two digits. "(a+)+$" or "a." is only the word "a" to the
 * matcher and would flag every "a" the user types; "?" or "5" likewise. Shared with the rules
 * editor (src/ui/options/rules-edit.ts), which says the same in the user's language.
 */
export function isSpecificTerm(term: string): boolean {
  return /\p{L}{2}|\p{Nd}{2}/u.test(normalise(term));
}

const term = v.pipe(
  requiredLine(PACK_LIMITS.termLength),
  v.check(isSpecificTerm, (issue) => `(${JSON.stringify(issue.input)}) needs two letters together or two digits: on its own it would match almost any text`),
);

const ruleSettings = obj({
  enabled: v.boolean(),
  severity,
  title: requiredLine(PACK_LIMITS.titleLength),
  clause: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(PACK_LIMITS.clauseLength),
    v.check((s) => !CONTROL_CHARS_EXCEPT_NEWLINE.test(s), NO_CONTROL),
  ),
  source: v.optional(line(PACK_LIMITS.sourceLength)),
  sites: v.optional(sites),
  terms: v.optional(list(term, PACK_LIMITS.terms)),
  advice: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1),
      v.maxLength(PACK_LIMITS.clauseLength),
      v.check((s) => !CONTROL_CHARS_EXCEPT_NEWLINE.test(s), NO_CONTROL),
    ),
  ),
});

const rules = obj(
  Object.fromEntries(RULE_IDS.map((id) => [id, v.optional(ruleSettings)])) as Record<
    RuleId,
    v.OptionalSchema<typeof ruleSettings, undefined>
  >,
);

const degrees = (max: number) =>
  v.pipe(
    v.number(),
    v.check((n) => Number.isFinite(n) && n >= -max && n <= max, `should be a number of degrees from -${max} to ${max}`),
  );

const location = obj({
  name: requiredLine(PACK_LIMITS.nameLength),
  latitude: degrees(90),
  longitude: degrees(180),
  radiusMetres: v.pipe(
    v.number(),
    v.check(
      (n) => Number.isFinite(n) && n >= PACK_LIMITS.minRadius && n <= PACK_LIMITS.maxRadius,
      `should be a distance in metres from ${PACK_LIMITS.minRadius} to ${PACK_LIMITS.maxRadius}`,
    ),
  ),
});

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const time = v.pipe(v.string(), v.trim(), v.check((s) => TIME.test(s), 'should be a 24-hour time such as "08:30"'));

const workingHours = v.pipe(
  obj({
    days: v.pipe(
      list(v.picklist(WEEKDAYS), 7),
      v.check((d) => new Set(d).size === d.length, `should list each day once (${WEEKDAYS.join(', ')})`),
    ),
    start: time,
    end: time,
  }),
  v.check((h) => h.start < h.end, 'should start before it ends (start and end are on the same day)'),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date that exists, written yyyy-mm-dd. */
function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const date = v.pipe(v.string(), v.trim(), v.check(isIsoDate, 'should be a date written yyyy-mm-dd, such as "2026-12-21"'));

const holiday = v.pipe(
  obj({ name: requiredLine(PACK_LIMITS.nameLength), from: date, to: date }),
  v.check((h) => h.from <= h.to, 'should not end before it starts (from is on or before to)'),
);

const school = obj({
  name: line(PACK_LIMITS.nameLength),
  aliases: list(requiredLine(PACK_LIMITS.nameLength), PACK_LIMITS.listItems),
  handles: list(word('@', 'handle'), PACK_LIMITS.listItems),
  hashtags: list(word('#', 'hashtag'), PACK_LIMITS.listItems),
  emailDomains: list(domain, PACK_LIMITS.listItems),
  locations: v.optional(list(location, PACK_LIMITS.locations)),
  workingHours: v.optional(workingHours),
  holidays: v.optional(list(holiday, PACK_LIMITS.holidays)),
});

const packV1 = obj({
  $schema: v.optional(v.pipe(v.string(), v.maxLength(PACK_LIMITS.schemaRefLength))),
  format: v.literal(PACK_FORMAT),
  version: v.literal(1),
  id: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(PACK_LIMITS.idLength),
    v.check((s) => PACK_ID.test(s), 'should be a short name made of letters, digits, ".", "_" or "-", e.g. "uk-default"'),
  ),
  title: requiredLine(PACK_LIMITS.titleLength),
  school,
  rules,
});

type PackOutput = v.InferOutput<typeof packV1>;

/** Turns one valibot issue into a plain-English sentence that names the path. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const where = keys.length ? formatPath(keys) : 'The pack';
  const parent = keys.slice(0, -1);
  switch (issue.type) {
    case 'strict_object':
      if (issue.expected === 'never') {
        if (parent.length === 1 && parent[0] === 'rules') {
          return `${where} is not a known rule (rule ids are listed in rules/README.md)`;
        }
        if (parent[parent.length - 1] === 'sites') {
          return `${where} is not a known site (use one of: ${SITE_IDS.join(', ')})`;
        }
        return `${where} is not a known setting`;
      }
      if (issue.received === 'undefined') return `${where} is missing`;
      return `${where} should be an object ({ … })`;
    case 'string':
      return `${where} should be text in quotes`;
    case 'boolean':
      return `${where} should be true or false`;
    case 'array':
      return `${where} should be a list ([ … ])`;
    case 'picklist':
      return `${where} should be one of: ${(keys.includes('days') ? WEEKDAYS : SEVERITIES).join(', ')}`;
    case 'number':
      return `${where} should be a number`;
    case 'literal':
      return `${where} should be ${issue.expected}`;
    case 'min_length':
      return `${where} should not be empty`;
    case 'max_length':
      return Array.isArray(issue.input)
        ? `${where} has too many entries (at most ${String(issue.requirement)})`
        : `${where} is too long (at most ${String(issue.requirement)} characters)`;
    case 'check':
    case 'custom':
      return `${where} ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Output: rebuilt from known fields only, then frozen.

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function buildPack(out: PackOutput): RulePack {
  const schoolOut: SchoolProfile = {
    name: out.school.name,
    aliases: [...out.school.aliases],
    handles: [...out.school.handles],
    hashtags: [...out.school.hashtags],
    emailDomains: [...out.school.emailDomains],
  };
  if (out.school.locations) {
    schoolOut.locations = out.school.locations.map((l) => ({ name: l.name, latitude: l.latitude, longitude: l.longitude, radiusMetres: l.radiusMetres }));
  }
  if (out.school.workingHours) {
    const h = out.school.workingHours;
    // Week order, whatever order the pack listed them in.
    const days = WEEKDAYS.filter((d): d is Weekday => h.days.includes(d));
    schoolOut.workingHours = { days, start: h.start, end: h.end };
  }
  if (out.school.holidays) {
    schoolOut.holidays = out.school.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to }));
  }
  const rulesOut: Partial<Record<RuleId, RuleSettings>> = {};
  // Iterate our own id list, not the input's keys: only known ids can become properties.
  for (const id of RULE_IDS) {
    const r = out.rules[id];
    if (!r) continue;
    const settings: RuleSettings = { enabled: r.enabled, severity: r.severity, title: r.title, clause: r.clause };
    if (r.source !== undefined) settings.source = r.source;
    if (r.sites) {
      const sitesOut: Partial<Record<SiteId, SiteOverride>> = {};
      for (const site of SITE_IDS) {
        const s = r.sites[site];
        if (!s) continue;
        const o: SiteOverride = {};
        if (s.enabled !== undefined) o.enabled = s.enabled;
        if (s.severity !== undefined) o.severity = s.severity;
        sitesOut[site] = o;
      }
      settings.sites = sitesOut;
    }
    if (r.terms) settings.terms = [...r.terms];
    if (r.advice !== undefined) settings.advice = r.advice;
    rulesOut[id] = settings;
  }
  return deepFreeze({
    format: PACK_FORMAT,
    version: 1,
    id: out.id,
    title: out.title,
    school: schoolOut,
    rules: rulesOut,
  });
}

function capErrors(errors: string[]): string[] {
  const unique = [...new Set(errors)];
  if (unique.length <= PACK_LIMITS.maxErrors) return unique;
  const extra = unique.length - PACK_LIMITS.maxErrors;
  return [...unique.slice(0, PACK_LIMITS.maxErrors), `…and ${extra} more problem${extra === 1 ? '' : 's'}`];
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Validates an already-decoded pack (e.g. the result of JSON.parse). Never throws. */
export function parsePack(json: unknown): ParsePackResult {
  const state: CopyState = { nodes: 0, errors: [] };
  const data = toPlainData(json, [], 0, state);
  if (state.errors.length) return { ok: false, errors: capErrors(state.errors) };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: ['The pack should be a JSON object ({ … }) with format, version, id, title, school and rules'] };
  }
  const record = data as PackData;
  // Checked before anything else so a stray JSON file gets one clear sentence, not twenty.
  if (record.format !== PACK_FORMAT) {
    return {
      ok: false,
      errors: [`format should be "${PACK_FORMAT}": this file does not look like a Second Look rule pack`],
    };
  }
  const migrated = migratePack(record);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const result = v.safeParse(packV1, migrated.data, { abortPipeEarly: true });
  if (!result.success) return { ok: false, errors: capErrors(result.issues.map(describeIssue)) };
  return { ok: true, pack: buildPack(result.output) };
}


/** Validates pack file text: size cap first, then JSON.parse, then parsePack. Never throws. */
export function parsePackText(text: string): ParsePackResult {
  if (typeof text !== 'string') return { ok: false, errors: ['The pack file could not be read as text'] };
  // text.length ≤ UTF-8 bytes, so this cheap test already refuses most oversize input unscanned.
  if (text.length > PACK_LIMITS.maxBytes || utf8Length(text) > PACK_LIMITS.maxBytes) {
    return { ok: false, errors: ['The pack file is too big: the limit is 1 MB'] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['The pack file is empty'] };
  let json: unknown;
  try {
    // Plain JSON.parse is safe here: it keeps "__proto__" as an own key, which stage 1 refuses.
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [`The pack file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return parsePack(json);
}
