/**
 * What the server checks in a pushed batch beyond each event's schema, before anything
 * is stored: the events are the caller's own, of this site, numbered without holes inside
 * the batch, with calendar business days and no control characters in their text; and
 * which events to quarantine for naming what the site's config never had.
 * Must: pure; refuses the whole batch on any issue (nothing is stored); never refuses an
 * event for what a device may rightly commit — its outbox would be stuck behind it forever
 * (src/domain/trust.ts says, field by field, what is refused, quarantined or flagged).
 */

import type { Catalogue } from '../../domain/config/catalogue';
import { jsonPath } from '../../domain/config/issues';
import { isEventOf, type KioskEvent } from '../../domain/events';
import { isCalendarDay, isPlainText, type RequestIssue } from '../../domain/request-fields';
import { mayRecord, type QuarantineReason, type Surface } from '../../domain/trust';
import { screenServices, screenTicket, screenTransfer } from '../../domain/trust-catalogue';
import { type StaffKnowledge, screenStaff, ticketMove } from '../../domain/trust-staff';

/** Issues of a batch pushed by a device of this site (its id, or a former one); [] when fine. */
export function batchIssues(
  events: readonly KioskEvent[],
  ctx: { siteIds: ReadonlySet<string> },
): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const ids = new Set<string>();
  // A batch holds one or two business days: each is checked once.
  const calendarDays = new Set<string>();
  events.forEach((event, i) => {
    const previous = events[i - 1];
    const at = (field: string, message: string) =>
      issues.push({ path: jsonPath('events', i, field), message });
    if (!ctx.siteIds.has(event.siteId)) at('siteId', `must be this site (${[...ctx.siteIds][0]})`);
    if (previous && event.deviceSeq !== previous.deviceSeq + 1) {
      at('deviceSeq', `must be ${previous.deviceSeq + 1}: +1 per event`);
    }
    if (ids.has(event.id)) at('id', 'appears twice in the batch');
    ids.add(event.id);
    // Any calendar day, however far from today: a device without leases takes the day from
    // its own clock, which may be weeks off (a dead RTC battery); the ticket is printed.
    if (!calendarDays.has(event.businessDay)) {
      if (isCalendarDay(event.businessDay)) calendarDays.add(event.businessDay);
      else at('businessDay', 'must be a calendar day');
    }
    if (!stringsArePlain(event.data)) at('data', 'text must not contain control characters');
  });
  return issues;
}

/** Paths of the events that belong to another device than the caller. */
export function foreignEventIssues(
  events: readonly KioskEvent[],
  deviceId: string,
): RequestIssue[] {
  return events.flatMap((event, i) =>
    event.deviceId === deviceId
      ? []
      : [{ path: jsonPath('events', i, 'deviceId'), message: 'must be the calling device' }],
  );
}

/**
 * Why events of a batch are quarantined (src/domain/trust.ts): events of a type the pushing
 * device's profile may not record; tickets naming a service, queue or requirement that no
 * published config version of the site knows; a loket's events naming a person the site's
 * staff does not have, or acting for another agency than theirs (./trust-staff.ts). Events
 * are judged in batch order: a ticket the batch issues, or moves by a transfer, is judged
 * where the batch left it, unless the event that would have moved it is quarantined.
 */
export function quarantineOf(
  events: readonly KioskEvent[],
  catalogue: Catalogue,
  surface: Surface | null,
  known: StaffKnowledge,
  /** The codes of the batch's booked tickets that are bookings of the site. */
  bookings: ReadonlySet<string> = new Set(),
): Map<string, QuarantineReason[]> {
  const quarantined = new Map<string, QuarantineReason[]>();
  const moved = new Map<string, string>();
  const here: StaffKnowledge = {
    agenciesOf: known.agenciesOf,
    ticketAgency: (day, ticketId, number) =>
      moved.get(`${day}\n${ticketId}`) ?? known.ticketAgency(day, ticketId, number),
  };
  for (const event of events) {
    if (!mayRecord(surface, event.type)) {
      quarantined.set(event.id, ['not_allowed']);
      continue;
    }
    const reasons = isEventOf(event, 'ticket.issued')
      ? screenTicket(event.data, catalogue)
      : isEventOf(event, 'ticket.transferred')
        ? screenTransfer(event.data, catalogue)
        : isEventOf(event, 'counter.opened')
          ? screenServices(event.data.serviceIds, catalogue)
          : [];
    reasons.push(...screenStaff(event, here, catalogue));
    const booking = isEventOf(event, 'ticket.issued') ? event.data.booking : undefined;
    if (booking && !bookings.has(booking.code)) reasons.push('unknown_booking');
    if (reasons.length > 0) {
      quarantined.set(event.id, reasons);
      continue;
    }
    const move = ticketMove(event);
    if (move) moved.set(`${move.businessDay}\n${move.ticketId}`, move.agencyId);
  }
  return quarantined;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether every string inside a (validated, so shallow) payload is free of control characters. */
function stringsArePlain(value: unknown): boolean {
  if (typeof value === 'string') return isPlainText(value);
  if (Array.isArray(value)) return value.every(stringsArePlain);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).every(stringsArePlain);
  return true;
}
