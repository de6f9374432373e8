/**
 * What the server knows, when a batch arrives, to judge who acted (src/domain/trust-staff.ts):
 * the site's staff and their agencies, and each named ticket's agency in the queue state of
 * its day (a call by typed number: that number's ticket). Read only when the batch holds a
 * loket's events; each day named is read once.
 */
import { isTicketAction, type KioskEvent } from '../../domain/events';
import type { QueueBook, TicketView } from '../../domain/queue';
import { ticketsOfDay } from '../../domain/queue-read';
import { canonicalOf, isNumberRef } from '../../domain/ticket-ref';
import type { StaffKnowledge } from '../../domain/trust-staff';
import type { Store } from '../store/store';
import type { DayStates } from './day-states';

/** The staff and the queue states of the days the batch's ticket actions name. */
export async function staffKnowledge(
  store: Pick<Store, 'staffOfSite'>,
  days: Pick<DayStates, 'state'>,
  siteId: string,
  events: readonly KioskEvent[],
): Promise<StaffKnowledge> {
  if (events.every((event) => event.type === 'ticket.issued')) return NOTHING_KNOWN;
  const named = [...new Set(events.filter(isTicketAction).map((event) => event.businessDay))];
  const [staff, books] = await Promise.all([
    store.staffOfSite(siteId),
    Promise.all(named.map(async (day) => [day, await days.state(siteId, day)] as const)),
  ]);
  const agencies = new Map(staff.map((person) => [person.staffId, person.agencies]));
  const byDay = new Map<string, QueueBook>(books);
  return {
    agenciesOf: (staffId) => agencies.get(staffId),
    ticketAgency: (day, ticketId, number) => {
      const book = byDay.get(day);
      if (book === undefined) return undefined;
      const found = book.ticket(ticketId);
      if (found !== undefined || number === undefined) return found?.agencyId;
      return isNumberRef(ticketId, day, number) ? ofNumber(book, day, number)?.agencyId : undefined;
    },
  };
}

/** The first ticket of the day printed with this (canonical) number: the one a call joins. */
function ofNumber(book: QueueBook, day: string, number: string): TicketView | undefined {
  return ticketsOfDay(book, day).find((ticket) => canonicalOf(ticket.number) === number);
}

/** For a batch of tickets alone: no loket's event asks. */
const NOTHING_KNOWN: StaffKnowledge = {
  agenciesOf: () => undefined,
  ticketAgency: () => undefined,
};
