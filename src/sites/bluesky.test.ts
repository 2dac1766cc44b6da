// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bluesky, BLUESKY_POST_LABELS, BLUESKY_REPLY_LABELS } from './bluesky';
import { key, pathOf, setBody } from '../../test/unit/site-dom';

const dialog = (label: string, testid = 'composerPublishBtn') => `
<div role="dialog"><div data-testid="composePostView">
  <button data-testid="${testid}" aria-label="${label}" id="pub"><div id="pubtext">Post</div></button>
  <div class="tiptap ProseMirror" contenteditable="true" role="textbox" id="ed"><p id="p">hello</p></div>
  <button aria-label="Add media" id="media"></button>
</div></div>`;

describe('bluesky adapter', () => {
  it.each([
    [dialog('Publish post'), 'post'],
    [dialog('Publish reply'), 'comment'],
    [dialog('Opublikuj odpowiedź'), 'comment'],
    [dialog('Cyhoeddi ateb'), 'comment'],
    [dialog('Publier le post'), 'post'],
  ])('surface of the editor (%#) is %s', (html, surface) => {
    setBody(html);
    const ed = bluesky.editorFrom(pathOf('#p'));
    expect(ed?.id).toBe('ed');
    expect(bluesky.surfaceOf(ed!)).toBe(surface);
  });

  it.each([
    [dialog('Publish post'), '#pubtext', 'pub'],
    [dialog('Whatever', 'renamedBtn'), '#pubtext', null],
    [dialog('Publish post'), '#media', null],
  ])('submitControlFrom (%#)', (html, sel, id) => {
    setBody(html);
    expect(bluesky.submitControlFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it('without the testID, every language in the tables finds the publish button', () => {
    for (const table of [BLUESKY_POST_LABELS, BLUESKY_REPLY_LABELS]) {
      for (const label of Object.values(table).flat()) {
        setBody(dialog(label, 'x'));
        expect(bluesky.submitControlFrom(pathOf('#pub'))?.id, label).toBe('pub');
      }
    }
  });

  it.each([
    [{ key: 'Enter', ctrlKey: true }, true],
    [{ key: 'Enter', metaKey: true }, true],
    [{ key: 'Enter' }, false],
  ])('keyboard %j submits: %s', (init, want) => {
    setBody(dialog('Publish post'));
    expect(bluesky.isKeyboardSubmit(key(init), document.querySelector<HTMLElement>('#ed')!)).toBe(want);
  });
});
