// analyseImage beyond metadata: logo (real matcher on fixture photos), image-text (fake OCR with
// exact word boxes, and one real tesseract run), photo-people (fake detector, and one real face-api
// run), official-account (the posting-protocol findings), and the skipped-stage reasons.
import { afterAll, describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import type { PersonInput } from '../engine/name-index';
import type { RulePack, RuleSettings } from '../pack/types';
import { readSource } from '../../test/fixtures/images/make';
import { analyseImage } from './analyse';
import { createNodeEngines, decodeNode } from './node-engines';
import { namesPupilWithoutConsent } from './official';
import { placeOf, type ImageCheckContext, type ImageEngines, type LogoInput, type RgbaImage } from './types';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const rule = (title: string, clause: string, severity: RuleSettings['severity'] = 'high'): RuleSettings => ({ enabled: true, severity, title, clause });
const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test',
  school: { name: 'Holbrook Primary School', aliases: ['Holbrook Primary'], handles: ['HolbrookPrimary'], hashtags: [], emailDomains: [] },
  rules: {
    'pupil-name': rule("Pupil's name", 'Do not name pupils.'),
    'school-identity': rule('School named', 'Do not name the school.', 'warn'),
    'image-text': rule('Name visible in an image', 'Certificates must be blank.'),
    logo: rule('School logo', 'Do not publish the logo.', 'warn'),
    'photo-people': rule('People in a photo', 'Do not post photos of pupils.'),
    'photo-location': rule('Photo taken at school', 'Not at school.', 'warn'),
    'official-account': rule('Posting as the school', 'Only with consent; never name a child in a photo.'),
  },
};
const people: PersonInput[] = [
  { role: 'pupil', forename: 'Amelia', surname: 'Thornbury', photoConsent: true },
  { role: 'pupil', forename: 'Oliver', surname: 'Ashdown', photoConsent: false },
  { role: 'pupil', forename: 'Siobhan', surname: 'OBrien' },
  { role: 'staff', forename: 'Karen', surname: 'Adams', photoConsent: false },
];
const compiled = compileRuleSet(pack, people);
const logo: LogoInput = (() => {
  const png = readSource('logo.png');
  const img = decodeNode(png);
  return { name: 'crest', width: img.width, height: img.height, png };
})();
const ctx: ImageCheckContext = { compiled, locations: [], logos: [logo], site: 'facebook', officialAccount: false };

const blank: RgbaImage = { width: 400, height: 300, data: new Uint8ClampedArray(400 * 300 * 4).fill(255) };
type Word = { text: string; x: number; y: number; w: number; h: number; confidence: number };
/** Engines that decode to a blank page and "read" the given words / "see" the given faces. */
function fakeEngines(words: Word[], faces: { score: number }[] = []): ImageEngines {
  return {
    decode: async () => blank,
    ocr: async () => ({ text: words.map((w) => w.text).join(' '), words }),
    faces: async () => faces.map((f, i) => ({ x: i * 10, y: 0, w: 10, h: 10, score: f.score })),
  };
}
const line = (y: number, ...texts: string[]): Word[] => {
  let x = 10;
  return texts.map((text) => {
    const w = { text, x, y, w: text.length * 10, h: 20, confidence: 90 };
    x += text.length * 10 + 10;
    return w;
  });
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('logo', () => {
  const engines: ImageEngines = { decode: async (b) => decodeNode(b) };
  it('finds the crest printed small and rotated in a busy photo, with its box', { timeout: 30_000 }, async () => {
    const r = await analyseImage(readSource('busy-with-logo.jpg'), 'image/jpeg', ctx, { stages: ['logo'], engines });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'logo', severity: 'warn', title: 'School logo', clause: 'Do not publish the logo.', detail: 'The school logo appears in this image, at the bottom right (crest).' });
    expect(f.say).toEqual({ key: 'image.detail.logoIn', params: { logo: 'crest', where: 'bottomRight' } });
    // The crest was composited at about (560, 380)–(730, 550) of 800×600.
    expect(f.box!.x).toBeGreaterThan(0.64);
    expect(f.box!.x).toBeLessThan(0.74);
    expect(f.box!.y).toBeGreaterThan(0.58);
    expect(f.box!.y).toBeLessThan(0.68);
  });

  it.each([
    ['the same scene without the crest', 'busy-without-logo.jpg'],
    ['an unrelated photo', 'photo.jpg'],
    ['a certificate', 'clean.png'],
  ])('stays quiet on %s', { timeout: 30_000 }, async (_n, file) => {
    const r = await analyseImage(readSource(file), file.endsWith('.png') ? 'image/png' : 'image/jpeg', ctx, { stages: ['logo'], engines });
    expect(r.findings).toEqual([]);
  });

  it('finds the logo file itself, shrunk and recompressed (the shared q55 copy)', { timeout: 30_000 }, async () => {
    const small = readSource('logo-small-q55.jpg');
    const r = await analyseImage(small, 'image/jpeg', ctx, { stages: ['logo'], engines });
    expect(r.findings.map((f) => f.rule)).toEqual(['logo']);
  });

  it('does not run for an official account (the school uses its own logo)', async () => {
    const r = await analyseImage(readSource('busy-with-logo.jpg'), 'image/jpeg', { ...ctx, officialAccount: true }, { stages: ['logo'], engines });
    expect(r.findings).toEqual([]);
  });
});

