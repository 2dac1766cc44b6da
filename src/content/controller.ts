/**
 * The content script's controller: watches the user's own (trusted) input in editors, asks the
 * background to check the text, shows the warning, and holds a submit (click or key) while a
 * finding stands. Untrusted side: it never sees the class list or the pack, only findings.
 *
 * Rules it keeps:
 *  - Only trusted events start checks or count as submits (a page typing names programmatically
 *    gets nothing; threat model B1).
 *  - It never changes what the user wrote (invariant 4): no markup goes into the editor, and a
 *    held submit is held by cancelling the event, not by editing.
 *  - "Post anyway" lets the next submit of the same text through; it does not replay it.
 *  - When a submit happens before the text was checked, the submit is held, the text is checked,
 *    and only a clean result replays it (untrusted replays pass our own listeners untouched).
 */
import type { Finding } from '../engine/types';
import type { CheckResponse } from '../messaging/protocol';
import { accountForMessage, type Audience, type PostingAs, type SiteAdapter, type Surface } from '../sites/types';
import type { Rect } from '../ui/placement';
import type { Box, WarningActions, WarningViewModel } from '../ui/Warning';
import type { Layer } from './layer';
import { readEditor, rangeFor } from './read-text';

export interface ControllerDeps {
  adapter: SiteAdapter;
  win: Window;
  check(text: string, surface: Surface, audience?: Audience, extra?: CheckExtra): Promise<CheckResponse>;
  mountLayer(actions: WarningActions): Layer;
  signal: AbortSignal;
  /** Debounce after the last keystroke before checking. */
  debounceMs?: number;
  /** Attached photos and videos (src/content/attachments.ts): a post waits for them too. */
  images?: ImageHold;
}

/** Sent with a text check when known (official-account): who is posting, and whether media is attached. */
export interface CheckExtra {
  account?: PostingAs;
  hasMedia?: boolean;
}

/**
 * What the controller needs from the attachment checks. A post is held while an image finding
 * stands ('finding': the image warning opens) or a check is still running ('checking': the post
 * waits, the chip says so, and when the check ends the post goes on by itself if nothing was
 * found; if it takes longer than `whenChecked`'s limit the post goes too: warn, don't police).
 */
export interface ImageHold {
  /** Attachments are per composer (`editor`); those whose composer is unknown count for every one. */
  block(editor: HTMLElement): 'checking' | 'finding' | null;
  whenChecked(editor: HTMLElement): Promise<void>;
  showHeld(): void;
  showWaiting(): void;
  /** The submit was let through: the attachments went with it. */
  posted(editor: HTMLElement): void;
  /** Whether a photo or video is attached to this composer (official-account). */
  has?(editor: HTMLElement): boolean;
  /** The text warning appeared, moved or went: the image warning is placed again, clear of it. */
  follow?(): void;
}

interface EditorState {
  checkedText: string | null;
  /** Whether media was attached when `checkedText` was checked (a new photo means a new check). */
  checkedMedia: boolean;
  findings: Finding[];
  pending: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  allowText: string | null;
  allowUntil: number;
  panelOpen: boolean;
  held: boolean;
}

const ALLOW_MS = 60_000;
const EDITOR_CANDIDATES =
  '[data-lexical-editor="true"], [contenteditable="true"], [contenteditable=""], [role="textbox"], textarea, input[type="text"], input:not([type])';
/** How long one allowed submit may take to arrive as click/key + form submit. */
const SUBMIT_GESTURE_MS = 1_000;
const NOUNS: Record<Surface, string> = { post: 'post', comment: 'comment', message: 'message', profile: 'profile', reference: 'recommendation', 'wiki-edit': 'post', other: 'post' };

export class Controller {
  private readonly states = new WeakMap<HTMLElement, EditorState>();
  private current: HTMLElement | null = null;
  private layer: Layer | null = null;
  private focusToken = 0;
  private shownAt = 0;
  private panelVisible = false;
  /** Where the caret was in the current editor, so "Edit" can put the user back there. */
  private savedRange: Range | null = null;
  /** Last real key press, paste or drop: `input` events from execCommand are trusted too. */
  private lastGesture = 0;
  private readonly debounceMs: number;

