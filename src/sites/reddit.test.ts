// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { $, key, pathOf } from '../../test/unit/dom-path';
import { reddit } from './reddit';

// Markup after sites.md §10: shreddit-composer with a light-DOM Lexical textbox slotted into
// reddit-rte's open shadow root and a slotted submit button; the post title textarea inside
// faceplate-textarea-input's shadow root; a comment's "Reply" button that opens a composer.
function setup(comment: string): { rte: ShadowRoot; title: ShadowRoot } {
  document.body.innerHTML = `
    <shreddit-comment-action-row><button id="open-reply">Reply</button></shreddit-comment-action-row>
    <comment-composer-host><faceplate-form><form><shreddit-composer>
      <reddit-rte><div role="textbox" contenteditable="true" name="body" data-lexical-editor="true" slot="rte" id="body"><p><span id="s">hi</span></p></div></reddit-rte>
      <button type="submit" slot="submit-button" id="submit">${comment}</button>
      <button type="button" id="labelled"><span>${comment}</span></button>
    </shreddit-composer></form></faceplate-form></comment-composer-host>
    <r-post-composer-form><faceplate-textarea-input id="title-host"></faceplate-textarea-input></r-post-composer-form>`;
  const rte = $(document, 'reddit-rte').attachShadow({ mode: 'open', delegatesFocus: true });
  rte.innerHTML = '<div class="toolbar"></div><slot name="rte"></slot>';
  const title = $(document, '#title-host').attachShadow({ mode: 'open' });
  title.innerHTML = '<label>Title<textarea id="title" name="title"></textarea></label>';
  return { rte, title };
}

describe('reddit adapter', () => {
  let title: ShadowRoot;
  beforeEach(() => {
    ({ title } = setup('Comment'));
  });

  it('finds the slotted Lexical textbox (comment) and the shadow-root title textarea (post)', () => {
    const body = reddit.editorFrom(pathOf($(document, '#s')));
    expect(body?.id).toBe('body');
    expect(reddit.surfaceOf(body!)).toBe('comment');
    const t = reddit.editorFrom(pathOf($(title, '#title')));
    expect(t?.id).toBe('title');
    expect(reddit.surfaceOf(t!)).toBe('post');
  });

  it('the slot="submit-button" control and labelled controls in a composer submit; the action-row Reply does not', () => {
    expect(reddit.submitControlFrom(pathOf($(document, '#submit')))?.id).toBe('submit');
    expect(reddit.submitControlFrom(pathOf($(document, '#labelled span')))?.id).toBe('labelled');
    expect(reddit.submitControlFrom(pathOf($(document, '#open-reply')))).toBeNull();
  });

  it('localised labels: Welsh and Polish Comment', () => {
    setup('Sylw');
    expect(reddit.submitControlFrom(pathOf($(document, '#labelled span')))?.id).toBe('labelled');
    setup('Skomentuj');
    expect(reddit.submitControlFrom(pathOf($(document, '#labelled span')))?.id).toBe('labelled');
    setup('Kommentar!');
    expect(reddit.submitControlFrom(pathOf($(document, '#labelled span')))).toBeNull();
  });

  it('Ctrl/Cmd+Enter submits; Enter is a new line', () => {
    const ed = $(document, '#body');
    expect(reddit.isKeyboardSubmit(key({ key: 'Enter', ctrlKey: true }), ed)).toBe(true);
    expect(reddit.isKeyboardSubmit(key({ key: 'Enter' }), ed)).toBe(false);
  });
});
