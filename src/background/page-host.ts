/**
 * Firefox: the image checks in the background page itself. Firefox has no offscreen documents, but
 * its MV3 background is an event page with a DOM (Worker, canvas, <video>), so it runs the same
 * checker and engines as Chrome's offscreen document (src/offscreen/browser-checker.ts: location,
 * logo, text with tesseract.js, people with face-api, a video's first frame). Trusted side.
 *
 * - The checker's code is a separate script (entrypoints/image-checker.ts, /image-checker.js)
 *   loaded with a <script> tag on the first attachment, so background.js stays small for the many
 *   wakes that only check text.
 * - Firefox suspends an idle event page (30 s by default, extensions.background.idle.timeout),
 *   even while a content script waits for its answer: a check longer than that (the first one
 *   loads the models) was killed midway. While a check runs, an extension API call every
 *   `keepAliveMs` marks the page busy (test/firefox/images-smoke.mjs runs with a 1.5 s idle
 *   timeout; its face check fails without this).
 * - "Close" (the router's idle timer) frees the models but keeps the loaded code.
 */
import type { BrowserCheckerDeps, browserChecker as BrowserCheckerFactory } from '../offscreen/browser-checker';
import type { OffscreenHost } from './images';

/** Where /image-checker.js leaves `browserChecker` for the background page. */
export const CHECKER_GLOBAL = '__secondLookBrowserChecker';

export interface PageHostDeps {
  repo: BrowserCheckerDeps['repo'];
  logos: BrowserCheckerDeps['logos'];
  /** browser.runtime.getURL */
  url(path: string): string;
  /** An extension API call that counts as activity (browser.runtime.getPlatformInfo). */
  ping(): Promise<unknown>;
  doc?: Document;
  keepAliveMs?: number;
}

export function backgroundPageHost(deps: PageHostDeps): OffscreenHost {
  const doc = deps.doc ?? globalThis.document;
  let factory: Promise<typeof BrowserCheckerFactory> | null = null;
  let current: ReturnType<typeof BrowserCheckerFactory> | null = null;

  const loadScript = () =>
    (factory ??= new Promise<typeof BrowserCheckerFactory>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = deps.url('/image-checker.js');
      script.onload = () => {
        const f = (globalThis as Record<string, unknown>)[CHECKER_GLOBAL];
        if (typeof f === 'function') resolve(f as typeof BrowserCheckerFactory);
        else reject(new Error('image checker did not load'));
      };
      script.onerror = () => reject(new Error('image checker did not load'));
      doc.head.append(script);
    }).catch((e: unknown) => {
      factory = null;
      throw e;
    }));

  /** Runs `fn` with the page marked busy (an extension API call every keepAliveMs) until it settles. */
  const awake = async <T>(fn: () => Promise<T>): Promise<T> => {
    const timer = setInterval(() => void deps.ping().catch(() => {}), deps.keepAliveMs ?? 500);
    try {
      return await fn();
    } finally {
      clearInterval(timer);
    }
  };
  const checker = async () => (current ??= (await loadScript())({ repo: deps.repo, logos: deps.logos, url: deps.url, doc }));

  return {
    supported: !!doc,
    open: () => awake(async () => void (await checker())),
    async close() {
      const c = current;
      current = null;
      await c?.engines.dispose();
    },
    send: (message) => awake(async () => (await checker()).checker.handle(message)),
  };
}