  constructor(private readonly deps: ControllerDeps) {
    this.debounceMs = deps.debounceMs ?? 150;
    const { win, signal } = deps;
    const opts = { capture: true, signal } as const;
    // Window capture runs before React's root listeners and the editors' own root listeners.
    for (const type of ['keydown', 'beforeinput', 'input', 'paste', 'drop', 'cut', 'compositionend'] as const) {
      win.addEventListener(type, (e) => this.onEdit(e), opts);
    }
    win.addEventListener('keydown', (e) => this.onKeydown(e), opts);
    win.addEventListener('click', (e) => this.onClick(e), opts);
    win.addEventListener('submit', (e) => this.onFormSubmit(e), opts);
    win.addEventListener('focusin', (e) => this.onFocus(e), opts);
    win.document.addEventListener('selectionchange', () => this.saveSelection(), { signal });
    win.addEventListener('scroll', () => this.render(), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.render(), { passive: true, signal });
    signal.addEventListener('abort', () => this.layer?.destroy());
  }

  /**
   * The composer an attachment goes with: the editor a paste or drop went into, else the editor
   * nearest the element (a file input sits in its composer's toolbar), else the one the user is in.
   */
  composerFor(target: Element): HTMLElement | null {
    const direct = this.deps.adapter.editorFrom([target]);
    if (direct) return direct;
    for (let scope: Element | null = parentAcrossShadow(target); scope; scope = parentAcrossShadow(scope)) {
      const found = this.editorWithin(scope);
      if (found) return found;
      if (scope === target.ownerDocument.body) break;
    }
    return this.currentEditor();
  }

  /**
   * Where the image warning should not go, for an attachment of `composer` (or of the editor the
   * user is in): the editor (anchor), the site's own send / post controls that submit it (what a
   * click there would send, as the adapter sees it) and the other controls beside them (the
   * composer's toolbar). Viewport px; null when no editor is on screen.
   */
  composerBoxes(composer: HTMLElement | null): { anchor: Rect; avoid: Rect[] } | null {
    const editor = composer?.isConnected ? composer : this.currentEditor();
    if (!editor) return null;
    const anchor = rectOf(editor);
    if (anchor.w <= 0 || anchor.h <= 0) return null;
    const avoid = this.composerControlsOf(editor)
      .map(rectOf)
      .filter((r) => r.w > 0 && r.h > 0);
    // Nor over the text warning's panel, when it shows (both can be about one post).
    const text = this.panelVisible ? this.layer?.panelBox?.() : null;
    if (text) avoid.push(text);
    return { anchor, avoid };
  }

  private readonly sendControls = new WeakMap<HTMLElement, { controls: HTMLElement[]; at: number }>();

  /**
   * The controls that submit `editor` (first), then the other clickable elements of the same scope:
   * the nearest scope around the editor that holds a control submitting it. Kept while they stay in
   * the page (looked for again at most once a second when none was found: a site may show its Send
   * button only once there is something to send).
   */
  private composerControlsOf(editor: HTMLElement): HTMLElement[] {
    const cached = this.sendControls.get(editor);
    const now = Date.now();
    if (cached && (cached.controls.length ? cached.controls.every((c) => c.isConnected) : now - cached.at < 1000)) return cached.controls;
    const controls: HTMLElement[] = [];
    let depth = 0;
    for (let scope: Element | null = parentAcrossShadow(editor); scope && depth < 8 && !controls.length; scope = parentAcrossShadow(scope), depth++) {
      if (scope === editor.ownerDocument.body || scope === editor.ownerDocument.documentElement) break;
      const clickable = Array.from(scope.querySelectorAll<HTMLElement>('button, [role="button"], input[type="submit"]'));
      for (const el of clickable) {
        const path: EventTarget[] = [];
        for (let n: Element | null = el; n; n = parentAcrossShadow(n)) path.push(n);
        const control = this.deps.adapter.submitControlFrom(path);
        if (control && !controls.includes(control) && this.editorForControl(control) === editor) controls.push(control);
      }
      if (controls.length) for (const el of clickable) if (!controls.includes(el) && !containsAcrossShadow(el, editor) && !controls.some((c) => c.contains(el))) controls.push(el);
    }
    this.sendControls.set(editor, { controls, at: now });
    return controls;
  }

  /** What the composer of an attachment (or the editor the user is in) sends, when not a post. */
  attachmentNoun(composer: HTMLElement | null): 'comment' | 'message' | null {
    const editor = composer?.isConnected ? composer : this.currentEditor();
    if (!editor) return null;
    const surface = this.deps.adapter.surfaceOf(editor);
    return surface === 'comment' || surface === 'message' ? surface : null;
  }

  /** The editor the user is in (for the attachment checks' caption). */
  currentEditor(): HTMLElement | null {
    return this.current?.isConnected ? this.current : null;
  }

