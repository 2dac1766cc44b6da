// pupil-name: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { PersonNames } from '../engine/types';
import type { RulePack } from '../pack/types';
import { detect, meta } from './pupil-name';
import { ruleTable, type Span } from '../../test/unit/rule-tester';

const pack: RulePack = {
  format: 'second-look-pack',
  version: 1,
  id: 'test',
  title: 'Test pack',
  school: { name: 'Holbrook Primary School', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  rules: {
    'pupil-name': { enabled: true, severity: 'high', title: "Pupil's name", clause: 'Do not name pupils.' },
  },
};

const pupil = (forename: string, surname: string, extra: Partial<PersonNames> = {}): PersonNames => ({
  role: 'pupil',
  forename,
  surname,
  ...extra,
});

const people: PersonNames[] = [
  pupil('May', 'Hunter'),
  pupil('Evie', 'Carter'),
  pupil('Noémie', 'Dubois'),
  pupil('Siobhán', "O'Brien"),
  pupil('Ellie-Mae', 'Smith'),
  pupil('Mae', 'Smith'),
  pupil('Daan', 'van der Berg'),
  pupil('Łukasz', 'Nowak'),
  pupil('Grace', 'Hope'),
  pupil('Amara', 'James'),
  pupil('Oluwaseun', 'Adebayo', { preferred: 'Seun' }),
  pupil('Zoë', 'Brontë', { role: 'former-pupil' }),
  pupil('Mark', 'Jones', { role: 'parent' }),
  pupil('Sarah', 'Price', { role: 'staff' }),
  pupil('Cher', ''),
  // Issue 4: nicknames, ordinary-word names, famous namesakes, first names in a school context.
  pupil('William', 'Long'),
  pupil('William', 'Okafor'),
  pupil('Alfred', 'Nowak'),
  pupil('Charlotte', 'Mensah'),
  pupil('Margaret', 'Dubois', { preferred: 'Maisie' }),
  pupil('Alfie', 'Mensah'),
  pupil('Harry', 'Stiles'),
  pupil('Ivy', 'Bishop'),
  pupil('Ruby', 'Page'),
  pupil('Joy', 'Sterling'),
  pupil('Sunny', 'Okafor'),
  pupil('Iris', 'Bishop'),
];

const compiled = compileRuleSet(pack, people);

/** [start, end, the text of that span] — the text is checked too, so a wrong offset cannot pass. */

function run(text: string): Span[] {
  return detect(prepareInput({ text, site: 'facebook' }), compiled).map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
}

const valid: string[] = [
  'Hunter may come later',
  'may hunter',
  'May hunter',
  'may Hunter',
  'May. Hunter',
  'May, Hunter',
  'May - Hunter',
  'May (Hunter)',
  'May 🎉 Hunter',
  'grace hope',
  'Grace hope',
  'saving grace. Hope springs',
  'Evie',
  'Evie went home with Carter',
  'Evie. Carter',
  "Evie's Carter",
  'Evie Carterton',
  'Evie Carters',
  'EvieCarter',
  'Noemie Duboiss',
  'Daan van Berg',
  'Ellie Smith',
  'Mark Jones', // parent
  'Sarah Price', // staff
  'Cher', // no surname: a forename alone never fires
  'staff@eviecarter.org',
  'C#EvieCarter',
  // Nicknames: only with the surname, never alone, and with the case rule ("will long" is prose).
  'bill long',
  'will long',
  'Will long',
  'The bill will be long',
  'Bill',
  'Bill in my class', // a nickname alone is never expanded back to William
  'Henry Stiles', // "harry → henry" is a reverse row of the nickname data: not expanded
  'Harold Stiles',
  'Wilbur Okafor', // not a nickname of William
  // Famous namesake: surnames match exactly, no fuzziness.
  'Harry Styles is on tour',
  'HARRY STYLES',
  // "Surname, Forename" needs the comma the right way round and case on ordinary words.
  'Evie, Carter',
  'hunter, may',
  'hunter, May',
  'Hunter; May',
  'Hunter. May',
  // Handles and tags: a digit suffix, a dot or a bare underscore word is not matched.
  '@eviecarter2015',
  '#EvieCarter2015',
  '@evie.carter',
  'evie_carter',
  // A first name with no school cue, or with the cue in another sentence.
  'Evie came round for tea',
  'Alfie came round for tea',
  'Evie came round for tea. My class were great today',
  'Evie came round for tea!\nMy class were great today',
  'Evie came round for tea and then we walked the dogs by the river before my class',
  // Ordinary-word first names: lower case, or opening a sentence, never count.
  'May I remind my class about the trip',
  'May in my class',
  'may in my class',
  'Ivy in my class',
  'the ivy on year 4 classroom walls',
  'Our pupils bring such joy',
  'It was sunny for year 4 sports day',
  'Iris scans for pupils. Sunny today',
  'Ruby, Page and Bishop',
  'Grace in my class', // Grace Hope: sentence-initial ordinary word
  'great class today: ruby and ivy',
  // Nicknames from the long list and surnames are not forenames; UK short forms are (see invalid).
  'Bill in my class', // William's nickname from the long list, alone
  'Freddie went to the park', // a UK short form alone, no school context
  'Freddie Mercury songs in my class today', // another person's full name in a school context
  'Evie Jones in my class', // a different Evie
  'Carter in my class', // a surname alone
  // Issue 4: dates, characters, longer hyphenated names, reversed ordinary words, tags with numbers.
  'Hunter, May 2023 reunion',
  'Hunter, May 3rd',
  'In May 2023 my class went to the zoo',
  'my class trip is on 3 May',
  'Evie Carter-Smith from book club',
  'Evie-Rose in my class',
  'Year 6 are reading Harry Potter in class',
  'Hunter May', // "Surname Forename" without a comma: never for ordinary words
  'Long Will',
  '#happybirthdaymayhunter', // ordinary-word names only as the exact tag
  '#eviecarter2015rocks',
  '#WellDoneEvieCarter2015',
];

const invalid: [text: string, spans: Span[]][] = [
  ['May Hunter won', [[0, 10, 'May Hunter']]],
  ['MAY HUNTER', [[0, 10, 'MAY HUNTER']]],
  ['May HUNTER', [[0, 10, 'May HUNTER']]],
  ['Well done May Hunter!', [[10, 20, 'May Hunter']]],
  ["May Hunter's bag", [[0, 10, 'May Hunter']]],
  ['Grace Hope', [[0, 10, 'Grace Hope']]],
  ['GRACE HOPE', [[0, 10, 'GRACE HOPE']]],
  ['Evie Carter’s coat', [[0, 11, 'Evie Carter']]],
  ["Evie Carter's coat", [[0, 11, 'Evie Carter']]],
  ['evie carter', [[0, 11, 'evie carter']]],
  ['Evie\nCarter', [[0, 11, 'Evie\nCarter']]],
  ['Evie \n\t Carter', [[0, 14, 'Evie \n\t Carter']]],
  ['Noemie Dubois', [[0, 13, 'Noemie Dubois']]],
  ['Noémie Dubois', [[0, 13, 'Noémie Dubois']]],
  ['Noe\u0301mie Dubois', [[0, 14, 'Noe\u0301mie Dubois']]],
  ['NOÉMIE DUBOIS', [[0, 13, 'NOÉMIE DUBOIS']]],
  ["Siobhan O'Brien", [[0, 15, "Siobhan O'Brien"]]],
  ['Siobhán O’Brien', [[0, 15, 'Siobhán O’Brien']]],
  ["SIOBHAN O'BRIEN'S", [[0, 15, "SIOBHAN O'BRIEN"]]],
  ['Siobhan OBrien', [[0, 14, 'Siobhan OBrien']]],
  ['Ellie-Mae Smith', [[0, 15, 'Ellie-Mae Smith']]],
  ['Ellie Mae Smith', [[0, 15, 'Ellie Mae Smith']]],
  ['ellie-mae\nsmith', [[0, 15, 'ellie-mae\nsmith']]],
  ['Mae Smith', [[0, 9, 'Mae Smith']]],
  ['Daan van der Berg', [[0, 17, 'Daan van der Berg']]],
  ['Daan Van Der Berg’s', [[0, 17, 'Daan Van Der Berg']]],
  ['Łukasz Nowak', [[0, 12, 'Łukasz Nowak']]],
  ['Lukasz Nowak', [[0, 12, 'Lukasz Nowak']]],
  ['LUKASZ NOWAK', [[0, 12, 'LUKASZ NOWAK']]],
  ['Amara James’ bike', [[0, 11, 'Amara James']]],
  ['Seun Adebayo and Oluwaseun Adebayo', [[0, 12, 'Seun Adebayo'], [17, 34, 'Oluwaseun Adebayo']]],
  ['Zoe Bronte', [[0, 10, 'Zoe Bronte']]], // former pupil
  ['Evie Carter and May Hunter', [[0, 11, 'Evie Carter'], [16, 26, 'May Hunter']]],
  ['#EvieCarter @eviecarter', [[0, 11, '#EvieCarter'], [12, 23, '@eviecarter']]],
  // Astral characters before the name: offsets are UTF-16 code units, not code points.
  ['😀🎉 Evie Carter', [[5, 16, 'Evie Carter']]],
  ['👩‍👩‍👧 and 𝒜 then Evie Carter', [[21, 32, 'Evie Carter']]],
  ['🏫\nNoémie Dubois 🎉 Grace Hope', [[3, 16, 'Noémie Dubois'], [20, 30, 'Grace Hope']]],

  // Nicknames of the forename (or preferred name) + surname: CSV data and the UK supplement.
  ['Bill Long won', [[0, 9, 'Bill Long']]],
  ['Will Long', [[0, 9, 'Will Long']]],
  ['WILL LONG', [[0, 9, 'WILL LONG']]],
  ["Billy Long's coat", [[0, 10, 'Billy Long']]],
  ['bill okafor', [[0, 11, 'bill okafor']]], // Okafor is not an ordinary word
  ['Alfie Nowak', [[0, 11, 'Alfie Nowak']]], // UK supplement: alfie → alfred
  // A UK short form alone in a school context, like a forename (issue 4: "one of my year 4s, Alfie").
  ['Freddie in my class', [[0, 7, 'Freddie']]],
  ['One of my year 4s, Lottie, told me a joke', [[19, 25, 'Lottie']]],
  ['Freddie Nowak and Fred Nowak', [[0, 13, 'Freddie Nowak'], [18, 28, 'Fred Nowak']]],
  ['Charlie Mensah', [[0, 14, 'Charlie Mensah']]], // charlie → charlotte (supplement)
  ['Lottie\nMensah', [[0, 13, 'Lottie\nMensah']]],
  ['Maggie Dubois', [[0, 13, 'Maggie Dubois']]], // nickname of the forename, Margaret
  ['Maisie Dubois', [[0, 13, 'Maisie Dubois']]], // the preferred name
  ['#BillOkafor @billokafor', [[0, 11, '#BillOkafor'], [12, 23, '@billokafor']]],
  ['Harry Stiles', [[0, 12, 'Harry Stiles']]],
  // "Surname, Forename".
  ['Carter, Evie', [[0, 12, 'Carter, Evie']]],
  ['carter, evie', [[0, 12, 'carter, evie']]],
  ['Carter,\nEvie', [[0, 12, 'Carter,\nEvie']]],
  ['Carter , Evie', [[0, 13, 'Carter , Evie']]],
  ['Hunter, May', [[0, 11, 'Hunter, May']]],
  ['HUNTER, MAY', [[0, 11, 'HUNTER, MAY']]],
  ["O’Brien, Siobhan", [[0, 16, "O’Brien, Siobhan"]]],
  ['van der Berg, Daan', [[0, 18, 'van der Berg, Daan']]],
  ['Adebayo, Seun', [[0, 13, 'Adebayo, Seun']]],
  ['Register: Hunter, May; Carter, Evie.', [[10, 21, 'Hunter, May'], [23, 35, 'Carter, Evie']]],
  // Tags and handles, run together, camelCase or with underscores.
  ['#evie_carter #eviecarter', [[0, 12, '#evie_carter'], [13, 24, '#eviecarter']]],
  ['@evie_carter @EvieCarter', [[0, 12, '@evie_carter'], [13, 24, '@EvieCarter']]],
  ['#DaanVanDerBerg @daan_van_der_berg @daan_vanderberg', [[0, 15, '#DaanVanDerBerg'], [16, 34, '@daan_van_der_berg'], [35, 51, '@daan_vanderberg']]],
  ['#ElliemaeSmith @elliemae_smith', [[0, 14, '#ElliemaeSmith'], [15, 30, '@elliemae_smith']]],
  // Run-together hashtags: camelCase parts as words, lower case at either end of the tag.
  ['#WellDoneEvieCarter', [[0, 19, '#WellDoneEvieCarter']]],
  ['#EvieCarterRocks today', [[0, 16, '#EvieCarterRocks']]],
  ['#HappyBirthdayMayHunter', [[0, 23, '#HappyBirthdayMayHunter']]],
  ['#eviecarterrocks #proudofnoemiedubois', [[0, 16, '#eviecarterrocks'], [17, 37, '#proudofnoemiedubois']]],
  // "Surname Forename" without a comma, with both capitals, for names that are not ordinary words.
  ['Dubois Noemie won', [[0, 13, 'Dubois Noemie']]],
  ['Hunter, May is on the register', [[0, 11, 'Hunter, May']]],
  // A first name alone, within 5 tokens of a school cue in the same sentence: the span is the name.
  ['Evie in my class', [[0, 4, 'Evie']]],
  ['one of my year 4s, Alfie', [[19, 24, 'Alfie']]],
  ['So proud of Evie in Y4 today', [[12, 16, 'Evie']]],
  ['EVIE in reception', [[0, 4, 'EVIE']]],
  ["Evie’s mum came to our school fair", [[0, 4, 'Evie']]],
  ['Amara, one of my pupils, won', [[0, 5, 'Amara']]],
  ['Great to see Evie at Holbrook Primary School', [[13, 17, 'Evie']]],
  ['Seun in class today', [[0, 4, 'Seun']]], // preferred name
  ['Oluwaseun in class today', [[0, 9, 'Oluwaseun']]],
  ['Ellie-Mae in year 2', [[0, 9, 'Ellie-Mae']]],
  ['Well done May in my class', [[10, 13, 'May']]],
  ['my year 6s: Mae, Evie and May', [[12, 15, 'Mae'], [17, 21, 'Evie'], [26, 29, 'May']]],
  ['Today Ivy in year four read aloud', [[6, 9, 'Ivy']]],
  ['Evie Carter in my class', [[0, 11, 'Evie Carter']]], // the full name, not also "Evie"
  ['Cher in class', [[0, 4, 'Cher']]], // no surname on the list: the first name still counts here
  // One line break does not end the context (lists: "my year 4s:\nAlfie\nEvie"); a blank line does.
  ['Maisie from year 3\nEvie came round', [[0, 6, 'Maisie'], [19, 23, 'Evie']]],
  ['Maisie from year 3\n\nEvie came round', [[0, 6, 'Maisie']]],
  ['Well done to my year 4s:\nAlfie\nEvie', [[25, 30, 'Alfie'], [31, 35, 'Evie']]],
];

describe('pupil-name', () => {
  ruleTable('pupil-name', meta, (text) => run(text), valid, invalid);

  it('builds findings from the pack settings', () => {
    const [f] = detect(prepareInput({ text: 'Evie Carter', site: 'x' }), compiled);
    expect(f).toEqual({ rule: 'pupil-name', start: 0, end: 11, severity: 'high', title: "Pupil's name", clause: 'Do not name pupils.' });
  });

  it('finds nothing when the pack leaves the rule out or turns it off', () => {
    const off = compileRuleSet({ ...pack, rules: { 'pupil-name': { ...pack.rules['pupil-name']!, enabled: false } } }, people);
    const absent = compileRuleSet({ ...pack, rules: {} }, people);
    for (const c of [off, absent]) expect(detect(prepareInput({ text: 'Evie Carter', site: 'x' }), c)).toEqual([]);
  });
});
