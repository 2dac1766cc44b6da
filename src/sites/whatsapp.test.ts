// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { whatsapp, WHATSAPP_SEND_LABELS } from './whatsapp';
import { key, pathOf, setBody } from '../../test/unit/site-dom';

const PAGE = `
<div id="side"><div contenteditable="true" data-tab="3" id="search"><p id="sp">x</p></div></div>
<div id="main"><footer>
  <div contenteditable="true" role="textbox" data-tab="10" data-lexical-editor="true" id="ed"><p id="p"><span id="s">hi</span></p></div>
  <button aria-label="Envoyer" id="send"><span data-icon="wds-ic-send-filled" id="icon"></span></button>
  <button aria-label="Attach" id="attach"></button>
  <div role="button" id="unlabelled"><span data-icon="send" id="oldicon"></span></div>
</footer></div>`;

describe('whatsapp adapter', () => {
  it.each([
    ['#s', 'ed'],
    ['#ed', 'ed'],
    ['#sp', null],
    ['#search', null],
  ])('editorFrom(%s) is %s', (sel, id) => {
    setBody(PAGE);
    expect(whatsapp.editorFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it.each([
    ['#icon', 'send'],
    ['#send', 'send'],
    ['#oldicon', 'unlabelled'],
    ['#attach', null],
  ])('submitControlFrom(%s) is %s', (sel, id) => {
    setBody(PAGE);
    expect(whatsapp.submitControlFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it('every language in the Send table finds an icon-less Send button', () => {
    for (const label of Object.values(WHATSAPP_SEND_LABELS).flat()) {
      setBody(`<footer><div contenteditable="true"></div><button aria-label="${label}" id="b"></button></footer>`);
      expect(whatsapp.submitControlFrom(pathOf('#b'))?.id, label).toBe('b');
    }
  });

  it.each([
    [{ key: 'Enter' }, true],
    [{ key: 'Enter', shiftKey: true }, false],
    [{ key: 'Enter', isComposing: true }, false],
    [{ key: 'a' }, false],
  ])('keyboard %j sends: %s', (init, want) => {
    setBody(PAGE);
    const ed = document.querySelector<HTMLElement>('#ed')!;
    expect(whatsapp.isKeyboardSubmit(key(init), ed)).toBe(want);
    expect(whatsapp.surfaceOf(ed)).toBe('message');
  });
});
