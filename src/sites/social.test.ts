// @vitest-environment happy-dom
// Shared social readers: label patterns per language, person readers, profile-field labels.
import { describe, expect, it } from 'vitest';
import {
  acceptName,
  conversationName,
  fieldLabel,
  followTarget,
  handleFromHref,
  inviteName,
  isEndorseLabel,
  isProfileField,
  isRecommendationField,
  personFromText,
  personInCard,
} from './social';

describe('names inside labels, per language', () => {
  it.each([
    ['Invite Evie Carter to connect', 'Evie Carter'],
    ['Gwahodd Evie Carter i gysylltu', 'Evie Carter'],
    ['Inviter Evie Carter à se connecter', 'Evie Carter'],
    ['Invitar a Evie Carter a conectar', 'Evie Carter'],
    ['Evie Carter als Kontakt einladen', 'Evie Carter'],
    ['Zaproś Evie Carter do nawiązania kontaktu', 'Evie Carter'],
    ['Connect', null],
    ['Invite to connect', null],
  ])('invite %j → %j', (label, name) => expect(inviteName(label)).toBe(name));

  it.each([
    ['Accept Evie Carter’s invitation', 'Evie Carter'],
    ["Accept Evie Carter's invitation", 'Evie Carter'],
    ['Derbyn gwahoddiad Evie Carter', 'Evie Carter'],
    ['Accepter l’invitation de Evie Carter', 'Evie Carter'],
    ['Aceptar la invitación de Evie Carter', 'Evie Carter'],
    ['Einladung von Evie Carter annehmen', 'Evie Carter'],
    ['Zaakceptuj zaproszenie od Evie Carter', 'Evie Carter'],
    ['Accept', null],
  ])('accept %j → %j', (label, name) => expect(acceptName(label)).toBe(name));

  it.each([
    ['Follow @evie_carter12', '@evie_carter12'],
    ['Obserwuj Evie Carter', 'Evie Carter'],
    ['Evie Carter folgen', 'Evie Carter'],
    ['Follow', null],
  ])('follow %j → %j', (label, who) => expect(followTarget(label)).toBe(who));

  it.each([
    ['Conversation with Evie Carter', 'Evie Carter'],
    ['Messages in conversation titled Evie Carter', 'Evie Carter'],
    ['Sgwrs gyda Evie Carter', 'Evie Carter'],
    ['Rozmowa z evie.carter', 'evie.carter'],
    ['Conversation list', null],
  ])('conversation %j → %j', (label, who) => expect(conversationName(label)).toBe(who));

  it.each([
    ['endorse', true],
    ['endorse teaching', true],
    ['endorsed', false],
    ['poleć nauczanie', true],
    ['follow', false],
  ])('endorse %j → %j', (label, yes) => expect(isEndorseLabel(label)).toBe(yes));
});

describe('person readers', () => {
  it.each([
    ['Evie Carter', { displayName: 'Evie Carter' }],
    ['  Evie   Carter 🌟 ', { displayName: 'Evie Carter 🌟' }],
    ['@evie_carter12', { handle: '@evie_carter12' }],
    ['evie.carter', { handle: 'evie.carter' }],
    ['EvieCarter', { handle: 'EvieCarter' }],
    ['Evie', { displayName: 'Evie' }],
    ['evie_carter@toot.example', { handle: 'evie_carter@toot.example' }],
    ['', null],
  ])('personFromText(%j)', (text, ref) => expect(personFromText(text)).toEqual(ref));

  const base = 'https://x.com/home';
  it.each([
    ['/evie_carter12', 'evie_carter12'],
    ['https://www.instagram.com/evie.carter/', 'evie.carter'],
    ['/in/evie-carter-1a2b3c/', 'evie-carter-1a2b3c'],
    ['/profile/eviecarter.bsky.social', 'eviecarter.bsky.social'],
    ['/@evie_carter', '@evie_carter'],
    ['/profile.php?id=100000000000002', null],
    ['/evie_carter12/status/1', null],
    ['/hashtag/holbrook', null],
    ['/', null],
    ['javascript:alert(1)', null],
  ])('handleFromHref(%j)', (href, handle) => expect(handleFromHref(href, base)).toBe(handle));

  it('reads a card: the profile link for the handle, the avatar label or link text for the name', () => {
    document.body.innerHTML = `<div id="c"><a href="/evie.carter.5"><svg aria-label="Evie Carter" role="img"></svg></a><a href="/evie.carter.5"><span>Evie C.</span></a></div>
      <div id="d"><a href="/profile.php?id=1"><span>Jamie Stone</span></a></div><div id="e"><span>nobody</span></div>`;
    expect(personInCard(document.getElementById('c')!)).toEqual({ displayName: 'Evie Carter', handle: 'evie.carter.5' });
    expect(personInCard(document.getElementById('d')!)).toEqual({ displayName: 'Jamie Stone' });
    expect(personInCard(document.getElementById('e')!)).toBeUndefined();
  });
});

describe('profile and recommendation fields', () => {
  it.each([
    ['<input aria-label="Company">', true],
    ['<input aria-label="Headline*">', true],
    ['<label for="f">Bio (optional)</label><textarea id="f"></textarea>', true],
    ['<label>Nagłówek <input></label>', true],
    ['<input placeholder="Gweithle">', true],
    ['<textarea aria-label="Write a comment…"></textarea>', false],
    ['<input aria-label="Search">', false],
  ])('%s → %j', (html, yes) => {
    document.body.innerHTML = html;
    const field = document.querySelector('input, textarea')!;
    expect(isProfileField(field)).toBe(yes);
  });

  it('reads aria-labelledby', () => {
    document.body.innerHTML = '<span id="l">Job title</span><input aria-labelledby="l">';
    expect(fieldLabel(document.querySelector('input')!)).toBe('job title');
  });

  it('a recommendation field by its own label or its dialog', () => {
    document.body.innerHTML = '<textarea id="a" aria-label="Rekomendacja"></textarea><div role="dialog" aria-label="Recommend Sam Lee"><textarea id="b" aria-label="Message"></textarea></div><textarea id="c" aria-label="Message"></textarea>';
    expect(['a', 'b', 'c'].map((id) => isRecommendationField(document.getElementById(id)!))).toEqual([true, true, false]);
  });
});
