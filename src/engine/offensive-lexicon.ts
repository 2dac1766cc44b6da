/**
 * Word lists for the offensive rule (rules/offensive.ts). Pure data plus two lazily built matchers.
 * Every entry is a fixed English literal reviewed here; a pack adds its own words only as literals
 * (`rules.offensive.terms`, compiled in engine/compile.ts).
 *
 * Kinds, and what the rule does with them:
 * - 'slur': discriminatory words. Always reported at the pack's severity: a slur is aimed at a group
 *   by definition (001 Appendix A.5: "racist or homophobic insults … must never be tolerated").
 * - 'profanity': strong swearing. At the pack's severity when aimed at the school or its people,
 *   otherwise `info` ("bloody weather" is not a breach of the policy; a sworn-at head teacher is).
 * - 'mild': bloody, crap, damn… Only reported when aimed at the school or its people.
 * - 'insult': derogatory words and phrases (idiots, useless, a shambles, is a joke). Only when aimed,
 *   and not when the writer says it of themself ("I'm useless at names") or negates it ("not lazy").
 * - 'threat': "I could strangle…", "needs a slap". Only when aimed.
 * Targets (who the abuse is aimed at) are listed in TARGET_PHRASES; the school's own names, the
 * class-context cues of engine/context.ts and pupils' names count too (rules/offensive.ts).
 *
 * Obfuscated spellings (sh1t, $h!t, @$$hole, fuuuck, f u c k) are left to obscenity's matcher and
 * dataset (reference/libraries.md §5.1), trimmed of words that are ordinary in a school (sex
 * education, blue tit, hooker in rugby, Dick Whittington, cum laude, scat singing, boob = mistake).
 */
import { DataSet, englishDataset, englishRecommendedTransformers, pattern, RegExpMatcher } from 'obscenity';
import { MatcherBuilder, type PhraseMatcher } from './matcher';
import { tokenise } from './tokenise';

export type OffenceKind = 'slur' | 'profanity' | 'mild' | 'insult' | 'threat';

const LEXICON: Readonly<Record<OffenceKind, readonly string[]>> = {
  slur: [
    'nigger', 'niggers', 'nigga', 'niggas', 'paki', 'pakis', 'chink', 'chinks', 'kike', 'kikes', 'gyppo', 'gyppos', 'pikey', 'pikeys',
    'spastic', 'spastics', 'spaz', 'spazz', 'spacker', 'mong', 'mongs', 'retard', 'retards', 'retarded', 'tranny', 'trannies',
    'faggot', 'faggots', 'fag', 'fags', 'dyke', 'dykes', 'wog', 'wogs', 'coon', 'coons', 'raghead', 'ragheads', 'towelhead',
  ],
  profanity: [
    'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'fuckwit', 'fuckwits', 'motherfucker', 'motherfuckers', 'fuckface',
    'shit', 'shits', 'shite', 'shitty', 'shitting', 'shithead', 'shitheads', 'shitshow', 'bullshit', 'horseshit',
    'cunt', 'cunts', 'twat', 'twats', 'wanker', 'wankers', 'wank', 'bellend', 'bellends', 'bastard', 'bastards',
    'bitch', 'bitches', 'bitchy', 'arsehole', 'arseholes', 'asshole', 'assholes', 'dickhead', 'dickheads', 'knobhead', 'knobheads',
    'tosser', 'tossers', 'bollocks', 'pissed', 'piss', 'pisstake', 'prick', 'pricks', 'slag', 'slags', 'slut', 'sluts', 'whore', 'whores',
    'dipshit', 'jackass', 'dumbass', 'smartarse', 'douchebag', 'minger', 'mingers', 'skank', 'skanks', 'knob', 'knobs', 'knobend',
  ],
  mild: ['bloody', 'crap', 'crappy', 'damn', 'damned', 'bugger', 'sod', 'effing', 'frigging'],
  insult: [
    'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'imbecile', 'imbeciles', 'cretin', 'cretins', 'dimwit', 'dimwits',
    'halfwit', 'halfwits', 'numpty', 'numpties', 'muppet', 'muppets', 'pillock', 'pillocks', 'plonker', 'plonkers', 'gormless',
    'useless', 'incompetent', 'clueless', 'pathetic', 'disgrace', 'disgraceful', 'shambles', 'shambolic', 'feral', 'brat', 'brats',
    'vile', 'scum', 'scumbag', 'scumbags', 'vermin', 'loser', 'losers', 'lazy', 'stupid', 'thick as', 'thick', 'dumb', 'inept', 'spineless', 'hateful', 'animals', 'savages', 'feral animals',
    'jobsworth', 'liar', 'liars', 'two faced', 'is a joke', 'are a joke', 'was a joke', 'were a joke', 'total joke', 'absolute joke',
    'complete joke', 'what a joke', 'waste of space', 'waste of oxygen', 'waste of skin', 'i hate', 'hate the', 'hate these', 'hate those',
    "can't stand", 'cannot stand', 'little sods', 'little gits', 'git', 'gits', 'chavs', 'chav', 'trash', 'dregs',
  ],
  threat: [
    'strangle', 'strangled', 'throttle', 'throttled', 'could kill', 'want to kill', 'wanted to kill', 'gonna kill', 'going to kill',
    "i'll kill", 'deserves a slap', 'deserve a slap', 'needs a slap', 'need a slap', 'a good slap', 'punch them', 'punch him', 'punch her',
  ],
};

