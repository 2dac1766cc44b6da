/**
 * Firefox only: the image checker's code (tesseract.js, face-api on tfjs, the analyser), kept out
 * of background.js. Firefox's MV3 background is a classic event page script, so a dynamic import
 * would be bundled into it and parsed at every wake; instead the background page loads this file
 * with a <script> tag when the first attachment arrives (src/background/page-host.ts), and this
 * leaves the factory on the page's global for it. Same origin, same CSP ('self'), no network.
 */
import { CHECKER_GLOBAL } from '@/src/background/page-host';
import { browserChecker } from '@/src/offscreen/browser-checker';

export default defineUnlistedScript({
  include: ['firefox'],
  main() {
    (globalThis as Record<string, unknown>)[CHECKER_GLOBAL] = browserChecker;
  },
});
