import {
  choiceList,
  findDecision,
  findFollowUp,
  findOutcome,
  FOLLOW_UPS,
  OBJECTION_DECISIONS,
  OUTCOMES,
  type DecisionCode,
  type FollowUpCode,
  type OutcomeCode,
} from '../domain/outcomes.js';
import { inputError } from '../errors.js';

/** Outcome, follow-up and decision options as typed on the command line (by name or code). */

/** An outcome typed by name or code; anything else is refused with the full list in both forms. */
export function parseOutcome(input: string): OutcomeCode {
  const code = findOutcome(input);
  if (!code) throw inputError('result.unknownOutcome', { value: input, valid: choiceList(OUTCOMES) });
  return code;
}

export function parseFollowUp(input: string): FollowUpCode {
  const code = findFollowUp(input);
  if (!code) throw inputError('result.unknownFollowUp', { value: input, valid: choiceList(FOLLOW_UPS) });
  return code;
}

export function parseDecision(input: string): DecisionCode {
  const code = findDecision(input);
  if (!code) throw inputError('objection.unknownDecision', { value: input, valid: choiceList(OBJECTION_DECISIONS) });
  return code;
}
