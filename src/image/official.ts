/**
 * official-account for posts with a photo: when the user posts as one of the school's own accounts,
 * the school's posting protocol applies (policy 003 "Staff Protocol for use of Social Media" steps
 * 1–2; policy 004 "school-sanctioned social media"; policy 001 Appendix A.5):
 *   - no child named in a post that carries a photo (003 step 2; 004);
 *   - no pupil whose record says "no photo consent" named at all (003 step 1; 004);
 *   - no name readable in the image: certificates blank, names not visible on work (003 step 2);
 *   - photos of children only with written parental consent (004): a reminder when faces are seen.
 * Pure: no browser API. Consent is looked up through the hashed name index (never a plain name).
 */
import type { ActiveRule, CompiledRuleSet } from '../engine/compile';
import type { NameIndex } from '../engine/name-index';
import { tokenise } from '../engine/tokenise';
import type { Finding } from '../engine/types';
import type { ImageFinding } from './types';

/**
 * Whether the person a name span names has "no photo consent" on record: true when any listed
 * person with exactly that full name (or nickname + surname) is a pupil or former pupil whose
 * consent is recorded as false. A forename alone cannot be tied to one record and gives false.
 */
export function namesPupilWithoutConsent(index: NameIndex, name: string): boolean {
  const tokens = tokenise(name).filter((t) => t.prefix === undefined);
  if (tokens.length === 0) return false;
  const keyOf = (ts: typeof tokens) => ts.map((t) => index.hasher.hash(t.norm)).join(' ');
  const ids = [...(index.people.get(keyOf(tokens)) ?? [])];
  // "Surname, Forename" (a register's order): the words after the comma come first.
  const comma = name.indexOf(',');
  if (comma > 0) {
    const after = tokens.filter((t) => t.start > comma);
    const before = tokens.filter((t) => t.start < comma);
    if (after.length > 0 && before.length > 0) ids.push(...(index.people.get(keyOf([...after, ...before])) ?? []));
  }
  return ids.some((id) => {
    const p = index.persons[id];
    return !!p && (p.role === 'pupil' || p.role === 'former-pupil') && p.photoConsent === false;
  });
}

export interface OfficialInputs {
  /** Findings of the text rules in the caption, and the caption they index. */
  caption: string;
  captionFindings: readonly Finding[];
  /** Findings of the text rules in the OCR'd text, and that text. */
  ocrText: string;
  ocrFindings: readonly Finding[];
  /** Faces seen (score above the threshold), or null when face detection did not run. */
  faces: number | null;
}

export const PROTOCOL_NAME_IN_PHOTO =
  'A child is named in a post with a photo. School posting protocol (003 step 2; 004): never name a child featured in a photograph.';
export const PROTOCOL_NO_CONSENT =
  'A pupil named here has no photo consent on record. School posting protocol (003 step 1; 004): only with written permission from the parent.';
const PROTOCOL_NAME_IN_IMAGE =
  "A child's name can be read in the image. School posting protocol (003 step 2): certificates must be blank and names must not be visible on work.";

export function officialAccountFindings(compiled: CompiledRuleSet, active: ActiveRule, inp: OfficialInputs): ImageFinding[] {
  const out: ImageFinding[] = [];
  const base = { rule: 'official-account' as const, severity: active.severity, title: active.title, clause: active.clause };
  const captionNames = inp.captionFindings.filter((f) => f.rule === 'pupil-name');
  const ocrNames = inp.ocrFindings.filter((f) => f.rule === 'pupil-name');
  const noConsent =
    captionNames.some((f) => namesPupilWithoutConsent(compiled.names, inp.caption.slice(f.start, f.end))) ||
    ocrNames.some((f) => namesPupilWithoutConsent(compiled.names, inp.ocrText.slice(f.start, f.end)));
  if (noConsent) out.push({ ...base, detail: PROTOCOL_NO_CONSENT, say: { key: 'image.detail.official.noConsent' } });
  if (captionNames.length > 0) out.push({ ...base, detail: PROTOCOL_NAME_IN_PHOTO, say: { key: 'image.detail.official.nameInPhoto' } });
  if (ocrNames.length > 0) out.push({ ...base, detail: PROTOCOL_NAME_IN_IMAGE, say: { key: 'image.detail.official.nameInImage' } });
  if (inp.faces !== null && inp.faces > 0) {
    // A reminder, not a hold: the school may well have consent for this photo.
    out.push({
      ...base,
      severity: 'info',
      detail: `This photo shows ${inp.faces === 1 ? '1 person' : `${inp.faces} people`}. School posting protocol (004; 001 Appendix A.5): post photos of children only with written consent from their parents.`,
      say: inp.faces === 1 ? { key: 'image.detail.official.people.one' } : { key: 'image.detail.official.people.many', params: { count: inp.faces } },
    });
  }
  return out;
}
