/**
 * Who may act on a ticket, as the fuzz knows it (written from src/domain/trust.ts's table,
 * not its code): a loket's event naming nobody of the site's staff is quarantined
 * 'unknown_staff'; one acting on a ticket now of an agency not among its person's, or
 * opening a loket for a service of such an agency, 'other_agency'. A ticket is where the
 * model's stored actions leave it (./counter-model.ts), then where the batch itself left it
 * (its own unquarantined tickets and transfers, in order); one the server has not seen on
 * the action's day is accepted.
 */
import { isEventOf, isTicketAction, type KioskEvent } from '../../src/domain/events';
import { ticketNow } from './counter-model';
import { type Device, key, type Model, pick } from './model';

/** Where the batch so far left tickets: `day|ticketId` → agency. */
export type Moves = Map<string, string>;

/** The staff reasons of one event of a batch. */
export function expectedStaffQuarantine(model: Model, event: KioskEvent, moves: Moves): string[] {
  if (isEventOf(event, 'ticket.issued')) return [];
  const { staffId } = event.data as { staffId: string };
  const person = model.staff.find((p) => p.staffId === staffId);
  if (person === undefined) return ['unknown_staff'];
  if (isTicketAction(event)) {
    const agency = agencyNow(model, event.businessDay, event.data.ticketId, moves);
    return agency === undefined || person.agencies.includes(agency) ? [] : ['other_agency'];
  }
  if (isEventOf(event, 'counter.opened')) {
    const foreign = event.data.serviceIds.some((id) => {
      const service = model.site.services.find((s) => s.serviceId === id);
      return service !== undefined && !person.agencies.includes(service.agencyId);
    });
    return foreign ? ['other_agency'] : [];
  }
  return [];
}

/** Records where an unquarantined event leaves its ticket, for the batch's later events. */
export function recordMove(moves: Moves, event: KioskEvent): void {
  if (isEventOf(event, 'ticket.issued')) {
    moves.set(key(event.businessDay, event.id), event.data.agencyId);
  } else if (isEventOf(event, 'ticket.transferred')) {
    moves.set(key(event.businessDay, event.data.ticketId), event.data.toAgencyId);
  }
}

/** The agency of a ticket's service now on `day`; undefined when the server holds none. */
export function agencyNow(
  model: Model,
  day: string,
  ticketId: string,
  moves: Moves = new Map(),
): string | undefined {
  const moved = moves.get(key(day, ticketId));
  if (moved !== undefined) return moved;
  const ref = model.ticketsById.get(ticketId);
  if (ref === undefined || ref.quarantined || ref.day !== day) return undefined;
  return ticketNow(model, ref).agencyId;
}

/**
 * The person a hostile event names: anyone of the site's staff — of the ticket's agency or
 * not, locked or not — or, one time in four, nobody of it.
 */
export function staffIdFor(model: Model, device: Device, value: number): string {
  return value % 4 === 3 ? `petugas-${device.tag}` : (pick(model.staff, value)?.staffId ?? 'h');
}
