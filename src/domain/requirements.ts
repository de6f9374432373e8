/**
 * The citizen's requirement check ("Ada / Belum ada"): which requirements apply given
 * the answers to a service's questions, and which are present, missing or still open.
 * Only ids and booleans are kept — never a document or a personal detail.
 */

import type { Question, Requirement, Service } from './config/schema';
import { UNRECORDED } from './config/unrecorded-marker';

/** The citizen's answer for one requirement (or one alternative of it). */
export type RequirementMark = 'present' | 'absent';

/**
 * Answers so far: question id → yes/no, and marks keyed by requirement id or, for an
 * anyOf alternative, by `${requirementId}/${optionId}` (see markKey).
 */
export type RequirementAnswers = {
  questions: Readonly<Record<string, boolean>>;
  marks: Readonly<Record<string, RequirementMark>>;
};

/** Answers at the start of a check: nothing asked, nothing marked. */
export const EMPTY_ANSWERS: RequirementAnswers = Object.freeze({
  questions: Object.freeze({}),
  marks: Object.freeze({}),
});

/** The key of a mark: the requirement id, or `requirementId/optionId` for an alternative. */
export function markKey(requirementId: string, optionId?: string): string {
  return optionId === undefined ? requirementId : `${requirementId}/${optionId}`;
}

/**
 * Questions some requirement or prerequisite depends on and not answered yet, in the
 * service's order.
 */
export function pendingQuestions(service: Service, answers: RequirementAnswers): Question[] {
  const conditional = [...service.requirements, ...(service.prerequisites ?? [])];
  const used = new Set(conditional.flatMap((r) => (r.when ? [r.when.question] : [])));
  return (service.questions ?? []).filter(
    (q) => used.has(q.id) && answers.questions[q.id] === undefined,
  );
}

/** Requirements that apply: unconditional ones, and conditional ones whose answer matches. */
export function applicableRequirements(
  service: Service,
  answers: RequirementAnswers,
): Requirement[] {
  // An unrecorded list says so on the service's page; the checklist asks nothing of it.
  return service.requirements.filter(
    (r) =>
      r.id !== UNRECORDED &&
      (r.when === undefined || answers.questions[r.when.question] === r.when.answer),
  );
}

/** The outcome of the check, each list in the service's declared order. */
export type RequirementCheck = {
  applicable: Requirement[];
  satisfied: Requirement[]; // present, or (anyOf) any one option present
  missingMandatory: Requirement[]; // answered absent (all options absent for anyOf)
  missingOptional: Requirement[];
  unanswered: Requirement[]; // neither satisfied nor fully answered
  complete: boolean; // no pending questions and nothing unanswered
};

type Status = 'satisfied' | 'missing' | 'unanswered';

/**
 * Status of one requirement. For alternatives, one option present satisfies it; it is
 * missing when every option is marked absent, or when the whole group is marked absent
 * (a single "Belum ada" for all of them) and no option is present.
 */
function statusOf(requirement: Requirement, marks: RequirementAnswers['marks']): Status {
  const own = marks[requirement.id];
  if (requirement.anyOf === undefined) {
    if (own === undefined) return 'unanswered';
    return own === 'present' ? 'satisfied' : 'missing';
  }
  const options = requirement.anyOf.map((o) => marks[markKey(requirement.id, o.id)]);
  if (own === 'present' || options.includes('present')) return 'satisfied';
  if (own === 'absent' || options.every((m) => m === 'absent')) return 'missing';
  return 'unanswered';
}

/** Checks the answers against the service's requirements. */
export function checkRequirements(service: Service, answers: RequirementAnswers): RequirementCheck {
  const applicable = applicableRequirements(service, answers);
  const check: RequirementCheck = {
    applicable,
    satisfied: [],
    missingMandatory: [],
    missingOptional: [],
    unanswered: [],
    complete: false,
  };
  for (const requirement of applicable) {
    const status = statusOf(requirement, answers.marks);
    if (status === 'satisfied') check.satisfied.push(requirement);
    else if (status === 'unanswered') check.unanswered.push(requirement);
    else if (requirement.mandatory) check.missingMandatory.push(requirement);
    else check.missingOptional.push(requirement);
  }
  check.complete = check.unanswered.length === 0 && pendingQuestions(service, answers).length === 0;
  return check;
}
