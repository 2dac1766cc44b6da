// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { $, key, pathOf } from '../../test/unit/dom-path';
import { instagram } from './instagram';

// Markup after sites.md §4: caption dialog (Lexical), comment form (textarea + div[role=button]
// "Post"), DM box (Lexical, aria-label "Message"), and a feed "Share" icon button with no label.
const FIXTURE = (post: string, share: string, send: string, comment: string) => `
  <div role="dialog"><div contenteditable="true" role="textbox" data-lexical-editor="true" id="caption" aria-label="Write a caption..."><p><span id="cap-text">Hi</span></p></div>
    <div role="button" tabindex="0" id="share">${share}</div></div>
  <article><div role="button" id="feed-share"><svg aria-label="Share"></svg></div>
    <form><textarea id="comment" aria-label="${comment}"></textarea><div role="button" id="post">${post}</div></form></article>
  <div><div contenteditable="true" role="textbox" data-lexical-editor="true" id="dm" aria-label="Message" spellcheck="false"><p><br></p></div>
    <div role="button" id="send">${send}</div></div>`;

describe('instagram adapter', () => {
  beforeEach(() => {
    document.body.innerHTML = FIXTURE('Post', 'Share', 'Send', 'Add a comment…');
  });

  it('finds the Lexical caption, the comment textarea and the DM editor, with their surfaces', () => {
    const cases: Array<[string, string, string]> = [
      ['#cap-text', 'caption', 'post'],
      ['#comment', 'comment', 'comment'],
      ['#dm', 'dm', 'message'],
    ];
    for (const [from, id, surface] of cases) {
      const editor = instagram.editorFrom(pathOf($(document, from)));
      expect(editor?.id).toBe(id);
      expect(instagram.surfaceOf(editor!)).toBe(surface);
    }
  });

  it('takes Post / Share / Send as submit controls, not the feed share icon', () => {
    for (const id of ['post', 'share', 'send']) {
      expect(instagram.submitControlFrom(pathOf($(document, `#${id}`)))?.id).toBe(id);
    }
    expect(instagram.submitControlFrom(pathOf($(document, '#feed-share svg')))).toBeNull();
    expect(instagram.submitControlFrom(pathOf($(document, '#comment')))).toBeNull();
  });

  it('localised labels: Polish and Welsh controls and comment placeholder', () => {
    document.body.innerHTML = FIXTURE('Opublikuj', 'Udostępnij', 'Wyślij', 'Dodaj komentarz…');
    for (const id of ['post', 'share', 'send']) expect(instagram.submitControlFrom(pathOf($(document, `#${id}`)))?.id).toBe(id);
    expect(instagram.surfaceOf($(document, '#comment'))).toBe('comment');
    document.body.innerHTML = FIXTURE('Postio', 'Rhannu', 'Anfon', 'Ychwanegu sylw…');
    for (const id of ['post', 'share', 'send']) expect(instagram.submitControlFrom(pathOf($(document, `#${id}`)))?.id).toBe(id);
    // A label from no table is not a submit control.
    document.body.innerHTML = FIXTURE('Posten!', 'x', 'y', 'z');
    expect(instagram.submitControlFrom(pathOf($(document, '#post')))).toBeNull();
  });

  it('Enter submits comments and DMs; in the caption Enter is a new line', () => {
    const table: Array<[string, KeyboardEventInit, boolean]> = [
      ['#comment', { key: 'Enter' }, true],
      ['#comment', { key: 'Enter', shiftKey: true }, false],
      ['#dm', { key: 'Enter' }, true],
      ['#dm', { key: 'Enter', isComposing: true }, false],
      ['#caption', { key: 'Enter' }, false],
      ['#caption', { key: 'a' }, false],
    ];
    for (const [sel, init, want] of table) expect([sel, instagram.isKeyboardSubmit(key(init), $(document, sel))]).toEqual([sel, want]);
  });
});
