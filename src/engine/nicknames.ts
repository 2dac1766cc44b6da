/**
 * Nickname expansion for class-list names: "William" → will, bill, billy… so that "Bill Smith" is
 * recognised as the pupil William Smith. Pure: no browser API; the data is bundled, nothing fetched.
 *
 * Direction is always canonical → nicknames, applied to the class list when the rule set is
 * compiled. It is never used the other way round on the user's words (a lone "Bill" in a post says
 * nothing about William), see ../shared/reference/libraries.md §3.1.
 *
 * Data: the carltonnorthern/nicknames CSV (Apache-2.0, data/NICKNAMES-LICENSE.txt), compacted into
 * data/nicknames.ts by scripts/gen-nicknames.mjs, plus a small UK supplement below for forms that
 * list lacks (it has no alfie, benji or charlie for Charlotte).
 */
import { NICKNAMES_DATA } from './data/nicknames';

/**
 * Curated UK forms, written nickname → the names it is short for (the way people think of them).
 * Inverted into canonical → nicknames on load. Keys and values are token norms (lower-case, a-z).
 */
export const UK_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  alf: ['alfred'],
  alfie: ['alfred'],
  archie: ['archibald'],
  benji: ['benjamin'],
  bea: ['beatrice', 'beatrix'],
  charlie: ['charlotte', 'charles'],
  evie: ['evelyn', 'eve'],
  ellie: ['eleanor', 'elizabeth', 'ellen', 'elena'],
  freddie: ['frederick', 'alfred', 'frederica'],
  // Spelling variant: a pupil registered as Freddie is written Freddy as often.
  freddy: ['freddie'],
  frankie: ['frances', 'francesca', 'francis', 'frank'],
  georgie: ['georgia', 'georgina', 'george'],
  harry: ['henry', 'harrison', 'harold'],
  izzy: ['isabella', 'isabelle', 'isobel', 'isabel'],
  issy: ['isabella', 'isabelle', 'isobel', 'isabel'],
  jess: ['jessica'],
  jessie: ['jessica'],
  jamie: ['james'],
  kit: ['christopher'],
  libby: ['elizabeth'],
  lottie: ['charlotte'],
  maisie: ['margaret'],
  millie: ['amelia', 'camilla', 'emily', 'mildred'],
  mo: ['mohammed', 'muhammad', 'mohammad', 'mohamed', 'muhammed'],
  milly: ['amelia', 'camilla', 'emily', 'mildred'],
  nell: ['eleanor', 'helen'],
  nellie: ['eleanor', 'helen'],
  ollie: ['oliver', 'olivia'],
  rosie: ['rosemary', 'rosalind'],
  sid: ['sidney'],
  teddy: ['edward', 'theodore'],
  theo: ['theodore'],
  tom: ['thomas'],
  toby: ['tobias'],
  xander: ['alexander'],
  zac: ['zachary'],
};

let table: ReadonlyMap<string, readonly string[]> | null = null;

/**
 * The CSV lists some pairs both ways ("charles → charlie" and "charlie → charles", "henry → harry"
 * and "harry → henry"). Expanding the nickname-side row would turn a pupil called Charlie into
 * "Charles …", i.e. a reverse lookup. For such a pair the side with more nicknames of its own is
 * taken as the full name and the other row is dropped; on a tie the longer name is the full one
 * (harold/harry). Known miss: ann/annie tie, so "Ann" does not expand to "Annie" (the reverse does).
 */
function isReverseEntry(csv: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const back = csv.get(to);
  if (!back || !back.includes(from)) return false;
  const own = (csv.get(from) as readonly string[]).length;
  return back.length > own || (back.length === own && to.length > from.length);
}

function build(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, Set<string>>();
  const add = (canonical: string, nick: string): void => {
    if (canonical === nick) return;
    let set = map.get(canonical);
    if (!set) map.set(canonical, (set = new Set()));
    set.add(nick);
  };
  const csv = new Map<string, readonly string[]>();
  for (const entry of NICKNAMES_DATA.split(';')) {
    const colon = entry.indexOf(':');
    csv.set(entry.slice(0, colon), entry.slice(colon + 1).split(','));
  }
  for (const [canonical, nicks] of csv) {
    for (const nick of nicks) {
      if (!isReverseEntry(csv, canonical, nick)) add(canonical, nick);
    }
  }
  for (const [nick, canonicals] of Object.entries(UK_NICKNAMES)) {
    for (const canonical of canonicals) add(canonical, nick);
  }
  const out = new Map<string, readonly string[]>();
  for (const [k, v] of map) out.set(k, Object.freeze([...v].sort()));
  return out;
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Known nicknames of a forename given as a token norm ("william" → ["bela", "bell", "bill", …]),
 * never including the name itself; [] when there are none. The table is built on first use.
 */
export function nicknamesOf(norm: string): readonly string[] {
  if (!table) table = build();
  return table.get(norm) ?? NONE;
}

let ukTable: ReadonlyMap<string, readonly string[]> | null = null;

/**
 * The curated UK forms of a forename only ("alfred" → ["alf", "alfie", "freddie"]), from UK_NICKNAMES.
 * These are the names a teacher calls a pupil by in class, so, unlike the long CSV list, they count
 * alone in a school context ("one of my year 4s, Alfie"); see name-index.ts.
 */
export function ukNicknamesOf(norm: string): readonly string[] {
  if (!ukTable) {
    const map = new Map<string, string[]>();
    for (const [nick, canonicals] of Object.entries(UK_NICKNAMES)) {
      for (const c of canonicals) {
        if (c === nick) continue;
        const list = map.get(c) ?? [];
        list.push(nick);
        map.set(c, list);
      }
    }
    ukTable = new Map([...map].map(([k, v]) => [k, Object.freeze(v.sort())]));
  }
  return ukTable.get(norm) ?? NONE;
}
