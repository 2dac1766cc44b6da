/**
 * The inline warning: highlight boxes over the user's own words, and a panel that says which rule
 * and which policy clause, with two choices (edit, or post anyway). Rendered by the content script
 * inside a closed shadow root (src/content/layer.ts), so the page cannot read it.
 *
 * It shows only what the user typed (the matched span of their own text) and rule text from the
 * pack: never a class-list entry, a list name or a count (threat model B1).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../engine/types';
import { getLocale, t } from '../i18n/content';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  severity: Finding['severity'];
}

export interface WarningViewModel {
  /** Findings with the user's own words they cover. */
  items: Array<{ finding: Finding; words: string }>;
  boxes: Box[];
  /** Where to put the panel (viewport coordinates of the editor). */
  anchor: { x: number; y: number; w: number; h: number };
  /** A post (or send, or comment) was just held. */
  held: boolean;
  /** The user chose "post anyway" for this text. */
  allowed: boolean;
  /** The panel is closed (Escape / Edit) but highlights remain. */
  panelOpen: boolean;
  /** What is being sent: 'post', 'comment', 'message' or 'profile' (anything else reads as a post). */
  surfaceNoun: string;
  /** Bumped each time the panel should take focus (a held submit). */
  focusToken: number;
}

export interface WarningActions {
  onEdit(e: MouseEvent | KeyboardEvent): void;
  onPostAnyway(e: MouseEvent): void;
  onClose(e: KeyboardEvent | MouseEvent): void;
}

const PANEL_WIDTH = 360;

function panelPosition(anchor: WarningViewModel['anchor'], vw: number, vh: number) {
  const top = Math.max(8, Math.min(anchor.y, vh - 300));
  // Beside the editor first, so the panel never covers the site's own Post button; then below,
  // then above, then pinned to the bottom of the viewport.
  const right = anchor.x + anchor.w + 12;
  if (right + PANEL_WIDTH + 8 <= vw) return { left: right, top };
  const left = anchor.x - PANEL_WIDTH - 12;
  if (left >= 8) return { left, top };
  const x = Math.max(8, Math.min(anchor.x, vw - PANEL_WIDTH - 8));
  const below = anchor.y + anchor.h + 8;
  if (below + 300 < vh) return { left: x, top: below };
  if (anchor.y - 308 > 0) return { left: x, top: anchor.y - 308 };
  return { left: x, top: Math.max(8, vh - 316) };
}

type Kind = 'post' | 'comment' | 'message' | 'profile' | 'recommendation';
/** Whole sentences per kind (Welsh mutates the noun: "fy mhostiad", "fy sylw"), never a noun slotted in. */
function kindOf(noun: string): Kind {
  return noun === 'comment' || noun === 'message' || noun === 'profile' || noun === 'recommendation' ? noun : 'post';
}

function uniqueItems(items: WarningViewModel['items']) {
  const seen = new Set<string>();
  return items.filter(({ finding, words }) => {
    const key = `${finding.rule}\u0000${words.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function WarningLayer({ vm, actions }: { vm: WarningViewModel | null; actions: WarningActions }) {
  const panelRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (vm?.panelOpen && vm.held) headingRef.current?.focus();
  }, [vm?.focusToken]);

  if (!vm || vm.items.length === 0) return <div class="live" aria-live="polite" role="status" />;

  const vw = globalThis.innerWidth || 1024;
  const vh = globalThis.innerHeight || 768;
  const pos = panelPosition(vm.anchor, vw, vh);
  const items = uniqueItems(vm.items);
  const worst = vm.items.some((i) => i.finding.severity === 'high') ? 'high' : vm.items.some((i) => i.finding.severity === 'warn') ? 'warn' : 'info';
  const kind = kindOf(vm.surfaceNoun);
  const lang = getLocale();
  const summary = vm.allowed ? t(`warning.allowed.${kind}`) : vm.held ? t(`warning.held.${kind}`) : t('warning.maybe');

  return (
    <>
      {vm.boxes.map((b, i) => (
        <div
          key={i}
          class={`hl hl-${b.severity}`}
          style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }}
        />
      ))}
      {/* Announced politely while typing; a held post moves focus into the panel instead. */}
      <div class="live" aria-live="polite" role="status" lang={lang}>
        {vm.panelOpen
          ? t('warning.live', { summary, items: items.map((i) => (i.words ? t('warning.liveItem', { words: i.words, title: i.finding.title }) : t('warning.liveItemWhole', { title: i.finding.title }))).join(' ') })
          : ''}
      </div>
      {vm.panelOpen && (
        <div
          ref={panelRef}
          class={`panel sev-${worst}`}
          role={vm.held ? 'alertdialog' : 'dialog'}
          aria-modal="false"
          aria-labelledby="sl-title"
          aria-describedby="sl-summary"
          lang={lang}
          style={{ left: `${pos.left}px`, top: `${pos.top}px`, width: `${PANEL_WIDTH}px` }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              actions.onClose(e);
            }
          }}
        >
          <h2 id="sl-title" ref={headingRef} tabIndex={-1}>
            {t('warning.title.post')}
          </h2>
          <p id="sl-summary" class="summary">
            {summary}
          </p>
          <ul class="items">
            {items.map(({ finding, words }, i) => (
              <li key={i}>
                {/* A reminder about the whole post (working hours) quotes nothing. */}
                {words && <span class="words">“{words}”</span>}
                <span class="rule">{finding.title}</span>
                <span class="clause">{t('warning.policy', { clause: finding.clause })}</span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="edit" onClick={(e) => actions.onEdit(e)}>
              {t(`warning.edit.${kind}`)}
            </button>
            {!vm.allowed && (
              <button type="button" class="anyway" onClick={(e) => actions.onPostAnyway(e)}>
                {t('warning.anyway.post')}
              </button>
            )}
          </div>
          <p class="privacy">{t('warning.privacy')}</p>
        </div>
      )}
    </>
  );
}

export const WARNING_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.hl { position: fixed; pointer-events: none; border-bottom: 3px solid #c2410c; background: rgba(251, 191, 36, 0.28); border-radius: 2px; }
.hl-high { border-bottom-color: #b91c1c; background: rgba(248, 113, 113, 0.25); }
.hl-info { border-bottom-color: #1d4ed8; background: rgba(147, 197, 253, 0.25); }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.panel { position: fixed; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  background: #fffbeb; border: 1px solid #d97706; border-left: 6px solid #d97706; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; pointer-events: auto; }
.panel.sev-high { background: #fef2f2; border-color: #b91c1c; }
.panel.sev-info { background: #eff6ff; border-color: #1d4ed8; }
h2 { font-size: 15px; margin: 0 0 4px; font-weight: 700; outline: none; }
h2:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.summary { margin: 0 0 8px; }
.items { list-style: none; margin: 0 0 10px; padding: 0; max-height: 260px; overflow: auto; }
.items li { padding: 6px 0; border-top: 1px solid rgba(0,0,0,.08); display: grid; gap: 2px; }
.words { font-weight: 700; }
.rule { font-weight: 600; color: #92400e; }
.sev-high .rule { color: #991b1b; }
.clause { font-size: 13px; color: #374151; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; border-radius: 6px; padding: 6px 12px; cursor: pointer; border: 1px solid #6b7280; background: #fff; color: #111827; }
button.edit { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.privacy { margin: 8px 0 0; font-size: 12px; color: #4b5563; }
`;
