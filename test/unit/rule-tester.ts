/**
 * The shared table runner for rule tests (ESLint's RuleTester shape): `valid` texts must give no
 * finding, each `invalid` text exactly the listed spans. Each rule's test file keeps its own pack,
 * its `run` and the tests particular to it.
 */
import { describe, expect, it } from 'vitest';

/** [start, end, the text between them] */
export type Span = [number, number, string];

export function ruleTable(
  id: string,
  meta: { id: string },
  run: (text: string) => Span[],
  valid: readonly string[],
  invalid: readonly (readonly [text: string, spans: Span[]])[],
): void {
  it('has matching meta', () => {
    expect(meta.id).toBe(id);
  });
  describe('valid', () => {
    it.each(valid)('%j', (text) => {
      expect(run(text)).toEqual([]);
    });
  });
  describe('invalid', () => {
    it.each(invalid)('%j', (text, spans) => {
      expect(run(text)).toEqual(spans);
    });
  });
}
