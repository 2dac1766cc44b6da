/**
 * disclaimer: a post that names the school (the school-identity matcher: name, aliases, handles,
 * hashtags) but says nowhere that the views are the writer's own. Policy 003: "If Staff disclose
 * whether directly or indirectly their affiliation to the School … they must also state that their
 * views do not represent those of the School"; 001 §5.3: never present your views as the school's.
 * Pure detector: no browser API.
 *
 * One finding per post, on the first mention of the school (that is what needs the disclaimer).
 * A disclaimer anywhere in the same text clears it: the built-in phrases (engine/disclaimer-phrases.ts)
 * plus the pack's `rules.disclaimer.terms`, literal, any case, whatever punctuation separates the
 * words ("Views: my own", "views = my own"), or as one hashtag (#ViewsMyOwn); or, looser, "views",
 * "opinions", "thoughts"… followed within four words of the same sentence by "mine", "own" or
 * "personal" ("Any views expressed are personal", "Views here are mine alone").
 * Not checked in private messages (a message is not a "posting") or on a wiki edit form (wiki-edit's
 * business). Per-site overrides come from the pack like every rule (e.g. off on LinkedIn).
 * Known limit: a disclaimer in the user's profile bio (common on X) is not visible to the check.
 */
import { activeRule, findingsFor, type CompiledRuleSet, type RuleInput, type RuleMeta } from '../engine/compile';
import { crossesSentence } from '../engine/context';
import { OWNER_WORDS, VIEW_WORDS } from '../engine/disclaimer-phrases';
import { findMatches } from '../engine/matcher';
import type { Token } from '../engine/tokenise';
import type { Finding } from '../engine/types';

export const meta: RuleMeta = {
  id: 'disclaimer',
  title: 'Say your views are your own',
  defaultSeverity: 'info',
  description: "Reminds you to say your views are your own when a post names the school.",
};

/** "views … mine / own / personal" within four words in one sentence (engine/disclaimer-phrases.ts). */
function looseDisclaimer(input: RuleInput): boolean {
  const { text, tokens } = input;
  for (let i = 0; i < tokens.length; i++) {
    if (!VIEW_WORDS.has((tokens[i] as Token).norm)) continue;
    for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
      if (crossesSentence(text, (tokens[j - 1] as Token).end, (tokens[j] as Token).start)) break;
      // "my own views on X" gives a view; "views … my own" disclaims one.
      if (OWNER_WORDS.has((tokens[j] as Token).norm)) return true;
    }
  }
  return false;
}

export function detect(input: RuleInput, compiled: CompiledRuleSet): Finding[] {
  // Not a posting: a private message; a profile field or a recommendation, where works-at and
  // reference speak; a wiki edit, where wiki-edit speaks.
  if (input.surface === 'message' || input.surface === 'profile' || input.surface === 'reference' || input.surface === 'wiki-edit') return [];
  const active = activeRule(compiled, meta.id, input.site);
  if (!active) return [];
  const named = findMatches(compiled.schoolIdentity, input.tokens);
  if (named.length === 0) return [];
  // The disclaimer matcher reads any punctuation between words as a space (compile.ts).
  if (findMatches(compiled.disclaimers, input.tokens).length > 0) return [];
  if (looseDisclaimer(input)) return [];
  const first = named[0]!;
  return findingsFor(meta.id, active, [{ start: first.start, end: first.end }]);
}
