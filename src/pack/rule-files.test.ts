/**
 * Every rule pack shipped in rules/ (default, demo, templates) parses strictly, covers all 18 rules,
 * and matches rules/schema.json. No JSON Schema validator is installed, so a small structural
 * checker below covers the keywords the schema uses (and fails on any keyword it does not know).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, SITE_IDS } from '../engine/types';
import { CLASS_LIST_LIMITS, parsePackFileText } from './class-lists';
import { PACK_LIMITS, parsePack } from './parse';

const rulesDir = new URL('../../rules/', import.meta.url);
const readJson = (rel: string): any => JSON.parse(readFileSync(new URL(rel, rulesDir), 'utf8'));
const schema = readJson('schema.json');
const packFiles = [
  'default.json',
  'demo.json',
  ...readdirSync(new URL('templates/', rulesDir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `templates/${f}`),
];

const KNOWN_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'properties', 'additionalProperties',
  'required', 'items', 'prefixItems', 'enum', 'const', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'minimum', 'maximum',
]);

/** Validates `value` against `node` of the schema; returns problems as "path: message". */
function validate(value: unknown, node: any, path = '$'): string[] {
  for (const key of Object.keys(node)) if (!KNOWN_KEYWORDS.has(key)) return [`${path}: schema keyword ${key} is not supported by this test`];
  if (node.$ref) {
    const name = String(node.$ref).replace('#/$defs/', '');
    const target = schema.$defs[name];
    if (!target) return [`${path}: unresolved $ref ${node.$ref}`];
    const problems = validate(value, target, path);
    if (problems.length) return problems;
  }
  const problems: string[] = [];
  if ('const' in node && value !== node.const) problems.push(`${path}: should be ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value)) problems.push(`${path}: not in enum`);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value;
  if (node.type === 'integer') {
    if (!Number.isInteger(value)) return [`${path}: should be integer, is ${type}`];
  } else if (node.type && node.type !== type) return [`${path}: should be ${node.type}, is ${type}`];
  if (typeof value === 'string') {
    if (node.minLength !== undefined && value.length < node.minLength) problems.push(`${path}: too short`);
    if (node.maxLength !== undefined && value.length > node.maxLength) problems.push(`${path}: too long`);
    // The schema's own patterns (project code), never a pack's strings.
    if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) problems.push(`${path}: does not match ${node.pattern}`);
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) problems.push(`${path}: below ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) problems.push(`${path}: above ${node.maximum}`);
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) problems.push(`${path}: too few items`);
    if (node.maxItems !== undefined && value.length > node.maxItems) problems.push(`${path}: too many items`);
    if (node.items) value.forEach((item, i) => problems.push(...validate(item, node.items, `${path}[${i}]`)));
    if (node.prefixItems) node.prefixItems.forEach((item: unknown, i: number) => i < value.length && problems.push(...validate(value[i], item, `${path}[${i}]`)));
  }
  if (type === 'object' && (node.properties || node.additionalProperties === false || node.required)) {
    const obj = value as Record<string, unknown>;
    for (const req of node.required ?? []) if (!Object.hasOwn(obj, req)) problems.push(`${path}: missing ${req}`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = node.properties?.[k];
      if (prop) problems.push(...validate(v, prop, `${path}.${k}`));
      else if (node.additionalProperties === false) problems.push(`${path}: unknown key ${k}`);
    }
  }
  return problems;
}

