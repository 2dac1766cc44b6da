/**
 * The content script's social-action controller: holds a trusted click on a friend / follow /
 * connect / accept / endorse control while the background checks who it concerns, and holds Send
 * in a private-message composer whose recipient is on the class list. Untrusted side: it sends
 * what the page shows about the other person (display name, handle) and gets back a verdict
 * (rule, severity, title, clause, maybe the policy's reporting advice) — never who matched.
 *
 * Rules it keeps (the same as the text controller, src/content/controller.ts):
 *  - Only trusted events count: a page clicking its own Follow button or focusing a composer
 *    programmatically gets no check and no warning (threat model B1: no oracle).
 *  - The click is held in the capture phase, before the site's own handlers, by cancelling it.
 *  - A clean verdict (or a check that cannot run: warn, don't police) re-dispatches the click
 *    once, as the user meant it. "… anyway" re-dispatches it once too.
 *  - A private message is not re-dispatched: "Send anyway" lets the user's next Send through, so
 *    the message text still goes through the text checks on its way.
 *
 * Its listeners are registered before the text controller's, so a held Send stops here first.
 */
import type { ActionVerdictOut, CheckActionResponse } from '../messaging/protocol';
import type { PersonRef, SocialAction } from '../rules/person-match';
import type { SocialHit } from '../sites/social';
import type { SiteAdapter } from '../sites/types';
import type { ActionWarningActions, ActionWarningViewModel } from '../ui/ActionWarning';
import type { Rect } from '../ui/placement';
import type { ActionLayer } from './action-layer';

export interface SocialDeps {
  adapter: SiteAdapter;
  win: Window;
  checkAction(action: SocialAction, person: PersonRef | undefined): Promise<CheckActionResponse>;
  mountLayer(actions: ActionWarningActions): ActionLayer;
  signal: AbortSignal;
}

type Shown =
  | { kind: 'click'; hit: SocialHit; verdict: ActionVerdictOut }
  | { kind: 'message'; editor: HTMLElement; key: string; verdict: ActionVerdictOut; held: boolean };

/** How long the panel must have been on screen before "… anyway" counts (no click-through). */
const READ_MS = 300;

export class SocialController {
  private layer: ActionLayer | null = null;
  private shown: Shown | null = null;
  private shownAt = 0;
  private focusToken = 0;
  /** Controls with a check in flight: a double click does not ask twice or replay twice. */
  private readonly inFlight = new WeakSet<HTMLElement>();
  /** Private-message recipients already checked (key: what the page showed), and their verdict. */
  private readonly recipients = new Map<string, ActionVerdictOut | null | Promise<ActionVerdictOut | null>>();
  /** Recipients the user chose to write to anyway (for this page's life). */
  private readonly allowed = new Set<string>();

  constructor(private readonly deps: SocialDeps) {
    const { win, signal } = deps;
    const opts = { capture: true, signal } as const;
    win.addEventListener('click', (e) => this.onClick(e), opts);
    win.addEventListener('keydown', (e) => this.onKeydown(e), opts);
    // Pasting or dropping text into a message is writing too (never focus alone: a page can focus
    // a composer itself, and the warning appearing would tell it who is on the class list).
    for (const type of ['paste', 'drop'] as const) win.addEventListener(type, (e) => this.onWrite(e), opts);
    win.addEventListener('scroll', () => this.render(), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.render(), { passive: true, signal });
    signal.addEventListener('abort', () => this.layer?.destroy());
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    const hit = this.deps.adapter.socialActionFrom?.(path);
    if (hit) return this.onAction(e, hit);
    const control = this.deps.adapter.submitControlFrom(path);
    const editor = control && this.messageEditorFor(control);
    if (editor) this.onMessageSend(e, editor);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    const editor = this.deps.adapter.editorFrom(e.composedPath());
    if (!editor || this.deps.adapter.surfaceOf(editor) !== 'message') return;
    if (this.deps.adapter.isKeyboardSubmit(e, editor)) return this.onMessageSend(e, editor);
    // The user is writing: find out who to, once per recipient.
    void this.recipientVerdict(editor);
  }

  private onWrite(e: Event): void {
    if (!e.isTrusted) return;
    const editor = this.deps.adapter.editorFrom(e.composedPath());
    if (editor && this.deps.adapter.surfaceOf(editor) === 'message') void this.recipientVerdict(editor);
  }

  // ---- friend / follow / connect / accept / endorse --------------------------------------------

  private onAction(e: Event, hit: SocialHit): void {
    hold(e);
    if (this.inFlight.has(hit.control)) return;
    this.inFlight.add(hit.control);
    this.deps
      .checkAction(hit.action, hit.person)
      .then((res) => {
        if (res.ok && res.verdict) this.show({ kind: 'click', hit, verdict: res.verdict });
        else replay(hit.control);
      })
      .catch(() => replay(hit.control))
      .finally(() => this.inFlight.delete(hit.control));
  }

  // ---- private messages -------------------------------------------------------------------------

  /** The message composer a send control belongs to: one inside the same form / dialog / section. */
  private messageEditorFor(control: HTMLElement): HTMLElement | null {
    const scope = control.closest('form, [role="dialog"], [role="main"], section, main, .msg-form');
    if (!scope) return null;
    for (const el of scope.querySelectorAll<HTMLElement>('[contenteditable="true"], [contenteditable=""], [role="textbox"], textarea')) {
      const editor = this.deps.adapter.editorFrom([el]);
      if (editor && this.deps.adapter.surfaceOf(editor) === 'message') return editor;
    }
    return null;
  }

