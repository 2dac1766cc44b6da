/**
 * Who is this display name? For friend-request and follow checks: given the name a social site
 * shows for a requester ("Evie Carter", "evie carter 🌟", "Mrs Evie Carter"), the role of the
 * matching person on the class lists and whether they are under 18 today. Never returns a name:
 * the index holds only keyed hashes (engine/name-index.ts), and the answer is role + age facts.
 * Pure: no browser API; the clock is a parameter.
 *
 * Matching: the display name's words (any case, accents folded) must contain a person's full name
 * or nickname + surname as consecutive words; the longest such run wins. Several people can share
 * a name (a pupil and a parent both "Sam Lee"): the most protected answer is returned.
 */
import type { NameIndex, PersonFacts } from './name-index';
import { tokenise } from './tokenise';
import type { PersonRole } from './types';

export interface PersonLookup {
  role: PersonRole;
  /** Under 18 on `now` from the date of birth; null when the list has no date of birth for them. */
  under18: boolean | null;
  /**
   * Whether friend/follow checks should treat them as a child of the school: every pupil; a former
   * pupil until 18 (from the date of birth), or, without one, until two years after leaving (Year 11
   * leavers are 16), or always when neither date is known. Parents and staff: false.
   */
  protected: boolean;
}

/** Whole years between `dob` (ISO) and `now`, in UTC calendar terms. */
function ageOn(dob: string, now: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d);
  if (beforeBirthday) age--;
  return age;
}

function isProtected(p: PersonFacts, under18: boolean | null, now: Date): boolean {
  if (p.role === 'pupil') return true;
  if (p.role !== 'former-pupil') return false;
  if (under18 !== null) return under18;
  if (p.leftOn) {
    const left = new Date(`${p.leftOn}T00:00:00Z`);
    if (!Number.isNaN(left.getTime())) {
      left.setUTCFullYear(left.getUTCFullYear() + 2);
      return now.getTime() < left.getTime();
    }
  }
  return true;
}

/** Higher is more protected: a protected child first, then any pupil role, then parent, then staff. */
function rank(r: PersonLookup): number {
  if (r.protected) return 4;
  return r.role === 'former-pupil' ? 3 : r.role === 'parent' ? 2 : 1;
}

/** Longest display name looked at, in characters: display names are short. */
const MAX_DISPLAY_NAME = 200;

/**
 * The role and age facts of the class-list person `displayName` names, or null when it names nobody
 * on the lists. `now` is injectable for tests.
 */
export function lookupPerson(index: NameIndex, displayName: string, now: Date = new Date()): PersonLookup | null {
  if (index.people.size === 0) return null;
  const tokens = tokenise(displayName.slice(0, MAX_DISPLAY_NAME)).filter((t) => t.prefix === undefined);
  if (tokens.length === 0) return null;
  const keys = tokens.map((t) => index.hasher.hash(t.norm));
  const maxN = Math.min(index.peopleMaxWords, tokens.length);
  // Longest run first: "Evie Carter Smith" is the person "Evie Carter Smith" if listed.
  for (let n = maxN; n >= 1; n--) {
    let best: PersonLookup | null = null;
    for (let i = 0; i + n <= tokens.length; i++) {
      const ids = index.people.get(keys.slice(i, i + n).join(' '));
      if (!ids) continue;
      for (const id of ids) {
        const p = index.persons[id] as PersonFacts;
        const age = p.dob ? ageOn(p.dob, now) : null;
        const under18 = age === null ? null : age < 18;
        const r: PersonLookup = { role: p.role, under18, protected: isProtected(p, under18, now) };
        if (!best || rank(r) > rank(best)) best = r;
      }
    }
    if (best) return best;
  }
  return null;
}
