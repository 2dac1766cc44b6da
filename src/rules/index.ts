/**
 * The rule registry: one line per rule module, sorted by id. Pure: no browser API.
 * `evaluate` runs them in this order; src/engine/evaluate.test.ts checks the order and ids.
 */
import type { RuleModule } from '../engine/compile';
import * as confidential from './confidential';
import * as directMessage from './direct-message';
import * as disclaimer from './disclaimer';
import * as friendRequest from './friend-request';
import * as offensive from './offensive';
import * as officialAccount from './official-account';
import * as personalInfo from './personal-info';
import * as pupilName from './pupil-name';
import * as reference from './reference';
import * as schoolEmail from './school-email';
import * as schoolIdentity from './school-identity';
import * as wikiEdit from './wiki-edit';
import * as workingHours from './working-hours';
import * as worksAt from './works-at';

export const RULES: readonly RuleModule[] = [
  confidential,
  directMessage,
  disclaimer,
  friendRequest,
  offensive,
  officialAccount,
  personalInfo,
  pupilName,
  reference,
  schoolEmail,
  schoolIdentity,
  wikiEdit,
  workingHours,
  worksAt,
];
