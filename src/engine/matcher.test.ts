// Phrase matcher: longest match, containment, gaps, case evidence, possessives, compact tokens,
// and agreement with a brute-force reference on random token streams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches, MatcherBuilder, type PatternWord, type PhraseMatcher } from './matcher';
import { tokenise, type Token } from './tokenise';

// Property tests keep their full number of runs; under a loaded machine (five suites on two
// cores) they can take several times their usual second, so they get their own time limit.
const PROPERTY_TIMEOUT_MS = 60_000;

const words = (s: string): PatternWord[] => s.split(' ').map((norm) => ({ norm: norm.replace(/'s$/, ''), poss: norm.endsWith("'s") }));

function matcher(
  patterns: [phrase: string, value: string, needsCase?: boolean, allowHyphen?: boolean][],
  compacts: [prefix: '@' | '#', body: string, value: string][] = [],
): PhraseMatcher<string> {
  const b = new MatcherBuilder<string>();
  for (const [phrase, value, needsCase = false, allowHyphen = true] of patterns) {
    b.addPhrase(words(phrase), { needsCase, allowHyphen, value });
  }
  for (const [prefix, body, value] of compacts) b.addCompact(prefix, body, value);
  return b.build();
}

function spans(m: PhraseMatcher<string>, text: string): [number, number, string, string[]][] {
  return findMatches(m, tokenise(text)).map((x) => [x.start, x.end, text.slice(x.start, x.end), x.values]);
}

describe('findMatches', () => {
  const m = matcher(
    [
      ['ellie mae smith', 'ems'],
      ['mae smith', 'ms'],
      ['smith jones', 'sj'],
      ['evie carter', 'ec'],
      ['evie carter', 'ec2'],
      ['may hunter', 'mh', true],
      ['oak field', 'of', false, false],
      ["st mary's school", 'sms'],
      ['holbrook', 'h'],
    ],
    [['#', 'holbrookprimary', 'tag'], ['@', 'holbrook_ps', 'handle']],
  );

  it.each<[string, [number, number, string, string[]][]]>([
    ['Ellie Mae Smith', [[0, 15, 'Ellie Mae Smith', ['ems']]]],
    // Contained in the earlier, longer match: not reported. Overlapping, not contained: reported.
    ['Ellie Mae Smith Jones', [[0, 15, 'Ellie Mae Smith', ['ems']], [10, 21, 'Smith Jones', ['sj']]]],
    ['Mae Smith', [[0, 9, 'Mae Smith', ['ms']]]],
    ['Ellie-Mae\nSmith', [[0, 15, 'Ellie-Mae\nSmith', ['ems']]]],
    // Two patterns with the same words report both values on one span.
    ['evie carter', [[0, 11, 'evie carter', ['ec', 'ec2']]]],
    ["Evie Carter's", [[0, 11, 'Evie Carter', ['ec', 'ec2']]]],
    ["Evie's Carter", []],
    ['Evie, Carter', []],
    ['Evie.Carter', []],
    ['Evie — Carter', []],
    ['May Hunter', [[0, 10, 'May Hunter', ['mh']]]],
    ['MAY HUNTER', [[0, 10, 'MAY HUNTER', ['mh']]]],
    ['May hunter', []],
    ['may Hunter', []],
    ['mAY Hunter', []],
    ['Oak Field', [[0, 9, 'Oak Field', ['of']]]],
    ['Oak-Field', []], // this pattern forbids hyphens
    // A pattern written with a possessive covers it, and needs it only where written.
    ["St Mary's School", [[0, 16, "St Mary's School", ['sms']]]],
    ["St Mary's School's", [[0, 16, "St Mary's School", ['sms']]]],
    ['St Mary School', [[0, 14, 'St Mary School', ['sms']]]],
    ['Holbrook', [[0, 8, 'Holbrook', ['h']]]],
    ['Holbrooks', []],
    ['#HolbrookPrimary #holbrook_primary', [[0, 16, '#HolbrookPrimary', ['tag']], [17, 34, '#holbrook_primary', ['tag']]]],
    ['@Holbrook_PS @HolbrookPS', [[0, 12, '@Holbrook_PS', ['handle']]]],
    // Plain words are not tags, and tags are not plain words.
    ['HolbrookPrimary', []],
    ['#Holbrook', []],
    ['Evie #Carter', []],
    ['😀 Evie Carter', [[3, 14, 'Evie Carter', ['ec', 'ec2']]]],
  ])('%j', (text, expected) => {
    expect(spans(m, text)).toEqual(expected);
  });

  it('returns nothing for an empty matcher', () => {
    expect(findMatches(new MatcherBuilder<string>().build(), tokenise('Evie Carter'))).toEqual([]);
  });

  it('ignores empty patterns and merges duplicates', () => {
    const b = new MatcherBuilder<string>();
    b.addPhrase([], { needsCase: false, allowHyphen: true, value: 'x' });
    b.addPhrase(words('evie carter'), { needsCase: false, allowHyphen: true, value: 'x' });
    b.addPhrase(words('evie carter'), { needsCase: false, allowHyphen: true, value: 'x' });
    b.addCompact('#', '', 'x');
    const built = b.build();
    expect(built.size).toBe(1);
    expect(built.phrases.get('evie carter')).toHaveLength(1);
  });
});

/** Brute force: every pattern at every position, longest wins, contained matches dropped. */
function reference(patterns: string[][], tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let covered = -1;
  for (let i = 0; i < tokens.length; i++) {
    let best = -1;
    for (const p of patterns) {
      const j = i + p.length - 1;
      if (j >= tokens.length) continue;
      let ok = true;
      for (let k = 0; k < p.length && ok; k++) {
        const t = tokens[i + k] as Token;
        ok = !t.prefix && t.norm === p[k] && (k === 0 || t.gap === 'space' || t.gap === 'hyphen') && (k === p.length - 1 || t.poss === 0);
      }
      if (ok && j > best) best = j;
    }
    if (best > covered) {
      out.push([(tokens[i] as Token).start, (tokens[best] as Token).end]);
      covered = best;
    }
  }
  return out;
}

describe('findMatches agrees with a brute-force reference', () => {
  const vocab = ['ann', 'bo', 'cy', 'di', 'ed'];
  const word = fc.constantFrom(...vocab);
  const sep = fc.constantFrom(' ', '  ', '\n', '-', ', ', '. ', "'s ", ' #');
  it('on random texts and pattern sets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(word, sep), { maxLength: 40 }),
        (patterns, parts) => {
          const text = parts.map(([w, s]) => w + s).join('');
          const b = new MatcherBuilder<string>();
          for (const p of patterns) b.addPhrase(p.map((norm) => ({ norm, poss: false })), { needsCase: false, allowHyphen: true, value: 'v' });
          const tokens = tokenise(text);
          const got = findMatches(b.build(), tokens).map((x) => [x.start, x.end]);
          expect(got).toEqual(reference(patterns, tokens));
        },
      ),
      { numRuns: 3000 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('comma patterns and per-word case', () => {
  const b = new MatcherBuilder<string>();
  // "Carter, Evie" and "Hunter, Evie" (the surname Hunter needs its capital), plus the plain name.
  b.addPhrase([{ norm: 'carter', poss: false }, { norm: 'evie', poss: false, comma: true }], { needsCase: false, allowHyphen: true, value: 'ce' });
  b.addPhrase([{ norm: 'hunter', poss: false }, { norm: 'evie', poss: false, comma: true }], { needsCase: false, caseMask: 1, allowHyphen: true, value: 'he' });
  b.addPhrase(words('evie hunter'), { needsCase: false, allowHyphen: true, value: 'eh' });
  const m = b.build();

  it('matches across a comma only where the pattern has one', () => {
    expect(spans(m, 'Carter, Evie')).toEqual([[0, 12, 'Carter, Evie', ['ce']]]);
    expect(spans(m, 'carter ,\nevie')).toEqual([[0, 13, 'carter ,\nevie', ['ce']]]);
    expect(spans(m, 'Carter Evie')).toEqual([]);
    expect(spans(m, 'Carter; Evie')).toEqual([]);
    expect(spans(m, 'Carter,, Evie')).toEqual([]);
    expect(spans(m, 'Evie, Hunter')).toEqual([]);
  });

  it('checks case only on the masked words', () => {
    expect(spans(m, 'Hunter, evie')).toEqual([[0, 12, 'Hunter, evie', ['he']]]);
    expect(spans(m, 'hunter, Evie')).toEqual([]);
  });

  it('does not start a comma pattern inside an earlier match (a list of names)', () => {
    expect(spans(m, 'Evie Hunter, Evie')).toEqual([[0, 11, 'Evie Hunter', ['eh']]]);
  });
});

describe('anyGap matchers (disclaimer phrases)', () => {
  const b = new MatcherBuilder<'d'>();
  b.addPhrase(tokenise('views my own').map((t) => ({ norm: t.norm, poss: false })), { needsCase: false, allowHyphen: true, value: 'd' });
  const strict = b.build();
  const loose: PhraseMatcher<'d'> = { ...strict, anyGap: true };
  it('reads any punctuation between words as a space, only when asked', () => {
    for (const text of ['Views: my own', 'views = my own', 'views (my own)', 'views, my own']) {
      expect(findMatches(loose, tokenise(text)).length).toBe(1);
      expect(findMatches(strict, tokenise(text)).length).toBe(0);
    }
    expect(findMatches(strict, tokenise('views my own')).length).toBe(1);
  });
});