describe('image-text (OCR through the text rules)', () => {
  it('a pupil on a certificate: one finding, box around the name only', async () => {
    const words = [...line(20, 'Certificate', 'of', 'Achievement'), ...line(60, 'awarded', 'to', 'Amelia', 'Thornbury')];
    const r = await analyseImage(PNG, 'image/png', ctx, { stages: ['ocr'], engines: fakeEngines(words) });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'image-text', severity: 'high', title: 'Name visible in an image', clause: 'Certificates must be blank.', detail: "A pupil's name can be read in this image." });
    // "Amelia" starts at x = 10 + 80 + 30 = 120 on the second line; "Thornbury" ends at 120 + 60 + 10 + 90 = 280.
    expect(f.box).toEqual({ x: 120 / 400, y: 60 / 300, w: 160 / 400, h: 20 / 300 });
    expect(f.textFindings).toEqual([{ rule: 'pupil-name', start: 38, end: 54, severity: 'high', title: "Pupil's name", clause: 'Do not name pupils.' }]);
  });

  it.each([
    ['a name split over two lines', [...line(20, 'Well', 'done', 'Amelia'), ...line(60, 'Thornbury!')], ["A pupil's name can be read in this image."]],
    ['the school name on a sign', line(20, 'Welcome', 'to', 'Holbrook', 'Primary', 'School'), ["The school's name can be read in this image."]],
    ['both', [...line(20, 'Holbrook', 'Primary'), ...line(60, 'Oliver', 'Ashdown')], ["The school's name can be read in this image.", "A pupil's name can be read in this image."]],
    ['a blank certificate', line(20, 'awarded', 'to', '__________'), []],
    ['someone not on the list', line(20, 'awarded', 'to', 'Tom', 'Jenkins'), []],
    ['a name read with low confidence (texture noise)', line(20, 'Amelia', 'Thornbury').map((w) => ({ ...w, confidence: 10 })), []],
  ])('%s', async (_n, words, details) => {
    const r = await analyseImage(PNG, 'image/png', ctx, { stages: ['ocr'], engines: fakeEngines(words) });
    expect(r.findings.map((f) => f.detail)).toEqual(details);
  });
});

