// School-context cues and the window around a first name.
import { describe, expect, it } from 'vitest';
import { CUE_WINDOW, findCues, findCuesNear, nearCue, opensSentence } from './context';
import { MatcherBuilder } from './matcher';
import { tokenise } from './tokenise';

const cueTexts = (text: string): string[] => {
  const tokens = tokenise(text);
  return findCues(tokens, []).map((c) => text.slice((tokens[c.first] as { start: number }).start, (tokens[c.last] as { end: number }).end));
};

describe('findCues', () => {
  it('finds the fixed cues in any case', () => {
    expect(cueTexts('In my class, year 4s and Y4 and YR 6 and Year Four pupils')).toEqual(['my class', 'year 4s', 'Y4', 'YR 6', 'Year Four', 'pupils']);
    expect(cueTexts('Reception, KS2, form group and our school')).toEqual(['Reception', 'KS2', 'form group', 'our school']);
  });

  it('ignores words that only look like cues', () => {
    expect(cueTexts('first class post, a year ago, 14 years, year 14, schoolbag')).toEqual([]);
  });
});

describe('nearCue', () => {
  const check = (text: string, nameIndex: number): boolean => {
    const tokens = tokenise(text);
    return nearCue(text, tokens, [{ first: nameIndex, last: nameIndex }], findCues(tokens, []))[0] as boolean;
  };

  it(`accepts a cue up to ${CUE_WINDOW} tokens away, either side`, () => {
    expect(check('Evie in my class', 0)).toBe(true);
    expect(check('my class and then a b Evie', 6)).toBe(true);
    expect(check('my class and then a b c Evie', 7)).toBe(false);
    expect(check('Evie a b c d my class', 0)).toBe(true);
    expect(check('Evie a b c d e my class', 0)).toBe(false);
  });

  it('does not cross a sentence end or a blank line', () => {
    expect(check('Evie came. My class', 0)).toBe(false);
    expect(check('Evie came!\nMy class', 0)).toBe(false);
    expect(check('Evie came\n\nmy class', 0)).toBe(false);
    expect(check('Evie came\nmy class', 0)).toBe(true);
  });
});

describe('opensSentence', () => {
  const at = (text: string, i: number): boolean => opensSentence(text, tokenise(text), i);
  it('is true at the start, after . ! ? and line breaks', () => {
    expect(at('May I', 0)).toBe(true);
    expect(at('Done. May I', 1)).toBe(true);
    expect(at('Done?\nMay I', 1)).toBe(true);
    expect(at('Done\nMay I', 1)).toBe(true);
    expect(at('Well done May', 2)).toBe(false);
    expect(at('Done, May', 1)).toBe(false);
  });
});

describe('findCuesNear', () => {
  const school = new MatcherBuilder<string>();
  school.addPhrase(tokenise('Holbrook Primary School').map((t) => ({ norm: t.norm, poss: false })), { needsCase: false, allowHyphen: true, value: 'name' });
  const schoolMatcher = school.build();
  const text =
    'Evie a b c d e f g h i j k l m n o p q r s t u v my class w x y z Alfie at Holbrook Primary School ' +
    'then year 4s and more words here and there Maisie and so on and on and on and pupils too';
  const tokens = tokenise(text);

  it('gives the same answer as a scan of the whole text, for one name or a few', () => {
    // More than 8 spans take the whole-text path: the reference.
    const all = tokens.map((_, i) => ({ first: i, last: i }));
    const wholeCues = findCuesNear(tokens, all, schoolMatcher);
    expect(wholeCues.length).toBe(4); // my class, Holbrook Primary School, year 4s, pupils
    const reference = (spans: { first: number; last: number }[]) => nearCue(text, tokens, spans, wholeCues);
    for (let i = 0; i < tokens.length; i++) {
      const one = [{ first: i, last: i }];
      expect(nearCue(text, tokens, one, findCuesNear(tokens, one, schoolMatcher))).toEqual(reference(one));
    }
    for (let i = 0; i + 3 < tokens.length; i += 5) {
      const few = [{ first: i, last: i }, { first: i + 3, last: i + 3 }];
      expect(nearCue(text, tokens, few, findCuesNear(tokens, few, schoolMatcher))).toEqual(reference(few));
    }
  });
});
