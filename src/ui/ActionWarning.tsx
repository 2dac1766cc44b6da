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
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t } from '../i18n/content';
import type { ActionVerdictOut } from '../messaging/protocol';
import type { SocialAction } from '../rules/person-match';
import { PANEL_CSS, WarningPanel } from './Panel';
import type { Rect } from './placement';

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

export function ActionWarning({ vm, actions }: { vm: ActionWarningViewModel | null; actions: ActionWarningActions }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');

  // Focus moves into the panel only when something was held: a warning shown while the user is
  // still typing a message must not take the caret out of their composer.
  useEffect(() => {
    if (vm?.held) headingRef.current?.focus();
  }, [vm?.focusToken]);
  useEffect(() => setCopied('idle'), [vm?.verdict.advice]);

  if (!vm) return <div class="live" aria-live="polite" role="status" />;
  const a = vm.action;
  const lang = getLocale();
  const summary = vm.held ? t(`action.${a}.held`) : t(`action.${a}.open`);
  const advice = vm.verdict.advice;

  return (
    <>
      <div class="live" aria-live="polite" role="status" lang={lang}>
        {t('action.live', { summary, title: vm.verdict.title })}
      </div>
      <WarningPanel
        idPrefix="sla"
        severity={vm.verdict.severity}
        role="alertdialog"
        lang={lang}
        title={t(`action.${a}.title`)}
        summary={summary}
        anchor={vm.anchor}
        avoid={vm.avoid}
        headingRef={headingRef}
        onEscape={(e) => actions.onCancel(e)}
        edit={{ label: t(`action.${a}.cancel`), onClick: (e) => actions.onCancel(e) }}
        anyway={{ label: t(`action.${a}.anyway`), onClick: (e) => actions.onAnyway(e) }}
      >
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
      </WarningPanel>
    </>
  );
}

export const ACTION_WARNING_CSS = `${PANEL_CSS}
p { margin: 0 0 6px; }
.advice { margin: 8px 0; padding: 8px; background: #fff; border: 1px solid #d1d5db; border-radius: 6px; }
.advice-head { font-weight: 600; }
.advice-text { font-size: 13px; color: #111827; user-select: all; -webkit-user-select: all; max-height: 140px; overflow: auto; }
.copied { display: block; font-size: 12px; color: #065f46; min-height: 1em; }
.actions { margin-top: 8px; }
button.copy { margin-top: 6px; padding: 4px 10px; }
`;