/**
 * Words that follow an insult word and make it harmless ("lazy Sunday", "stupid o'clock"): the pair
 * is not an insult. Keyed by the insult's norm.
 */
export const HARMLESS_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['lazy', new Set(['sunday', 'saturday', 'morning', 'afternoon', 'evening', 'day', 'days', 'weekend', 'river', 'susan', 'bones', 'eye'])],
  ['stupid', new Set(['oclock', 'question', 'questions', 'mistake', 'mistakes', 'o'])],
  ['dumb', new Set(['bell', 'bells', 'waiter', 'luck', 'question'])],
  ['trash', new Set(['can', 'cans', 'bag', 'bags', 'day', 'pickup', 'art'])],
  ['bloody', new Set(['mary', 'nose', 'noses'])],
  ['crap', new Set(['shoot', 'shoots'])],
  ['git', new Set(['hub', 'repo', 'commit', 'push', 'pull', 'clone'])],
  ['feral', new Set(['cat', 'cats', 'pigeon', 'pigeons', 'pig', 'pigs', 'goats', 'ponies'])],
  ['knob', new Set(['of'])], // a knob of butter
  ['animals', new Set(['in', 'on', 'at', 'from', 'and', 'for', 'that', 'who', 'like'])], // "animals in the zoo", "farm animals and…"
]);

/**
 * Words that are only an insult after a degree or linking word: "so thick", "are thick", never
 * "thick coats" or "a thick book". ("thick as …" is a phrase of its own.)
 */
export const NEEDS_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['thick', new Set(['so', 'is', 'are', 'was', 'were', 'proper', 'really', 'bit', 'dead', 'too', 'bloody', 'plain'])],
]);

/** Words that, just before the lexicon word, make it harmless ("door knob", "farm animals"). */
export const HARMLESS_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['knob', new Set(['door', 'volume', 'gear', 'radiator'])],
  ['knobs', new Set(['door', 'volume', 'gear', 'radiator'])],
  ['animals', new Set(['farm', 'wild', 'baby', 'zoo', 'sea', 'pet', 'the', 'cuddly', 'woodland', 'jungle', 'nocturnal', 'stuffed', 'toy', 'balloon', 'about', 'endangered', 'arctic', 'favourite'])],
]);

/**
 * Praise that a swear word only intensifies ("bloody brilliant", "f***ing amazing"): the swearing is
 * not aimed at anyone, so it counts as untargeted.
 */
export const PRAISE: ReadonlySet<string> = new Set([
  'brilliant', 'amazing', 'fantastic', 'proud', 'good', 'great', 'awesome', 'superb', 'incredible', 'lovely', 'fab', 'fabulous',
  'excellent', 'legends', 'legend', 'stars', 'heroes', 'outstanding', 'hilarious', 'beautiful', 'gorgeous', 'wonderful', 'smashed',
  'nailed', 'talented', 'clever', 'kind', 'funny', 'cute', 'ace', 'best',
]);

/**
 * Who abuse can be aimed at under the policies: the school, its staff, pupils and parents. Matched in
 * any case; engine/context.ts adds the class cues ("my class", "year 9", "pupils") and the school's
 * own names come from the pack.
 */
export const TARGET_PHRASES: readonly string[] = [
  'kids', 'kid', 'children', 'child', 'pupils', 'pupil', 'students', 'student', 'class', 'classes', 'year group', 'bottom set', 'top set',
  'parents', 'parent', 'mums', 'dads', 'mum', 'dad', 'carers', 'families', 'the mums', 'the dads',
  'staff', 'staffroom', 'colleague', 'colleagues', 'teacher', 'teachers', 'teaching assistant', 'teaching assistants',
  'the head', 'our head', 'new head', 'head teacher', 'headteacher', 'headmaster', 'headmistress', 'head of year', 'deputy head', 'deputy',
  'slt', 'smt', 'leadership', 'senior leadership', 'senior leaders', 'leadership team', 'management', 'governors', 'governor', 'the trust', 'academy trust',
  'senco', 'ofsted', 'inspector', 'inspectors', 'the school', 'this school', 'our school', 'my school', 'the council', 'the la',
];

