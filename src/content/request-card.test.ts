// @vitest-environment happy-dom
/** Which card a request control belongs to, and which cards are its neighbours (requestCard). */
import { describe, expect, it } from 'vitest';
import { requestCard } from './social';

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return (sel: string) => document.querySelector<HTMLElement>(sel)!;
};

describe('requestCard', () => {
  it('Facebook-style cards: the listitem around Confirm, its neighbours the other cards', () => {
    const $ = html(`<div role="list">
      <div role="listitem" id="a"><a href="/evie">Evie</a><div><div role="button" id="ca">Confirm</div><div role="button">Delete</div></div></div>
      <div role="listitem" id="b"><a href="/jamie">Jamie</a><div><div role="button">Confirm</div><div role="button">Delete</div></div></div>
      <div role="listitem" id="c"><a href="/sam">Sam</a><div><div role="button">Confirm</div><div role="button">Delete</div></div></div>
    </div>`);
    const r = requestCard($('#ca'))!;
    expect(r.card).toBe($('#a'));
    expect(r.neighbours).toEqual([$('#b'), $('#c')]);
  });

  it('LinkedIn-style rows: the same visible text counts even when the accessible labels differ', () => {
    const $ = html(`<main><div id="list">
      <div id="a"><p><a href="/in/evie">Evie</a></p><button aria-label="Accept Evie’s invitation" id="ba">Accept</button></div>
      <div id="b"><p><a href="/in/jamie">Jamie</a></p><button aria-label="Accept Jamie’s invitation">Accept</button></div>
    </div></main>`);
    const r = requestCard($('#ba'))!;
    expect(r.card).toBe($('#a'));
    expect(r.neighbours).toEqual([$('#b')]);
  });

  it("a profile page's own button (no other like it): no card, the warning goes beside the button", () => {
    const $ = html(`<main><header><h1>Evie</h1><div><button id="add">Add friend</button><button>Message</button></div></header></main>`);
    expect(requestCard($('#add'))).toBeNull();
  });
});
