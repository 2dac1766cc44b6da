// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MASTODON_SUBMIT_LABELS, mastodon, userSite } from './mastodon';
import { key, pathOf, setBody } from '../../test/unit/site-dom';

const COMPOSE = (extra = '') => `
<div id="mastodon"><form class="compose-form">${extra}
  <input id="cw-spoiler-input" type="text">
  <div class="autosuggest-textarea"><textarea class="autosuggest-textarea__textarea" id="ta"></textarea></div>
  <div class="compose-form__submit"><button type="submit" id="submit"><span id="label">Post</span></button></div>
  <button type="button" id="fork">Opublikuj</button>
  <button type="button" id="emoji">🙂</button>
</form></div>`;

describe('mastodon adapter', () => {
  it.each([
    [COMPOSE(), '#ta', 'ta', 'post'],
    [COMPOSE('<div class="reply-indicator">@pupil</div>'), '#ta', 'ta', 'comment'],
    [COMPOSE(), '#cw-spoiler-input', 'cw-spoiler-input', 'post'],
  ])('editor and surface (%#)', (html, sel, id, surface) => {
    setBody(html);
    const ed = mastodon.editorFrom(pathOf(sel));
    expect(ed?.id).toBe(id);
    expect(mastodon.surfaceOf(ed!)).toBe(surface);
  });

  it.each([
    ['#label', 'submit'],
    ['#fork', 'fork'],
    ['#emoji', null],
  ])('submitControlFrom(%s) is %s', (sel, id) => {
    setBody(COMPOSE());
    expect(mastodon.submitControlFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it('every language in the table finds a fork submit button inside the compose form only', () => {
    for (const label of Object.values(MASTODON_SUBMIT_LABELS).flat()) {
      setBody(`<form class="compose-form"><textarea></textarea><button type="button" id="b">${label}</button></form><div><div role="button" id="out">${label}</div></div>`);
      expect(mastodon.submitControlFrom(pathOf('#b'))?.id, label).toBe('b');
    }
  });

  it.each([
    [{ key: 'Enter', ctrlKey: true }, true],
    [{ key: 'Enter' }, false],
  ])('keyboard %j submits: %s', (init, want) => {
    setBody(COMPOSE());
    expect(mastodon.isKeyboardSubmit(key(init), document.querySelector<HTMLElement>('#ta')!)).toBe(want);
  });

  it('userSite is Mastodon on a Mastodon page and generic elsewhere', () => {
    setBody(COMPOSE());
    expect(userSite.id).toBe('mastodon');
    setBody('<form><textarea id="t"></textarea><div role="button" id="b">Send</div></form>');
    expect(userSite.id).toBe('other');
    expect(userSite.editorFrom(pathOf('#t'))?.id).toBe('t');
    expect(userSite.submitControlFrom(pathOf('#b'))?.id).toBe('b');
  });
});