  private state(editor: HTMLElement): EditorState {
    let s = this.states.get(editor);
    if (!s) {
      s = { checkedText: null, checkedMedia: false, findings: [], pending: null, timer: undefined, allowText: null, allowUntil: 0, panelOpen: true, held: false };
      this.states.set(editor, s);
    }
    return s;
  }

  private path(e: Event): EventTarget[] {
    return e.composedPath();
  }

  private saveSelection(): void {
    const sel = this.current ? selectionFor(this.current, this.deps.win) : null;
    if (!this.current || !sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (this.current.contains(range.startContainer)) this.savedRange = range.cloneRange();
  }

  /** Focus the editor again with the caret where the user left it (never edits the text). */
  private returnToEditor(editor: HTMLElement): void {
    editor.focus();
    const range = this.savedRange;
    const sel = selectionFor(editor, this.deps.win);
    if (range && sel && editor.contains(range.startContainer) && editor.contains(range.endContainer)) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
  }

  private onFocus(e: Event): void {
    if (!e.isTrusted) return;
    const editor = this.deps.adapter.editorFrom(this.path(e));
    if (editor && editor !== this.current) {
      this.current = editor;
      this.render();
    }
  }

  private onEdit(e: Event): void {
    if (!e.isTrusted) return;
    if (e.type === 'keydown' && !isEditingKey(e as KeyboardEvent)) return;
    if (e.type === 'input' || e.type === 'beforeinput') {
      // A page can call document.execCommand('insertText') and get trusted input events without
      // the user doing anything: only count them right after a real gesture (anti-oracle, B1).
      if (Date.now() - this.lastGesture > 1000) return;
    } else {
      this.lastGesture = Date.now();
    }
    const editor = this.deps.adapter.editorFrom(this.path(e));
    if (!editor) return;
    this.current = editor;
    const s = this.state(editor);
    // The text is changing: old highlights would sit over the wrong words until the next result.
    s.held = false;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void this.runCheck(editor), this.debounceMs);
  }

