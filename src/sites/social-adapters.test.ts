// @vitest-environment happy-dom
// Each site adapter's social hooks on markup after sites.md: which click is which action and who
// it concerns, DM recipients, profile / reference surfaces, Facebook's audience.
import { afterEach, describe, expect, it } from 'vitest';
import { $, pathOf } from '../../test/unit/dom-path';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { x } from './x';

function at(pathname: string): void {
  history.replaceState(null, '', pathname);
}
afterEach(() => at('/'));

function hit(adapter: SiteAdapter, selector: string) {
  const h = adapter.socialActionFrom!(pathOf($(document, selector)));
  return h && { action: h.action, control: h.control.id || h.control.getAttribute('data-testid'), person: h.person };
}

describe('facebook', () => {
  it('Confirm and Add friend on request cards (en, cy), with the requester from the card', () => {
    document.body.innerHTML = `
      <div role="listitem"><a href="/evie.carter.5"><svg aria-label="Evie Carter" role="img"></svg></a>
        <div role="button" id="confirm" aria-label="Confirm"><span id="inner">Confirm</span></div>
        <div role="button" id="delete" aria-label="Delete">Delete</div></div>
      <div role="listitem"><a href="/jamie.stone"><span>Jamie Stone</span></a><div role="button" id="add" aria-label="Ychwanegu ffrind">Ychwanegu ffrind</div></div>
      <div role="dialog"><div role="button" id="lonely" aria-label="Confirm">Confirm</div></div>`;
    expect(hit(facebook, '#inner')).toEqual({ action: 'friend-accept', control: 'confirm', person: { displayName: 'Evie Carter', handle: 'evie.carter.5' } });
    expect(hit(facebook, '#add')).toEqual({ action: 'friend-send', control: 'add', person: { displayName: 'Jamie Stone', handle: 'jamie.stone' } });
    expect(hit(facebook, '#delete')).toBeNull();
    // "Confirm" in a dialog with nobody in it (deleting a post) is not a friend request.
    expect(hit(facebook, '#lonely')).toBeNull();
  });

  it('Add friend (and Follow, professional mode) on a profile page take the person from the header and the URL', () => {
    at('/evie.carter.5');
    document.body.innerHTML = `<div role="main"><h1>Evie Carter</h1><div role="button" id="add" aria-label="Add friend">Add friend</div><div role="button" id="fol" aria-label="Follow">Follow</div></div>`;
    expect(hit(facebook, '#add')).toEqual({ action: 'friend-send', control: 'add', person: { displayName: 'Evie Carter', handle: 'evie.carter.5' } });
    expect(hit(facebook, '#fol')).toEqual({ action: 'follow', control: 'fol', person: { displayName: 'Evie Carter', handle: 'evie.carter.5' } });
  });

  it('Messenger recipient from the conversation label, else the header', () => {
    at('/messages/t/1');
    document.body.innerHTML = `<div role="main" aria-label="Conversation with Evie Carter"><div contenteditable="true" role="textbox" aria-label="Message" id="m"></div></div>
      <div role="dialog"><header><a href="/jamie.stone"><span>Jamie Stone</span></a></header><div contenteditable="true" role="textbox" aria-label="Message" id="n"></div></div>`;
    expect(facebook.recipientOf!($(document, '#m'))).toEqual({ displayName: 'Evie Carter' });
    expect(facebook.recipientOf!($(document, '#n'))).toEqual({ displayName: 'Jamie Stone', handle: 'jamie.stone' });
  });

  it('workplace fields are profile surfaces and their Save is a submit; the audience button says public or not', () => {
    document.body.innerHTML = `
      <div role="dialog"><form><input aria-label="Company" id="co"><input aria-label="Stanowisko" id="pos"><div role="button" aria-label="Save" id="save">Save</div></form></div>
      <div role="dialog" id="post"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="What's on your mind?" id="ed"></div>
        <div role="button" aria-label="Edit privacy. Sharing with Public" id="aud">Public</div></div>
      <div role="dialog"><div contenteditable="true" role="textbox" data-lexical-editor="true" id="ed2"></div><div role="button" aria-label="Edit privacy. Sharing with Friends">Friends</div></div>
      <div role="dialog"><div contenteditable="true" role="textbox" data-lexical-editor="true" id="ed3"></div><div role="button" aria-label="Edytuj prywatność. Udostępnianie: Publiczne">Publiczne</div></div>`;
    expect(facebook.surfaceOf($(document, '#co'))).toBe('profile');
    expect(facebook.surfaceOf($(document, '#pos'))).toBe('profile');
    expect(facebook.submitControlFrom(pathOf($(document, '#save')))?.id).toBe('save');
    expect(['#ed', '#ed2', '#ed3'].map((s) => facebook.audienceOf!($(document, s)))).toEqual(['public', 'restricted', 'public']);
  });
});

