/**
 * The offscreen document's handler with a fake analyser injected (the real one is src/image/
 * analyse.ts, tested there): what reaches the analyser (context from the pack the background sent
 * plus the stored logos and names), what comes back (the public verdict only), videos (metadata of
 * the file + picture checks on the first frame), the compiled-rule-set cache, hostile input.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../rules/demo.json';
import type { AnalyseOptions, ImageCheckContext, ImageReport } from '../image/types';
import * as valibot from 'valibot';
import { ImageVerdict } from '../messaging/protocol';
import { OffscreenChecker, isFromOurWorker, isOffscreenMessage, toVerdict } from './checker';

const PACK = { ...demo, school: { ...demo.school, locations: [{ name: 'Main site', latitude: 51.5, longitude: -0.14, radiusMetres: 200 }] } };
const JPEG = btoa('\xff\xd8\xff\xe0 jpeg');
const LOCATION = { rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: '§6.9', detail: 'Taken about 40 m from Main site.' } as const;
const PEOPLE = { rule: 'photo-people', severity: 'high', title: 'People in a photo', clause: '§6.9', detail: 'Shows 2 people.' } as const;

function setup(report: (mime: string, opts?: AnalyseOptions) => ImageReport) {
  const calls: { bytes: number[]; mime: string; ctx: ImageCheckContext; opts?: AnalyseOptions }[] = [];
  let indexBuilds = 0;
  const checker = new OffscreenChecker({
    analyse: async (bytes, mime, ctx, opts) => {
      calls.push({ bytes: [...bytes.slice(0, 4)], mime, ctx, opts });
      return report(mime, opts);
    },
    strip: async (bytes, mime) => ({ bytes: bytes.slice(0, 2), mime }),
    engines: { decode: async () => ({ width: 1, height: 1, data: new Uint8Array(4) }) },
    nameIndex: async () => {
      indexBuilds++;
      return [] as never;
    },
    logos: async () => [{ name: 'Crest', width: 2, height: 2, png: new Uint8Array([137, 80]) }],
    firstFrame: async () => new Uint8Array([137, 80, 78, 71]),
  });
  return { checker, calls, builds: () => indexBuilds };
}

const analyse = (extra: Record<string, unknown> = {}) => ({
  target: 'second-look-offscreen',
  type: 'analyse',
  generation: 'a:1',
  pack: PACK,
  site: 'facebook',
  mime: 'image/jpeg',
  data: JPEG,
  officialAccount: false,
  ...extra,
});

describe('OffscreenChecker', () => {
  it('builds the context from the pack sent and the stored logos, and answers the public verdict only', async () => {
    const { checker, calls } = setup(() => ({
      findings: [{ ...LOCATION, box: { x: 0, y: 0, w: 1, h: 1 }, textFindings: [] }],
      hasLocation: true,
      timings: { metadata: 3 },
      skipped: [],
    }));
    const answer = await checker.handle(analyse({ caption: 'Sports day' }));
    expect(answer).toEqual({ ok: true, verdict: { findings: [LOCATION], hasLocation: true, skipped: [] } });
    expect(calls).toHaveLength(1);
    const { ctx, mime, bytes } = calls[0]!;
    expect(mime).toBe('image/jpeg');
    expect(bytes).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect(ctx.locations).toEqual(PACK.school.locations);
    expect(ctx.logos.map((l) => l.name)).toEqual(['Crest']);
    expect(ctx.site).toBe('facebook');
    expect(ctx.caption).toBe('Sports day');
    expect(ctx.officialAccount).toBe(false);
    expect(ctx.compiled.settings).toBeDefined();
  });

  it('keeps the compiled rule set for one generation and rebuilds on a new one', async () => {
    const { checker, builds } = setup(() => ({ findings: [], hasLocation: false, timings: {}, skipped: [] }));
    await checker.handle(analyse());
    await checker.handle(analyse());
    expect(builds()).toBe(1);
    await checker.handle(analyse({ generation: 'a:2' }));
    expect(builds()).toBe(2);
  });

  it('a video: location from the file, picture checks on the first frame, one verdict', async () => {
    const { checker, calls } = setup((mime, opts) =>
      mime === 'video/mp4'
        ? { findings: [LOCATION], hasLocation: true, timings: {}, skipped: [] }
        : { findings: [PEOPLE], hasLocation: false, timings: {}, skipped: [{ stage: 'ocr', reason: 'No text found.' }] },
    );
    const answer = await checker.handle(analyse({ mime: 'video/mp4' }));
    expect(calls.map((c) => [c.mime, c.opts?.stages])).toEqual([
      ['video/mp4', ['metadata']],
      ['image/png', ['logo', 'ocr', 'faces']],
    ]);
    expect(calls[1]!.bytes).toEqual([137, 80, 78, 71]);
    expect(answer).toEqual({ ok: true, verdict: { findings: [LOCATION, PEOPLE], hasLocation: true, skipped: [{ stage: 'ocr', reason: 'No text found.' }] } });
  });

  it('strips and answers base64', async () => {
    const { checker } = setup(() => ({ findings: [], hasLocation: false, timings: {}, skipped: [] }));
    expect(await checker.handle({ target: 'second-look-offscreen', type: 'strip', mime: 'image/jpeg', data: JPEG })).toEqual({
      ok: true,
      mime: 'image/jpeg',
      data: btoa('\xff\xd8'),
    });
  });

  it('a stage that throws (a model that failed to load) costs only itself: metadata and logo run again alone', async () => {
    const { checker, calls } = setup((_mime, opts) => {
      if (opts?.stages?.includes('faces')) throw new Error('face model failed to load');
      return { findings: [LOCATION], hasLocation: true, timings: {}, skipped: [] };
    });
    expect(await checker.handle(analyse())).toEqual({
      ok: true,
      verdict: {
        findings: [LOCATION],
        hasLocation: true,
        skipped: [
          { stage: 'ocr', reason: 'This check could not run this time.' },
          { stage: 'faces', reason: 'This check could not run this time.' },
        ],
      },
    });
    expect(calls.map((c) => c.opts?.stages)).toEqual([
      ['metadata', 'logo', 'ocr', 'faces'],
      ['metadata', 'logo'],
    ]);
  });

  it('an analyser that throws gives "failed", not a crash', async () => {
    const { checker } = setup(() => {
      throw new Error('decode failed');
    });
    expect(await checker.handle(analyse())).toEqual({ ok: false, error: 'failed' });
  });

  const invalid: [string, unknown][] = [
    ['no target', { ...analyse(), target: undefined }],
    ['another target', analyse({ target: 'other' })],
    ['extra key', analyse({ tabId: 1 })],
    ['bad bytes', analyse({ data: 'not base64!' })],
    ['svg', analyse({ mime: 'image/svg+xml' })],
    ['officialAccount missing', { ...analyse(), officialAccount: undefined }],
  ];
  it.each(invalid)('refuses %s', async (_n, raw) => {
    const { checker, calls } = setup(() => ({ findings: [], hasLocation: false, timings: {}, skipped: [] }));
    expect(await checker.handle(raw)).toEqual({ ok: false, error: 'invalid' });
    expect(calls).toEqual([]);
  });

  it('a pack that does not parse gives "failed" and nothing is analysed', async () => {
    const { checker, calls } = setup(() => ({ findings: [], hasLocation: false, timings: {}, skipped: [] }));
    expect(await checker.handle(analyse({ pack: { format: 'nope' } }))).toEqual({ ok: false, error: 'failed' });
    expect(calls).toEqual([]);
  });

  it.each([
    [{ target: 'second-look-offscreen' }, true],
    [{ type: 'getStatus' }, false],
    [null, false],
  ])('isOffscreenMessage(%j) → %s', (raw, want) => expect(isOffscreenMessage(raw)).toBe(want));
});

describe('toVerdict', () => {
  it('cuts long text to the protocol limits and drops boxes and text spans', () => {
    const v = toVerdict([{ findings: [{ ...PEOPLE, detail: 'x'.repeat(600), box: { x: 0, y: 0, w: 1, h: 1 } }], hasLocation: false, timings: {}, skipped: [] }]);
    expect(v.findings[0]!.detail).toHaveLength(500);
    expect(v.findings[0]!.detail.endsWith('…')).toBe(true);
    expect(Object.keys(v.findings[0]!).sort()).toEqual(['clause', 'detail', 'rule', 'severity', 'title']);
  });

  it('passes the catalogue key on, its text parameters cut, and the result fits the message schema', () => {
    const say = { key: 'image.detail.logoIn', params: { logo: 'c'.repeat(300), where: 'topLeft' } } as const;
    const v = toVerdict([{ findings: [{ ...PEOPLE, rule: 'logo', say }], hasLocation: false, timings: {}, skipped: [] }]);
    expect(v.findings[0]!.say!.key).toBe('image.detail.logoIn');
    expect(v.findings[0]!.say!.params!.where).toBe('topLeft');
    expect(v.findings[0]!.say!.params!.logo).toHaveLength(120);
    expect(valibot.safeParse(ImageVerdict, v).success).toBe(true);
  });

  it.each([
    ['an unknown key', { key: 'options.title' }],
    ['an unknown place', { key: 'image.detail.logoIn', params: { where: 'behind' } }],
    ['an unknown parameter', { key: 'image.detail.people.many', params: { count: 2, html: '<b>' } }],
    ['a count that is not a whole number', { key: 'image.detail.people.many', params: { count: 2.5 } }],
  ])('the verdict schema refuses %s', (_n, say) => {
    const verdict = { findings: [{ ...PEOPLE, say }], hasLocation: false, skipped: [] };
    expect(valibot.safeParse(ImageVerdict, verdict).success).toBe(false);
  });
});

describe('isFromOurWorker', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const SW = `chrome-extension://${ID}/background.js`;
  it.each([
    ['our service worker', { id: ID, url: SW }, true],
    ['the options page', { id: ID, url: `chrome-extension://${ID}/options.html` }, false],
    ['our content script in a tab', { id: ID, url: 'https://x.com/home', tab: { id: 3 } }, false],
    ['a tab claiming the worker URL', { id: ID, url: SW, tab: { id: 3 } }, false],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/background.js` }, false],
    ['no id', { url: SW }, false],
    ['no url', { id: ID }, false],
  ])('%s → %s', (_n, sender, want) => expect(isFromOurWorker(sender, ID, SW)).toBe(want));
});
