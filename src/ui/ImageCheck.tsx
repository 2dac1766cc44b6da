/**
 * The image chip and warning: "Checking image…" the moment a photo or video is attached, then what
 * the check found, citing the pack's clause, with the actions the user can take. Rendered by the
 * content script in a closed shadow root (src/content/image-layer.ts), so the page cannot read it.
 *
 * It shows rule text from the pack and plain words about the user's own image only: never the
 * image, a thumbnail, OCR'd text or a class-list entry.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/content';
import type { ImageVerdict } from '../messaging/protocol';
import { PANEL_CSS } from './Panel';
import { placePanel, type Rect } from './placement';

/** The chips' and panels' column. */
export const IMAGE_WIDTH = 360;

export type AttachmentStatus = 'checking' | 'done' | 'failed' | 'too-large' | 'unsupported-type';

export interface AttachmentView {
  id: number;
  status: AttachmentStatus;
  verdict?: ImageVerdict;
  /** The user chose "Post anyway" for this attachment. */
  allowed: boolean;
  /** A video (the words say "video", not "photo"). */
  video?: boolean;
  /** What the composer sends, when not a post: the words say "your comment", "your message". */
  noun?: 'comment' | 'message';
  /** "input": the clean copy can replace the file in the site's own file input; else it is saved. */
  source: 'input' | 'paste' | 'drop';
  /** After "remove location data": what happened, in words. */
  note?: string;
  /** A clean copy was saved (paste, drop): the user removes the original from the post themselves. */
  saved?: boolean;
}

export interface ImageViewModel {
  items: AttachmentView[];
  /** A post was held because of an attachment. */
  held: boolean;
  /** A post is waiting for a check still running. */
  waiting: boolean;
  focusToken: number;
  /**
   * The composer the attachment belongs to (viewport px): the warning goes beside it, over neither
   * it nor `avoid` (its Send / Post button), as the other warnings do (src/ui/placement.ts).
   * Without it, the window's bottom right.
   */
  anchor?: Rect;
  avoid?: Rect[];
}

export interface ImageActions {
  onStrip(id: number, e: MouseEvent): void;
  onPostAnyway(e: MouseEvent): void;
  onDismiss(id: number, e: MouseEvent): void;
}

export function hasStandingFinding(a: AttachmentView): boolean {
  return a.status === 'done' && !a.allowed && !!a.verdict?.findings.length;
}

export function ImageLayer({ vm, actions }: { vm: ImageViewModel | null; actions: ImageActions }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    if (vm?.held) headingRef.current?.focus();
  }, [vm?.focusToken]);
  // Placed by its real height (a chip, or a panel listing findings): measured after each render,
  // placed again before the browser paints when it changed.
  useLayoutEffect(() => {
    const h = wrapRef.current?.offsetHeight;
    if (h && h !== height) setHeight(h);
  });
  if (!vm || vm.items.length === 0) return <div class="live" aria-live="polite" role="status" />;
  let style: Record<string, string> | undefined;
  if (vm.anchor) {
    const pos = placePanel(vm.anchor, vm.avoid ?? [], { w: IMAGE_WIDTH, h: height || 40 }, globalThis.innerWidth || 1024, globalThis.innerHeight || 768);
    style = { left: `${pos.left}px`, top: `${pos.top}px`, right: 'auto', bottom: 'auto' };
  }

  const summary = (a: AttachmentView) =>
    a.allowed
      ? t(keyFor('image.allowed', a))
      : vm.held
        ? t(keyFor('image.held', a))
        : t(a.video ? 'image.maybe.video' : 'image.maybe');

  return (
    <div class="wrap" ref={wrapRef} style={style}>
      <div class="live" aria-live="polite" role="status">
        {vm.items.map((a) => statusLine(a, vm.waiting)).join(' ')}
      </div>
      {vm.items.map((a) =>
        a.status === 'done' && a.verdict?.findings.length ? (
          <div key={a.id} class={`panel sev-${worst(a)}`} role={vm.held ? 'alertdialog' : 'dialog'} aria-modal="false" aria-labelledby={`sl-img-${a.id}`}>
            <h2 id={`sl-img-${a.id}`} ref={headingRef} tabIndex={-1}>
              {t(a.video ? 'image.title.video' : 'image.title')}
            </h2>
            <p class="summary">{summary(a)}</p>
            <ul class="items">
              {a.verdict.findings.map((f, i) => (
                <li key={i}>
                  <span class="rule">{f.title}</span>
                  <span class="detail">{detailText(f)}</span>
                  <span class="clause">{t('warning.policy', { clause: f.clause })}</span>
                </li>
              ))}
            </ul>
            {a.note && <p class="note">{a.note}</p>}
            {pictureNotChecked(a) && <p class="note">{t(a.video ? 'image.pictureNotChecked.video' : 'image.pictureNotChecked')}</p>}
            <div class="actions">
              {a.verdict.hasLocation && (
                <button type="button" class="strip" onClick={(e) => actions.onStrip(a.id, e)}>
                  {a.source === 'input' ? t(a.video ? 'image.strip.replace.video' : 'image.strip.replace') : t('image.strip.save')}
                </button>
              )}
              {(a.saved || hasStandingFinding(a)) && (
                <button type="button" class="removed" onClick={(e) => actions.onDismiss(a.id, e)}>
                  {t(keyFor('image.removed', a))}
                </button>
              )}
              {!a.allowed && (
                <button type="button" class="anyway" onClick={(e) => actions.onPostAnyway(e)}>
                  {t('image.anyway')}
                </button>
              )}
            </div>
            <p class="privacy">{t('warning.privacy')}</p>
          </div>
        ) : (
          <div key={a.id} class={`chip chip-${a.status}`}>
            <span>{statusLine(a, vm.waiting)}</span>
            {a.status !== 'checking' && (
              <button type="button" class="dismiss" aria-label={t('image.dismiss')} onClick={(e) => actions.onDismiss(a.id, e)}>
                ×
              </button>
            )}
          </div>
        ),
      )}
    </div>
  );
}

