/**
 * The background's image routing: hostile and malformed messages are refused before the offscreen
 * document is even opened; answers from the offscreen document are re-checked so nothing but the
 * public verdict reaches the page; the document is opened on demand and closed when idle.
 */
import { describe, expect, it } from 'vitest';
import type { OffscreenMessage } from '../messaging/protocol';
import { MAX_IMAGE_BASE64 } from '../messaging/protocol';
import { ImageRouter, isImageMessage, MAX_QUEUED, type OffscreenHost } from './images';

const PACK = { id: 'p', title: 'P' } as never;
const DATA = btoa('\xff\xd8\xff\xe0fake jpeg bytes');
const VERDICT = {
  findings: [{ rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: '§6.9', detail: 'Taken about 40 m from Main site.' }],
  hasLocation: true,
  skipped: [],
};

function setup(answer: (m: OffscreenMessage) => unknown = () => ({ ok: true, verdict: VERDICT }), supported = true) {
  const sent: OffscreenMessage[] = [];
  const log: string[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const host: OffscreenHost = {
    supported,
    open: async () => void log.push('open'),
    close: async () => void log.push('close'),
    send: async (m) => {
      sent.push(m);
      return answer(m);
    },
  };
  let now = 0;
  const router = new ImageRouter({
    host,
    imageContext: async () => ({ pack: PACK, generation: 'g1' }),
    isOfficialAccount: async (a) => a?.handle === 'HolbrookPrimary',
    now: () => now,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
  });
  return { router, sent, log, timers, tick: (ms: number) => (now += ms) };
}

const check = (extra: Record<string, unknown> = {}) => ({ type: 'checkImage', site: 'x', surface: 'post', mime: 'image/jpeg', data: DATA, ...extra });

describe('ImageRouter: refused before any work', () => {
  const invalid: [string, unknown][] = [
    ['not an object', 'checkImage'],
    ['unknown type', { ...check(), type: 'analyse' }],
    ['extra key', { ...check(), tabId: 3 }],
    ['unknown site', check({ site: 'myspace' })],
    ['a mime we do not check', check({ mime: 'image/svg+xml' })],
    ['text as bytes', check({ data: 'hello world!' })],
    ['base64 with a bad length', check({ data: 'abcde' })],
    ['padding in the middle', check({ data: 'ab==cdef' })],
    ['over the size cap', check({ data: 'A'.repeat(MAX_IMAGE_BASE64 + 4) })],
    ['caption too long', check({ caption: 'x'.repeat(20_001) })],
    ['account with an unknown key', check({ account: { handle: 'HolbrookPrimary', official: true } })],
    ['account handle with a space', check({ account: { handle: 'Holbrook Primary' } })],
    ['account handle too long', check({ account: { handle: 'h'.repeat(101) } })],
    ['account display name too long', check({ account: { displayName: 'n'.repeat(201) } })],
    ['officialAccount claimed by the page', check({ officialAccount: true })],
    ['strip of a type we do not read', { type: 'stripImage', mime: 'video/x-msvideo', data: DATA }],
    ['strip with a site field', { type: 'stripImage', mime: 'image/jpeg', data: DATA, site: 'x' }],
  ];
  it.each(invalid)('%s', async (_name, raw) => {
    const { router, sent, log } = setup();
    expect(await router.handle(raw, 1)).toEqual({ ok: false, error: 'invalid' });
    expect(sent).toEqual([]);
    expect(log).toEqual([]);
  });

  it('says "unsupported" where there is no offscreen document (Firefox), without opening one', async () => {
    const { router, log } = setup(undefined, false);
    expect(await router.handle(check(), 1)).toEqual({ ok: false, error: 'unsupported' });
    expect(log).toEqual([]);
  });

  it('rate-limits a tab that sends images in a burst; another tab is unaffected', async () => {
    const { router } = setup();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await router.handle(check(), 7));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers[10]).toEqual({ ok: false, error: 'rate-limited' });
    expect((await router.handle(check(), 8)).ok).toBe(true);
  });
});

