// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { $, key, pathOf } from '../../test/unit/dom-path';
import { threads } from './threads';

// Markup after sites.md §7: Lexical composers with aria-placeholder; Post is a div[role=button]
// holding its text; a feed item's Reply icon button only opens the reply composer.
const FIXTURE = (post: string, replyTo: string) => `
  <div role="dialog"><div role="textbox" contenteditable="true" data-lexical-editor="true" id="new" aria-placeholder="What's new?"><p><span id="t">Hi</span></p></div>
    <div role="button" tabindex="0" id="post"><div>${post}</div></div></div>
  <div data-pressable-container="true"><div role="button" id="feed-reply"><svg aria-label="Reply"></svg></div>
    <div role="textbox" contenteditable="true" data-lexical-editor="true" id="reply" aria-placeholder="${replyTo} head_teacher..."><p><br></p></div></div>`;

describe('threads adapter', () => {
  beforeEach(() => {
    document.body.innerHTML = FIXTURE('Post', 'Reply to');
  });

  it('finds the Lexical composers; reply placeholders make a comment', () => {
    expect(threads.editorFrom(pathOf($(document, '#t')))?.id).toBe('new');
    expect(threads.surfaceOf($(document, '#new'))).toBe('post');
    expect(threads.surfaceOf($(document, '#reply'))).toBe('comment');
  });

  it('takes the Post control (text inside a nested div), not the feed Reply icon', () => {
    expect(threads.submitControlFrom(pathOf($(document, '#post div')))?.id).toBe('post');
    expect(threads.submitControlFrom(pathOf($(document, '#feed-reply svg')))).toBeNull();
  });

  it('localised labels: Welsh and Polish Post, Polish reply placeholder', () => {
    document.body.innerHTML = FIXTURE('Postio', 'Ateb i');
    expect(threads.submitControlFrom(pathOf($(document, '#post div')))?.id).toBe('post');
    expect(threads.surfaceOf($(document, '#reply'))).toBe('comment');
    document.body.innerHTML = FIXTURE('Opublikuj', 'Odpowiedz');
    expect(threads.submitControlFrom(pathOf($(document, '#post div')))?.id).toBe('post');
    expect(threads.surfaceOf($(document, '#reply'))).toBe('comment');
  });

  it('Ctrl/Cmd+Enter submits; Enter alone is a new line', () => {
    const ed = $(document, '#new');
    const table: Array<[KeyboardEventInit, boolean]> = [
      [{ key: 'Enter', ctrlKey: true }, true],
      [{ key: 'Enter', metaKey: true }, true],
      [{ key: 'Enter' }, false],
      [{ key: 'Enter', ctrlKey: true, isComposing: true }, false],
    ];
    for (const [init, want] of table) expect(threads.isKeyboardSubmit(key(init), ed)).toBe(want);
  });
});