function worst(a: AttachmentView): string {
  const f = a.verdict?.findings ?? [];
  return f.some((x) => x.severity === 'high') ? 'high' : f.some((x) => x.severity === 'warn') ? 'warn' : 'info';
}

function statusLine(a: AttachmentView, waiting: boolean): string {
  switch (a.status) {
    case 'checking':
      return waiting ? t(a.noun ? `image.checkingHeld.${a.noun}` : 'image.checkingHeld') : t('image.checking');
    case 'failed':
      return t('image.failed');
    case 'too-large':
      return t('image.tooLarge');
    case 'unsupported-type':
      return t('image.unsupportedType');
    case 'done':
      if (a.note) return a.note;
      if (a.verdict?.findings.length) return `${t(a.video ? 'image.title.video' : 'image.title')}: ${a.verdict.findings.map((f) => f.title).join(', ')}`;
      // "Nothing found" only when the picture was looked at (a HEIC variant libheif cannot read, a
      // video frame that would not decode: then only the location was checked, and the chip says so).
      return pictureNotChecked(a) ? t(a.video ? 'image.pictureNotChecked.video' : 'image.pictureNotChecked') : t('image.clean');
  }
}

/** None of the picture checks (logo, text, people) ran on this attachment. */
export function pictureNotChecked(a: AttachmentView): boolean {
  const skipped = new Set(a.verdict?.skipped.map((s) => s.stage) ?? []);
  return a.status === 'done' && skipped.has('logo') && skipped.has('ocr') && skipped.has('faces');
}

export const IMAGE_CSS = `${PANEL_CSS}
.wrap { position: fixed; right: 16px; bottom: 16px; width: ${IMAGE_WIDTH}px; display: grid; gap: 8px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; pointer-events: none; }
.chip { pointer-events: auto; display: flex; align-items: center; justify-content: space-between; gap: 8px; background: #f3f4f6; border: 1px solid #6b7280; border-radius: 999px; padding: 6px 12px; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
.chip-checking { background: #eff6ff; border-color: #1d4ed8; }
.chip-done { background: #f0fdf4; border-color: #15803d; }
.summary, .note { margin: 0 0 8px; }
.items { list-style: none; margin: 0 0 10px; padding: 0; max-height: 260px; overflow: auto; }
.items li { padding: 6px 0; border-top: 1px solid rgba(0,0,0,.08); display: grid; gap: 2px; }
.rule { font-weight: 700; }
button.strip { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.dismiss { border: 0; background: transparent; padding: 0 4px; font-size: 18px; line-height: 1; }
`;

/** A finding's detail in the user's language (the English `detail` when it came without a key). */
export function detailText(f: ImageVerdict['findings'][number]): string {
  if (!f.say) return f.detail;
  const { where, ...rest } = f.say.params ?? {};
  return t(f.say.key, where ? { ...rest, where: t(`image.where.${where}`) } : rest);
}

/** Whole sentences per composer and medium (Welsh: "eich neges … wedi’i hanfon"), never a noun slotted in. */
function keyFor<K extends 'image.held' | 'image.allowed' | 'image.removed'>(base: K, a: AttachmentView) {
  const noun = a.noun ? (`.${a.noun}` as const) : ('' as const);
  const medium = a.video ? ('.video' as const) : ('' as const);
  return `${base}${noun}${medium}` as const;
}
