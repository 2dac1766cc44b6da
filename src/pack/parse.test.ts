/**
 * Tables for the strict rule-pack parser: valid packs, then hostile ones (B5), each with the exact
 * message it must produce. Pure, runs in Node.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isSpecificTerm, PACK_LIMITS, parsePack, parsePackText } from './parse';
import type { RulePack } from './types';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

/** A fresh, valid v1 pack as plain JSON data; cases edit their own copy. */
function base(): Record<string, any> {
  return {
    format: 'second-look-pack',
    version: 1,
    id: 'test-pack',
    title: 'Test pack',
    school: { name: 'Holbrook Primary School', aliases: ['Holbrook Primary'], handles: [], hashtags: [], emailDomains: [] },
    rules: {
      'pupil-name': { enabled: true, severity: 'high', title: "Pupil's name", clause: 'Do not discuss pupils.' },
    },
  };
}

function edit(change: (p: Record<string, any>) => void): Record<string, any> {
  const p = base();
  change(p);
  return p;
}

function ok(input: unknown): RulePack {
  const r = parsePack(input);
  if (!r.ok) throw new Error(`expected a valid pack, got: ${r.errors.join(' | ')}`);
  return r.pack;
}

function errorsOf(r: ReturnType<typeof parsePack>): string[] {
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.errors;
}

const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  // Every case doubles as a pollution check.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).enabled).toBeUndefined();
});

describe('parsePack: valid packs', () => {
  const valid: { name: string; input: unknown; check: (p: RulePack) => void }[] = [
    {
      name: 'the base pack, with $schema dropped from the output',
      input: edit((p) => (p.$schema = './schema.json')),
      check: (p) => {
        expect(p.id).toBe('test-pack');
        expect('$schema' in p).toBe(false);
        expect(p.rules['pupil-name']).toEqual({ enabled: true, severity: 'high', title: "Pupil's name", clause: 'Do not discuss pupils.' });
      },
    },
    {
      name: 'no rules at all',
      input: edit((p) => (p.rules = {})),
      check: (p) => expect(p.rules).toEqual({}),
    },
    {
      name: 'empty school profile (templates)',
      input: edit((p) => (p.school = { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] })),
      check: (p) => expect(p.school.name).toBe(''),
    },
    {
      name: 'a leading @ or # is stripped, domains are trimmed and lower-cased',
      input: edit((p) => {
        p.school.handles = ['@HolbrookPrimary', 'Holbrook_PTA'];
        p.school.hashtags = ['#HolbrookPride', 'Year6'];
        p.school.emailDomains = [' @Holbrook.SCH.uk ', 'xn--bcher-kva.example'];
      }),
      check: (p) => {
        expect(p.school.handles).toEqual(['HolbrookPrimary', 'Holbrook_PTA']);
        expect(p.school.hashtags).toEqual(['HolbrookPride', 'Year6']);
        expect(p.school.emailDomains).toEqual(['holbrook.sch.uk', 'xn--bcher-kva.example']);
      },
    },
    {
      name: 'per-site overrides, source and terms',
      input: edit((p) => {
        p.rules['works-at'] = {
          enabled: true,
          severity: 'warn',
          title: 'School as your workplace',
          clause: 'No reference to employment (excluding LinkedIn).\nSecond paragraph.',
          source: '003 Personal use',
          sites: { linkedin: { enabled: false }, x: { severity: 'high' }, facebook: {} },
          terms: ['Project Falcon'],
        };
      }),
      check: (p) => {
        expect(p.rules['works-at']!.sites).toEqual({ facebook: {}, x: { severity: 'high' }, linkedin: { enabled: false } });
        expect(p.rules['works-at']!.terms).toEqual(['Project Falcon']);
        expect(p.rules['works-at']!.clause).toContain('\nSecond paragraph.');
      },
    },
    {
      name: 'names with accents and apostrophes are kept as written',
      input: edit((p) => (p.school.aliases = ["St Mary's C of E", 'Ysgol Gymraeg Bro Morgannwg', 'École Élémentaire'])),
      check: (p) => expect(p.school.aliases).toEqual(["St Mary's C of E", 'Ysgol Gymraeg Bro Morgannwg', 'École Élémentaire']),
    },
    {
      name: 'regex-looking strings are plain literals, kept byte for byte',
      input: edit((p) => {
        p.school.aliases = ['(a+)+$', '.*', '[Holbrook]', '\\d{3}', 'a|b'];
        p.rules['confidential'] = {
          enabled: true,
          severity: 'high',
          title: 'Confidential',
          clause: 'x',
          terms: ['(.*a){20}', '(?<=xy)z', '(ab)\\1'],
        };
      }),
      check: (p) => {
        expect(p.school.aliases).toEqual(['(a+)+$', '.*', '[Holbrook]', '\\d{3}', 'a|b']);
        expect(p.rules.confidential!.terms).toEqual(['(.*a){20}', '(?<=xy)z', '(ab)\\1']);
      },
    },
    {
      name: 'markup in a title is just text (rendered as text, never HTML)',
      input: edit((p) => (p.title = '<img src=x onerror=alert(1)>')),
      check: (p) => expect(p.title).toBe('<img src=x onerror=alert(1)>'),
    },
  ];
  it.each(valid)('$name', ({ input, check }) => check(ok(input)));

  it('returns deep-frozen fresh objects, unaffected by later changes to the input', () => {
    const input = edit((p) => (p.rules['pupil-name'].sites = { x: { enabled: false } }));
    const pack = ok(input);
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(pack.school)).toBe(true);
    expect(Object.isFrozen(pack.school.aliases)).toBe(true);
    expect(Object.isFrozen(pack.rules)).toBe(true);
    expect(Object.isFrozen(pack.rules['pupil-name'])).toBe(true);
    expect(Object.isFrozen(pack.rules['pupil-name']!.sites!.x)).toBe(true);
    expect(pack.school).not.toBe(input.school);
    expect(pack.school.aliases).not.toBe(input.school.aliases);
    input.school.aliases.push('Later');
    input.rules['pupil-name'].enabled = false;
    expect(pack.school.aliases).toEqual(['Holbrook Primary']);
    expect(pack.rules['pupil-name']!.enabled).toBe(true);
  });

  it('parses its own output again to the same pack', () => {
    const pack = ok(base());
    expect(ok(JSON.parse(JSON.stringify(pack)))).toEqual(pack);
  });

  it('parsePackText strips a byte-order mark', () => {
    const r = parsePackText(`\uFEFF${JSON.stringify(base())}`);
    expect(r.ok).toBe(true);
  });
});