let lexicon: PhraseMatcher<OffenceKind> | null = null;
/** The built-in lexicon as one token matcher (any case, whole tokens, across a hyphen). */
export function lexiconMatcher(): PhraseMatcher<OffenceKind> {
  if (!lexicon) {
    const b = new MatcherBuilder<OffenceKind>();
    for (const [kind, phrases] of Object.entries(LEXICON) as [OffenceKind, readonly string[]][]) {
      for (const phrase of phrases) {
        b.addPhrase(tokenise(phrase).map((t) => ({ norm: t.norm, poss: false })), { needsCase: false, allowHyphen: true, value: kind });
      }
    }
    lexicon = b.build();
  }
  return lexicon;
}

/**
 * Class-context cues (engine/context.ts) that name an event or a place, not people: "Bloody weather,
 * sports day moved" is not aimed at anyone.
 */
const NOT_PEOPLE = new Set(['sports day', 'school trip', 'school play', 'class assembly', 'school assembly', 'key stage', 'eyfs', 'at school', 'classroom', 'reception', 'nursery class', 'parents evening']);

let targets: PhraseMatcher<'target'> | null = null;
/** TARGET_PHRASES plus the people cues among `cues`, as one token matcher, built on first use. */
export function targetMatcher(cues: readonly string[]): PhraseMatcher<'target'> {
  if (!targets) {
    const b = new MatcherBuilder<'target'>();
    for (const phrase of [...TARGET_PHRASES, ...cues.filter((c) => !NOT_PEOPLE.has(c))]) {
      b.addPhrase(tokenise(phrase).map((t) => ({ norm: t.norm, poss: false })), { needsCase: false, allowHyphen: true, value: 'target' });
    }
    targets = b.build();
  }
  return targets;
}

/** obscenity words dropped: ordinary in a school, or clinical (RSE lessons), or covered by LEXICON as slurs. */
const DROPPED = new Set([
  'anal', 'anus', 'sex', 'penis', 'vagina', 'semen', 'incest', 'orgasm', 'ejaculate', 'tit', 'hooker', 'scat', 'cum', 'boob',
  'cock', 'dick', 'rape', 'negro', 'porn', 'masturbate', 'hentai', 'turd', 'bestiality', 'fellatio', 'deepthroat', 'doggystyle',
  'double penetration', 'finger bang', 'fisting', 'gangbang', 'handjob', 'lubejob', 'orgy', 'buttplug', 'dildo', 'felch', 'jizz', 'blowjob',
]);
/** obscenity words that are slurs (the rest count as profanity). */
const OBSCENITY_SLURS = new Set(['abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'kike', 'nigger', 'retard', 'spastic', 'tranny', 'dyke', 'fag']);

interface Obfuscation {
  readonly matcher: RegExpMatcher;
  readonly kindOf: (termId: number) => OffenceKind;
}
let obfuscation: Obfuscation | null = null;

/** obscenity's English dataset, trimmed (DROPPED) and with UK words added, built on first use. */
export function obfuscationMatcher(): Obfuscation {
  if (!obfuscation) {
    const data = new DataSet<{ originalWord: string }>()
      .addAll(englishDataset as unknown as DataSet<{ originalWord: string }>)
      .removePhrasesIf((p) => DROPPED.has(p.metadata?.originalWord ?? ''))
      .addPhrase((p) => p.setMetadata({ originalWord: 'wanker' }).addPattern(pattern`wanker`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'bellend' }).addPattern(pattern`bellend`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'tosser' }).addPattern(pattern`|tosser`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'paki' }).addPattern(pattern`|paki|`).addPattern(pattern`|pakis|`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'pikey' }).addPattern(pattern`|pikey`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'idiot' }).addPattern(pattern`idiot`))
      .addPhrase((p) => p.setMetadata({ originalWord: 'moron' }).addPattern(pattern`|moron`));
    const built = data.build();
    const matcher = new RegExpMatcher({ ...built, ...englishRecommendedTransformers });
    const slurs = new Set(['paki', 'pikey', ...OBSCENITY_SLURS]);
    const insults = new Set(['idiot', 'moron']);
    obfuscation = {
      matcher,
      kindOf: (termId) => {
        const word = data.getPayloadWithPhraseMetadata({ termId, startIndex: 0, endIndex: 0, matchLength: 0 }).phraseMetadata?.originalWord ?? '';
        return slurs.has(word) ? 'slur' : insults.has(word) ? 'insult' : 'profanity';
      },
    };
  }
  return obfuscation;
}
