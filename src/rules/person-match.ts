/**
 * Who is the other person in a social action? Given what a site shows for them (a display name
 * and/or a handle), the class-list role and age facts of the person they are, or null. Shared by
 * the friend-request and direct-message rules. Pure: no browser API; the clock is a parameter.
 * Trusted side only: the answer is role facts, never a name, and never leaves the background.
 *
 * Display names go through `lookupPerson` (engine/person-lookup.ts): the person's full name or
 * nickname + surname as consecutive words ("Evie Carter 🌟", "Mrs Evie Carter").
 *
 * Handles are read as WHOLE forms: the handle, without its sign, its instance or domain suffix and
 * trailing digits, must be exactly a person's name written as one run, so "@eviecarter",
 * "evie_carter12", "EvieCarter", "evie.carter" and "ellie_mae_smith" are readings of the pupil, but
 * "eviecarterfan", "not_evie_carter" and "evie" are not (no substrings). Separators ("_", ".",
 * "-") are fixed word boundaries; any other boundary may fall anywhere, so "islamacdonald" and
 * "IslaMacDonald" both read as "Isla MacDonald".
 */
import { activeRule, type CompiledRuleSet } from '../engine/compile';
import type { NameIndex } from '../engine/name-index';
import { normaliseWord } from '../engine/normalise';
import { lookupPerson, type PersonLookup } from '../engine/person-lookup';
import type { RuleId, Severity, SiteId } from '../engine/types';

export interface PersonRef {
  displayName?: string;
  handle?: string;
}

/** Longest handle body read, in characters (X allows 15, Instagram 30, Mastodon 30). */
export const MAX_HANDLE_BODY = 40;
/** Most words a handle is read as: full names rarely have more. */
const MAX_PIECES = 4;

const BLUESKY_SUFFIX = '.bsky.social';

/**
 * The letters of a handle and where its separators fix word boundaries, or null when it cannot be
 * a name (empty, too long, or holding anything but letters, digits and separators).
 */
export function handleBody(handle: string): { letters: string; fixed: ReadonlySet<number> } | null {
  let h = handle.trim();
  if (h.startsWith('@')) h = h.slice(1);
  // Mastodon "user@instance": the user part is the handle.
  const at = h.indexOf('@');
  if (at >= 0) h = h.slice(0, at);
  if (h.toLowerCase().endsWith(BLUESKY_SUFFIX)) h = h.slice(0, -BLUESKY_SUFFIX.length);
  // Trailing digits (and the separator before them) are decoration: "evie_carter12", "evie.carter.09".
  h = h.replace(/[._-]*\d+$/, '');
  if (h.length === 0 || h.length > MAX_HANDLE_BODY) return null;
  if (!/^[\p{L}\p{M}._-]+$/u.test(h)) return null;
  const parts = h.split(/[._-]+/).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > MAX_PIECES) return null;
  let letters = '';
  const fixed = new Set<number>();
  for (const p of parts) {
    if (letters.length > 0) fixed.add(letters.length);
    letters += normaliseWord(p);
  }
  return { letters, fixed };
}

/** Every word hash that occurs in a listed form, per index (built once, on first use). */
const WORDS = new WeakMap<NameIndex, ReadonlySet<string>>();
function wordsOf(index: NameIndex): ReadonlySet<string> {
  let words = WORDS.get(index);
  if (!words) {
    const set = new Set<string>();
    for (const key of index.people.keys()) for (const h of key.split(' ')) set.add(h);
    WORDS.set(index, (words = set));
  }
  return words;
}

/** Higher is more protected (same order as engine/person-lookup.ts). */
function rank(r: PersonLookup): number {
  if (r.protected) return 4;
  return r.role === 'former-pupil' ? 3 : r.role === 'parent' ? 2 : 1;
}

function better(a: PersonLookup | null, b: PersonLookup | null): PersonLookup | null {
  if (!a) return b;
  if (!b) return a;
  return rank(b) > rank(a) ? b : a;
}