  private recipientKey(editor: HTMLElement): { key: string; person: PersonRef } | null {
    const person = this.deps.adapter.recipientOf?.(editor);
    if (!person || (!person.displayName && !person.handle)) return null;
    return { key: `${person.displayName ?? ''}\u0000${person.handle ?? ''}`, person };
  }

  /** Checks the recipient once; shows the (not yet held) warning when they are on the list. */
  private recipientVerdict(editor: HTMLElement): Promise<ActionVerdictOut | null> {
    const r = this.recipientKey(editor);
    if (!r) return Promise.resolve(null);
    const known = this.recipients.get(r.key);
    if (known !== undefined) return Promise.resolve(known);
    const p = this.deps
      .checkAction('message', r.person)
      .then((res) => (res.ok ? res.verdict : null))
      .catch(() => null)
      .then((verdict) => {
        this.recipients.set(r.key, verdict);
        if (verdict && !this.allowed.has(r.key)) this.show({ kind: 'message', editor, key: r.key, verdict, held: false });
        return verdict;
      });
    this.recipients.set(r.key, p);
    return p;
  }

  private onMessageSend(e: Event, editor: HTMLElement): void {
    const r = this.recipientKey(editor);
    if (!r || this.allowed.has(r.key)) return;
    const known = this.recipients.get(r.key);
    if (known === null) return;
    if (known === undefined || known instanceof Promise) {
      // Sent before the recipient was checked: hold it; the user sends again once they know.
      hold(e);
      void this.recipientVerdict(editor).then((verdict) => {
        if (verdict) this.show({ kind: 'message', editor, key: r.key, verdict, held: true });
      });
      return;
    }
    hold(e);
    this.show({ kind: 'message', editor, key: r.key, verdict: known, held: true });
  }

  // ---- the warning ------------------------------------------------------------------------------

  private show(s: Shown): void {
    if (!this.shown) this.shownAt = Date.now();
    this.shown = s;
    if (s.kind === 'click' || s.held) this.focusToken++;
    this.render();
  }

  private hide(): void {
    this.shown = null;
    this.layer?.update(null);
  }

  private readonly actions: ActionWarningActions = {
    onCancel: (e) => {
      if (!e.isTrusted || !this.shown) return;
      const s = this.shown;
      this.hide();
      if (s.kind === 'message') s.editor.focus();
    },
    onAnyway: (e) => {
      if (!e.isTrusted || !this.shown || Date.now() - this.shownAt < READ_MS) return;
      const s = this.shown;
      this.hide();
      if (s.kind === 'click') {
        replay(s.hit.control);
      } else {
        this.allowed.add(s.key);
        s.editor.focus();
      }
    },
    onCopy: async (e, text) => {
      if (!e.isTrusted) return false;
      try {
        await this.deps.win.navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
  };

  private render(): void {
    const s = this.shown;
    if (!s) return;
    const target = s.kind === 'click' ? s.hit.control : s.editor;
    if (!target.isConnected) return this.hide();
    // In a list of requests the warning goes beside the request's whole card, clear of the cards
    // next to it (their buttons must stay visible and clickable); elsewhere beside the control.
    const list = s.kind === 'click' ? requestCard(s.hit.control) : null;
    const { innerWidth: vw, innerHeight: vh } = this.deps.win;
    const avoid = (list?.neighbours ?? []).map(rectOf).filter((r) => r.w > 0 && r.h > 0 && r.x < vw && r.y < vh && r.x + r.w > 0 && r.y + r.h > 0);
    const action: SocialAction = s.kind === 'click' ? s.hit.action : 'message';
    const vm: ActionWarningViewModel = {
      action,
      verdict: s.verdict,
      anchor: rectOf(list?.card ?? target),
      avoid,
      held: s.kind === 'click' || s.held,
      focusToken: this.focusToken,
    };
    this.layer ??= this.deps.mountLayer(this.actions);
    this.layer.update(vm);
  }
}

const rectOf = (el: Element): Rect => {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
};

const BUTTONS = 'button, [role="button"]';
const keyOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase() || (el.getAttribute('aria-label') ?? '').trim().toLowerCase();

/**
 * The card a request control belongs to, and the cards next to it. Walking up from the control,
 * the card is the last ancestor before the one that also holds another control with the same text
 * (another card's "Confirm" / "Accept" / "Follow": that ancestor is the list); the neighbours are
 * the list's other children. Null when the control is in no such list (a profile's own button).
 * Site-independent: request lists on every site are cards of the same controls.
 */
export function requestCard(control: HTMLElement, maxUp = 8): { card: Element; neighbours: Element[] } | null {
  const key = keyOf(control);
  if (!key) return null;
  let node: Element = control;
  for (let i = 0; i < maxUp; i++) {
    const parent: Element | null = node.parentElement;
    if (!parent || parent === control.ownerDocument.body || parent === control.ownerDocument.documentElement) return null;
    const another = [...parent.querySelectorAll(BUTTONS)].some((b) => b !== control && !b.contains(control) && keyOf(b) === key);
    if (another) return node === control ? null : { card: node, neighbours: [...parent.children].filter((c) => c !== node) };
    node = parent;
  }
  return null;
}

function hold(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** The user's click, once, as they meant it (untrusted: our own listeners let it pass). */
function replay(control: HTMLElement): void {
  if (control.isConnected) control.click();
}
