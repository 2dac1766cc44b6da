// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { $, key, pathOf } from '../../test/unit/dom-path';
import { youtube } from './youtube';

// Markup after sites.md §11: ytd-commentbox with div#contenteditable-root inside
// yt-formatted-string#contenteditable-textarea, submit in ytd-button-renderer#submit-button;
// each comment's own "Reply" button (opens a reply box) is outside any commentbox.
const FIXTURE = (comment: string, addLabel: string) => `
  <ytd-comment-simplebox-renderer><ytd-commentbox>
    <yt-formatted-string id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" aria-label="${addLabel}"><span id="t">hi</span></div></yt-formatted-string>
    <div id="buttons"><ytd-button-renderer id="cancel-button"><button aria-label="Cancel">Cancel</button></ytd-button-renderer>
      <ytd-button-renderer id="submit-button"><button aria-label="${comment}" id="submit"><div>${comment}</div></button></ytd-button-renderer>
      <button id="labelled" aria-label="${comment}">${comment}</button></div>
  </ytd-commentbox></ytd-comment-simplebox-renderer>
  <ytd-comment-thread-renderer><ytd-button-renderer id="reply-button-end"><button aria-label="Reply" id="open-reply">Reply</button></ytd-button-renderer></ytd-comment-thread-renderer>`;

describe('youtube adapter', () => {
  beforeEach(() => {
    document.body.innerHTML = FIXTURE('Comment', 'Add a comment...');
  });

  it('finds #contenteditable-root as a comment editor', () => {
    const ed = youtube.editorFrom(pathOf($(document, '#t')));
    expect(ed?.id).toBe('contenteditable-root');
    expect(youtube.surfaceOf(ed!)).toBe('comment');
  });

  it("the channel's post composer (the same comment box inside ytd-backstage-post-dialog-renderer) is a post", () => {
    document.body.innerHTML = `<ytd-backstage-post-dialog-renderer>${FIXTURE('Post', 'What is on your mind?')}</ytd-backstage-post-dialog-renderer>`;
    const ed = youtube.editorFrom(pathOf($(document, '#t')));
    expect(youtube.surfaceOf(ed!)).toBe('post');
  });

  it('submit: the #submit-button button and labelled controls in a commentbox; not Cancel, not a comment\'s Reply', () => {
    expect(youtube.submitControlFrom(pathOf($(document, '#submit div')))?.id).toBe('submit');
    expect(youtube.submitControlFrom(pathOf($(document, '#labelled')))?.id).toBe('labelled');
    expect(youtube.submitControlFrom(pathOf($(document, '#cancel-button button')))).toBeNull();
    expect(youtube.submitControlFrom(pathOf($(document, '#open-reply')))).toBeNull();
  });

  it('localised labels: Welsh and Polish', () => {
    document.body.innerHTML = FIXTURE('Sylw', 'Ychwanegu sylw...');
    expect(youtube.submitControlFrom(pathOf($(document, '#labelled')))?.id).toBe('labelled');
    document.body.innerHTML = FIXTURE('Skomentuj', 'Dodaj komentarz...');
    expect(youtube.submitControlFrom(pathOf($(document, '#labelled')))?.id).toBe('labelled');
  });

  it('Ctrl/Cmd+Enter submits; Enter is a new line', () => {
    const ed = $(document, '#contenteditable-root');
    expect(youtube.isKeyboardSubmit(key({ key: 'Enter', ctrlKey: true }), ed)).toBe(true);
    expect(youtube.isKeyboardSubmit(key({ key: 'Enter' }), ed)).toBe(false);
  });
});
