/**
 * The Firefox background-page host: the checker's script is loaded once, on demand, with a <script>
 * tag; the page keeps itself awake (an extension API call every keepAliveMs) only while a check
 * runs; "close" frees the models and the next check builds a new checker; a script that fails to
 * load is tried again next time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundPageHost, CHECKER_GLOBAL } from './page-host';

type Script = { src: string; onload?: () => void; onerror?: () => void };

function setup(opts: { failFirst?: boolean } = {}) {
  const scripts: Script[] = [];
  let loads = 0;
  const disposed: number[] = [];
  const handled: unknown[] = [];
  let release: (() => void) | null = null;
  const factory = vi.fn(() => {
    const id = factory.mock.calls.length;
    return {
      engines: { dispose: async () => void disposed.push(id) },
      checker: {
        handle: (m: unknown) =>
          new Promise((resolve) => {
            handled.push(m);
            release = () => resolve({ ok: true, by: id });
          }),
      },
    };
  });
  const doc = {
    createElement: () => ({}) as Script,
    head: {
      append(s: Script) {
        scripts.push(s);
        loads++;
        queueMicrotask(() => {
          if (opts.failFirst && loads === 1) return s.onerror?.();
          (globalThis as Record<string, unknown>)[CHECKER_GLOBAL] = factory;
          s.onload?.();
        });
      },
    },
  } as unknown as Document;
  const ping = vi.fn(async () => ({}));
  const host = backgroundPageHost({ repo: {} as never, logos: {} as never, url: (p) => `moz-extension://id${p}`, ping, doc, keepAliveMs: 100 });
  return { host, scripts, factory, disposed, handled, ping, release: () => release?.() };
}

describe('backgroundPageHost (Firefox)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>)[CHECKER_GLOBAL];
  });

  it('loads /image-checker.js once, on the first use', async () => {
    const s = setup();
    expect(s.scripts).toHaveLength(0);
    await s.host.open();
    await s.host.open();
    expect(s.scripts.map((x) => x.src)).toEqual(['moz-extension://id/image-checker.js']);
    expect(s.factory).toHaveBeenCalledTimes(1);
  });

  it('pings the extension API while a check runs, and stops when it ends', async () => {
    const s = setup();
    const answer = s.host.send({ target: 'second-look-offscreen' } as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.handled).toHaveLength(1);
    expect(s.ping.mock.calls.length).toBeGreaterThanOrEqual(9);
    s.release();
    expect(await answer).toEqual({ ok: true, by: 1 });
    const after = s.ping.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.ping.mock.calls.length).toBe(after);
  });

  it('close frees the models; the next check gets a fresh checker without reloading the script', async () => {
    const s = setup();
    await s.host.open();
    await s.host.close();
    expect(s.disposed).toEqual([1]);
    const answer = s.host.send({} as never);
    await vi.advanceTimersByTimeAsync(0);
    s.release();
    expect(await answer).toEqual({ ok: true, by: 2 });
    expect(s.scripts).toHaveLength(1);
    await s.host.close();
    await s.host.close();
    expect(s.disposed).toEqual([1, 2]);
  });

  it('a script that fails to load is retried on the next check', async () => {
    const s = setup({ failFirst: true });
    await expect(s.host.open()).rejects.toThrow('image checker did not load');
    await s.host.open();
    expect(s.scripts).toHaveLength(2);
    expect(s.factory).toHaveBeenCalledTimes(1);
  });
});
