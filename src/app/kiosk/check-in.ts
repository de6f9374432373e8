/**
 * Checking in a booking at a lobby kiosk (src/domain/bookings.ts): the scan read against
 * the bookings the kiosk holds and the tickets its log holds for bookings today, then the
 * ticket issued through the kiosk's own issue port, with the booking's fair place.
 * Loaded with the check-in screen, never on a walk-in's way to a ticket.
 * Must: works offline (the held bookings and the device's log only); a code checked in
 * already gives its ticket back, never a second one from this kiosk.
 */
import { bookingArrival, checkInVerdict, readBookingScan } from '../../domain/bookings';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { businessDayOf } from '../../domain/time';
import { findService } from '../../machines/kiosk.selectors';
import type { CheckInOutcome, IssuedTicket, IssueRequest } from '../../machines/kiosk.types';
import { bookedTickets, readHeldBookings } from '../../storage/bookings';
import type { AnjunganDatabase } from '../../storage/db';
import { readIssueBasis } from '../../storage/issue-basis';

/** What a check-in needs of the running kiosk. */
export type CheckInDeps = {
  db: AnjunganDatabase;
  issue: (request: IssueRequest) => Promise<IssuedTicket>;
  now?: () => number;
};

/** One check-in, whose only lasting effect is the ticket it issues (if any). */
export async function checkIn(
  deps: CheckInDeps,
  config: ConfigBundle,
  text: string,
  language: Language,
): Promise<CheckInOutcome> {
  const timeZone = config.site.timeZone;
  try {
    const basis = await readIssueBasis(deps.db).catch(() => ({ serverOffsetMs: 0 }));
    const at = (deps.now ?? Date.now)() + basis.serverOffsetMs;
    const today = businessDayOf(at, timeZone);
    const [held, tickets] = await Promise.all([
      readHeldBookings(deps.db),
      bookedTickets(deps.db, today),
    ]);
    const verdict = checkInVerdict(readBookingScan(text), {
      siteId: config.site.id,
      today,
      bookings: held?.bookings ?? [],
      checkedIn: (code) => tickets.get(code),
    });
    if (verdict.kind !== 'ok') return verdict;
    const { booking } = verdict;
    const found = findService(config, booking.serviceId);
    if (!found) return { kind: 'no-service' };
    const arrivalMs = bookingArrival(booking, at, timeZone);
    const ticket = await deps.issue({
      agencyId: found.agency.id,
      serviceId: found.service.id,
      priority: null,
      purpose: 'service',
      missing: [],
      language,
      booking: { code: booking.code, ...(arrivalMs === undefined ? {} : { arrivalMs }) },
    });
    return { kind: 'ticket', ticket };
  } catch {
    return { kind: 'failed' };
  }
}