  /** Checks the editor's current text; resolves when the state reflects it (or the check failed). */
  private runCheck(editor: HTMLElement): Promise<void> {
    const s = this.state(editor);
    clearTimeout(s.timer);
    const text = readEditor(editor).text;
    const media = this.hasMedia(editor);
    if (text === s.checkedText && media === s.checkedMedia) return s.pending ?? Promise.resolve();
    if (!text.trim()) {
      s.checkedText = text;
      s.checkedMedia = media;
      s.findings = [];
      this.render();
      return Promise.resolve();
    }
    const account = accountForMessage(this.deps.adapter.postingAs?.(editor));
    const extra: CheckExtra = { ...(account ? { account } : {}), ...(media ? { hasMedia: true } : {}) };
    const p = this.deps
      .check(text, this.deps.adapter.surfaceOf(editor), this.deps.adapter.audienceOf?.(editor) ?? undefined, extra)
      .then((res) => {
        if (!res.ok) return;
        // A newer edit may have happened while we waited: only keep a verdict for current text.
        if (readEditor(editor).text !== text) return;
        if (this.hasMedia(editor) !== media) return;
        const hadFindings = s.findings.length > 0;
        s.checkedText = text;
        s.checkedMedia = media;
        s.findings = res.findings;
        if (s.findings.length && !hadFindings) s.panelOpen = true;
      })
      .catch(() => {
        /* extension reloaded or worker unavailable: nothing to show */
      })
      .finally(() => {
        if (s.pending === p) s.pending = null;
        if (this.current === editor) this.render();
      });
    s.pending = p;
    return p;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    const editor = this.deps.adapter.editorFrom(this.path(e));
    if (!editor || !this.deps.adapter.isKeyboardSubmit(e, editor)) return;
    this.onSubmitAttempt([editor], e, () => {
      editor.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
          shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true, composed: true,
        } as KeyboardEventInit),
      );
    });
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const control = this.deps.adapter.submitControlFrom(this.path(e));
    if (!control) return;
    const editor = this.editorForControl(control);
    if (!editor) return;
    this.onSubmitAttempt(this.editorsSentWith(control, editor), e, () => control.click());
  }

  private onFormSubmit(e: Event): void {
    if (!e.isTrusted) return;
    const form = e.target as HTMLFormElement;
    const submitter = (e as SubmitEvent).submitter;
    if (submitter && this.deps.adapter.ignoresSubmit?.(submitter)) return;
    const editor = this.editorWithin(form);
    if (!editor) return;
    this.onSubmitAttempt(this.editorsSentWith(form, editor), e, () => form.requestSubmit());
  }

  /**
   * Every editor one submit sends: a form or dialog with several fields (a profile form's headline
   * and about, a recommendation's text and relationship) is checked field by field before it goes,
   * not only the field last typed in. Outside a form or dialog, the one editor the control sends.
   */
  private editorsSentWith(control: Element, editor: HTMLElement): HTMLElement[] {
    const scope = control.closest('form, [role="dialog"]');
    if (!scope || !containsAcrossShadow(scope, editor)) return [editor];
    const out = [editor];
    for (const el of scope.querySelectorAll<HTMLElement>(EDITOR_CANDIDATES)) {
      const found = this.deps.adapter.editorFrom([el]);
      if (found && !out.includes(found)) out.push(found);
    }
    return out;
  }

  /** The editor a submit control sends: the nearest scope around the control that holds one. */
  private editorForControl(control: HTMLElement): HTMLElement | null {
    for (let scope: Element | null = parentAcrossShadow(control); scope; scope = parentAcrossShadow(scope)) {
      const found = this.editorWithin(scope);
      if (found) return found;
      if (scope === control.ownerDocument.body) break;
    }
    return null;
  }

  private editorWithin(scope: Element): HTMLElement | null {
    // The editor the user is in may sit in an open shadow root below the scope (LinkedIn's
    // #interop-outlet): querySelectorAll does not see it, so try it first.
    if (this.current && this.current !== scope && containsAcrossShadow(scope, this.current)) return this.current;
    const candidates = scope.querySelectorAll<HTMLElement>(EDITOR_CANDIDATES);
    let first: HTMLElement | null = null;
    for (const el of candidates) {
      const editor = this.deps.adapter.editorFrom([el]);
      if (!editor) continue;
      if (editor === this.current) return editor;
      first ??= editor;
    }
    return first;
  }

  /**
   * A submit of `editors` (usually one; the first is the one the control belongs to). Attachments
   * first: held while a photo's finding stands, or while its check is still running (then decided
   * again when it answers). Then the text: held while any editor has a standing finding or has not
   * been checked in its current form; an unchecked one is checked first, and only a clean result for
   * all of them replays the submit.
   */
  private onSubmitAttempt(editors: HTMLElement[], e: Event, replay: () => void): void {
    const editor = editors[0]!;
    const images = this.deps.images;
    const block = images?.block(editor) ?? null;
    if (images && block === 'finding') {
      hold(e);
      images.showHeld();
      return;
    }
    if (images && block === 'checking') {
      // Pressed while an attachment is still being checked: wait for it, then decide again, as
      // for text submitted before its check answered.
      hold(e);
      images.showWaiting();
      void images.whenChecked(editor).then(() => {
        if (images.block(editor) === 'finding') return images.showHeld();
        this.textDecision(editors, null, editor, replay);
      });
      return;
    }
    this.textDecision(editors, e, editor, replay);
  }

  private letGo(editor: HTMLElement, replay: () => void): void {
    this.deps.images?.posted(editor);
    replay();
  }

  /**
   * The text's part of a submit decision. `e` is the submit event still in flight (held when
   * needed), or null when the submit was already held (waiting for an image): then a clean result
   * replays it.
   */
  private textDecision(editors: HTMLElement[], e: Event | null, editor: HTMLElement, replay: () => void): void {
    const now = Date.now();
    const items = editors
      .map((ed) => ({ editor: ed, s: this.state(ed), text: readEditor(ed).text }))
      .filter((i) => i.text.trim());
    const isAllowed = (i: (typeof items)[number]) => i.s.allowText === i.text && now < i.s.allowUntil;
    const open = items.filter((i) => !isAllowed(i));
    const current = (i: (typeof items)[number]) => i.s.checkedText === i.text && i.s.checkedMedia === this.hasMedia(i.editor);
    const flagged = open.find((i) => current(i) && i.s.findings.length > 0);
    if (flagged) {
      if (e) hold(e);
      this.current = flagged.editor;
      this.showHeld(flagged.s);
      return;
    }
    const unchecked = open.filter((i) => !current(i));
    if (unchecked.length === 0) {
      // One submit can reach us twice: a click (or Enter) and then the form's own trusted
      // `submit` event. Let the whole gesture through, then let the allowance lapse.
      for (const i of items) if (isAllowed(i)) i.s.allowUntil = Math.min(i.s.allowUntil, now + SUBMIT_GESTURE_MS);
      if (e) this.deps.images?.posted(editor);
      else this.letGo(editor, replay);
      return;
    }
    // Not checked yet (typed and submitted within the debounce): hold, check, then decide.
    if (e) hold(e);
    this.current = unchecked[0]!.editor;
    void Promise.all(unchecked.map((i) => this.runCheck(i.editor))).then(() => {
      // The user changed something meanwhile: they will submit again.
      if (unchecked.some((i) => readEditor(i.editor).text !== i.text)) return;
      const found = open.find((i) => current(i) && i.s.findings.length > 0);
      if (found) {
        this.current = found.editor;
        this.showHeld(found.s);
      }
      // Clean, or the check could not run (warn, don't police): let the submit go as the user meant.
      else this.letGo(editor, replay);
    });
  }

  private hasMedia(editor: HTMLElement): boolean {
    return this.deps.images?.has?.(editor) ?? false;
  }

  private showHeld(s: EditorState): void {
    s.held = true;
    s.panelOpen = true;
    this.focusToken++;
    this.render();
  }

  private readonly actions: WarningActions = {
    onEdit: (e) => {
      if (!e.isTrusted || !this.current) return;
      const s = this.state(this.current);
      s.panelOpen = false;
      s.held = false;
      this.render();
      this.returnToEditor(this.current);
    },
    onPostAnyway: (e) => {
      // Only a real click, on a panel that has been on screen long enough to be read.
      if (!e.isTrusted || !this.current || Date.now() - this.shownAt < 300) return;
      const s = this.state(this.current);
      s.allowText = s.checkedText;
      s.allowUntil = Date.now() + ALLOW_MS;
      this.render();
    },
    onClose: (e) => {
      if (!e.isTrusted || !this.current) return;
      const s = this.state(this.current);
      s.panelOpen = false;
      this.render();
      this.returnToEditor(this.current);
    },
  };

  private hide(): void {
    const was = this.panelVisible;
    this.panelVisible = false;
    this.layer?.update(null);
    if (was) this.deps.images?.follow?.();
  }

  private render(): void {
    const editor = this.current;
    const s = editor ? this.states.get(editor) : undefined;
    if (!editor || !s || !s.findings.length || !editor.isConnected) return this.hide();
    const read = readEditor(editor);
    // Stale until the pending check answers.
    if (read.text !== s.checkedText) return this.hide();
    const boxes: Box[] = [];
    const doc = editor.ownerDocument;
    for (const f of s.findings) {
      const range = rangeFor(read, f.start, f.end, doc);
      if (!range) continue;
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) boxes.push({ x: r.left, y: r.top, w: r.width, h: r.height, severity: f.severity });
      }
    }
    const a = editor.getBoundingClientRect();
    const vm: WarningViewModel = {
      items: s.findings.map((finding) => ({ finding, words: read.text.slice(finding.start, finding.end) })),
      boxes,
      anchor: { x: a.left, y: a.top, w: a.width, h: a.height },
      held: s.held,
      allowed: s.allowText !== null && s.allowText === s.checkedText && Date.now() < s.allowUntil,
      panelOpen: s.panelOpen,
      surfaceNoun: NOUNS[this.deps.adapter.surfaceOf(editor)],
      focusToken: this.focusToken,
    };
    this.layer ??= this.deps.mountLayer(this.actions);
    if (s.panelOpen && !this.panelVisible) this.shownAt = Date.now();
    this.panelVisible = s.panelOpen;
    this.layer.update(vm);
    if (s.panelOpen) this.deps.images?.follow?.();
  }
}

function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
}

/** The parent element, continuing from the top of a shadow tree to its host. */
function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

function containsAcrossShadow(scope: Element, node: Element): boolean {
  for (let n: Element | null = node; n; n = parentAcrossShadow(n)) if (n === scope) return true;
  return false;
}

/**
 * The selection that holds positions inside this editor. In Chromium, window.getSelection()
 * reports a selection inside a shadow tree retargeted to the host; ShadowRoot.getSelection()
 * (non-standard, Chromium) gives the real nodes. Light-DOM editors use the window's.
 */
function selectionFor(editor: HTMLElement, win: Window): Selection | null {
  const root = editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection();
  return win.getSelection();
}

function hold(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** Keys that change text (not arrows, modifiers, shortcuts like Ctrl+Enter). */
function isEditingKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return e.key === 'v' || e.key === 'x' || e.key === 'z' || e.key === 'y';
  return e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter';
}
