// @vitest-environment happy-dom
/**
 * The controller with editors and submit controls inside open shadow roots (LinkedIn's
 * #interop-outlet, Reddit's faceplate-* elements), and a submit that reaches the page as a click
 * followed by the form's own submit event. Events are marked trusted as a person's would be.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResponse } from '../messaging/protocol';
import { linkedin } from '../sites/linkedin';
import type { WarningActions } from '../ui/Warning';
import { Controller } from './controller';

const FINDING = { rule: 'pupil-name', start: 10, end: 21, severity: 'high', title: "Pupil's name", clause: '§5.4' };

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

let ac: AbortController;
function start(findingsFor: (text: string) => unknown[]) {
  ac = new AbortController();
  const checked: string[] = [];
  let actions: WarningActions | null = null;
  new Controller({
    adapter: linkedin,
    win: window,
    signal: ac.signal,
    debounceMs: 1,
    check: async (text) => {
      checked.push(text);
      return { ok: true, findings: findingsFor(text) } as CheckResponse;
    },
    mountLayer: (a) => {
      actions = a;
      return { update() {}, destroy() {} };
    },
  });
  return { checked, actions: () => actions };
}

async function typeInto(editor: HTMLElement, text: string): Promise<void> {
  editor.textContent = text;
  editor.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
  await new Promise((r) => setTimeout(r, 20));
}

function click(el: HTMLElement): MouseEvent {
  const e = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  el.dispatchEvent(e);
  return e;
}

afterEach(() => ac.abort());

describe('controller across open shadow roots', () => {
  it('a Send button inside a shadow root holds the light-DOM editor it sends (LinkedIn messaging)', async () => {
    document.body.innerHTML =
      '<div class="msg-overlay"><div class="msg-form__contenteditable" contenteditable="true" id="ed"></div><div id="interop-outlet"></div></div>';
    const root = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="actions"><button class="msg-form__send-button" id="send">Send</button></div>';
    const { checked } = start((t) => (t.includes('Evie Carter') ? [FINDING] : []));
    await typeInto(document.getElementById('ed')!, 'Well done Evie Carter');
    expect(checked).toEqual(['Well done Evie Carter']);
    expect(click(root.getElementById('send')!).defaultPrevented).toBe(true);
  });

  it('a Post button in the light DOM holds the editor the user is in, inside a shadow root below it', async () => {
    document.body.innerHTML = '<div role="dialog" id="d"><div id="host"></div><button id="post">Post</button></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea id="title"></textarea>';
    start((t) => (t.includes('Evie Carter') ? [FINDING] : []));
    const title = root.getElementById('title') as HTMLTextAreaElement;
    title.value = 'Well done Evie Carter';
    title.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
    await new Promise((r) => setTimeout(r, 20));
    expect(click(document.getElementById('post')!).defaultPrevented).toBe(true);
  });

  it('after "post anyway", the click and the form\'s submit event of the same gesture both pass; a later one is held', async () => {
    document.body.innerHTML =
      '<form class="msg-form" id="f"><div class="msg-form__contenteditable" contenteditable="true" id="ed"></div>' +
      '<button type="submit" class="msg-form__send-button" id="send">Send</button></form>';
    const { actions } = start((t) => (t.includes('Evie Carter') ? [FINDING] : []));
    await typeInto(document.getElementById('ed')!, 'Well done Evie Carter');
    expect(click(document.getElementById('send')!).defaultPrevented).toBe(true);
    await new Promise((r) => setTimeout(r, 320)); // the panel must be on screen before it counts
    actions()!.onPostAnyway(trusted(new MouseEvent('click')));
    expect(click(document.getElementById('send')!).defaultPrevented).toBe(false);
    const submit = trusted(new Event('submit', { bubbles: true, cancelable: true }));
    document.getElementById('f')!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(false);
    await new Promise((r) => setTimeout(r, 1_050));
    expect(click(document.getElementById('send')!).defaultPrevented).toBe(true);
  });
});
