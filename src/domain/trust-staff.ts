/**
 * Who may act on a ticket: the staff rows of TRUST_RULES (./trust.ts). A loket's event names
 * a person of the site's staff, acts only on tickets of that person's agencies (or of an
 * agency some of whose services their agency's desk serves, `servedAt`) and opens a loket
 * only for their services and those served at their desk. Pure: the server passes what it knows of people and tickets.
 */
import type { Catalogue } from './config/catalogue';
import { isEventOf, isTicketAction, type KioskEvent, type TicketCalled } from './events';
import type { QuarantineReason } from './trust';

/** What the server knows when it judges a loket's event. */
export type StaffKnowledge = {
  /** The agencies of the site's person with this id; undefined when no person has it. */
  agenciesOf(staffId: string): readonly string[] | undefined;
  /**
   * The agency of the ticket's service now (after transfers); undefined for one unseen. A
   * call by typed number names its ticket by the number's reference id and says the number
   * (`unseen`, ./ticket-ref.ts): the ticket is then the one of that number and day.
   */
  ticketAgency(businessDay: string, ticketId: string, number?: string): string | undefined;
};

/**
 * The staff reasons to quarantine a loket's event: 'unknown_staff' for an id no person of the
 * site has (then nothing more can be judged), 'other_agency' for an action on a ticket now of
 * another agency or a loket opened for another agency's service; [] for a kiosk's ticket.
 */
export function screenStaff(
  event: KioskEvent,
  known: StaffKnowledge,
  catalogue: Catalogue,
): QuarantineReason[] {
  if (isEventOf(event, 'ticket.issued')) return [];
  const staffId = (event.data as { staffId: string }).staffId;
  const agencies = known.agenciesOf(staffId);
  if (agencies === undefined) return ['unknown_staff'];
  if (isTicketAction(event)) {
    const { ticketId } = event.data;
    const unseen = isEventOf(event, 'ticket.called') ? unseenNumber(event.data) : undefined;
    const agency = known.ticketAgency(event.businessDay, ticketId, unseen);
    if (agency === undefined || agencies.includes(agency)) return [];
    // A desk that serves some of the agency's services (`servedAt`) acts on its tickets.
    const desks = catalogue.desksOf.get(agency);
    return agencies.some((a) => desks?.has(a)) ? [] : ['other_agency'];
  }
  if (isEventOf(event, 'counter.opened')) {
    const foreign = event.data.serviceIds.some((id) => {
      const service = catalogue.services.get(id);
      if (service === undefined) return false; // unknown_service already says it
      for (const queue of service.queues) if (agencies.includes(agencyOfQueue(queue))) return false;
      return !agencies.some((a) => service.desks.has(a));
    });
    return foreign ? ['other_agency'] : [];
  }
  return [];
}

/**
 * Where an event leaves a ticket, for the events after it in one batch: a ticket issued at
 * its agency, a ticket transferred at the target's; null for any other event.
 */
export function ticketMove(
  event: KioskEvent,
): { businessDay: string; ticketId: string; agencyId: string } | null {
  const { businessDay } = event;
  if (isEventOf(event, 'ticket.issued')) {
    return { businessDay, ticketId: event.id, agencyId: event.data.agencyId };
  }
  if (isEventOf(event, 'ticket.transferred')) {
    return { businessDay, ticketId: event.data.ticketId, agencyId: event.data.toAgencyId };
  }
  return null;
}

/** The number a call by typed number says, if it is one. */
function unseenNumber(data: TicketCalled): string | undefined {
  return data.mode === 'specific' ? data.unseen?.number : undefined;
}

/** The agency of a catalogue queue key (`agencyId \n prefix`). */
function agencyOfQueue(queue: string): string {
  return queue.slice(0, queue.indexOf('\n'));
}
