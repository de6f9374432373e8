/**
 * The SKM survey (PermenPANRB 14/2017) on the citizen's phone, once the ticket is served:
 * the nine questions, each four answers with a drawn face and the regulation's words; then what
 * the citizen may tell about themselves (all optional) and a suggestion. Anonymous: no
 * name, no NIK, no phone — the ticket is the one link.
 *
 * Sending: an answer is kept on the phone (./skm-pending.ts) from the moment it is sent
 * until the server has it (201, or 409 already_answered); without a network or with a
 * failing server it stays kept and goes again when the phone is online, every minute while
 * the page is open, and at the page's next load. A refusal (400 …) shows the server's
 * words and gives the form back as it was typed.
 *
 * A chunk of its own, fetched by ./SkmSection.tsx only when the survey is open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../domain/config/schema';
import { SKM_UNSUR, type SkmScore } from '../../domain/skm';
import {
  MAX_SKM_SUGGESTION,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  type SkmAnswerRequest,
} from '../../domain/skm-respondent';
import { type Draft, draftOf, emptyDraft, requestOf, withProfile } from './skm-draft';
import { forgetSkmAnswer } from './skm-pending';
import { keep, postAnswer, readKept } from './skm-send';
import { skmWords } from './skm-text';

export type SkmSurveyProps = { ticketId: string; lang: Language };

/**
 * The mouths of the faces for scores 1 to 4, from a frown to a wide smile: drawn, not
 * emoji, so that every phone shows all four alike (an old phone's font may lack some).
 */
const MOUTHS = ['M7.5 17q4.5-5 9 0', 'M8 16q4-2 8 0', 'M8 14.5q4 2.5 8 0', 'M7 13.5q5 6 10 0'];
const SCORES = [1, 2, 3, 4] as const satisfies readonly SkmScore[];
const RETRY_MS = 60_000;

/**
 * form: being filled in (or refused); sending: the form's answer on its way; pending: kept
 * on the phone, not sent yet; resending: a kept answer on its way; done: the server has it.
 */
type Phase = 'form' | 'sending' | 'pending' | 'resending' | 'done';

/** What was typed, per ticket, while this page is open: a page that re-renders keeps it. */
const drafts = new Map<string, Draft>();
/** Tickets whose answer the server has, while this page is open. */
const answered = new Set<string>();

