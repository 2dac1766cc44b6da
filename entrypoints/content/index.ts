/**
 * The one content script for every supported site: picks the site adapter, starts the controller,
 * and talks to the background over the site channel. Untrusted side: no storage API, no class-list
 * data; it sends what the user wrote and gets findings back.
 */
import { AttachmentWatcher } from '@/src/content/attachments';
import { Controller } from '@/src/content/controller';
import { mountActionLayer } from '@/src/content/action-layer';
import { mountImageLayer } from '@/src/content/image-layer';
import { mountLayer } from '@/src/content/layer';
import { readEditor } from '@/src/content/read-text';
import { SocialController } from '@/src/content/social';
import type { CheckActionResponse, CheckResponse, ImageCheckResponse, ImageStripResponse } from '@/src/messaging/protocol';
import { isLocale, setLocale } from '@/src/i18n/core';
import { adapterFor, isLimited, MATCH_PATTERNS } from '@/src/sites';
import { accountForMessage } from '@/src/sites/types';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  runAt: 'document_start',
  main(ctx) {
    const adapter = adapterFor(location.origin);
    // Social actions first: its capture listeners must see a held Send / Follow before the text
    // controller's (src/content/social.ts).
    new SocialController({
      adapter,
      win: window,
      signal: ctx.signal,
      mountLayer: (actions) => mountActionLayer(document, actions),
      checkAction: (action, person) =>
        (browser.runtime.sendMessage(
          person ? { type: 'checkAction', action, site: adapter.id, person } : { type: 'checkAction', action, site: adapter.id },
        ) as Promise<CheckActionResponse>).then((res) => {
          if (res?.ok && isLocale(res.locale)) setLocale(res.locale);
          return res;
        }),
    });
    let controller: Controller | null = null;
    // Photos and videos the user attaches: checked in the extension (background → offscreen).
    const images = new AttachmentWatcher({
      win: window,
      signal: ctx.signal,
      mountLayer: (actions) => mountImageLayer(document, actions),
      checkImage: (req) => {
        const editor = controller?.currentEditor();
        const surface = editor ? adapter.surfaceOf(editor) : 'post';
        // Who is posting, as the site shows it: the background decides whether it is the school.
        const account = editor ? accountForMessage(adapter.postingAs?.(editor)) : null;
        return (browser.runtime.sendMessage({ type: 'checkImage', site: adapter.id, surface, ...req, ...(account ? { account } : {}) }) as Promise<ImageCheckResponse>).then((res) => {
          if (res?.ok && isLocale(res.locale)) setLocale(res.locale);
          return res;
        });
      },
      stripImage: (req) => browser.runtime.sendMessage({ type: 'stripImage', ...req }) as Promise<ImageStripResponse>,
      composerFor: (target) => controller?.composerFor(target) ?? null,
      placeFor: (composer) => controller?.composerBoxes(composer) ?? null,
      nounFor: (composer) => controller?.attachmentNoun(composer) ?? null,
      caption: () => {
        const editor = controller?.currentEditor();
        return editor ? readEditor(editor).text : '';
      },
    });
    controller = new Controller({
      images,
      adapter,
      win: window,
      signal: ctx.signal,
      mountLayer: (actions) => mountLayer(document, actions),
      check: (text, surface, audience, extra) =>
        (browser.runtime.sendMessage({ type: 'check', site: adapter.id, surface, text, ...(audience ? { audience } : {}), ...extra }) as Promise<CheckResponse>).then((res) => {
          // The warning speaks the language chosen on the options page, sent with each verdict.
          if (res?.ok && isLocale(res.locale)) setLocale(res.locale);
          return res;
        }),
    });
    // Tell the toolbar when the editor in use was found only by the generic fallback (the site's
    // own hooks are gone): "limited protection" for this tab. Sent on change only; no text.
    let level: 'full' | 'limited' | null = null;
    window.addEventListener(
      'focusin',
      (e) => {
        if (!e.isTrusted) return;
        const editor = adapter.editorFrom(e.composedPath());
        if (!editor) return;
        const now = isLimited(location.origin, editor) ? 'limited' : 'full';
        if (now === level) return;
        level = now;
        void browser.runtime.sendMessage({ type: 'protection', level: now }).catch(() => {});
      },
      { capture: true, signal: ctx.signal },
    );
  },
});
