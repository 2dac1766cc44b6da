/**
 * The offscreen document (Chrome): runs the image checks off the page and off the service worker,
 * which has no Worker for OCR and no <video> for a video's first frame. Created by the background
 * when an attachment arrives and closed when idle (src/background/images.ts). Trusted side: it
 * answers only the background (our own service worker), and reads the hashed class lists and the
 * logos from the extension's IndexedDB itself, so none of that ever travels through a message.
 * The checker itself (engines, stores, analyser) is src/offscreen/browser-checker.ts, which the
 * Firefox background page runs too.
 */
import { browserChecker } from '@/src/offscreen/browser-checker';
import { isFromOurWorker, isOffscreenMessage } from '@/src/offscreen/checker';
import { openDb } from '@/src/storage/db';
import { LogoRepo } from '@/src/storage/logos';
import { Repo } from '@/src/storage/repo';
import defaultPack from '@/rules/default.json';
import { parsePack } from '@/src/pack/parse';

const parsed = parsePack(defaultPack);
if (!parsed.ok) throw new Error('The built-in rule pack is invalid');
const db = openDb();
const { checker } = browserChecker({
  repo: new Repo(db, parsed.pack),
  logos: new LogoRepo(db),
  url: (p) => browser.runtime.getURL(p as '/offscreen.html'),
  doc: document,
});

const workerUrl = new URL(browser.runtime.getURL('/background.js')).href;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Only our own service worker: not the options page (its admin messages reach us too, and are
  // not ours to answer), not a content script, not another extension.
  if (!isOffscreenMessage(message)) return undefined;
  if (!isFromOurWorker(sender, browser.runtime.id, workerUrl)) return undefined;
  return checker.handle(message);
});