describe('ImageRouter: the offscreen hop', () => {
  it('opens the document, sends the pack, generation and bytes, and returns only the verdict', async () => {
    const { router, sent, log } = setup();
    expect(await router.handle(check({ caption: 'Sports day!' }), 1)).toEqual({ ok: true, verdict: VERDICT });
    expect(log).toEqual(['open']);
    expect(sent).toEqual([
      { target: 'second-look-offscreen', type: 'analyse', generation: 'g1', pack: PACK, site: 'x', mime: 'image/jpeg', data: DATA, caption: 'Sports day!', officialAccount: false },
    ]);
  });

  it.each([
    ['the school account', { handle: 'HolbrookPrimary' }, true],
    ['a personal account', { handle: 'ms_jones' }, false],
    ['no account shown', undefined, false],
  ] as const)('posting as %s: officialAccount is decided in the background (%j → %s)', async (_name, account, official) => {
    const { router, sent } = setup();
    expect((await router.handle(check(account ? { caption: 'Evie Carter', account } : { caption: 'Evie Carter' }), 1)).ok).toBe(true);
    expect((sent[0] as { officialAccount: boolean }).officialAccount).toBe(official);
    expect(sent[0]).not.toHaveProperty('account');
  });

  const badAnswers: [string, unknown][] = [
    ['nothing', undefined],
    ['an error', { ok: false, error: 'failed' }],
    ['OCR text riding along in the verdict', { ok: true, verdict: { ...VERDICT, ocrText: 'Evie Carter' } }],
    ['a text finding span in a finding', { ok: true, verdict: { ...VERDICT, findings: [{ ...VERDICT.findings[0], textFindings: [] }] } }],
    ['a rule that is not an image rule', { ok: true, verdict: { ...VERDICT, findings: [{ ...VERDICT.findings[0], rule: 'pupil-name' }] } }],
  ];
  it.each(badAnswers)('an offscreen answer with %s becomes "failed"', async (_name, answer) => {
    const { router } = setup(() => answer);
    expect(await router.handle(check(), 1)).toEqual({ ok: false, error: 'failed' });
  });

  it('a thrown send becomes "failed", and the next job still runs', async () => {
    let n = 0;
    const { router } = setup(() => {
      if (n++ === 0) throw new Error('Receiving end does not exist');
      return { ok: true, verdict: VERDICT };
    });
    expect(await router.handle(check(), 1)).toEqual({ ok: false, error: 'failed' });
    expect(await router.handle(check(), 1)).toEqual({ ok: true, verdict: VERDICT });
  });

  it('strips through the offscreen document and checks the answer', async () => {
    const { router, sent } = setup((m) => ({ ok: true, mime: 'image/jpeg', data: m.data }));
    expect(await router.handle({ type: 'stripImage', mime: 'image/jpeg', data: DATA }, 1)).toEqual({ ok: true, mime: 'image/jpeg', data: DATA });
    expect(sent[0]).toEqual({ target: 'second-look-offscreen', type: 'strip', mime: 'image/jpeg', data: DATA });
  });

  it('strips a video too (its location boxes or tags)', async () => {
    const { router, sent } = setup((m) => ({ ok: true, mime: 'video/quicktime', data: m.data }));
    expect(await router.handle({ type: 'stripImage', mime: 'video/quicktime', data: DATA }, 1)).toEqual({ ok: true, mime: 'video/quicktime', data: DATA });
    expect(sent[0]).toEqual({ target: 'second-look-offscreen', type: 'strip', mime: 'video/quicktime', data: DATA });
  });

  it('a strip answer of a type we do not read becomes "failed"', async () => {
    const { router } = setup((m) => ({ ok: true, mime: 'text/html', data: m.data }));
    expect(await router.handle({ type: 'stripImage', mime: 'video/mp4', data: DATA }, 1)).toEqual({ ok: false, error: 'failed' });
  });

  it('a strip answer that is not base64 becomes "failed"', async () => {
    const { router } = setup(() => ({ ok: true, mime: 'image/jpeg', data: '<img src=x>' }));
    expect(await router.handle({ type: 'stripImage', mime: 'image/jpeg', data: DATA }, 1)).toEqual({ ok: false, error: 'failed' });
  });

  it('runs one job at a time, refuses more than MAX_QUEUED waiting, and closes the document when idle', async () => {
    const releases: (() => void)[] = [];
    const { router, timers, log } = setup(() => new Promise((r) => releases.push(() => r({ ok: true, verdict: VERDICT }))));
    const jobs = Array.from({ length: MAX_QUEUED }, (_, i) => router.handle(check(), 100 + i));
    expect(await router.handle(check(), 200)).toEqual({ ok: false, error: 'busy' });
    await new Promise((r) => setTimeout(r, 0));
    expect(releases.length).toBe(1); // the second waits for the first
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect((await Promise.all(jobs)).every((a) => a.ok)).toBe(true);
    // One idle timer, set when the queue emptied; firing it closes the document.
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    timers[0]!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.at(-1)).toBe('close');
  });
});

describe('isImageMessage', () => {
  it.each([
    [{ type: 'checkImage' }, true],
    [{ type: 'stripImage' }, true],
    [{ type: 'check' }, false],
    [null, false],
    ['checkImage', false],
  ])('%j → %s', (raw, want) => expect(isImageMessage(raw)).toBe(want));
});
