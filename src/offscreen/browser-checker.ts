/**
 * The image checker with its real engines, as both browsers run it: Chrome's offscreen document
 * (entrypoints/offscreen/main.ts) and Firefox's background page (an event page with a DOM: no
 * offscreen documents there; entrypoints/background.ts imports this lazily). One wiring for both:
 * `analyseImage` with `browserEngines` (decode, tesseract.js OCR, face-api detection, every file
 * loaded from inside the extension), the hashed class lists and logos read from the extension's
 * own IndexedDB, and a video's first frame from a <video> element in this document. Trusted side.
 */
import { analyseImage, stripMetadata } from '../image/analyse';
import type { LogoRepo } from '../storage/logos';
import type { Repo } from '../storage/repo';
import { OffscreenChecker } from './checker';
import { browserEngines, firstVideoFrame } from './engines';

export interface BrowserCheckerDeps {
  repo: Pick<Repo, 'nameIndex'>;
  logos: Pick<LogoRepo, 'list'>;
  /** browser.runtime.getURL: the extension's own files (OCR worker, WASM core, language data). */
  url(path: string): string;
  /** The document that makes a <video> for a video's first frame. */
  doc: Document;
}

export function browserChecker(deps: BrowserCheckerDeps): { checker: OffscreenChecker; engines: ReturnType<typeof browserEngines> } {
  const engines = browserEngines({ url: deps.url });
  const checker = new OffscreenChecker({
    analyse: analyseImage,
    strip: stripMetadata,
    engines,
    nameIndex: () => deps.repo.nameIndex(),
    logos: async () => (await deps.logos.list()).map((r) => ({ name: r.name, width: r.width, height: r.height, png: r.png })),
    firstFrame: (bytes, mime) => firstVideoFrame(deps.doc, bytes, mime),
  });
  return { checker, engines };
}
