// Tokeniser tables (exact UTF-16 offsets) and structural properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise';
import { shapeOf, tokenise, type Gap, type Prefix, type Shape } from './tokenise';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

type Row = [start: number, end: number, norm: string, gap: Gap, shape: Shape, extra?: { prefix?: Prefix; poss?: number }];

function rows(text: string): Row[] {
  return tokenise(text).map((t) => {
    const extra: { prefix?: Prefix; poss?: number } = {};
    if (t.prefix) extra.prefix = t.prefix;
    if (t.poss) extra.poss = t.poss;
    return Object.keys(extra).length ? [t.start, t.end, t.norm, t.gap, t.shape, extra] : [t.start, t.end, t.norm, t.gap, t.shape];
  });
}

describe('tokenise', () => {
  const cases: [string, Row[]][] = [
    ['', []],
    ['  \n ', []],
    ['Evie Carter', [[0, 4, 'evie', 'none', 'title'], [5, 11, 'carter', 'space', 'title']]],
    // The possessive is left out of the span and the norm, and out of the next token's gap.
    ["Evie Carter's coat", [[0, 4, 'evie', 'none', 'title'], [5, 11, 'carter', 'space', 'title', { poss: 2 }], [14, 18, 'coat', 'space', 'lower']]],
    ['James’ bike', [[0, 5, 'james', 'none', 'title', { poss: 1 }], [7, 11, 'bike', 'space', 'lower']]],
    ['CARTER’S', [[0, 6, 'carter', 'none', 'upper', { poss: 2 }]]],
    // Internal apostrophes of any kind stay in the span but not the norm; O'Brien is Title case.
    ["O'Brien O’Brien O`Brien", [[0, 7, 'obrien', 'none', 'title'], [8, 15, 'obrien', 'space', 'title'], [16, 23, 'obrien', 'space', 'title']]],
    ["O'Brien's", [[0, 7, 'obrien', 'none', 'title', { poss: 2 }]]],
    // "'s" followed by more letters is not a possessive.
    ["Carter'sville", [[0, 13, 'cartersville', 'none', 'title']]],
    ['Ellie-Mae', [[0, 5, 'ellie', 'none', 'title'], [6, 9, 'mae', 'hyphen', 'title']]],
    ['Ellie - Mae', [[0, 5, 'ellie', 'none', 'title'], [8, 11, 'mae', 'punct', 'title']]],
    ['a--b', [[0, 1, 'a', 'none', 'lower'], [3, 4, 'b', 'punct', 'lower']]],
    ['May, Hunter', [[0, 3, 'may', 'none', 'title'], [5, 11, 'hunter', 'comma', 'title']]],
    ['May. Hunter', [[0, 3, 'may', 'none', 'title'], [5, 11, 'hunter', 'punct', 'title']]],
    ['May\r\n\tHunter', [[0, 3, 'may', 'none', 'title'], [6, 12, 'hunter', 'space', 'title']]],
    ['May\u00a0Hunter', [[0, 3, 'may', 'none', 'title'], [4, 10, 'hunter', 'space', 'title']]],
    // Astral characters count two UTF-16 units: offsets are JS string offsets.
    ['😀🎉 Evie', [[5, 9, 'evie', 'punct', 'title']]],
    ['𝒜b', [[0, 3, '𝒜b'.normalize('NFKD').toLowerCase(), 'none', 'lower']]],
    ['Noe\u0301mie Noémie', [[0, 7, 'noemie', 'none', 'title'], [8, 14, 'noemie', 'space', 'title']]],
    ['ŁUKASZ Nowak', [[0, 6, 'lukasz', 'none', 'upper'], [7, 12, 'nowak', 'space', 'title']]],
    ['McDonald mAY 2024 李华', [[0, 8, 'mcdonald', 'none', 'mixed'], [9, 12, 'may', 'space', 'mixed'], [13, 17, '2024', 'space', 'lower'], [18, 20, '李华', 'space', 'lower']]],
    // Handles and tags: prefix only at the start of a word, body includes underscores and letters.
    ['@Holbrook_PS #Holbrook_Pride', [[0, 12, 'holbrook_ps', 'none', 'mixed', { prefix: '@' }], [13, 28, 'holbrookpride', 'space', 'mixed', { prefix: '#' }]]],
    ['#Zoë', [[0, 4, 'zoe', 'none', 'title', { prefix: '#' }]]],
    ['staff@holbrook.sch.uk', [[0, 5, 'staff', 'none', 'lower'], [6, 14, 'holbrook', 'punct', 'lower'], [15, 18, 'sch', 'punct', 'lower'], [19, 21, 'uk', 'punct', 'lower']]],
    ['C# and @ alone #', [[0, 1, 'c', 'none', 'upper'], [3, 6, 'and', 'punct', 'lower'], [9, 14, 'alone', 'punct', 'lower']]],
    ['😀#Tag', [[2, 6, 'tag', 'punct', 'title', { prefix: '#' }]]],
    ["@Evie's", [[0, 5, 'evie', 'none', 'title', { prefix: '@' }], [6, 7, 's', 'punct', 'lower']]],
    ["'Evie'", [[1, 5, 'evie', 'punct', 'title', { poss: 1 }]]],
    ['under_score', [[0, 5, 'under', 'none', 'lower'], [6, 11, 'score', 'punct', 'lower']]],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('span of every word token folds to its norm', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const t of tokenise(text)) {
          if (t.prefix) continue;
          if (normalise(text.slice(t.start, t.end)).replace(/'/g, '') !== t.norm) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('tokens are non-empty, in order, never overlap and stay inside the text', () => {
    const alphabet = fc.constantFrom('a', 'B', 'é', ' ', '\n', '-', ',', '.', "'", '’', 's', 'S', '@', '#', '_', '😀', '𝒜', 'Ł', '\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        let prev = 0;
        for (const t of tokenise(text)) {
          if (t.start < prev || t.end <= t.start || t.end + t.poss > text.length || t.norm === '') return false;
          prev = t.end + t.poss;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('stays linear on pathological input', () => {
    // Quadratic behaviour would take minutes at this size; linear takes milliseconds.
    for (const unit of ["a'", "'s", '@', '#a ', 'a-', '😀', 'é\u0301']) {
      const text = unit.repeat(200_000 / unit.length);
      expect(tokenise(text).length).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('shapeOf', () => {
  it.each([
    ['evie', 'lower'],
    ['Evie', 'title'],
    ['EVIE', 'upper'],
    ['E', 'upper'],
    ['eVIE', 'mixed'],
    ['McDonald', 'mixed'],
    ["O'Brien", 'title'],
    ['Łukasz', 'title'],
    ['ŁUKASZ', 'upper'],
    ['Élodie', 'title'],
    ['2024', 'lower'],
  ] as const)('%s is %s', (s, shape) => {
    expect(shapeOf(s)).toBe(shape);
  });
});