/** The person a handle is a whole-form reading of, or null. */
export function lookupHandle(index: NameIndex, handle: string, now: Date): PersonLookup | null {
  if (index.people.size === 0) return null;
  const body = handleBody(handle);
  if (!body) return null;
  const piecesHash = new Map<string, string>();
  const hashOf = (s: string): string => {
    let h = piecesHash.get(s);
    if (h === undefined) piecesHash.set(s, (h = index.hasher.hashOnce(s)));
    return h;
  };
  // Cut the letters into 2..MAX_PIECES words, left to right, where every word is one that occurs in
  // some listed name (so hopeless cuts stop at once) and no word crosses a separator.
  const words = wordsOf(index);
  const n = body.letters.length;
  const fixed = [...body.fixed].sort((a, b) => a - b);
  const maxPieces = Math.min(MAX_PIECES, index.peopleMaxWords);
  const pieces: string[] = [];
  const hashes: string[] = [];
  let best: PersonLookup | null = null;
  const search = (from: number): void => {
    if (from === n) {
      // The whole reading is a listed form: lookupPerson gives its facts (its longest run is all of it).
      if (pieces.length >= 2 && index.people.has(hashes.join(' '))) best = better(best, lookupPerson(index, pieces.join(' '), now));
      return;
    }
    if (pieces.length === maxPieces) return;
    const limit = fixed.find((f) => f > from) ?? n;
    for (let end = from + 1; end <= limit; end++) {
      const piece = body.letters.slice(from, end);
      const h = hashOf(piece);
      if (!words.has(h)) continue;
      pieces.push(piece);
      hashes.push(h);
      search(end);
      pieces.pop();
      hashes.pop();
    }
  };
  search(0);
  return best;
}

/** The most protected person the display name or the handle names, or null when neither does. */
export function matchPerson(index: NameIndex, person: PersonRef, now: Date): PersonLookup | null {
  const byName = person.displayName ? lookupPerson(index, person.displayName, now) : null;
  const byHandle = person.handle ? lookupHandle(index, person.handle, now) : null;
  return better(byName, byHandle);
}

// ---- what the action rules share -----------------------------------------------------------------

/**
 * A social action the content script reports (a trusted click on the site's own control, or a
 * private-message composer being used). 'friend-*' covers Facebook friends and LinkedIn
 * connections; 'follow-accept' approving a follow request (X, Instagram, Mastodon); 'endorse' a
 * skill endorsement (LinkedIn), which only the reference rule looks at.
 */
export const SOCIAL_ACTIONS = ['friend-accept', 'friend-send', 'follow', 'follow-accept', 'message', 'endorse'] as const;
export type SocialAction = (typeof SOCIAL_ACTIONS)[number];

/** Requests the other person made: accepting one is where the policy's reporting advice applies. */
export const INCOMING_ACTIONS: ReadonlySet<SocialAction> = new Set(['friend-accept', 'follow-accept']);

/** What crosses back to the content script: rule text only, never who matched. */
export interface ActionVerdict {
  rule: RuleId;
  severity: Severity;
  title: string;
  clause: string;
  /** The pack's reporting advice: only for an incoming request from a pupil (or former pupil under 18). */
  advice?: string;
}

export interface ActionInput {
  action: SocialAction;
  site: SiteId;
  person?: PersonRef;
}

const ORDER: readonly Severity[] = ['info', 'warn', 'high'];
/** One step up or down the severity scale, clamped. */
export function stepSeverity(s: Severity, by: 1 | -1): Severity {
  const i = Math.max(0, Math.min(ORDER.length - 1, ORDER.indexOf(s) + by));
  return ORDER[i] as Severity;
}

/**
 * The verdict of a person rule (friend-request, direct-message): a child of the school (pupil, or
 * former pupil still protected: engine/person-lookup.ts) gets the pack's severity; a parent or
 * guardian one step lower (only some policies forbid contact with parents: 004 §1; others advise
 * against it); staff and former pupils who are adults get nothing.
 */
export function personVerdict(
  compiled: CompiledRuleSet,
  rule: RuleId,
  input: ActionInput,
  now: Date,
): ActionVerdict | null {
  const active = activeRule(compiled, rule, input.site);
  if (!active || !input.person) return null;
  const who = matchPerson(compiled.names, input.person, now);
  if (!who) return null;
  let severity: Severity;
  if (who.protected) severity = active.severity;
  else if (who.role === 'parent') severity = stepSeverity(active.severity, -1);
  else return null;
  const verdict: ActionVerdict = { rule, severity, title: active.title, clause: active.clause };
  const advice = compiled.settings[rule]?.advice;
  if (who.protected && INCOMING_ACTIONS.has(input.action) && advice) verdict.advice = advice;
  return verdict;
}
