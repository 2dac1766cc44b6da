/**
 * X (x.com, twitter.com). The composer is Draft.js with language-independent data-testids
 * (tweetTextarea_N, tweetButton / tweetButtonInline, dmComposer*); Ctrl/Cmd+Enter posts
 * (sites.md §3). Falls back to the generic adapter.
 *
 * Fixtures: test/fixtures/sites/src/x.tsx (home composer and reply box).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter, genericEditorFrom, genericSubmitFrom, genericSurfaceOf, plainEnter } from './generic';

export const x: SiteAdapter = {
  id: 'x',
  origins: ['https://x.com', 'https://twitter.com', 'https://mobile.x.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      const testid = el.getAttribute('data-testid') ?? '';
      if (testid.startsWith('tweetTextarea_') && el.getAttribute('role') === 'textbox') return el as HTMLElement;
      if (testid === 'dmComposerTextInput') return el as HTMLElement;
      if (el.classList.contains('public-DraftEditor-content')) return el as HTMLElement;
    }
    return genericEditorFrom(path);
  },
  surfaceOf(editor) {
    if (editor.getAttribute('data-testid') === 'dmComposerTextInput') return 'message';
    if (editor.closest('[data-testid="reply"], [aria-label*="Reply" i]')) return 'comment';
    return genericSurfaceOf(editor);
  },
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      const testid = el.getAttribute('data-testid') ?? '';
      if (testid.startsWith('tweetButton') || testid === 'dmComposerSendButton') return el as HTMLElement;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit(e, editor) {
    if (editor.getAttribute('data-testid') === 'dmComposerTextInput') return plainEnter(e);
    return ctrlEnter(e);
  },
};
