/**
 * The class lists as the matcher needs them, without the names: every variant form of every person
 * (full name, nickname + surname, "Surname, Forename", tags and handles, the forename alone) is
 * expanded, normalised and stored as keyed hashes of its words (engine/hash.ts), with only the flags
 * the matcher needs: which kind of form, which words need a capital, where a comma goes, the role,
 * and the per-person facts the policies use (date of birth, leaving date, photo consent, group).
 * Pure: no browser API. Trusted side only.
 *
 * Two steps, so the names are hashed once, at import:
 *   hashPerson(person, hasher)        plain names → HashedPerson (what storage keeps)
 *   buildNameIndex(rows, hasher)      HashedPerson[] → NameIndex (what the background keeps warm)
 * `indexPeople` does both with a fresh key, for the CLI and tests.
 */
import { NameHasher, randomKey } from './hash';
import { MatcherBuilder, type PatternWord, type PhraseMatcher } from './matcher';
import { nicknamesOf, ukNicknamesOf } from './nicknames';
import { tokenise } from './tokenise';
import type { PersonNames, PersonRole } from './types';
import { isOrdinaryWord } from './words';

/**
 * Why a pupil-name pattern exists. Carries nothing from the class list itself.
 * 'full-name': forename or preferred name + surname, and its '#'/'@' forms; 'nickname': a known
 * nickname of the forename or preferred name + surname ("Bill Smith" for William Smith);
 * 'surname-first': "Carter, Evie", or "Zhang Wei" with both capitals.
 */
export type PupilPatternKind = 'full-name' | 'nickname' | 'surname-first';
/**
 * A pupil's forename or preferred name on its own, which only counts in a school
 * context (see rules/pupil-name.ts). 'word' marks forenames that are ordinary words (May, Grace,
 * Will): they need Title/UPPER case and must not open a sentence.
 */
export type PupilForenameKind = 'name' | 'word';

/**
 * Kinds of stored form: 'full' forename + surname; 'nick' nickname + surname; 'rev' "Surname,
 * Forename"; 'rev-nc' "Surname Forename" without the comma (always needs both capitals); 'first' the
 * forename alone, and a curated UK short form alone ("Alfie" for Alfred). A nickname from the long list alone is never a form: a lone "Bill" says nothing about William.
 */
export type FormKind = 'full' | 'nick' | 'rev' | 'rev-nc' | 'first';

/** One variant form: the keyed hashes of its words and the matcher's flags. */
export interface HashedForm {
  k: FormKind;
  /** Keyed hash of each word's norm, in order. */
  h: string[];
  /** Bit i set: word i must be Title or UPPER case in the text (an ordinary English word). */
  c: number;
  /** Bit i set: word i follows a comma ("Carter, Evie"). Absent: 0. */
  m?: number;
  /** Bit i set: word i is written with an apostrophe after it in the list ("Mac a' Phearsain"). Absent: 0. */
  p?: number;
}

/** One '#'/'@' form: the keyed hash of sign + body ("#eviecarter", "@evie_carter"). */
export interface HashedTag {
  k: 'full' | 'nick';
  h: string;
  /**
   * Set on '#' tags of a name that is not made only of ordinary words: such a tag may also be found
   * inside a longer run-together hashtag ("#eviecarterrocks"). Absent: only the exact tag counts.
   */
  r?: 1;
}

/** What the policies need about a person besides the name. Never shown. */
export interface PersonFacts {
  role: PersonRole;
  /** Date of birth, ISO yyyy-mm-dd. */
  dob?: string;
  /** Leaving date, ISO yyyy-mm-dd. */
  leftOn?: string;
  /** Photo consent as recorded by the school (kept for the official-account rule). */
  photoConsent?: boolean;
  /** Registration group / class ("4B"). */
  group?: string;
}

/** A person as stored: facts plus hashed forms. No plain name anywhere. */
export interface HashedPerson extends PersonFacts {
  forms: HashedForm[];
  tags: HashedTag[];
}

/** A person as imported: names plus the optional facts. */
export type PersonInput = PersonNames &
  Omit<PersonFacts, 'role'> & {
    /** Preferred / known-as surname when it differs from the legal one (MIS exports): both count. */
    preferredSurname?: string;
  };

export interface NameIndex {
  /** Pupils' and former pupils' full names, nickname forms and surname-first forms (hashed). */
  readonly pupilNames: PhraseMatcher<PupilPatternKind>;
  /** Pupils' and former pupils' forenames and preferred names alone, not nicknames (hashed). */
  readonly pupilForenames: PhraseMatcher<PupilForenameKind>;
  /** '#' hashes of pupils' names that may sit inside a longer run-together hashtag. */
  readonly tagRuns: ReadonlySet<string>;
  /** Word-sequence key of a full or nickname form, every role, any case → indexes into `persons`. */
  readonly people: ReadonlyMap<string, readonly number[]>;
  /** Longest form in `people`, in words. */
  readonly peopleMaxWords: number;
  readonly persons: readonly PersonFacts[];
  /** The registration groups of the pupils ("4B", "Oak class"): school-context cues, matched plainly. */
  readonly groups: PhraseMatcher<'group'>;
  readonly hasher: NameHasher;
}