describe('parsePack: hostile and broken packs', () => {
  const bigString = 'x'.repeat(2001);
  const cases: { name: string; input: () => ReturnType<typeof parsePack>; error: string }[] = [
    // Unknown keys, at every level.
    { name: 'unknown rule setting', input: () => parsePack(edit((p) => (p.rules['pupil-name'].severty = 'high'))), error: 'rules.pupil-name.severty is not a known setting' },
    { name: 'unknown rule id', input: () => parsePack(edit((p) => (p.rules['pupil-nme'] = p.rules['pupil-name']))), error: 'rules.pupil-nme is not a known rule' },
    { name: 'unknown site', input: () => parsePack(edit((p) => (p.rules['pupil-name'].sites = { myspace: { enabled: false } }))), error: 'rules.pupil-name.sites.myspace is not a known site (use one of: facebook, x,' },
    { name: 'unknown site setting', input: () => parsePack(edit((p) => (p.rules['pupil-name'].sites = { x: { enable: false } }))), error: 'rules.pupil-name.sites.x.enable is not a known setting' },
    { name: 'unknown top-level key', input: () => parsePack(edit((p) => (p.official = true))), error: 'official is not a known setting' },
    { name: 'unknown school key', input: () => parsePack(edit((p) => (p.school.motto = 'Be kind'))), error: 'school.motto is not a known setting' },
    { name: 'odd key is quoted, not echoed raw', input: () => parsePack(edit((p) => (p.school['a.b c'] = 1))), error: 'school["a.b c"] is not a known setting' },
    // Prototype pollution (B5): JSON.parse keeps "__proto__" as an own key.
    { name: '__proto__ at the top', input: () => parsePackText('{"format":"second-look-pack","version":1,"__proto__":{"polluted":true}}'), error: '__proto__ is not allowed: "__proto__", "constructor" and "prototype" are never valid names in a pack' },
    { name: '__proto__ nested in a rule', input: () => parsePack(JSON.parse(JSON.stringify(base()).replace('"enabled":true', '"__proto__":{"enabled":true},"enabled":true'))), error: 'rules.pupil-name.__proto__ is not allowed' },
    { name: '__proto__ in a site override', input: () => parsePack(JSON.parse('{"format":"second-look-pack","version":1,"rules":{"works-at":{"sites":{"__proto__":{"enabled":false}}}}}')), error: 'rules.works-at.sites.__proto__ is not allowed' },
    { name: 'constructor.prototype', input: () => parsePackText('{"format":"second-look-pack","version":1,"constructor":{"prototype":{"polluted":true}}}'), error: 'constructor is not allowed' },
    { name: 'prototype in the school', input: () => parsePack(edit((p) => (p.school.prototype = {}))), error: 'school.prototype is not allowed' },
    // Sizes.
    { name: 'oversize clause', input: () => parsePack(edit((p) => (p.rules['pupil-name'].clause = bigString))), error: 'rules.pupil-name.clause is too long (at most 2000 characters)' },
    { name: 'oversize school name', input: () => parsePack(edit((p) => (p.school.name = 'x'.repeat(201)))), error: 'school.name is too long (at most 200 characters)' },
    { name: 'oversize alias', input: () => parsePack(edit((p) => (p.school.aliases = ['x'.repeat(201)]))), error: 'school.aliases[0] is too long (at most 200 characters)' },
    { name: 'too many aliases', input: () => parsePack(edit((p) => (p.school.aliases = Array.from({ length: 51 }, (_, i) => `Alias ${i}`)))), error: 'school.aliases has too many entries (at most 50)' },
    { name: 'too many terms', input: () => parsePack(edit((p) => (p.rules['pupil-name'].terms = Array.from({ length: 501 }, (_, i) => `term ${i}`)))), error: 'rules.pupil-name.terms has too many entries (at most 500)' },
    // A term that is one letter to the matcher would flag every "a" typed (ReDoS-looking input degrades to it).
    ...(
      [
        ['(a+)+$', 0],
        ['a.', 0],
        ['?', 0],
        ['5', 0],
        ['x y', 0],
        ['(a)\\1', 0],
        ['é', 0],
      ] as const
    ).map(([t, i]) => ({
      name: `term ${JSON.stringify(t)} is too vague`,
      input: () => parsePack(edit((p) => (p.rules['pupil-name'].terms = ['Ofsted', t]))),
      error: `rules.pupil-name.terms[${i + 1}] (${JSON.stringify(t)}) needs two letters together or two digits: on its own it would match almost any text`,
    })),
    { name: 'pack text over 1 MB', input: () => parsePackText(`{"title":"${'x'.repeat(PACK_LIMITS.maxBytes)}"}`), error: 'The pack file is too big: the limit is 1 MB' },
    { name: 'pack text over 1 MB in UTF-8 bytes only', input: () => parsePackText(`{"title":"${'é'.repeat(PACK_LIMITS.maxBytes / 2)}"}`), error: 'The pack file is too big: the limit is 1 MB' },
    { name: 'deep nesting', input: () => parsePackText(`{"format":"second-look-pack","version":1,"school":{"aliases":${'['.repeat(30)}${']'.repeat(30)}}}`), error: 'is nested too deeply (more than 8 levels)' },
    { name: 'too many values', input: () => parsePack({ ...base(), junk: Array.from({ length: PACK_LIMITS.maxNodes }, () => 0) }), error: 'The pack is too large: it has more than 20,000 values' },
    // Versions and format.
    { name: 'newer version', input: () => parsePack(edit((p) => (p.version = 2))), error: 'This rule pack is version 2, which is newer than this copy of Second Look understands (version 1). Update Second Look, or ask for a version 1 pack.' },
    { name: 'version as a string', input: () => parsePack(edit((p) => (p.version = '1'))), error: 'version should be a whole number, e.g. 1' },
    { name: 'fractional version', input: () => parsePack(edit((p) => (p.version = 1.5))), error: 'version should be a whole number' },
    { name: 'version 0', input: () => parsePack(edit((p) => (p.version = 0))), error: 'version 0 is not a rule pack version: the first version is 1' },
    { name: 'no version', input: () => parsePack(edit((p) => delete p.version)), error: 'version is missing: add "version": 1' },
    { name: 'not a pack', input: () => parsePack({ name: 'package.json' }), error: 'format should be "second-look-pack": this file does not look like a Second Look rule pack' },
    { name: 'array instead of a pack', input: () => parsePack([base()]), error: 'The pack should be a JSON object ({ … })' },
    { name: 'not JSON', input: () => parsePackText('{"format": "second-look-pack",'), error: 'The pack file is not valid JSON: ' },
    { name: 'empty file', input: () => parsePackText('  \n'), error: 'The pack file is empty' },
    // Wrong types and values.
    { name: 'enabled as a string', input: () => parsePack(edit((p) => (p.rules['pupil-name'].enabled = 'yes'))), error: 'rules.pupil-name.enabled should be true or false' },
    { name: 'unknown severity', input: () => parsePack(edit((p) => (p.rules['pupil-name'].severity = 'severe'))), error: 'rules.pupil-name.severity should be one of: info, warn, high' },
    { name: 'site severity', input: () => parsePack(edit((p) => (p.rules['pupil-name'].sites = { x: { severity: 'HIGH' } }))), error: 'rules.pupil-name.sites.x.severity should be one of: info, warn, high' },
    { name: 'missing clause', input: () => parsePack(edit((p) => delete p.rules['pupil-name'].clause)), error: 'rules.pupil-name.clause is missing' },
    { name: 'empty clause', input: () => parsePack(edit((p) => (p.rules['pupil-name'].clause = '   '))), error: 'rules.pupil-name.clause should not be empty' },
    { name: 'missing school', input: () => parsePack(edit((p) => delete p.school)), error: 'school is missing' },
    { name: 'school as a list', input: () => parsePack(edit((p) => (p.school = []))), error: 'school should be an object ({ … })' },
    { name: 'rules as text', input: () => parsePack(edit((p) => (p.rules = 'all'))), error: 'rules should be an object ({ … })' },
    { name: 'aliases as text', input: () => parsePack(edit((p) => (p.school.aliases = 'Holbrook'))), error: 'school.aliases should be a list ([ … ])' },
    { name: 'title as a number', input: () => parsePack(edit((p) => (p.title = 42))), error: 'title should be text in quotes' },
    { name: 'empty alias', input: () => parsePack(edit((p) => (p.school.aliases = [' ']))), error: 'school.aliases[0] should not be empty' },
    { name: 'handle with a space', input: () => parsePack(edit((p) => (p.school.handles = ['Holbrook Primary']))), error: 'school.handles[0] should be a handle made only of letters, digits and _ (a leading @ is allowed)' },
    { name: 'handle that is only @', input: () => parsePack(edit((p) => (p.school.handles = ['@']))), error: 'school.handles[0] should not be empty' },
    { name: 'hashtag with punctuation', input: () => parsePack(edit((p) => (p.school.hashtags = ['#Holbrook-Pride']))), error: 'school.hashtags[0] should be a hashtag made only of letters, digits and _ (a leading # is allowed)' },
    { name: 'domain without a dot', input: () => parsePack(edit((p) => (p.school.emailDomains = ['localhost']))), error: 'school.emailDomains[0] should be an e-mail domain such as "holbrook.sch.uk"' },
    { name: 'domain that is an IP address', input: () => parsePack(edit((p) => (p.school.emailDomains = ['192.168.0.1']))), error: 'school.emailDomains[0] should be an e-mail domain' },
    { name: 'domain that is a pattern', input: () => parsePack(edit((p) => (p.school.emailDomains = ['*.sch.uk']))), error: 'school.emailDomains[0] should be an e-mail domain' },
    { name: 'pack id with spaces', input: () => parsePack(edit((p) => (p.id = 'my pack'))), error: 'id should be a short name made of letters, digits' },
    { name: 'text-direction override in a title', input: () => parsePack(edit((p) => (p.rules['pupil-name'].title = 'Pupil\u202Eeman'))), error: 'rules.pupil-name.title should not contain control or text-direction characters' },
    { name: 'newline in a single-line field', input: () => parsePack(edit((p) => (p.school.name = 'Holbrook\nPrimary'))), error: 'school.name should not contain control or text-direction characters' },
    { name: 'non-JSON value', input: () => parsePack(edit((p) => (p.school.name = () => 'x'))), error: 'school.name is not JSON data (found a function)' },
    { name: 'non-finite number', input: () => parsePack(edit((p) => (p.version = Number.NaN))), error: 'version should be a finite number' },
    { name: 'class instance', input: () => parsePack(edit((p) => (p.school = new Date()))), error: 'school is not JSON data' },
    {
      name: 'getter is refused, never called',
      input: () =>
        parsePack(
          edit((p) =>
            Object.defineProperty(p.school, 'name', {
              enumerable: true,
              get() {
                throw new Error('getter ran');
              },
            }),
          ),
        ),
      error: 'school.name is not JSON data',
    },
  ];

  it.each(cases)('$name', ({ input, error }) => {
    const errors = errorsOf(input());
    expect(errors.some((e) => e.includes(error)), `got: ${JSON.stringify(errors)}`).toBe(true);
  });

  it('inherited properties are never read', () => {
    const proto = { format: 'second-look-pack', version: 1 };
    const sneaky = Object.assign(Object.create(proto), { id: 'x' });
    expect(errorsOf(parsePack(sneaky))).toEqual(['The pack is not JSON data']);
  });

  it('lists every problem, capped at 20 plus a count', () => {
    const errors = errorsOf(
      parsePack(edit((p) => (p.school.aliases = Array.from({ length: 30 }, () => 'x'.repeat(300))))),
    );
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('…and 10 more problems');
  });

  it('reports several independent problems at once', () => {
    const errors = errorsOf(
      parsePack(
        edit((p) => {
          p.rules['pupil-name'].severty = 'high';
          p.school.name = 7;
        }),
      ),
    );
    expect(errors).toEqual(['school.name should be text in quotes', 'rules.pupil-name.severty is not a known setting']);
  });
});

