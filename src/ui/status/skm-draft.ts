/**
 * The SKM survey's form as typed (./SkmSurvey.tsx): a score or nothing per unsur, the
 * profile's choices, the suggestion; and the request it becomes, or comes back from.
 */
import { SKM_UNSUR, type SkmAnswers, type SkmScore } from '../../domain/skm';
import {
  MAX_SKM_SUGGESTION,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  type SkmAnswerRequest,
  type SkmProfileField,
} from '../../domain/skm-respondent';

type Profile = Partial<Pick<SkmAnswerRequest, SkmProfileField>>;
/** The form as typed: a score or nothing per unsur, the profile's choices, the suggestion. */
export type Draft = { scores: (SkmScore | null)[]; profile: Profile; suggestion: string };

export function emptyDraft(): Draft {
  return { scores: SKM_UNSUR.map(() => null), profile: {}, suggestion: '' };
}

/** The form of an answer (one that was kept, or refused). */
export function draftOf(request: SkmAnswerRequest): Draft {
  const profile: Profile = {};
  for (const field of SKM_PROFILE_FIELDS) {
    const chosen = optionOf(field, request[field]);
    if (chosen) Object.assign(profile, { [field]: chosen });
  }
  return { scores: [...request.answers], profile, suggestion: request.suggestion ?? '' };
}

/** The draft with a profile field chosen, or left out ('' or an option it does not have). */
export function withProfile(draft: Draft, field: SkmProfileField, value: string): Draft {
  const profile: Profile = { ...draft.profile };
  const chosen = optionOf(field, value);
  if (chosen) Object.assign(profile, { [field]: chosen });
  else delete profile[field];
  return { ...draft, profile };
}

/** The option `value` names among a profile field's, or null ('' is "not given"). */
function optionOf(field: SkmProfileField, value: string | undefined): string | null {
  return SKM_PROFILE[field].some(([option]) => option === value) ? (value ?? null) : null;
}

/** The request of a complete form: no key for what was left empty. */
export function requestOf(draft: Draft): SkmAnswerRequest {
  const request: SkmAnswerRequest = {
    answers: draft.scores as unknown as SkmAnswers,
    ...draft.profile,
  };
  const suggestion = plainSuggestion(draft.suggestion).slice(0, MAX_SKM_SUGGESTION);
  if (suggestion !== '') request.suggestion = suggestion;
  return request;
}

/**
 * A suggestion as the server takes it, plain text on one line: each run of line breaks,
 * tabs and other control characters (with the spaces around them) becomes one space, and
 * the ends are trimmed.
 */
export function plainSuggestion(text: string): string {
  return text.replace(/\s*\p{Cc}[\p{Cc}\s]*/gu, ' ').trim();
}