const allBits = (n: number): number => 2 ** n - 1;

/** Words of a name, as the tokeniser sees them in text; `possOf` collects which carry an apostrophe. */
function words(s: string, possOf?: Set<string>): string[] {
  return tokenise(s).map((t) => {
    if (t.poss > 0) possOf?.add(t.norm);
    return t.norm;
  });
}

/** Bit i set where word i is an ordinary English word. */
function wordMask(ws: readonly string[]): number {
  let m = 0;
  for (let i = 0; i < ws.length; i++) if (isOrdinaryWord(ws[i] as string)) m |= 1 << i;
  return m;
}

/** Names made only of ordinary words need a capital on every word ("May Hunter", not "may hunter"). */
function needsCaseMask(ws: readonly string[]): number {
  return wordMask(ws) === allBits(ws.length) ? allBits(ws.length) : 0;
}

/**
 * All variant forms of one person, hashed. Expands: each forename (legal, preferred, and the first
 * word of a forename written as two words: "Muhammad" of "Muhammad Ali") alone and with the
 * surname; "Surname, Forename" and "Surname Forename"; nicknames of one-word forenames, alone and
 * with the surname; '#'/'@' forms of the full and nickname forms.
 */
export function hashPerson(p: PersonInput, hasher: NameHasher): HashedPerson {
  const out: HashedPerson = { role: p.role, forms: [], tags: [] };
  if (p.dob) out.dob = p.dob;
  if (p.leftOn) out.leftOn = p.leftOn;
  if (p.photoConsent !== undefined) out.photoConsent = p.photoConsent;
  if (p.group) out.group = p.group;

  const seenForm = new Set<string>();
  const seenTag = new Set<string>();
  const H = (ws: readonly string[]) => ws.map((w) => hasher.hash(w));
  // Words written with an apostrophe after them ("a'" of "Mac a' Phearsain"): the text may have it there.
  const apostrophed = new Set<string>();
  const form = (k: FormKind, ws: readonly string[], c: number, m = 0): void => {
    if (ws.length === 0 || ws.some((w) => w === '')) return;
    const id = `${k}|${ws.join(' ')}|${c}|${m}`;
    if (seenForm.has(id)) return;
    seenForm.add(id);
    const f: HashedForm = { k, h: H(ws), c };
    if (m) f.m = m;
    let p = 0;
    for (let i = 0; i < ws.length; i++) if (apostrophed.has(ws[i] as string)) p |= 1 << i;
    if (p) f.p = p;
    out.forms.push(f);
  };
  const tag = (k: HashedTag['k'], body: string, run: boolean): void => {
    if (body === '' || seenTag.has(body)) return;
    seenTag.add(body);
    // Tag forms are one per person: hashed without filling the word cache the text side uses.
    const t: HashedTag = { k, h: hasher.hashOnce(body) };
    if (run) t.r = 1;
    out.tags.push(t);
  };
  /** "Evie Carter" as one tag or handle; see the tag forms in rules/pupil-name.ts. */
  const tags = (k: HashedTag['k'], first: readonly string[], surname: readonly string[], underscores: boolean): void => {
    const all = [...first, ...surname];
    const joined = all.join('');
    tag(k, '#' + joined, needsCaseMask(all) === 0);
    tag(k, '@' + joined, false);
    if (!underscores) return;
    tag(k, '@' + first.join('') + '_' + surname.join(''), false);
    if (all.length > 2) tag(k, '@' + all.join('_'), false);
  };

  const surnames: string[][] = [];
  for (const raw of [p.surname, p.preferredSurname]) {
    if (raw === undefined) continue;
    const ws = words(raw, apostrophed);
    if (ws.length > 0 && !surnames.some((x) => x.join(' ') === ws.join(' '))) surnames.push(ws);
  }
  const forenames: string[][] = [];
  const addForename = (s: string | undefined) => {
    if (!s) return;
    const ws = words(s, apostrophed);
    if (ws.length === 0 || forenames.some((f) => f.join(' ') === ws.join(' '))) return;
    forenames.push(ws);
    // "Muhammad Ali" (two given names written with a space): people use the first on its own.
    if (ws.length > 1 && /\s/.test(s.trim())) addForename(s.trim().split(/\s+/)[0]);
  };
  addForename(p.forename);
  addForename(p.preferred);

  for (const first of forenames) {
    form('first', first, needsCaseMask(first));
    const nicks = first.length === 1 ? nicknamesOf(first[0] as string) : [];
    // A UK short form alone ("Alfie" for Alfred) counts like the forename alone: only in a school
    // context (rules/pupil-name.ts). The long nickname list never does ("Bill" alone is anyone).
    if (first.length === 1) for (const n of ukNicknamesOf(first[0] as string)) form('first', [n], needsCaseMask([n]));
    for (const surname of surnames) {
      const surnameIsWord = wordMask(surname) === allBits(surname.length);
      const full = [...first, ...surname];
      form('full', full, needsCaseMask(full));
      tags('full', first, surname, true);
      // "Carter, Evie": an ordinary-word surname needs its capital even when the forename is not a
      // word ("Hunter, Evie", never "hunter, evie").
      const rev = [...surname, ...first];
      form('rev', rev, needsCaseMask(rev) | (surnameIsWord ? allBits(surname.length) : 0), 1 << surname.length);
      // "Zhang Wei" (family name first, as many families write it): only with every capital, and
      // only when no word is an ordinary one ("Long Will", "Price Charlie" are prose or other people).
      if (wordMask(rev) === 0) form('rev-nc', rev, allBits(rev.length));
      for (const n of nicks) {
        const nw = [n, ...surname];
        form('nick', nw, needsCaseMask(nw));
        // Tags only as one run ("#BillSmith", "@billsmith"): underscore handles of every nickname
        // would add a key per nickname for a rare form.
        tags('nick', [n], surname, false);
      }
    }
  }
  return out;
}

