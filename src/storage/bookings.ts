/**
 * The bookings a kiosk holds (today's and the days around it, as the server last sent
 * them), and the tickets already issued for bookings today: what a check-in decides by
 * when the server does not answer. The only owner of the 'bookings' record in `meta`.
 */
import type { CheckedIn } from '../domain/bookings';
import type { KioskEvent } from '../domain/events';
import type { AnjunganDatabase, HeldBookings } from './db';

export async function readHeldBookings(db: AnjunganDatabase): Promise<HeldBookings | null> {
  return ((await db.get('meta', 'bookings')) as HeldBookings | undefined) ?? null;
}

export async function saveHeldBookings(db: AnjunganDatabase, held: HeldBookings): Promise<void> {
  await db.put('meta', held, 'bookings');
}

/**
 * The tickets of `day` issued for a booking, by its code, from the device's log (its own
 * and those pulled from the site): the first in the log's order holds the code.
 */
export async function bookedTickets(
  db: AnjunganDatabase,
  day: string,
): Promise<Map<string, CheckedIn>> {
  const range = IDBKeyRange.bound(['ticket.issued', day, ''], ['ticket.issued', day, '\uffff']);
  const events = (await db.getAllFromIndex(
    'events',
    'byTypeDayService',
    range,
  )) as KioskEvent<'ticket.issued'>[];
  events.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const held = new Map<string, CheckedIn>();
  for (const event of events) {
    const code = event.data.booking?.code;
    if (code && !held.has(code)) held.set(code, { ticketId: event.id, number: event.data.number });
  }
  return held;
}
