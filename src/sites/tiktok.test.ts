// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tiktok, TIKTOK_POST_LABELS } from './tiktok';
import { key, pathOf, setBody } from '../../test/unit/site-dom';

const COMMENT = `
<div data-e2e="comment-input"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="combobox" id="c">
  <div data-contents="true"><div data-block="true"><span data-text="true" id="leaf">hi</span></div></div></div></div>
  <div data-e2e="comment-post" role="button" id="postc"><svg id="icon"></svg></div>
  <div data-e2e="post-comment" role="button" id="postc2">Post</div>
</div>
<div class="caption"><div contenteditable="true" id="cap" aria-label="Caption"></div><button id="pub" type="button">Postio</button><button id="other" type="button">Discard</button></div>`;

describe('tiktok adapter', () => {
  it.each([
    ['#leaf', 'c', 'comment'],
    ['#c', 'c', 'comment'],
    ['#cap', 'cap', 'post'],
  ])('editorFrom(%s) is #%s, surface %s', (sel, id, surface) => {
    setBody(COMMENT);
    const ed = tiktok.editorFrom(pathOf(sel));
    expect(ed?.id).toBe(id);
    expect(tiktok.surfaceOf(ed!)).toBe(surface);
  });

  it.each([
    ['#icon', 'postc'],
    ['#postc2', 'postc2'],
    ['#pub', 'pub'],
    ['#other', null],
  ])('submitControlFrom(%s) is %s', (sel, id) => {
    setBody(COMMENT);
    expect(tiktok.submitControlFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it('every language in the Post table finds the caption button', () => {
    for (const labels of Object.values(TIKTOK_POST_LABELS)) {
      for (const label of labels) {
        setBody(`<div><div contenteditable="true"></div><button id="b">${label.toUpperCase()}</button></div>`);
        expect(tiktok.submitControlFrom(pathOf('#b'))?.id, label).toBe('b');
      }
    }
  });

  it.each([
    ['#c', { key: 'Enter' }, true],
    ['#c', { key: 'Enter', shiftKey: true }, false],
    ['#cap', { key: 'Enter' }, false],
    ['#cap', { key: 'Enter', ctrlKey: true }, false],
  ])('keyboard submit in %s with %j: %s', (sel, init, want) => {
    setBody(COMMENT);
    expect(tiktok.isKeyboardSubmit(key(init), document.querySelector<HTMLElement>(sel)!)).toBe(want);
  });
});
