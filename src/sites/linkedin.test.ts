// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { $, key, pathOf } from '../../test/unit/dom-path';
import { linkedin } from './linkedin';

// Markup after sites.md §5: the share composer (Quill .ql-editor) inside the open shadow root of
// div#interop-outlet; a TipTap comment box; a messaging form (plain contenteditable); a feed
// "Comment" button that only opens the comment box.
function setup(post: string, send: string): ShadowRoot {
  document.body.innerHTML = `
    <div id="interop-outlet" data-testid="interop-shadowdom"></div>
    <div class="feed-shared-update-v2"><button id="feed-comment" aria-label="${send === 'Send' ? 'Comment' : 'Skomentuj'}"><span>Comment</span></button>
      <div class="comments-comment-box"><div class="tiptap ProseMirror" contenteditable="true" role="textbox" id="comment"><p>x</p></div></div></div>
    <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" id="msg"><p id="m">hi</p></div>
      <button class="msg-form__send-button" type="submit" id="send-hook">Send</button></form>
    <div class="msg-overlay"><div contenteditable="true" role="textbox" aria-label="Write a message…" id="msg2"></div><div role="dialog"><button id="send-label">${send}</button></div></div>`;
  const root = $(document, '#interop-outlet').attachShadow({ mode: 'open' });
  root.innerHTML = `<div role="dialog" class="share-box"><div class="share-creation-state__text-editor">
      <div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content" id="share"><p id="p">Hello</p></div></div>
      <div class="share-box_actions"><button class="share-actions__primary-action" id="post-hook"><span>${post}</span></button>
      <button id="post-label"><span>${post}</span></button></div></div>`;
  return root;
}

describe('linkedin adapter', () => {
  let shadow: ShadowRoot;
  beforeEach(() => {
    shadow = setup('Post', 'Send');
  });

  it('finds editors by engine marker, inside the interop shadow root too, with their surfaces', () => {
    const share = linkedin.editorFrom(pathOf($(shadow, '#p')));
    expect(share?.id).toBe('share');
    expect(linkedin.surfaceOf(share!)).toBe('post');
    expect(linkedin.editorFrom(pathOf($(document, '#comment')))?.id).toBe('comment');
    expect(linkedin.surfaceOf($(document, '#comment'))).toBe('comment');
    expect(linkedin.editorFrom(pathOf($(document, '#m')))?.id).toBe('msg');
    expect(linkedin.surfaceOf($(document, '#msg'))).toBe('message');
    expect(linkedin.surfaceOf($(document, '#msg2'))).toBe('message');
  });

  it('submit controls: BEM hooks, labels inside a composer scope, not the feed Comment button', () => {
    expect(linkedin.submitControlFrom(pathOf($(shadow, '#post-hook span')))?.id).toBe('post-hook');
    expect(linkedin.submitControlFrom(pathOf($(shadow, '#post-label span')))?.id).toBe('post-label');
    expect(linkedin.submitControlFrom(pathOf($(document, '#send-hook')))?.id).toBe('send-hook');
    expect(linkedin.submitControlFrom(pathOf($(document, '#send-label')))?.id).toBe('send-label');
    expect(linkedin.submitControlFrom(pathOf($(document, '#feed-comment span')))).toBeNull();
  });

  it('localised labels: Welsh Post and Polish Send', () => {
    shadow = setup('Postio', 'Wyślij');
    expect(linkedin.submitControlFrom(pathOf($(shadow, '#post-label span')))?.id).toBe('post-label');
    expect(linkedin.submitControlFrom(pathOf($(document, '#send-label')))?.id).toBe('send-label');
    expect(linkedin.submitControlFrom(pathOf($(document, '#feed-comment span')))).toBeNull();
  });

  it('Enter sends a message; posts and comments need Ctrl/Cmd+Enter', () => {
    const table: Array<[HTMLElement, KeyboardEventInit, boolean]> = [
      [$(document, '#msg'), { key: 'Enter' }, true],
      [$(document, '#msg'), { key: 'Enter', shiftKey: true }, false],
      [$(shadow, '#share'), { key: 'Enter' }, false],
      [$(shadow, '#share'), { key: 'Enter', ctrlKey: true }, true],
      [$(document, '#comment'), { key: 'Enter', metaKey: true }, true],
    ];
    for (const [ed, init, want] of table) expect(linkedin.isKeyboardSubmit(key(init), ed)).toBe(want);
  });
});
