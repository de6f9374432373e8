/**
 * The kiosk context's pure updates: what a citizen entered, how answers change, and the
 * ticket request built from them. Kept apart so the machine reads as its states.
 */
import type { PriorityCategory } from '../domain/events';
import {
  EMPTY_ANSWERS,
  type RequirementAnswers,
  type RequirementMark,
} from '../domain/requirements';
import { currentService, requirementCheck } from './kiosk.selectors';
import type { IssueRequest, KioskContext, KioskInput } from './kiosk.types';

/** Everything a citizen entered, cleared on reset. */
export const citizenChoices = {
  query: '',
  groupId: null,
  agencyId: null,
  serviceId: null,
  answers: EMPTY_ANSWERS,
  consultation: false,
  before: null,
  priority: undefined as PriorityCategory | null | undefined,
  personal: null,
  ticket: null,
  failure: null,
  printCount: 0,
} satisfies Partial<KioskContext>;

/** What a new service choice starts from: no answers, no consultation, no priority. */
export const freshCheck = {
  answers: EMPTY_ANSWERS,
  consultation: false,
  before: null,
  priority: undefined as PriorityCategory | null | undefined,
  personal: null,
} satisfies Partial<KioskContext>;

/** The context of a kiosk that has just started. */
export function initialContext(input: KioskInput): KioskContext {
  return {
    ...citizenChoices,
    config: input.config,
    profile: input.profile,
    place: input.place,
    pendingConfig: null,
    lang: input.profile.language,
    largeText: false,
    availability: {},
    popular: [],
  };
}

/** The context after a session ends: nothing of the citizen's is left. */
export function resetContext(ctx: KioskContext): Partial<KioskContext> {
  return {
    ...citizenChoices,
    config: ctx.pendingConfig ?? ctx.config,
    pendingConfig: null,
    lang: ctx.profile.language,
    largeText: false,
  };
}

/** Answers with one question answered. */
export function withAnswer(answers: RequirementAnswers, questionId: string, answer: boolean) {
  return { ...answers, questions: { ...answers.questions, [questionId]: answer } };
}

/** Answers with one requirement (or alternative) marked. */
export function withMark(answers: RequirementAnswers, key: string, mark: RequirementMark) {
  return { ...answers, marks: { ...answers.marks, [key]: mark } };
}

/** Answers without the last question asked (questions are asked in declared order). */
export function withoutLastAnswer(ctx: KioskContext): RequirementAnswers {
  const asked = (currentService(ctx)?.questions ?? [])
    .map((q) => q.id)
    .filter((id) => id in ctx.answers.questions);
  const last = asked.at(-1);
  if (last === undefined) return ctx.answers;
  const { [last]: _dropped, ...questions } = ctx.answers.questions;
  return { ...ctx.answers, questions };
}

/** The request for the ticket the citizen confirmed. */
export function issueRequestOf(ctx: KioskContext): IssueRequest {
  const check = requirementCheck(ctx);
  return {
    agencyId: ctx.agencyId ?? '',
    serviceId: ctx.serviceId ?? '',
    priority: ctx.priority ?? null,
    purpose: ctx.consultation ? 'consultation' : 'service',
    missing: (check?.missingMandatory ?? []).map((r) => r.id),
    language: ctx.lang,
    ...(ctx.before ? { before: ctx.before } : {}),
    personalRef: ctx.personal?.ref,
  };
}