describe('rules/schema.json', () => {
  it('is draft 2020-12 with additionalProperties: false on every object', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    };
    walk(schema, '#');
  });

  it('keys rules by exactly the 18 rule ids and sites by exactly the site ids', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(schema.$defs.ruleSettings.properties.sites.properties).sort()).toEqual([...SITE_IDS].sort());
  });

  it('uses the same limits as the parser', () => {
    const d = schema.$defs;
    expect(d.ruleSettings.properties.clause.maxLength).toBe(PACK_LIMITS.clauseLength);
    expect(d.requiredLine.maxLength).toBe(PACK_LIMITS.titleLength);
    expect(d.line.maxLength).toBe(PACK_LIMITS.nameLength);
    expect(d.handle.maxLength).toBe(PACK_LIMITS.nameLength);
    expect(d.emailDomain.maxLength).toBe(PACK_LIMITS.domainLength);
    expect(d.school.properties.aliases.maxItems).toBe(PACK_LIMITS.listItems);
    expect(d.school.properties.emailDomains.maxItems).toBe(PACK_LIMITS.listItems);
    expect(d.ruleSettings.properties.terms.maxItems).toBe(PACK_LIMITS.terms);
    expect(schema.properties.id.maxLength).toBe(PACK_LIMITS.idLength);
    expect(d.school.properties.locations.maxItems).toBe(PACK_LIMITS.locations);
    expect(d.school.properties.holidays.maxItems).toBe(PACK_LIMITS.holidays);
    expect(d.location.properties.radiusMetres.minimum).toBe(PACK_LIMITS.minRadius);
    expect(d.location.properties.radiusMetres.maximum).toBe(PACK_LIMITS.maxRadius);
  });

  it.each([
    ['an unknown top-level key', { colour: 'red' }],
    ['an unknown rule', { rules: { 'pupil-nme': {} } }],
    ['a handle with a space', { school: { name: '', aliases: [], handles: ['a b'], hashtags: [], emailDomains: [] } }],
    ['version 2', { version: 2 }],
  ])('rejects %s, as the parser does', (_name, change) => {
    const pack = { ...readJson('default.json'), ...change };
    expect(validate(pack, schema).length).toBeGreaterThan(0);
    expect(parsePack(pack).ok).toBe(false);
  });
});

describe.each(packFiles)('rules/%s', (file) => {
  const json = readJson(file);
  const parsed = parsePack(json);

  it('parses with parsePack', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('validates against rules/schema.json', () => {
    expect(validate(json, schema)).toEqual([]);
  });

  it('points $schema at the schema file', () => {
    expect(json.$schema).toBe(file.startsWith('templates/') ? '../schema.json' : './schema.json');
  });

  it('has settings for all 18 rules, each citing a clause of at most 300 characters', () => {
    expect(Object.keys(json.rules).sort()).toEqual([...RULE_IDS].sort());
    for (const [id, r] of Object.entries<any>(json.rules)) {
      expect(r.clause.length, `${id} clause`).toBeLessThanOrEqual(300);
      expect(r.title.length, `${id} title`).toBeLessThanOrEqual(40);
      // A rule that is on must say where its clause comes from.
      if (r.enabled) expect(r.source, `${id} source`).toMatch(/^00[0-4] /);
    }
  });
});

describe('shipped packs', () => {
  it('uk-default has an empty school profile and the agreed severities', () => {
    const d = readJson('default.json');
    expect(d.id).toBe('uk-default');
    expect(d.school).toEqual({ name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] });
    const sev = Object.fromEntries(Object.entries<any>(d.rules).map(([id, r]) => [id, r.severity]));
    expect(sev).toMatchObject({
      'pupil-name': 'high',
      'school-identity': 'warn',
      offensive: 'warn',
      confidential: 'high',
      'friend-request': 'high',
    });
  });

  it('demo.json is the Holbrook template plus the demo school and its confidential terms', () => {
    const demo = readJson('demo.json');
    expect(demo.school).toEqual({
      name: 'Holbrook Primary School',
      aliases: ['Holbrook Primary', 'Holbrook School'],
      handles: ['HolbrookPrimary'],
      hashtags: ['HolbrookPride'],
      emailDomains: ['holbrook.sch.uk'],
    });
    // Terms belong to one school, so the template has none; the demo school shows the rule with a few.
    const { terms, ...confidential } = demo.rules.confidential;
    expect(terms).toEqual(['Ofsted inspection', 'safeguarding referral', 'staff restructure']);
    expect({ ...demo.rules, confidential }).toEqual(readJson('templates/holbrook.json').rules);
  });

  it('the trust (003) template allows LinkedIn for school-identity and works-at', () => {
    const t = readJson('templates/trust-2024.json');
    expect(t.rules['school-identity'].sites).toEqual({ linkedin: { enabled: false } });
    expect(t.rules['works-at'].sites).toEqual({ linkedin: { enabled: false } });
  });

  it('each template cites only its own policy', () => {
    const own: Record<string, string> = {
      'templates/local-authority.json': '000',
      'templates/holbrook.json': '001',
      'templates/oak-field.json': '002',
      'templates/trust-2024.json': '003',
      'templates/take-1-studios.json': '004',
    };
    expect(Object.keys(own).sort()).toEqual(packFiles.filter((f) => f.startsWith('templates/')));
    for (const [file, policy] of Object.entries(own)) {
      for (const r of Object.values<any>(readJson(file).rules)) {
        if (r.source) expect(r.source.startsWith(`${policy} `), `${file}: ${r.source}`).toBe(true);
        for (const other of Object.values(own)) {
          if (other !== policy) expect(r.source ?? '', file).not.toContain(other);
        }
      }
    }
  });
});

