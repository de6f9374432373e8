/**
 * A ticket's status for the citizen's phone: its place in its queue, from the server's
 * folded day, and a wait estimate — and for a journey's ticket, every step's. Never personal data, and never a string a device sent:
 * the number follows a checked pattern, names come from the site's catalogue, and a
 * quarantined ticket is not found (src/domain/trust.ts).
 */
import type { Catalogue } from '../../domain/config/catalogue';
import type { ConfigBundle, Language, LocalText } from '../../domain/config/schema';
import { isEventOf, type JourneyStep } from '../../domain/events';
import { isUuid } from '../../domain/ids';
import { currentStepIndex, journeyTickets } from '../../domain/journey-read';
import type { JourneyStepStatus, TicketStatus } from '../../domain/protocol';
import type { QueueBook, TicketView } from '../../domain/queue';
import { estimatedWait } from '../../domain/queue-read';
import { comingVisits } from '../../domain/visit-days';
import { visitLine } from '../../domain/visits';
import type { SkmAnswers } from '../store/store-citizens';
import type { EventLog } from '../store/store-sync';
import type { DayStates } from './day-states';

/** Used when a ticket's service left the config since it was issued. */
const FALLBACK_SERVICE_MINUTES = 10;

/** What a ticket's status is read from. */
export type StatusSources = {
  store: EventLog & Pick<SkmAnswers, 'hasSkm'>;
  config: ConfigBundle;
  catalogue: Catalogue;
  days: DayStates;
  /** The site's business day now: which MPP bergerak visits are still to come. */
  today: string;
};

/** A ticket found for its phone: its day, and the language it was taken in. */
export type FoundTicket = { id: string; businessDay: string; language: Language };

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
  return { id: event.id, businessDay: event.businessDay, language: event.data.language };
}

/** The status of ticket `id` at this site, or null when there is no such ticket to show. */
export async function ticketStatus(
  sources: StatusSources,
  id: string,
): Promise<TicketStatus | null> {
  const found = await findTicket(sources, id);
  return found === null ? null : statusOf(sources, found);
}

/** A found ticket's status from its day's queue state (no store read), with its journey. */
export async function statusOf(
  sources: StatusSources,
  found: FoundTicket,
): Promise<TicketStatus | null> {
  const book = await sources.days.state(sources.config.site.id, found.businessDay);
  const ticket = book.ticket(found.id);
  if (ticket === undefined) return null;
  const told = toldOf(sources, book, ticket);
  if (told === null) return null;
  return {
    ...told,
    businessDay: ticket.businessDay,
    issuedAt: ticket.issuedAt,
    language: found.language,
    transfers: ticket.transfers,
    journey: ticket.journey && journeyOf(sources, book, ticket.id, ticket.journey),
    finish: finishOf(sources.config, ticket),
    visits: comingVisits(sources.config.visits, sources.today).map((visit) => ({
      id: visitLine(visit, sources.today, 'id'),
      en: visitLine(visit, sources.today, 'en'),
    })),
    // A store read only for a served ticket: a waiting one's page asks often.
    survey:
      ticket.status !== 'done'
        ? null
        : (await sources.store.hasSkm(sources.config.site.id, ticket.id))
          ? 'answered'
          : 'open',
  };
}

/** What the finish recorded, names of missing requirements from the config (unknown ids left out). */
function finishOf(config: ConfigBundle, ticket: TicketView): TicketStatus['finish'] {
  if (ticket.status !== 'done' || ticket.outcome === null) return null;
  const service = config.agencies
    .find((a) => a.id === ticket.agencyId)
    ?.services.find((s) => s.id === ticket.serviceId);
  const labels = new Map<string, LocalText>();
  for (const requirement of service?.requirements ?? []) {
    labels.set(requirement.id, requirement.label);
    for (const option of requirement.anyOf ?? []) labels.set(option.id, option.label);
  }
  const missing = ticket.missingAtFinish.flatMap((id) => labels.get(id) ?? []);
  return { outcome: ticket.outcome, ready: ticket.ready, missing };
}

/** Every step of the ticket's journey the day holds, and the one the citizen is at now. */
function journeyOf(
  sources: StatusSources,
  book: QueueBook,
  id: string,
  own: JourneyStep,
): NonNullable<TicketStatus['journey']> {
  const tickets = journeyTickets(book, id);
  const steps: JourneyStepStatus[] = [];
  for (const step of tickets) {
    const told = toldOf(sources, book, step);
    if (told !== null && step.journey) steps.push({ step: step.journey.step, ...told });
  }
  const current = tickets[currentStepIndex(tickets)]?.journey?.step ?? own.step;
  return { step: own.step, of: own.of, current, steps };
}

/** What the citizen is told of one ticket: number, names from the catalogue, state, figures. */
function toldOf(
  sources: StatusSources,
  book: QueueBook,
  ticket: TicketView,
): Omit<JourneyStepStatus, 'step'> | null {
  const { config, catalogue } = sources;
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
    status: ticket.status,
    loket: ticket.loket,
    peopleAhead: book.peopleAhead(ticket.id),
    waitMinutes: estimatedWait(book, ticket, {
      averageServiceMinutes: service?.averageServiceMinutes ?? FALLBACK_SERVICE_MINUTES,
      counters: agency?.counters ?? 1,
    }),
  };
}
