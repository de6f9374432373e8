/**
 * Sending an SKM answer, and keeping it until the server has it (./skm-pending.ts): the
 * phone page's survey sends through these, and a kiosk resends what it kept in its idle
 * moments (src/app/kiosk/attract-doors.ts).
 * Must: an answer leaves storage only once the server has it (201, or already answered)
 * or refused it for good; storage full or switched off is never a throw.
 */
import type { ApiError } from '../../domain/protocol';
import { SKM_UNSUR, type SkmScore } from '../../domain/skm';
import type { SkmAnswerRequest } from '../../domain/skm-respondent';
import { forgetSkmAnswer, skmPendingKey } from './skm-pending';

const SCORES: readonly SkmScore[] = [1, 2, 3, 4];

/** How a send ended: the server has it, it must wait, or the server refused it. */
export type Outcome = { kind: 'sent' } | { kind: 'later' } | { kind: 'refused'; message: string };

/** The answer kept on this phone for the ticket, or null (none, unreadable, no storage). */
export function readKept(ticketId: string): SkmAnswerRequest | null {
  try {
    const text = localStorage.getItem(skmPendingKey(ticketId));
    if (text === null) return null;
    const request = JSON.parse(text) as SkmAnswerRequest;
    const ok =
      Array.isArray(request?.answers) &&
      request.answers.length === SKM_UNSUR.length &&
      request.answers.every((s) => SCORES.includes(s));
    if (!ok) forgetSkmAnswer(ticketId);
    return ok ? request : null;
  } catch {
    return null;
  }
}

export function keep(ticketId: string, request: SkmAnswerRequest): void {
  try {
    localStorage.setItem(skmPendingKey(ticketId), JSON.stringify(request));
  } catch {
    // Full or switched off: the answer is retried while this page is open only.
  }
}

/** POSTs an answer: sent (201, or answered already), refused (a 4xx with the server's words), or later. */
export async function postAnswer(
  ticketId: string,
  request: SkmAnswerRequest,
  options: { notServedIsLater?: boolean } = {},
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/tickets/${encodeURIComponent(ticketId)}/skm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'later' };
  }
  if (response.status === 201) return { kind: 'sent' };
  const body = (await response.json().catch(() => null)) as ApiError | null;
  if (response.status === 409 && body?.error === 'already_answered') return { kind: 'sent' };
  if (options.notServedIsLater && body?.error === 'not_served') return { kind: 'later' };
  // The server's refusal is final; anything else (5xx, a timeout, a portal's page) passes.
  const refused =
    response.status >= 400 &&
    response.status < 500 &&
    response.status !== 408 &&
    response.status !== 429 &&
    typeof body?.error === 'string';
  if (!refused || !body) return { kind: 'later' };
  const issues = (body.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);
  return { kind: 'refused', message: [body.message, ...issues].join(' ') };
}

/**
 * Sends every answer this device keeps (a kiosk's, whose citizens have left): each one the
 * server has or refuses for good is forgotten; one it cannot take yet — no network, or the
 * service's finish not on the server yet (a counter still offline) — stays for next time.
 * How many were sent.
 */
export async function resendKeptAnswers(): Promise<number> {
  let sent = 0;
  for (const ticketId of keptTickets()) {
    const request = readKept(ticketId);
    if (!request) continue;
    const outcome = await postAnswer(ticketId, request, { notServedIsLater: true });
    if (outcome.kind === 'later') continue;
    forgetSkmAnswer(ticketId);
    if (outcome.kind === 'sent') sent += 1;
  }
  return sent;
}

/** The tickets whose answers this device keeps. */
function keptTickets(): string[] {
  const prefix = skmPendingKey('');
  const ids: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
  } catch {
    // No storage: nothing was kept.
  }
  return ids;
}
