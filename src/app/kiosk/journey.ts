/**
 * One visit, linked tickets (a journey across agencies): when a service needs another
 * agency's service first (its prerequisite in config), the kiosk issues both tickets in
 * order — the first step at the other agency, the chosen service after it, waiting until
 * the first is finished and then joining its queue with its own arrival (src/domain/queue.ts).
 * Loaded only when a citizen chooses it. Must: both tickets are durable together or not at
 * all; the second names the first (`journey.after`).
 */
import type { ConfigBundle } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import { findService } from '../../machines/kiosk.selectors';
import type { IssueRequest } from '../../machines/kiosk.types';
import { journeyWords } from '../../printing/journey-lines';
import { provideJourneyWords } from '../../printing/ticket-layout';
import { appendJourney as appendSteps } from '../../replica/append';
import type { TicketDraft } from '../../storage/tickets';
import { type IssueDeps, quotaOf, ticketDraft } from './issue';

// From now on, tickets list a journey's steps (screen and paper).
provideJourneyWords(journeyWords);

/** Appends the prerequisite step, then `main`, as one journey; returns both events in order. */
export async function appendJourney(
  deps: IssueDeps,
  config: ConfigBundle,
  before: NonNullable<IssueRequest['before']>,
  main: TicketDraft,
  time: { physicalMs: number; businessDay: string },
): Promise<KioskEvent<'ticket.issued'>[]> {
  const found = findService(config, before.serviceId);
  if (!found || found.agency.id !== before.agencyId) throw new Error('unknown prerequisite');
  const journeyId = deps.newId();
  const first = ticketDraft(
    deps,
    config,
    found,
    { priority: main.data.priority, purpose: 'service', missing: [], language: main.data.language },
    time,
    await quotaOf(deps, config, found.service, time.businessDay),
  );
  first.data.journey = { id: journeyId, step: 1, of: 2 };
  const second: TicketDraft = {
    ...main,
    data: { ...main.data, journey: { id: journeyId, step: 2, of: 2, after: first.id } },
  };
  return appendSteps(deps.replica, deps.identity, [first, second]);
}
