/**
 * What the in-page warnings share: the look of a warning panel (PANEL_CSS, also used by the image
 * warning) and the floating panel itself (WarningPanel) of the text warning (src/ui/Warning.tsx)
 * and the social-action warning (src/ui/ActionWarning.tsx): placed beside what it is about
 * (src/ui/placement.ts), a heading that takes focus when something was held, a one-line summary,
 * the warning's own body, "edit" / "… anyway", and the privacy line. Escape closes it.
 * Rendered inside a closed shadow root by the content script.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/content';
import { placePanel, type Rect } from './placement';

export const PANEL_WIDTH = 360;
/** Until the panel has been measured once. */
const PANEL_HEIGHT_GUESS = 300;

export interface PanelButton {
  label: string;
  onClick(e: MouseEvent): void;
}

export interface WarningPanelProps {
  /** Prefix of the heading's and summary's ids (one panel of each kind per shadow root). */
  idPrefix: string;
  severity: string;
  role: 'alertdialog' | 'dialog';
  lang: string;
  title: string;
  summary: string;
  /** What the panel is about, and boxes it should leave uncovered (viewport px). */
  anchor: Rect;
  avoid?: Rect[];
  headingRef: RefObject<HTMLHeadingElement>;
  onEscape(e: KeyboardEvent): void;
  /** The safe choice (first, and styled as the default). */
  edit: PanelButton;
  anyway?: PanelButton;
  children?: ComponentChildren;
}

export function WarningPanel(p: WarningPanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(PANEL_HEIGHT_GUESS);
  // Placed by its real height (what it lists makes it taller): measured after each render, placed
  // again before the browser paints when the height changed.
  useLayoutEffect(() => {
    const h = panelRef.current?.offsetHeight;
    if (h && h !== height) setHeight(h);
  });
  const pos = placePanel(p.anchor, p.avoid ?? [], { w: PANEL_WIDTH, h: height }, globalThis.innerWidth || 1024, globalThis.innerHeight || 768);

  return (
    <div
      ref={panelRef}
      class={`panel sev-${p.severity} floating`}
      role={p.role}
      aria-modal="false"
      aria-labelledby={`${p.idPrefix}-title`}
      aria-describedby={`${p.idPrefix}-summary`}
      lang={p.lang}
      style={{ left: `${pos.left}px`, top: `${pos.top}px`, width: `${PANEL_WIDTH}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          p.onEscape(e);
        }
      }}
    >
      <h2 id={`${p.idPrefix}-title`} ref={p.headingRef} tabIndex={-1}>
        {p.title}
      </h2>
      <p id={`${p.idPrefix}-summary`} class="summary">
        {p.summary}
      </p>
      {p.children}
      <div class="actions">
        <button type="button" class="edit" onClick={(e) => p.edit.onClick(e)}>
          {p.edit.label}
        </button>
        {p.anyway && (
          <button type="button" class="anyway" onClick={(e) => p.anyway!.onClick(e)}>
            {p.anyway.label}
          </button>
        )}
      </div>
      <p class="privacy">{t('warning.privacy')}</p>
    </div>
  );
}

/** The look every warning panel shares (the text, social-action and image warnings). */
export const PANEL_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.panel { pointer-events: auto; background: #fffbeb; border: 1px solid #d97706; border-left: 6px solid #d97706; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; }
.panel.sev-high { background: #fef2f2; border-color: #b91c1c; }
.panel.sev-info { background: #eff6ff; border-color: #1d4ed8; }
.panel.floating { position: fixed; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  max-height: calc(100vh - 16px); overflow: auto; }
h2 { font-size: 15px; margin: 0 0 4px; font-weight: 700; outline: none; }
h2:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.rule { font-weight: 600; color: #92400e; }
.sev-high .rule { color: #991b1b; }
.clause { font-size: 13px; color: #374151; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; border-radius: 6px; padding: 6px 12px; cursor: pointer; border: 1px solid #6b7280; background: #fff; color: #111827; }
button.edit { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.privacy { margin: 8px 0 0; font-size: 12px; color: #4b5563; }
`;