describe('x', () => {
  it('Follow reads the handle from the label in any language; follow-request Accept reads the UserCell', () => {
    document.body.innerHTML = `
      <div data-testid="UserName"><div dir="ltr"><span>Evie Carter</span></div><div dir="ltr"><span>@evie_carter12</span></div></div>
      <button data-testid="1001-follow" aria-label="Obserwuj @evie_carter12" id="f"><span id="fi">Obserwuj</span></button>
      <button data-testid="1001-unfollow" aria-label="Following @evie_carter12" id="u">Following</button>
      <div data-testid="UserCell"><a href="/jamiestone"><div></div></a><a href="/jamiestone"><span>Jamie</span></a>
        <div role="button" aria-label="Accept" id="acc">Accept</div></div>
      <div role="button" aria-label="Accept" id="cookie">Accept</div>`;
    expect(hit(x, '#fi')).toEqual({ action: 'follow', control: 'f', person: { handle: 'evie_carter12', displayName: 'Evie Carter' } });
    expect(hit(x, '#u')).toBeNull();
    expect(hit(x, '#acc')).toEqual({ action: 'follow-accept', control: 'acc', person: { displayName: 'Jamie', handle: 'jamiestone' } });
    // An "Accept" that is not in a UserCell (a cookie banner) is nothing social.
    expect(hit(x, '#cookie')).toBeNull();
  });

  it('with the testids renamed, a "Follow @handle" label (any language) is still a follow', () => {
    document.body.innerHTML = `<div role="button" aria-label="Dilyn @evie_carter12" id="f">Dilyn</div><div role="button" aria-label="Follow the conversation" id="g">x</div>`;
    expect(hit(x, '#f')).toEqual({ action: 'follow', control: 'f', person: { handle: 'evie_carter12' } });
    expect(hit(x, '#g')).toBeNull();
  });

  it('DM recipient from the conversation header; the bio is a profile surface', () => {
    document.body.innerHTML = `
      <section data-testid="DmActivityContainer"><div data-testid="DM_Conversation_Header"><div data-testid="DM_Conversation_Avatar"><a href="/EvieCarter"><img alt=""></a></div><h2 role="heading">🌟</h2></div>
        <div data-testid="dmComposerTextInput" contenteditable="true" role="textbox" id="dm"></div></section>
      <textarea name="description" aria-label="Bio" id="bio"></textarea>`;
    expect(x.recipientOf!($(document, '#dm'))).toEqual({ handle: 'EvieCarter', displayName: '🌟' });
    expect(x.surfaceOf($(document, '#dm'))).toBe('message');
    expect(x.surfaceOf($(document, '#bio'))).toBe('profile');
    expect(x.recipientOf!($(document, '#bio'))).toBeNull();
  });
});

