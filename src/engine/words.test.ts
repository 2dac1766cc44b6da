// The ordinary-word set decides which names need case evidence.
import { describe, expect, it } from 'vitest';
import { isOrdinaryWord } from './words';

describe('isOrdinaryWord', () => {
  it.each(['may', 'hunter', 'grace', 'hope', 'will', 'mark', 'rose', 'smith', 'oak', 'field', 'van', 'a'])(
    '%s is an ordinary word',
    (w) => expect(isOrdinaryWord(w)).toBe(true),
  );

  it.each(['evie', 'carter', 'noemie', 'dubois', 'obrien', 'lukasz', 'nowak', 'mae', 'holbrook', 'der', 'berg'])(
    '%s is not',
    (w) => expect(isOrdinaryWord(w)).toBe(false),
  );

  it('holds folded entries ("café" is looked up as "cafe")', () => {
    expect(isOrdinaryWord('cafe')).toBe(true);
    expect(isOrdinaryWord('café')).toBe(false);
  });

  it('leaves out capitalised (proper noun) entries', () => {
    // The only capitalised entry in these lists is "OK"; folded it would be "ok".
    expect(isOrdinaryWord('ok')).toBe(false);
  });

  it('expects norms, not raw text', () => {
    expect(isOrdinaryWord('May')).toBe(false);
  });
});