describe('isSpecificTerm', () => {
  it.each([
    ['Ofsted', true],
    ['ab', true],
    ['10', true],
    ['Year 6', true],
    ['Łu', true],
    ['(.*a){20}', true],
    ['(a+)+$', false],
    ['a', false],
    ['a.', false],
    ['x y', false],
    ['Y6', false],
    ['5', false],
    ['?!', false],
    ['É', false],
    ['', false],
  ] as const)('%j → %s', (term, want) => {
    expect(isSpecificTerm(term)).toBe(want);
  });
});

describe('parsePack: property tests', () => {
  it('never throws on arbitrary JSON and never pollutes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parsePack(value);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parsePackText(text).ok).toBe('boolean');
      }),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a reserved key anywhere in a valid pack is always refused', () => {
    const reserved = fc.constantFrom('__proto__', 'constructor', 'prototype');
    fc.assert(
      fc.property(reserved, fc.nat(), fc.jsonValue(), (key, where, payload) => {
        // Insert `"<key>": payload` right after a random "{" of a valid pack's JSON text.
        const text = JSON.stringify(base());
        const braces = [...text.matchAll(/\{/g)].map((m) => m.index!);
        const at = braces[where % braces.length]! + 1;
        const hostile = `${text.slice(0, at)}${JSON.stringify(key)}:${JSON.stringify(payload)},${text.slice(at)}`;
        const errors = errorsOf(parsePackText(hostile));
        expect(errors.join('\n')).toContain(`${key} is not allowed`);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('valid packs survive arbitrary literal aliases and terms unchanged', () => {
    const literal = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.array(literal, { maxLength: 50 }), fc.array(literal.filter(isSpecificTerm), { maxLength: 20 }), (aliases, terms) => {
        const pack = ok(
          edit((p) => {
            p.school.aliases = aliases;
            p.rules['pupil-name'].terms = terms;
          }),
        );
        expect(pack.school.aliases).toEqual(aliases);
        expect(pack.rules['pupil-name']!.terms).toEqual(terms);
      }),
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('school locations and working hours (optional v1 fields)', () => {
  const loc = { name: 'Main site', latitude: 52.4862, longitude: -1.8904, radiusMetres: 150 };
  it('are read, copied and frozen; days come back in week order', () => {
    const p = ok(
      edit((x) => {
        x.school.locations = [loc, { name: 'Playing fields', latitude: -33.9, longitude: 151.2, radiusMetres: 10 }];
        x.school.workingHours = { days: ['fri', 'mon', 'wed'], start: '08:00', end: '17:30' };
      }),
    );
    expect(p.school.locations).toEqual([loc, { name: 'Playing fields', latitude: -33.9, longitude: 151.2, radiusMetres: 10 }]);
    expect(p.school.workingHours).toEqual({ days: ['mon', 'wed', 'fri'], start: '08:00', end: '17:30' });
    expect(Object.isFrozen(p.school.locations![0])).toBe(true);
    // Absent stays absent (a pack without them round-trips unchanged).
    expect('locations' in ok(base()).school).toBe(false);
  });

  const bad: [string, (x: Record<string, any>) => void, string][] = [
    ['latitude out of range', (x) => (x.school.locations = [{ ...loc, latitude: 91 }]), 'school.locations[0].latitude should be a number of degrees from -90 to 90'],
    ['longitude as text', (x) => (x.school.locations = [{ ...loc, longitude: '-1.89' }]), 'school.locations[0].longitude should be a number'],
    ['radius too small', (x) => (x.school.locations = [{ ...loc, radiusMetres: 5 }]), 'school.locations[0].radiusMetres should be a distance in metres from 10 to 5000'],
    ['radius too large', (x) => (x.school.locations = [{ ...loc, radiusMetres: 50_000 }]), 'school.locations[0].radiusMetres should be a distance in metres from 10 to 5000'],
    ['unknown location key', (x) => (x.school.locations = [{ ...loc, alt: 3 }]), 'school.locations[0].alt is not a known setting'],
    ['empty location name', (x) => (x.school.locations = [{ ...loc, name: ' ' }]), 'school.locations[0].name should not be empty'],
    ['too many locations', (x) => (x.school.locations = Array.from({ length: 21 }, () => loc)), 'school.locations has too many entries (at most 20)'],
    ['end before start', (x) => (x.school.workingHours = { days: ['mon'], start: '17:00', end: '08:00' }), 'school.workingHours should start before it ends (start and end are on the same day)'],
    ['bad time', (x) => (x.school.workingHours = { days: ['mon'], start: '8am', end: '17:00' }), 'school.workingHours.start should be a 24-hour time such as "08:30"'],
    ['24:00', (x) => (x.school.workingHours = { days: ['mon'], start: '08:00', end: '24:00' }), 'school.workingHours.end should be a 24-hour time such as "08:30"'],
    ['unknown day', (x) => (x.school.workingHours = { days: ['monday'], start: '08:00', end: '17:00' }), 'school.workingHours.days[0] should be one of: mon, tue, wed, thu, fri, sat, sun'],
    ['repeated day', (x) => (x.school.workingHours = { days: ['mon', 'mon'], start: '08:00', end: '17:00' }), 'school.workingHours.days should list each day once (mon, tue, wed, thu, fri, sat, sun)'],
    ['missing end', (x) => (x.school.workingHours = { days: ['mon'], start: '08:00' }), 'school.workingHours.end is missing'],
  ];
  it.each(bad)('refuses %s', (_, change, message) => {
    expect(errorsOf(parsePack(edit(change)))).toEqual([message]);
  });
});

describe('school holidays (optional v1 field)', () => {
  const xmas = { name: 'Christmas holidays', from: '2026-12-19', to: '2027-01-03' };
  it('are read, copied and frozen; absent stays absent', () => {
    const p = ok(edit((x) => (x.school.holidays = [xmas, { name: ' Bank holiday ', from: '2026-08-31', to: '2026-08-31' }])));
    expect(p.school.holidays).toEqual([xmas, { name: 'Bank holiday', from: '2026-08-31', to: '2026-08-31' }]);
    expect(Object.isFrozen(p.school.holidays![0])).toBe(true);
    expect('holidays' in ok(base()).school).toBe(false);
  });

  const bad: [string, (x: Record<string, any>) => void, string][] = [
    ['ends before it starts', (x) => (x.school.holidays = [{ ...xmas, to: '2026-12-01' }]), 'school.holidays[0] should not end before it starts (from is on or before to)'],
    ['not a real date', (x) => (x.school.holidays = [{ ...xmas, from: '2026-02-30' }]), 'school.holidays[0].from should be a date written yyyy-mm-dd, such as "2026-12-21"'],
    ['UK date order', (x) => (x.school.holidays = [{ ...xmas, to: '03/01/2027' }]), 'school.holidays[0].to should be a date written yyyy-mm-dd, such as "2026-12-21"'],
    ['no name', (x) => (x.school.holidays = [{ from: '2026-12-19', to: '2027-01-03' }]), 'school.holidays[0].name is missing'],
    ['unknown key', (x) => (x.school.holidays = [{ ...xmas, repeat: 'yearly' }]), 'school.holidays[0].repeat is not a known setting'],
    ['too many', (x) => (x.school.holidays = Array.from({ length: 101 }, () => xmas)), 'school.holidays has too many entries (at most 100)'],
  ];
  it.each(bad)('refuses %s', (_, change, message) => {
    expect(errorsOf(parsePack(edit(change)))).toEqual([message]);
  });
});