describe('instagram', () => {
  it('Follow on a profile (header + URL) and Confirm in the requests panel (Welsh) with the row', () => {
    at('/evie.carter/');
    document.body.innerHTML = `
      <main><header><section><h2>evie.carter</h2><button class="_acan" id="f">Follow</button></section></header>
      <div><div><a href="/evie_carter12/"><img alt="profile picture"></a><a href="/evie_carter12/">evie_carter12</a><button id="c">Cadarnhau</button></div></div></main>`;
    expect(hit(instagram, '#f')).toEqual({ action: 'follow', control: 'f', person: { displayName: 'evie.carter', handle: 'evie.carter' } });
    expect(hit(instagram, '#c')).toEqual({ action: 'follow-accept', control: 'c', person: { displayName: 'profile picture', handle: 'evie_carter12' } });
  });

  it('DM recipient from "Conversation with …"; the bio is a profile surface', () => {
    document.body.innerHTML = `<section aria-label="Conversation with evie.carter"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message" id="dm"></div></section>
      <textarea id="pepBio" aria-label="Bio"></textarea>`;
    expect(instagram.recipientOf!($(document, '#dm'))).toEqual({ handle: 'evie.carter' });
    expect(instagram.surfaceOf($(document, '#pepBio'))).toBe('profile');
  });
});

describe('linkedin', () => {
  it('Accept / Connect with the name in the label, Endorse, and a bare Connect on a card', () => {
    document.body.innerHTML = `
      <div componentkey="auto-component-1" role="listitem"><p><a href="/in/evie-carter-1a2b3c/">Evie Carter</a></p>
        <button aria-label="Accept Evie Carter’s invitation" id="a">Accept</button></div>
      <button aria-label="Zaproś Evie Carter do nawiązania kontaktu" id="i">Połącz</button>
      <button aria-label="Endorse Teaching" id="e">Endorse</button>
      <li><a href="/in/jamie-stone/">Jamie Stone</a><button id="c">Connect</button></li>`;
    expect(hit(linkedin, '#a')).toEqual({ action: 'friend-accept', control: 'a', person: { displayName: 'Evie Carter', handle: 'evie-carter-1a2b3c' } });
    expect(hit(linkedin, '#i')).toEqual({ action: 'friend-send', control: 'i', person: { displayName: 'Evie Carter' } });
    expect(hit(linkedin, '#e')).toEqual({ action: 'endorse', control: 'e', person: undefined });
    expect(hit(linkedin, '#c')).toEqual({ action: 'friend-send', control: 'c', person: { displayName: 'Jamie Stone', handle: 'jamie-stone' } });
  });

  it('messaging recipient; headline and recommendation surfaces', () => {
    document.body.innerHTML = `
      <div class="msg-thread"><a href="/in/evie-carter-1a2b3c/"><h2 class="msg-entity-lockup__entity-title">Evie Carter</h2></a>
        <div class="msg-form"><div contenteditable="true" class="msg-form__contenteditable" id="m"></div></div></div>
      <div role="dialog" aria-label="Edit intro"><form><input aria-label="Headline" id="h"><div role="button" aria-label="Save" id="s">Save</div></form></div>
      <div role="dialog" aria-label="Write a recommendation"><form><textarea aria-label="Recommendation" id="r"></textarea><button type="button" id="send">Send</button></form></div>`;
    expect(linkedin.recipientOf!($(document, '#m'))).toEqual({ displayName: 'Evie Carter', handle: 'evie-carter-1a2b3c' });
    expect(linkedin.surfaceOf($(document, '#h'))).toBe('profile');
    expect(linkedin.surfaceOf($(document, '#r'))).toBe('reference');
    expect(linkedin.submitControlFrom(pathOf($(document, '#s')))?.id).toBe('s');
    expect(linkedin.submitControlFrom(pathOf($(document, '#send')))?.id).toBe('send');
    expect(linkedin.isKeyboardSubmit(new KeyboardEvent('keydown', { key: 'Enter' }), $(document, '#r'))).toBe(false);
  });
});

