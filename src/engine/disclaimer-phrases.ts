/**
 * Built-in "my views are my own" phrases for the disclaimer rule (rules/disclaimer.ts); a pack adds
 * its own through `rules.disclaimer.terms`. Pure data. Matched as literal phrases in any case, as
 * whole tokens, whatever punctuation sits between the words ("Views: my own"), or as one hashtag
 * (#ViewsMyOwn).
 *
 * Each phrase says the views are the writer's, or are not the school's / employer's. Phrases that
 * only mention views ("my own view is…", "personal view") are left out on purpose: "My own view is
 * that St Aidan's should…" gives an opinion, it does not disclaim one.
 */
export const DISCLAIMER_PHRASES: readonly string[] = [
  'views are my own', 'views my own', 'views are mine', 'views mine', 'all views my own',
  'opinions are my own', 'opinions my own', 'opinions are mine', 'opinions mine',
  'thoughts are my own', 'thoughts my own', 'tweets are my own', 'tweets my own', 'posts are my own', 'posts my own',
  'my views not my employer', "my views not my employer's", 'my own views not',
  'personal views only', 'personal opinions only', 'my personal views only', 'views expressed here are mine',
  'not the views of my employer', 'not the views of the school', 'not the views of my school',
  'not those of my employer', 'not those of the school', 'not those of my school',
  'do not represent the views of', "don't represent the views of", 'does not represent the views of', "doesn't represent the views of",
  'do not reflect the views of', "don't reflect the views of", 'does not reflect the views of', "doesn't reflect the views of",
  'do not represent those of', "don't represent those of", 'do not reflect those of', "don't reflect those of",
  'do not represent my employer', "don't represent my employer", 'do not represent the school', "don't represent the school",
  'not on behalf of the school', 'not on behalf of my employer', 'not speaking for the school', 'not speaking on behalf of',
  'speaking for myself', 'speaking personally', 'in a personal capacity', 'writing in a personal capacity',
  'do not speak for', "don't speak for", 'not speaking for', 'do not speak on behalf of', "don't speak on behalf of",
];

/**
 * Looser form, checked in code (rules/disclaimer.ts): one of these words, then within four words one
 * of OWNER_WORDS, in the same sentence: "Any views expressed are personal", "Views here are mine
 * alone", "opinions expressed are my own".
 */
export const VIEW_WORDS: ReadonlySet<string> = new Set(['views', 'opinions', 'thoughts', 'tweets', 'posts', 'comments']);
export const OWNER_WORDS: ReadonlySet<string> = new Set(['mine', 'own', 'personal']);
