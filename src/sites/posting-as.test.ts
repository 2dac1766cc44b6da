// @vitest-environment happy-dom
// Who the user is posting as (official-account), read from the page as X and Facebook show it.
import { describe, expect, it } from 'vitest';
import { facebook } from './facebook';
import { x } from './x';
import { accountForMessage } from './types';

// X's side nav (sites.md §3.6): the account switcher holds the avatar, the display name and "@handle".
const xSwitcher = (name: string, handle: string, avatar = handle) => `
  <header role="banner"><nav role="navigation"></nav>
    <button aria-label="Account menu" role="button" data-testid="SideNav_AccountSwitcher_Button">
      <div><div data-testid="UserAvatar-Container-${avatar}"><img alt=""></div></div>
      <div><div dir="ltr"><span><span>${name}</span></span></div><div dir="ltr"><span>@${handle}</span></div></div>
    </button></header>`;
const xComposer = `<main><div data-testid="tweetTextarea_0" role="textbox" contenteditable="true" id="post"></div>
  <div data-testid="dmComposerTextInput" role="textbox" contenteditable="true" id="dm"></div></main>`;

function xCase(html: string, id = 'post') {
  document.body.innerHTML = html + xComposer;
  return x.postingAs!(document.getElementById(id) as HTMLElement);
}

describe('x.postingAs', () => {
  const cases: [string, string, ReturnType<typeof xCase>][] = [
    ['the school account', xSwitcher('Holbrook Primary School', 'HolbrookPrimary'), { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' }],
    ['a personal account', xSwitcher('Ms Teacher', 'msteacher_gp'), { handle: 'msteacher_gp', displayName: 'Ms Teacher' }],
    ['handle only from the avatar when the text is missing', `<button data-testid="SideNav_AccountSwitcher_Button"><div data-testid="UserAvatar-Container-HolbrookPrimary"></div></button>`, { handle: 'HolbrookPrimary' }],
    ['a handle that is not an X handle is not taken', xSwitcher('Evil', 'a b<i>', 'x y'), { displayName: 'Evil' }],
    ['no side nav (small screens)', '', null],
    ['an empty switcher', '<button data-testid="SideNav_AccountSwitcher_Button"></button>', null],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(xCase(html)).toEqual(expected);
  });
  it('a private message is not a post: null', () => {
    expect(xCase(xSwitcher('Holbrook Primary School', 'HolbrookPrimary'), 'dm')).toBeNull();
  });
});

// Facebook's Create-post dialog: the header's avatar (svg aria-label = name) inside the profile link,
// the audience button, then the Lexical editor (sites.md §2.1, §2.4).
const fbDialog = (header: string) => `
  <div role="dialog"><h2>Create post</h2>${header}
    <div role="button" aria-label="Edit privacy. Sharing with Public."></div>
    <div contenteditable="true" role="textbox" data-lexical-editor="true" id="ed"></div></div>
  <div contenteditable="true" role="textbox" data-lexical-editor="true" id="outside"></div>`;
const avatar = (href: string, name: string) => `<a href="${href}" role="link"><svg role="img" aria-label="${name}"><image></image></svg></a><span>${name}</span>`;

function fbCase(html: string, id = 'ed') {
  document.body.innerHTML = html;
  return facebook.postingAs!(document.getElementById(id) as HTMLElement);
}

describe('facebook.postingAs', () => {
  const cases: [string, string, ReturnType<typeof fbCase>][] = [
    ['a Page posting as itself (vanity link)', fbDialog(avatar('/HolbrookPrimary', 'Holbrook Primary School')), { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' }],
    ['a full URL', fbDialog(avatar('https://www.facebook.com/HolbrookPrimary/', 'Holbrook Primary School')), { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' }],
    ['a personal profile by id: name only', fbDialog(avatar('/profile.php?id=1000123', 'Jo Bloggs')), { displayName: 'Jo Bloggs' }],
    ['the voice switcher of a Page admin', fbDialog(`<div role="button" aria-label="Posting as Holbrook Primary School"></div>${avatar('/jo.bloggs', 'Jo Bloggs')}`), { displayName: 'Holbrook Primary School' }],
    ['no avatar in the dialog', fbDialog('<span>Jo Bloggs</span>'), null],
    ['an avatar after the editor (a preview, not the header)', `<div role="dialog"><div contenteditable="true" role="textbox" id="ed"></div>${avatar('/HolbrookPrimary', 'Holbrook')}</div>`, null],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(fbCase(html)).toEqual(expected);
  });
  it('outside the Create-post dialog (comments, Messenger): null', () => {
    expect(fbCase(fbDialog(avatar('/HolbrookPrimary', 'Holbrook Primary School')), 'outside')).toBeNull();
  });
});

describe('accountForMessage: what may go in a message (the background refuses a check with more)', () => {
  const cases: [string, Parameters<typeof accountForMessage>[0], ReturnType<typeof accountForMessage>][] = [
    ['both', { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' }, { handle: 'HolbrookPrimary', displayName: 'Holbrook Primary School' }],
    ['an @ and spaces trimmed', { handle: ' @HolbrookPrimary ' }, { handle: 'HolbrookPrimary' }],
    ['a handle with a space is left out', { handle: 'Holbrook Primary', displayName: 'Jo' }, { displayName: 'Jo' }],
    ['a handle with a control character is left out', { handle: 'a\u0000b' }, null],
    ['a handle over 100 characters is left out', { handle: 'h'.repeat(101) }, null],
    ['a handle of exactly 100 is kept', { handle: 'h'.repeat(100) }, { handle: 'h'.repeat(100) }],
    ['a name over 200 characters is left out', { displayName: 'n'.repeat(201) }, null],
    ['line breaks in a name become spaces', { displayName: 'Holbrook\n Primary' }, { displayName: 'Holbrook Primary' }],
    ['empty', { handle: '', displayName: '  ' }, null],
    ['nothing', null, null],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(accountForMessage(input)).toEqual(expected);
  });
});