describe('tiktok, bluesky, mastodon', () => {
  it('TikTok follow with the profile header', () => {
    document.body.innerHTML = `<h1 data-e2e="user-title">evie_carter12</h1><h2 data-e2e="user-subtitle">Evie C</h2><button data-e2e="follow-button" id="f">Follow</button>`;
    expect(hit(tiktok, '#f')).toEqual({ action: 'follow', control: 'f', person: { displayName: 'Evie C', handle: 'evie_carter12' } });
  });

  it('Bluesky follow on a profile and in a list row', () => {
    at('/profile/eviecarter.bsky.social');
    document.body.innerHTML = `<div data-testid="profileHeaderDisplayName">Evie Carter</div><button data-testid="followBtn" aria-label="Follow Evie Carter" id="f">Follow</button>`;
    expect(hit(bluesky, '#f')).toEqual({ action: 'follow', control: 'f', person: { displayName: 'Evie Carter', handle: 'eviecarter.bsky.social' } });
    document.body.innerHTML = `<div data-testid="profileCard-jamie.bsky.social"><a href="/profile/jamie.bsky.social"><span>Jamie</span></a><button data-testid="followBtn" id="g">Follow</button></div>`;
    expect(hit(bluesky, '#g')).toEqual({ action: 'follow', control: 'g', person: { displayName: 'Jamie', handle: 'jamie.bsky.social' } });
  });

  it('Bluesky with the testID renamed: "Follow {name}" still follows', () => {
    at('/profile/eviecarter.bsky.social');
    document.body.innerHTML = `<div>Evie Carter</div><button aria-label="Obserwuj Evie Carter" id="f">Obserwuj</button>`;
    expect(hit(bluesky, '#f')).toEqual({ action: 'follow', control: 'f', person: { displayName: 'Evie Carter', handle: 'eviecarter.bsky.social' } });
  });

  it.each([
    ['bluesky', bluesky],
    ['tiktok', tiktok],
    ['threads', threads],
  ] as const)('%s: the edit-profile bio is a profile surface and its Save a submit; a rich composer labelled alike is not', (_n, adapter) => {
    document.body.innerHTML = `<div role="dialog"><form><textarea aria-label="Bio" id="bio"></textarea><input aria-label="Description" id="d"><button type="button" id="s">Save</button></form></div>
      <div contenteditable="true" role="textbox" aria-label="Description" id="rich"></div>`;
    expect(adapter.surfaceOf($(document, '#bio'))).toBe('profile');
    expect(adapter.surfaceOf($(document, '#d'))).toBe('profile');
    expect(adapter.surfaceOf($(document, '#rich'))).not.toBe('profile');
    expect(adapter.submitControlFrom(pathOf($(document, '#s')))?.id).toBe('s');
  });

  it('Mastodon: Authorise (first button, localised title) but not Reject; Follow in the account header; profile settings', () => {
    at('/@evie_carter');
    document.body.innerHTML = `
      <div class="account-authorize__wrapper"><a href="/@evie_carter" class="detailed-status__display-name"><strong>Evie Carter</strong></a>
        <div class="account--panel__button"><button title="Awdurdodi" id="ok">✓</button></div><div class="account--panel__button"><button title="Gwrthod" id="no">✗</button></div></div>
      <div class="account__header"><button class="button" id="f">Dilyn</button><div class="account__header__tabs__name"><h1>Evie Carter <small>@evie_carter@toot.example</small></h1></div></div>
      <form><textarea name="account[note]" id="note"></textarea><input name="account[fields_attributes][0][value]" id="v"><button type="submit" id="save">Save changes</button></form>`;
    expect(hit(mastodon, '#ok')).toEqual({ action: 'follow-accept', control: 'ok', person: { displayName: 'Evie Carter', handle: '@evie_carter' } });
    expect(hit(mastodon, '#no')).toBeNull();
    expect(hit(mastodon, '#f')).toEqual({ action: 'follow', control: 'f', person: { displayName: 'Evie Carter', handle: '@evie_carter' } });
    expect(mastodon.surfaceOf($(document, '#note'))).toBe('profile');
    expect(mastodon.surfaceOf($(document, '#v'))).toBe('profile');
    expect(mastodon.submitControlFrom(pathOf($(document, '#save')))?.id).toBe('save');
  });
});
