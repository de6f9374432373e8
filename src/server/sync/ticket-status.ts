/**
 * A ticket's status for the citizen's phone: its place in its queue, from the server's
 * folded day, and a wait estimate. Never personal data, and never a string a device sent:
 * the number follows a checked pattern, names come from the site's catalogue, and a
 * quarantined ticket is not found (src/domain/trust.ts).
 */
import type { Catalogue } from '../../domain/config/catalogue';
import type { ConfigBundle } from '../../domain/config/schema';
import { isEventOf } from '../../domain/events';
import { isUuid } from '../../domain/ids';
import type { TicketStatus } from '../../domain/protocol';
import { estimatedWait } from '../../domain/queue-read';
import type { EventLog } from '../store/store';
import type { DayStates } from './day-states';

/** Used when a ticket's service left the config since it was issued. */
const FALLBACK_SERVICE_MINUTES = 10;

/** What a ticket's status is read from. */
export type StatusSources = {
  store: EventLog;
  config: ConfigBundle;
  catalogue: Catalogue;
  days: DayStates;
};

/** A ticket found for its phone: its day and the issue event the store holds. */
export type FoundTicket = { id: string; businessDay: string };

/**
 * The ticket `id` of this site a phone may follow, or null: not a UUID, not stored, stored
 * but quarantined, another site's, not a ticket, or naming a service no config had.
 */
export async function findTicket(sources: StatusSources, id: string): Promise<FoundTicket | null> {
  const { store, config, catalogue } = sources;
  if (!isUuid(id)) return null;
  const found = await store.findEvent(id);
  if (found === null || found.quarantined) return null;
  const { event } = found;
  if (event.siteId !== config.site.id || !isEventOf(event, 'ticket.issued')) return null;
  if (!catalogue.services.has(event.data.serviceId)) return null;
  return { id: event.id, businessDay: event.businessDay };
}

/** The status of ticket `id` at this site, or null when there is no such ticket to show. */
export async function ticketStatus(
  sources: StatusSources,
  id: string,
): Promise<TicketStatus | null> {
  const found = await findTicket(sources, id);
  return found === null ? null : statusOf(sources, found);
}

/** A found ticket's status from its day's queue state (no store read). */
export async function statusOf(
  sources: StatusSources,
  found: FoundTicket,
): Promise<TicketStatus | null> {
  const { config, catalogue, days } = sources;
  const book = await days.state(config.site.id, found.businessDay);
  const ticket = book.ticket(found.id);
  if (ticket === undefined) return null;
  // Names of the service it is for now (a transfer moves it), from the catalogue.
  const named =
    catalogue.services.get(ticket.serviceId) ?? catalogue.services.get(ticket.issuedServiceId);
  if (named === undefined) return null;
  const agency = config.agencies.find((a) => a.id === ticket.agencyId);
  const service = agency?.services.find((s) => s.id === ticket.serviceId);
  return {
    id: ticket.id,
    number: ticket.number,
    agencyId: ticket.agencyId,
    serviceId: ticket.serviceId,
    agencyName: named.agencyName,
    serviceName: named.name,
    businessDay: ticket.businessDay,
    issuedAt: ticket.issuedAt,
    status: ticket.status,
    loket: ticket.loket,
    transfers: ticket.transfers,
    journey: ticket.journey && { step: ticket.journey.step, of: ticket.journey.of },
    peopleAhead: book.peopleAhead(ticket.id),
    waitMinutes: estimatedWait(book, ticket, {
      averageServiceMinutes: service?.averageServiceMinutes ?? FALLBACK_SERVICE_MINUTES,
      counters: agency?.counters ?? 1,
    }),
  };
}