describe('rules/schema.json and a pack file with class lists', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/packs/v1-with-class-lists.json', import.meta.url), 'utf8'));

  it('the fixture validates against the schema and parses', () => {
    expect(validate(fixture, schema)).toEqual([]);
    const r = parsePackFileText(JSON.stringify(fixture));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('uses the same limits as the parser', () => {
    const d = schema.$defs;
    expect(d.classLists.properties.lists.maxItems).toBe(CLASS_LIST_LIMITS.lists);
    expect(d.classList.properties.persons.maxItems).toBe(CLASS_LIST_LIMITS.persons);
    expect(d.classList.properties.count.maximum).toBe(CLASS_LIST_LIMITS.persons);
    expect(d.classList.properties.name.maxLength).toBe(CLASS_LIST_LIMITS.nameLength);
    expect(d.classList.properties.fileName.maxLength).toBe(CLASS_LIST_LIMITS.fileNameLength);
    expect(d.classList.properties.groups.maxItems).toBe(CLASS_LIST_LIMITS.groups);
    expect(d.classList.properties.groups.items.maxLength).toBe(CLASS_LIST_LIMITS.groupLength);
    expect(d.hashedPerson.properties.group.maxLength).toBe(CLASS_LIST_LIMITS.groupLength);
    expect(d.hashedPerson.properties.forms.maxItems).toBe(CLASS_LIST_LIMITS.forms);
    expect(d.hashedPerson.properties.tagsFull.maxItems).toBe(CLASS_LIST_LIMITS.tags);
    expect(d.hashedPerson.properties.tagsNick.maxItems).toBe(CLASS_LIST_LIMITS.tags);
    expect(d.hashedForm.prefixItems[1].maxItems).toBe(CLASS_LIST_LIMITS.words);
    expect(d.flagMask.maximum).toBe(2 ** CLASS_LIST_LIMITS.words - 1);
  });

  it.each<[string, (j: any) => void]>([
    ['a plain forename', (j) => (j.classLists.lists[0].persons[0].forename = 'Evie')],
    ['a short name code', (j) => (j.classLists.lists[0].persons[0].words[0] = 'AAAA')],
    ['a form of four fields', (j) => (j.classLists.lists[0].persons[0].forms[0] = ['first', [0], 0, 0])],
    ['an unknown form kind', (j) => (j.classLists.lists[0].persons[0].forms[0][0] = 'guess')],
    ['a 42-character key', (j) => (j.classLists.key = j.classLists.key.slice(1))],
    ['no lists', (j) => (j.classLists.lists = [])],
    ['an unknown role', (j) => (j.classLists.lists[0].persons[0].role = 'governor')],
    ['a fractional mask', (j) => (j.classLists.lists[0].persons[0].forms[0][2] = 0.5)],
  ])('rejects %s, as the parser does', (_name, edit) => {
    const j = structuredClone(fixture);
    edit(j);
    expect(validate(j, schema).length).toBeGreaterThan(0);
    expect(parsePackFileText(JSON.stringify(j)).ok).toBe(false);
  });
});
