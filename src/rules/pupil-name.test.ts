// pupil-name: RuleTester-style tables with exact spans (JS UTF-16 offsets, end exclusive).
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../engine/compile';
import { prepareInput } from '../engine/evaluate';
import type { PersonNames } from '../engine/types';
import type { RulePack } from '../pack/types';
import { detect, meta } from './pupil-name';

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
];

const compiled = compileRuleSet(pack, people);

/** [start, end, the text of that span] — the text is checked too, so a wrong offset cannot pass. */
type Span = [start: number, end: number, text: string];

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
];

describe('pupil-name', () => {
  it('has matching meta', () => {
    expect(meta.id).toBe('pupil-name');
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
