// Unit and property tests for the fold used on both class-list names and the user's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, normalise, normaliseWord } from './normalise';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('normalise', () => {
  it.each([
    ['Noémie', 'noemie'],
    ['Noe\u0301mie', 'noemie'], // decomposed input folds the same as precomposed
    ['Siobhán', 'siobhan'],
    ['Łukasz', 'lukasz'],
    ['ŁUKASZ', 'lukasz'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Søren Ærø', 'soren aero'],
    ['Œdipe', 'oedipe'],
    ['Đorđe', 'dorde'],
    ['Þórðr', 'thordr'],
    ['Iıİ', 'iii'],
    ['Zoë Brontë', 'zoe bronte'],
    ['O’Brien', "o'brien"],
    ['O‘Brien', "o'brien"],
    ['Oʼbrien', "o'brien"],
    ['O`Brien', "o'brien"],
    ['O´Brien', "o'brien"], // ´ must not decompose into a space + accent
    ['ＦＵＬＬ', 'full'], // compatibility forms fold (NFKD)
    ['plain ascii', 'plain ascii'],
    // Final sigma folds to σ, so a capitalised and a lower-case Greek name compare equal.
    ['ΟΔΥΣΣΕΑΣ', 'οδυσσεασ'],
    ['Οδυσσέας', 'οδυσσεασ'],
  ])('%s → %s', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('fold keeps case', () => {
    expect(fold('Łukasz Noémie O’Brien')).toBe("Lukasz Noemie O'Brien");
  });

  it('is idempotent on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalise(normalise(s)) === normalise(s)), {
      numRuns: 5000,
    });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalise(normalise(s)) === normalise(s)), {
      numRuns: 5000,
    });
  }, PROPERTY_TIMEOUT_MS);

  it('fold is idempotent on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(fold(s)) === fold(s)), { numRuns: 5000 });
  }, PROPERTY_TIMEOUT_MS);

  it('output is lower-case, mark-free and has only straight apostrophes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const n = normalise(s);
        return n.toLowerCase() === n && !/\p{M}/u.test(n) && !/[’‘ʼ`´]/.test(n);
      }),
      { numRuns: 5000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('does not care whether the input was folded first', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalise(fold(s)) === normalise(s)), {
      numRuns: 5000,
    });
  }, PROPERTY_TIMEOUT_MS);

  it('treats precomposed and decomposed text alike', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => normalise(s.normalize('NFC')) === normalise(s.normalize('NFD'))),
      { numRuns: 5000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('normaliseWord equals normalise without apostrophes', () => {
    expect(normaliseWord('O’Brien-Łukasz ΟΔΥΣΣΕΑΣ 𝒜`')).toBe('obrien-lukasz οδυσσεασ a');
    for (const unit of ['binary', 'grapheme'] as const) {
      fc.assert(
        fc.property(fc.string({ unit }), (s) => normaliseWord(s) === normalise(s).replace(/'/g, '')),
        { numRuns: 5000 },
      );
    }
  }, PROPERTY_TIMEOUT_MS);
});
