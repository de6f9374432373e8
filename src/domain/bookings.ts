/**
 * Bookings made elsewhere (the national MPP Digital app, a Pemda's system), checked in at
 * a kiosk: what a booking is, how a scanned or typed code is read, what a check-in may
 * do, and where a checked-in citizen joins the queue.
 * Must: pure; a booking holds no personal data (a code, a day, a service, a time window);
 * a check-in is idempotent (a code already checked in shows its ticket again); a booking
 * for another site or another day is refused with that reason.
 *
 * The fair place (README "Bookings"): a citizen who checks in before their booked window
 * ends joins as if they had arrived when it began — ahead of the walk-ins who came after
 * that, behind those who came before; one who comes later joins as a walk-in would, at
 * check-in. So a booking moves ahead of walk-ins by at most the time since its window
 * began, never further: walk-ins are not pushed aside indefinitely.
 */
import { localParts, type TimeZone } from './time';

/** A booking as imported: what it is for, never who made it. */
export type Booking = {
  /** Upper case, as `readBookingScan` reads it: 'MPPD-7K3Q9X'. */
  code: string;
  /** The business day it is for, 'YYYY-MM-DD'. */
  day: string;
  serviceId: string;
  /** The window booked, 'HH:MM' on the site's wall clock; absent: any time that day. */
  from?: string;
  to?: string;
};

/** What a ticket says of the booking it was issued for. */
export type TicketBooking = {
  code: string;
  /** Where the ticket joins its queue (epoch ms): the window's start; absent: at issue. */
  arrivalMs?: number;
};

/**
 * What a booking's QR code may carry besides the bare code, so a kiosk can say a booking
 * is for another site or day without holding it: `BOOKING:<site>:<YYYY-MM-DD>:<code>`.
 */
const SCAN = /^BOOKING:([a-z0-9-]{1,64}):(\d{4}-\d{2}-\d{2}):(.+)$/i;
/**
 * A booking code: letters, digits and dashes, 4 to 40 of them. The event schema holds the
 * same (a test checks it): every device validates events, and only a lobby kiosk needs
 * this module, so neither imports the other.
 */
export const BOOKING_CODE = /^[A-Z0-9][A-Z0-9-]{3,39}$/;
/** How long a window is when a booking gives its start only. */
export const DEFAULT_WINDOW_MS = 30 * 60_000;

/** A code as typed or scanned: spaces gone, upper case; null when it cannot be one. */
export function normaliseCode(text: string): string | null {
  const code = text.replace(/\s+/g, '').toUpperCase();
  return BOOKING_CODE.test(code) ? code : null;
}

/** What a scanner typed or a citizen entered. */
export type BookingScan = { code: string; siteId?: string; day?: string };

/** Reads a scan or a typed code; null when it is neither. */
export function readBookingScan(text: string): BookingScan | null {
  const trimmed = text.trim();
  const parts = SCAN.exec(trimmed);
  if (!parts) {
    const code = normaliseCode(trimmed);
    return code === null ? null : { code };
  }
  const code = normaliseCode(parts[3] ?? '');
  if (code === null) return null;
  return { code, siteId: (parts[1] ?? '').toLowerCase(), day: parts[2] ?? '' };
}

/** A ticket already issued for a booking. */
export type CheckedIn = { ticketId: string; number: string };

/** What a check-in may do. */
export type CheckInVerdict =
  | { kind: 'ok'; booking: Booking }
  | { kind: 'already'; ticket: CheckedIn; booking: Booking | null }
  | { kind: 'other-site'; siteId: string }
  | { kind: 'other-day'; day: string }
  | { kind: 'unknown' }
  | { kind: 'unreadable' };

/**
 * The verdict on a scan at a kiosk of `siteId` on `today`, given the bookings it holds
 * (today's and the days around it) and the tickets already issued for bookings today.
 */
export function checkInVerdict(
  scan: BookingScan | null,
  held: {
    siteId: string;
    today: string;
    bookings: readonly Booking[];
    checkedIn: (code: string) => CheckedIn | undefined;
  },
): CheckInVerdict {
  if (scan === null) return { kind: 'unreadable' };
  if (scan.siteId !== undefined && scan.siteId !== held.siteId) {
    return { kind: 'other-site', siteId: scan.siteId };
  }
  const booking = held.bookings.find((b) => b.code === scan.code) ?? null;
  const ticket = held.checkedIn(scan.code);
  if (ticket) return { kind: 'already', ticket, booking };
  const day = booking?.day ?? scan.day;
  if (day !== undefined && day !== held.today) return { kind: 'other-day', day };
  return booking ? { kind: 'ok', booking } : { kind: 'unknown' };
}

/**
 * Where a booking checked in at `checkInMs` joins its queue (the fair place above): the
 * window's start when it is checked in before the window ends, else undefined (at issue,
 * as a walk-in).
 */
export function bookingArrival(
  booking: Booking,
  checkInMs: number,
  timeZone: TimeZone,
): number | undefined {
  if (booking.from === undefined) return undefined;
  const start = instantOf(booking.day, booking.from, timeZone);
  const end = booking.to ? instantOf(booking.day, booking.to, timeZone) : start + DEFAULT_WINDOW_MS;
  return checkInMs <= end ? start : undefined;
}

/**
 * The instant a site's wall clock reads `hhmm` ('HH:MM') on `day` ('YYYY-MM-DD'); the
 * zone's offset is its wall clock's hour at the epoch (no daylight saving, ./time.ts).
 * Here rather than in ./time.ts, which every surface's first chunk carries.
 */
export function instantOf(day: string, hhmm: string, timeZone: TimeZone): number {
  const [y, m, d] = day.split('-').map(Number);
  const [hour, minute] = hhmm.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour ?? 0, minute ?? 0);
  return wall - localParts(0, timeZone).hour * 3_600_000;
}