/** The survey of one served ticket, in `lang`. */
export function SkmSurvey({ ticketId, lang }: SkmSurveyProps) {
  const words = skmWords(lang);
  const [draft, setDraftState] = useState<Draft>(() => {
    const kept = readKept(ticketId);
    return drafts.get(ticketId) ?? (kept ? draftOf(kept) : emptyDraft());
  });
  const [phase, setPhase] = useState<Phase>(() => {
    if (answered.has(ticketId)) return 'done';
    return readKept(ticketId) ? 'resending' : 'form';
  });
  const [missing, setMissing] = useState<number[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  /** The answer last sent, for a retry where the phone keeps nothing (storage off). */
  const last = useRef<SkmAnswerRequest | null>(null);
  const busy = useRef(false);

  const setDraft = (next: Draft) => {
    drafts.set(ticketId, next);
    setDraftState(next);
  };

  const send = async (request: SkmAnswerRequest, from: 'form' | 'kept') => {
    if (busy.current) return;
    busy.current = true;
    last.current = request;
    keep(ticketId, request);
    setRefusal(null);
    setPhase(from === 'form' ? 'sending' : 'resending');
    const outcome = await postAnswer(ticketId, request);
    busy.current = false;
    if (outcome.kind === 'later') {
      setPhase('pending');
      return;
    }
    forgetSkmAnswer(ticketId);
    last.current = null;
    if (outcome.kind === 'sent') {
      answered.add(ticketId);
      drafts.delete(ticketId);
      setPhase('done');
      return;
    }
    // Refused: the form as typed (or as kept), with the server's words.
    if (!drafts.has(ticketId)) setDraft(draftOf(request));
    setRefusal(outcome.message);
    setPhase('form');
  };

  const resend = () => {
    const request = readKept(ticketId) ?? last.current;
    if (request) void send(request, 'kept');
  };

  // A kept answer goes at once when the page opens.
  useEffect(() => {
    if (phase === 'resending') resend();
  }, []);

  // While kept and unsent: again when the phone is back online, and every minute.
  useEffect(() => {
    if (phase !== 'pending') return;
    window.addEventListener('online', resend);
    const timer = setInterval(resend, RETRY_MS);
    return () => {
      window.removeEventListener('online', resend);
      clearInterval(timer);
    };
  }, [phase, ticketId]);

  if (phase === 'done') {
    return (
      <p class="lead skm-note skm-note--ok" role="status">
        {words.thanks}
      </p>
    );
  }
  if (phase === 'pending' || phase === 'resending') {
    return (
      <>
        <p class="lead skm-note skm-note--pending" role="status">
          {phase === 'resending' ? words.sending : words.pending}
        </p>
        {phase === 'pending' && (
          <button type="button" class="btn skm-send-now" onClick={resend}>
            {words.sendNow}
          </button>
        )}
      </>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    const unanswered = draft.scores.flatMap((score, i) => (score === null ? [i] : []));
    setMissing(unanswered);
    if (unanswered.length > 0) {
      setRefusal(null);
      document.getElementById(questionId(unanswered[0] ?? 0))?.focus();
      return;
    }
    void send(requestOf(draft), 'form');
  };

  const used = draft.suggestion.length;
  return (
    <form class="skm-form" noValidate onSubmit={submit}>
      <p class="lead">{words.lead}</p>
      {SKM_UNSUR.map((unsur, i) => {
        const lacking = missing.includes(i) && draft.scores[i] === null;
        return (
          <fieldset
            key={unsur.id}
            id={questionId(i)}
            class={`skm-q${lacking ? ' skm-q--missing' : ''}`}
            tabIndex={-1}
            aria-describedby={lacking ? `${questionId(i)}-missing` : undefined}
          >
            <legend>
              {i + 1}. {unsur.question[lang]}
            </legend>
            {lacking && (
              <p class="skm-missing" id={`${questionId(i)}-missing`}>
                {words.notAnswered}
              </p>
            )}
            <div class="skm-answers">
              {SCORES.map((score) => (
                <label key={score} class="skm-answer">
                  <input
                    type="radio"
                    name={`skm-${unsur.id}`}
                    value={score}
                    checked={draft.scores[i] === score}
                    onChange={() => {
                      const scores = draft.scores.slice();
                      scores[i] = score;
                      setDraft({ ...draft, scores });
                    }}
                  />
                  <Face score={score} />
                  <span>{unsur.answers[score - 1]?.[lang]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <fieldset class="skm-profile">
        <legend>{words.profile}</legend>
        {SKM_PROFILE_FIELDS.map((field) => (
          <div key={field} class="skm-field">
            <label for={`skm-${field}`}>{words.fields[field]}</label>
            <select
              id={`skm-${field}`}
              value={draft.profile[field] ?? ''}
              onChange={(e) => setDraft(withProfile(draft, field, e.currentTarget.value))}
            >
              <option value="">{words.notGiven}</option>
              {SKM_PROFILE[field].map(([option, text]) => (
                <option key={option} value={option}>
                  {text[lang]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <div class="skm-field">
        <label for="skm-suggestion">{words.suggestion}</label>
        <textarea
          id="skm-suggestion"
          rows={4}
          maxLength={MAX_SKM_SUGGESTION}
          aria-describedby="skm-suggestion-count"
          value={draft.suggestion}
          onInput={(e) =>
            setDraft({
              ...draft,
              suggestion: e.currentTarget.value.slice(0, MAX_SKM_SUGGESTION),
            })
          }
        />
        <p id="skm-suggestion-count" class="note skm-count">
          {words.count(used, MAX_SKM_SUGGESTION)}
        </p>
      </div>
      {missing.some((i) => draft.scores[i] === null) && (
        <p class="notice" role="alert">
          {words.missing(
            missing
              .filter((i) => draft.scores[i] === null)
              .map((i) => `${i + 1} (${SKM_UNSUR[i]?.name[lang]})`),
          )}
        </p>
      )}
      {refusal !== null && (
        <div class="notice" role="alert">
          <p>{words.refused}</p>
          <p>{refusal}</p>
        </div>
      )}
      {phase === 'sending' && (
        <p class="lead" role="status">
          {words.sending}
        </p>
      )}
      <button type="submit" class="btn btn--primary skm-send">
        {words.send}
      </button>
    </form>
  );
}

/** A face for a score, decorative: the answer's words beside it carry the meaning. */
function Face({ score }: { score: SkmScore }) {
  return (
    <svg class="skm-face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" />
      <circle class="skm-eye" cx="8.5" cy="9.5" r="1.3" />
      <circle class="skm-eye" cx="15.5" cy="9.5" r="1.3" />
      <path d={MOUTHS[score - 1]} />
    </svg>
  );
}

function questionId(index: number): string {
  return `skm-q${index + 1}`;
}