describe('photo-people', () => {
  it.each([
    [[{ score: 0.9 }, { score: 0.6 }, { score: 0.3 }], ['This photo shows 2 people; the policy forbids photos of pupils.']],
    [[{ score: 0.7 }], ['This photo shows 1 person; the policy forbids photos of pupils.']],
    [[{ score: 0.49 }], []],
    [[], []],
  ])('faces %j', async (faces, details) => {
    const r = await analyseImage(PNG, 'image/png', ctx, { stages: ['faces'], engines: fakeEngines([], faces) });
    expect(r.findings.map((f) => f.detail)).toEqual(details);
    expect(r.findings.every((f) => f.rule === 'photo-people' && f.severity === 'high')).toBe(true);
  });
});

describe('official-account', () => {
  const official = { ...ctx, officialAccount: true };
  const run = (caption: string | undefined, words: Word[] = [], faces: { score: number }[] = []) =>
    analyseImage(PNG, 'image/png', caption === undefined ? official : { ...official, caption }, { stages: ['ocr', 'faces'], engines: fakeEngines(words, faces) });
  const NAME_IN_PHOTO = 'A child is named in a post with a photo. School posting protocol (003 step 2; 004): never name a child featured in a photograph.';
  const NO_CONSENT = 'A pupil named here has no photo consent on record. School posting protocol (003 step 1; 004): only with written permission from the parent.';
  const IN_IMAGE = "A child's name can be read in the image. School posting protocol (003 step 2): certificates must be blank and names must not be visible on work.";
  const FACES = 'This photo shows 3 people. School posting protocol (004; 001 Appendix A.5): post photos of children only with written consent from their parents.';

  it.each([
    ['caption names a pupil with consent', 'Well done Amelia Thornbury!', [], [], [NAME_IN_PHOTO]],
    ['caption names a pupil without consent', 'Well done Oliver Ashdown!', [], [], [NO_CONSENT, NAME_IN_PHOTO]],
    ['a staff member without consent is not a child', 'Thanks to Karen Adams', [], [], []],
    ['a name on the certificate in the photo', 'Great work today', line(20, 'Amelia', 'Thornbury'), [], [IN_IMAGE]],
    ['a no-consent pupil named in the image', undefined, line(20, 'Oliver', 'Ashdown'), [], [NO_CONSENT, IN_IMAGE]],
    ['no names, no faces', 'Sports day was great', [], [], []],
  ])('%s', async (_n, caption, words, faces, details) => {
    const r = await run(caption, words, faces);
    expect(r.findings.map((f) => f.detail)).toEqual(details);
    expect(r.findings.every((f) => f.rule === 'official-account' && f.severity === 'high' && f.clause === 'Only with consent; never name a child in a photo.')).toBe(true);
  });

  it('faces: a consent reminder at info severity, instead of photo-people', async () => {
    const r = await run('Sports day', [], [{ score: 0.9 }, { score: 0.8 }, { score: 0.7 }]);
    expect(r.findings).toEqual([{ rule: 'official-account', severity: 'info', title: 'Posting as the school', clause: 'Only with consent; never name a child in a photo.', detail: FACES, say: { key: 'image.detail.official.people.many', params: { count: 3 } } }]);
  });

  it('consent lookup goes through the hashed index: full names only', () => {
    expect(namesPupilWithoutConsent(compiled.names, 'Oliver Ashdown')).toBe(true);
    expect(namesPupilWithoutConsent(compiled.names, 'oliver ashdown')).toBe(true);
    expect(namesPupilWithoutConsent(compiled.names, 'Oliver')).toBe(false);
    expect(namesPupilWithoutConsent(compiled.names, 'Amelia Thornbury')).toBe(false);
    expect(namesPupilWithoutConsent(compiled.names, 'Karen Adams')).toBe(false);
  });
});

