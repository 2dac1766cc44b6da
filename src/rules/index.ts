/**
 * The rule registry: one line per rule module, sorted by id. Pure: no browser API.
 * `evaluate` runs them in this order; src/engine/evaluate.test.ts checks the order and ids.
 */
import type { RuleModule } from '../engine/compile';
import * as confidential from './confidential';
import * as personalInfo from './personal-info';
import * as pupilName from './pupil-name';
import * as schoolEmail from './school-email';
import * as schoolIdentity from './school-identity';

export const RULES: readonly RuleModule[] = [
  confidential,
  personalInfo,
  pupilName,
  schoolEmail,
  schoolIdentity,
];
