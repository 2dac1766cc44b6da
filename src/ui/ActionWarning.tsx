/**
 * The warning for a social action (accepting or sending a friend / follow / connect request, a
 * private message to someone on the class list, an endorsement): which rule, the policy clause,
 * for an incoming request from a pupil the policy's reporting advice as text to copy, and two
 * choices (don't, or do it anyway). Rendered by the content script inside a closed shadow root
 * (src/content/action-layer.ts), so the page cannot read it.
 *
 * It shows only rule text from the pack: never who matched, their role, or anything else from
 * the class list (threat model B1). Its text comes from the in-page catalogue (src/i18n/content.ts),
 * one whole sentence per action, in the language chosen on the options page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t } from '../i18n/content';
import type { ActionVerdictOut } from '../messaging/protocol';
import type { SocialAction } from '../rules/person-match';
import { placePanel, type Rect } from './placement';

export interface ActionWarningViewModel {
  action: SocialAction;
  verdict: ActionVerdictOut;
  /**
   * What the warning is about, in viewport coordinates: the request's whole card when the control
   * sits in a list of cards, else the control or the composer. The panel goes beside it.
   */
  anchor: Rect;
  /** Boxes the panel must leave uncovered if it can: the neighbouring cards of the same list. */
  avoid: Rect[];
  /** The click (or Send) was held. */
  held: boolean;
  /** Bumped each time the panel should take focus. */
  focusToken: number;
}

export interface ActionWarningActions {
  onCancel(e: MouseEvent | KeyboardEvent): void;
  onAnyway(e: MouseEvent): void;
  /** Copies the advice (the content script owns the clipboard call). */
  onCopy(e: MouseEvent, text: string): Promise<boolean>;
}

const PANEL_WIDTH = 360;
/** Until the panel has been measured once. */
const PANEL_HEIGHT_GUESS = 360;

export function ActionWarning({ vm, actions }: { vm: ActionWarningViewModel | null; actions: ActionWarningActions }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const [height, setHeight] = useState(PANEL_HEIGHT_GUESS);

  // Placed by its real height (the advice makes it taller): measured after each render, placed
  // again before the browser paints when the height changed.
  useLayoutEffect(() => {
    const h = panelRef.current?.offsetHeight;
    if (h && h !== height) setHeight(h);
  });

  // Focus moves into the panel only when something was held: a warning shown while the user is
  // still typing a message must not take the caret out of their composer.
  useEffect(() => {
    if (vm?.held) headingRef.current?.focus();
  }, [vm?.focusToken]);
  useEffect(() => setCopied('idle'), [vm?.verdict.advice]);

  if (!vm) return <div class="live" aria-live="polite" role="status" />;
  const a = vm.action;
  const lang = getLocale();
  const pos = placePanel(vm.anchor, vm.avoid, { w: PANEL_WIDTH, h: height }, globalThis.innerWidth || 1024, globalThis.innerHeight || 768);
  const summary = vm.held ? t(`action.${a}.held`) : t(`action.${a}.open`);
  const advice = vm.verdict.advice;

  return (
    <>
      <div class="live" aria-live="polite" role="status" lang={lang}>
        {t('action.live', { summary, title: vm.verdict.title })}
      </div>
      <div
        ref={panelRef}
        class={`panel sev-${vm.verdict.severity}`}
        role="alertdialog"
        aria-modal="false"
        aria-labelledby="sla-title"
        aria-describedby="sla-summary"
        lang={lang}
        style={{ left: `${pos.left}px`, top: `${pos.top}px`, width: `${PANEL_WIDTH}px` }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            actions.onCancel(e);
          }
        }}
      >
        <h2 id="sla-title" ref={headingRef} tabIndex={-1}>
          {t(`action.${a}.title`)}
        </h2>
        <p id="sla-summary" class="summary">
          {summary}
        </p>
        <p class="rule">{vm.verdict.title}</p>
        <p class="clause">{t('warning.policy', { clause: vm.verdict.clause })}</p>
        {advice && (
          <div class="advice">
            <p class="advice-head">{t('action.advice.head')}</p>
            <p class="advice-text" tabIndex={0}>
              {advice}
            </p>
            <button
              type="button"
              class="copy"
              onClick={async (e) => setCopied((await actions.onCopy(e, advice)) ? 'done' : 'failed')}
            >
              {t('action.advice.copy')}
            </button>
            <span class="copied" role="status">
              {copied === 'done' ? t('action.advice.copied') : copied === 'failed' ? t('action.advice.copyFailed') : ''}
            </span>
          </div>
        )}
        <div class="actions">
          <button type="button" class="edit" onClick={(e) => actions.onCancel(e)}>
            {t(`action.${a}.cancel`)}
          </button>
          <button type="button" class="anyway" onClick={(e) => actions.onAnyway(e)}>
            {t(`action.${a}.anyway`)}
          </button>
        </div>
        <p class="privacy">{t('warning.privacy')}</p>
      </div>
    </>
  );
}

export const ACTION_WARNING_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.panel { position: fixed; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  background: #fffbeb; border: 1px solid #d97706; border-left: 6px solid #d97706; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; pointer-events: auto;
  max-height: calc(100vh - 16px); overflow: auto; }
.panel.sev-high { background: #fef2f2; border-color: #b91c1c; }
.panel.sev-info { background: #eff6ff; border-color: #1d4ed8; }
h2 { font-size: 15px; margin: 0 0 4px; font-weight: 700; outline: none; }
h2:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
p { margin: 0 0 6px; }
.rule { font-weight: 600; color: #92400e; }
.sev-high .rule { color: #991b1b; }
.clause { font-size: 13px; color: #374151; }
.advice { margin: 8px 0; padding: 8px; background: #fff; border: 1px solid #d1d5db; border-radius: 6px; }
.advice-head { font-weight: 600; }
.advice-text { font-size: 13px; color: #111827; user-select: all; -webkit-user-select: all; max-height: 140px; overflow: auto; }
.copied { display: block; font-size: 12px; color: #065f46; min-height: 1em; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
button { font: inherit; font-weight: 600; border-radius: 6px; padding: 6px 12px; cursor: pointer; border: 1px solid #6b7280; background: #fff; color: #111827; }
button.edit { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.copy { margin-top: 6px; padding: 4px 10px; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.privacy { margin: 8px 0 0; font-size: 12px; color: #4b5563; }
`;