const PUPIL_ROLES: ReadonlySet<PersonRole> = new Set(['pupil', 'former-pupil']);

const PUPIL_KIND: Readonly<Record<FormKind, PupilPatternKind | null>> = {
  full: 'full-name',
  nick: 'nickname',
  rev: 'surname-first',
  'rev-nc': 'surname-first',
  first: null,
};

/** Builds the warm index from stored rows. No hashing of names happens here; `hasher` serves the text. */
export function buildNameIndex(rows: readonly HashedPerson[], hasher: NameHasher): NameIndex {
  const names = new MatcherBuilder<PupilPatternKind>();
  const forenames = new MatcherBuilder<PupilForenameKind>();
  const groups = new MatcherBuilder<'group'>();
  const groupSeen = new Set<string>();
  const tagRuns = new Set<string>();
  const people = new Map<string, number[]>();
  const persons: PersonFacts[] = [];
  let peopleMaxWords = 0;

  for (const row of rows) {
    const idx = persons.length;
    const facts: PersonFacts = { role: row.role };
    if (row.dob) facts.dob = row.dob;
    if (row.leftOn) facts.leftOn = row.leftOn;
    if (row.photoConsent !== undefined) facts.photoConsent = row.photoConsent;
    if (row.group) facts.group = row.group;
    persons.push(Object.freeze(facts));
    const isPupil = PUPIL_ROLES.has(row.role);

    for (const f of row.forms) {
      if (f.k === 'full' || f.k === 'nick') {
        const key = f.h.join(' ');
        const list = people.get(key);
        if (!list) people.set(key, [idx]);
        else if (list[list.length - 1] !== idx) list.push(idx);
        if (f.h.length > peopleMaxWords) peopleMaxWords = f.h.length;
      }
      if (!isPupil) continue;
      const pw: PatternWord[] = f.h.map((h, k) => {
        const w: PatternWord = { norm: h, poss: ((f.p ?? 0) & (1 << k)) !== 0 };
        if ((f.m ?? 0) & (1 << k)) w.comma = true;
        return w;
      });
      const kind = PUPIL_KIND[f.k];
      if (kind) names.addPhrase(pw, { needsCase: false, caseMask: f.c, allowHyphen: true, value: kind });
      else forenames.addPhrase(pw, { needsCase: false, caseMask: f.c, allowHyphen: true, value: f.c ? 'word' : 'name' });
    }
    if (!isPupil) continue;
    for (const t of row.tags) {
      names.addHashedCompact(t.h, t.k === 'full' ? 'full-name' : 'nickname');
      if (t.r) tagRuns.add(t.h);
    }
    if (row.group && !groupSeen.has(row.group)) {
      groupSeen.add(row.group);
      const gw = tokenise(row.group).map((t) => ({ norm: t.norm, poss: false }));
      if (gw.length > 0) groups.addPhrase(gw, { needsCase: needsCaseMask(gw.map((w) => w.norm)) !== 0, allowHyphen: true, value: 'group' });
    }
  }
  const keysFor = hasher.keysFor.bind(hasher);
  return Object.freeze({
    pupilNames: names.build(keysFor),
    pupilForenames: forenames.build(keysFor),
    tagRuns,
    people,
    peopleMaxWords,
    persons: Object.freeze(persons),
    groups: groups.build(),
    hasher,
  });
}

/** Plain people → index with a fresh random key: for the CLI, tests and benchmarks. */
export function indexPeople(people: readonly PersonInput[], key: Uint8Array = randomKey()): NameIndex {
  const hasher = new NameHasher(key);
  return buildNameIndex(people.map((p) => hashPerson(p, hasher)), hasher);
}
