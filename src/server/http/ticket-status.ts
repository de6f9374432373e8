/**
 * A ticket's status for the citizen's phone: its place in its queue, folded from the
 * events of its business day, and a wait estimate. Never personal data: only what the
 * ticket.issued event holds (number, agency, service, time), which has none.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import { isEventOf } from '../../domain/events';
import type { TicketStatus } from '../../domain/protocol';
import { foldQueue, peopleAhead } from '../../domain/queue';
import { estimateWaitMinutes } from '../../domain/wait';
import type { Store } from '../store/store';

/** Used when a ticket's service left the config since it was issued. */
const FALLBACK_SERVICE_MINUTES = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The status of ticket `id` at this site, or null when there is no such ticket. */
export async function ticketStatus(
  store: Store,
  config: ConfigBundle,
  id: string,
): Promise<TicketStatus | null> {
  if (!UUID.test(id)) return null;
  const event = await store.findEvent(id);
  if (event === null || event.siteId !== config.site.id || !isEventOf(event, 'ticket.issued')) {
    return null;
  }
  const state = foldQueue(await store.eventsOfDay(config.site.id, event.businessDay));
  const ticket = state.tickets.get(event.id);
  if (ticket === undefined) return null;
  const ahead = peopleAhead(state, ticket.id);
  const agency = config.agencies.find((a) => a.id === ticket.agencyId);
  const service = agency?.services.find((s) => s.id === ticket.serviceId);
  return {
    id: ticket.id,
    number: ticket.number,
    agencyId: ticket.agencyId,
    serviceId: ticket.serviceId,
    businessDay: ticket.businessDay,
    issuedAt: ticket.issuedAt,
    status: ticket.status,
    peopleAhead: ahead,
    waitMinutes: estimateWaitMinutes({
      ahead,
      averageServiceMinutes: service?.averageServiceMinutes ?? FALLBACK_SERVICE_MINUTES,
      counters: agency?.counters ?? 1,
    }),
  };
}
