// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GENERIC_SUBMIT_LABELS, genericEditorFrom, genericSubmitFrom, LANGS } from './generic';
import { isLimited } from './index';
import { pathOf, setBody } from '../../test/unit/site-dom';

describe('generic adapter', () => {
  it('covers every language in the submit table', () => {
    expect(Object.keys(GENERIC_SUBMIT_LABELS).sort()).toEqual([...LANGS].sort());
    for (const label of Object.values(GENERIC_SUBMIT_LABELS).flat()) {
      setBody(`<div><div contenteditable="true"></div><div role="button" id="b"> ${label} </div></div>`);
      expect(genericSubmitFrom(pathOf('#b'))?.id, label).toBe('b');
    }
  });

  it.each([
    ['<div role="button" id="b">Like</div>', null],
    ['<div role="button" id="b">Post a photo of yourself</div>', null],
    ['<form><button type="submit" id="b">Go</button></form>', 'b'],
    ['<button id="b">Go</button>', null],
    ['<form><button type="button" id="b">Go</button></form>', null],
    ['<div role="button" aria-label="Wyślij" id="b"><svg></svg></div>', 'b'],
  ])('submitControlFrom %s is %s', (html, id) => {
    setBody(html);
    expect(genericSubmitFrom(pathOf('#b'))?.id ?? null).toBe(id);
  });

  it.each([
    ['<textarea id="e"></textarea>', 'e'],
    ['<input type="password" id="e">', null],
    ['<input type="search" id="e">', null],
    ['<div contenteditable="true" id="e"><p id="in">x</p></div>', 'e'],
    ['<div contenteditable="false" id="e"></div>', null],
  ])('editorFrom %s is %s', (html, id) => {
    setBody(html);
    expect(genericEditorFrom(pathOf('#e'))?.id ?? null).toBe(id);
  });
});

describe('limited protection', () => {
  it.each([
    ['https://x.com', '<div data-testid="tweetTextarea_0" role="textbox" contenteditable="true" id="e"></div>', false],
    ['https://x.com', '<div class="public-DraftEditor-content" contenteditable="true" id="e"></div>', false],
    ['https://x.com', '<div data-testid="postComposer_0" role="textbox" contenteditable="true" id="e"></div>', true],
    ['https://www.facebook.com', '<div data-lexical-editor="true" contenteditable="true" id="e"></div>', false],
    ['https://www.facebook.com', '<textarea id="e"></textarea>', true],
    ['https://m.facebook.com', '<textarea id="e"></textarea>', false],
    ['https://bsky.app', '<div class="ProseMirror" contenteditable="true" id="e"></div>', false],
    ['https://bsky.app', '<div contenteditable="true" id="e"></div>', true],
    ['https://www.tiktok.com', '<div data-e2e="comment-input"><div contenteditable="true" id="e"></div></div>', false],
    ['https://web.whatsapp.com', '<div id="main"><footer><div contenteditable="true" id="e"></div></footer></div>', false],
    ['https://mastodon.example', '<textarea id="e"></textarea>', false],
    // Profile fields the adapters know by their label tables, and X's bio and newer DM composers.
    ['https://www.facebook.com', '<form><input aria-label="Company" id="e"></form>', false],
    ['https://www.facebook.com', '<form><input aria-label="Search Facebook" id="e"></form>', true],
    ['https://x.com', '<textarea name="description" id="e"></textarea>', false],
    ['https://x.com', '<div data-testid="chatComposerTextInput" contenteditable="true" id="e"></div>', false],
    ['https://www.linkedin.com', '<div role="dialog" aria-label="Write a recommendation"><textarea aria-label="Recommendation" id="e"></textarea></div>', false],
  ])('%s %s → limited %s', (origin, html, want) => {
    setBody(html);
    expect(isLimited(origin, document.querySelector('#e')!)).toBe(want);
  });
});
