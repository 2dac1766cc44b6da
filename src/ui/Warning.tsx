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
import { PANEL_CSS, WarningPanel } from './Panel';

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
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (vm?.panelOpen && vm.held) headingRef.current?.focus();
  }, [vm?.focusToken]);

  if (!vm || vm.items.length === 0) return <div class="live" aria-live="polite" role="status" />;

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
        // Beside the editor first, so the panel never covers the site's own Post button.
        <WarningPanel
          idPrefix="sl"
          severity={worst}
          role={vm.held ? 'alertdialog' : 'dialog'}
          lang={lang}
          title={t('warning.title.post')}
          summary={summary}
          anchor={vm.anchor}
          headingRef={headingRef}
          onEscape={(e) => actions.onClose(e)}
          edit={{ label: t(`warning.edit.${kind}`), onClick: (e) => actions.onEdit(e) }}
          anyway={vm.allowed ? undefined : { label: t('warning.anyway.post'), onClick: (e) => actions.onPostAnyway(e) }}
        >
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
        </WarningPanel>
      )}
    </>
  );
}

export const WARNING_CSS = `${PANEL_CSS}
.hl { position: fixed; pointer-events: none; border-bottom: 3px solid #c2410c; background: rgba(251, 191, 36, 0.28); border-radius: 2px; }
.hl-high { border-bottom-color: #b91c1c; background: rgba(248, 113, 113, 0.25); }
.hl-info { border-bottom-color: #1d4ed8; background: rgba(147, 197, 253, 0.25); }
.summary { margin: 0 0 8px; }
.items { list-style: none; margin: 0 0 10px; padding: 0; max-height: 260px; overflow: auto; }
.items li { padding: 6px 0; border-top: 1px solid rgba(0,0,0,.08); display: grid; gap: 2px; }
.words { font-weight: 700; }
`;