describe('skipped stages', () => {
  it('without engines only the metadata stage runs', async () => {
    const r = await analyseImage(readSource('photo.jpg'), 'image/jpeg', ctx);
    expect(r.skipped).toEqual([
      { stage: 'logo', reason: 'No image reader is available here.' },
      { stage: 'ocr', reason: 'No image reader is available here.' },
      { stage: 'faces', reason: 'No image reader is available here.' },
    ]);
    expect(r.hasLocation).toBe(true);
  });

  it('a file the decoder cannot read is named in plain words', async () => {
    const engines: ImageEngines = { decode: async () => Promise.reject(new Error('bad')) };
    const r = await analyseImage(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'image/heic', ctx, { stages: ['logo'], engines });
    expect(r.skipped).toEqual([{ stage: 'logo', reason: 'This kind of file cannot be read (image/heic).' }]);
  });

  it('an engine that fails costs only its own stage: the location and the other stages still report', async () => {
    const engines: ImageEngines = {
      ...fakeEngines([], [{ score: 0.9 }, { score: 0.8 }]),
      ocr: async () => Promise.reject(new Error('tesseract crashed')),
    };
    const r = await analyseImage(readSource('photo.jpg'), 'image/jpeg', ctx, { stages: ['metadata', 'ocr', 'faces'], engines });
    expect(r.skipped).toEqual([{ stage: 'ocr', reason: 'Text in this image could not be read.' }]);
    expect(r.hasLocation).toBe(true);
    expect(r.findings.map((f) => f.rule)).toContain('photo-people');
    const withoutOcr = await analyseImage(readSource('photo.jpg'), 'image/jpeg', ctx, { stages: ['metadata', 'faces'], engines });
    expect(r.findings).toEqual(withoutOcr.findings);
  });

  it('an aborted check throws', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(analyseImage(readSource('photo.jpg'), 'image/jpeg', ctx, { signal: ac.signal })).rejects.toThrow();
  });
});

describe('real engines (slow: tesseract.js and face-api in Node, local models)', () => {
  const engines = createNodeEngines();
  afterAll(() => engines.close());

  it('reads a pupil name off a certificate with tesseract.js', { timeout: 120_000 }, async () => {
    const r = await analyseImage(readSource('clean.png'), 'image/png', ctx, { stages: ['ocr'], engines });
    // "Congratulations to Siobhan OBrien and Zoe Bronte ... at St Ann School!": Siobhan OBrien is on the list.
    expect(r.findings.map((f) => f.detail)).toEqual(["A pupil's name can be read in this image."]);
    expect(r.findings[0]!.box!.y).toBeLessThan(0.4);
  });

  it('counts the people in a photo with face-api (tiny detector)', { timeout: 120_000 }, async () => {
    const require = createRequire(import.meta.url);
    const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo/sample2.jpg');
    const r = await analyseImage(new Uint8Array(readFileSync(demo)), 'image/jpeg', ctx, { stages: ['faces'], engines });
    expect(r.findings.map((f) => f.detail)).toEqual(['This photo shows 2 people; the policy forbids photos of pupils.']);
  });
});

describe('placeOf: where a box lies, in words', () => {
  it.each([
    [{ x: 0, y: 0, w: 0.2, h: 0.2 }, 'topLeft'],
    [{ x: 0.4, y: 0, w: 0.2, h: 0.2 }, 'top'],
    [{ x: 0.8, y: 0.1, w: 0.2, h: 0.1 }, 'topRight'],
    [{ x: 0, y: 0.4, w: 0.2, h: 0.2 }, 'left'],
    [{ x: 0.3, y: 0.3, w: 0.4, h: 0.4 }, 'middle'],
    [{ x: 0.7, y: 0.45, w: 0.1, h: 0.1 }, 'right'],
    [{ x: 0.1, y: 0.8, w: 0.1, h: 0.1 }, 'bottomLeft'],
    [{ x: 0.45, y: 0.9, w: 0.1, h: 0.1 }, 'bottom'],
    [{ x: 0.9, y: 0.9, w: 0.1, h: 0.1 }, 'bottomRight'],
    [{ x: 0, y: 0, w: 1, h: 1 }, 'middle'],
  ] as const)('%j → %s', (box, want) => expect(placeOf(box)).toBe(want));
});
