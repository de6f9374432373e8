/**
 * Pushed ticket numbers checked against what the server granted (src/domain/trust.ts): a
 * number outside the device's leased blocks, under another device's emergency tag, or
 * printed already that day is flagged; each day's printed numbers are recorded once.
 * Must: pushed numbers never move a number head (only leases do), so no device can use up
 * a queue's numbers by pushing; a quarantined ticket's number is neither checked nor kept.
 */
import type { KioskEvent } from '../../domain/events';
import type { FlagReason } from '../../domain/trust';
import { placeholders, type SqlTx } from './sql';

/** A ticket about to be stored, with its device's own emergency tag. */
export type PushedTicket = { event: KioskEvent<'ticket.issued'>; deviceTag: string };

type LeaseRow = {
  device_id: string;
  business_day: string;
  prefix: string;
  start_no: number;
  end_no: number;
};

const NUMBER_COLUMNS = ['site_id', 'business_day', 'number', 'event_id', 'device_id', 'service_id'];

/**
 * The flags of each ticket (by event id) that breaks a numbering rule, absent when none;
 * records each day's numbers as it goes. A number is printed twice when recording it finds
 * it taken (by a stored ticket, or an earlier one of `tickets`): the first ticket keeps it.
 */
export async function checkNumbers(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
): Promise<Map<string, FlagReason[]>> {
  const flags = new Map<string, FlagReason[]>();
  const flag = (id: string, reason: FlagReason) =>
    flags.set(id, [...(flags.get(id) ?? []), reason]);
  const leases = await leasesOf(tx, siteId, tickets);
  const recorded = await tx.insertNew(
    'ticket_numbers',
    NUMBER_COLUMNS,
    tickets.map(({ event }) => [
      siteId,
      event.businessDay,
      event.data.number,
      event.id,
      event.deviceId,
      event.data.serviceId,
    ]),
    'event_id',
  );
  for (const { event, deviceTag } of tickets) {
    const { data, businessDay, deviceId } = event;
    if (data.emergencyTag !== undefined) {
      if (data.emergencyTag !== deviceTag) flag(event.id, 'foreign_namespace');
    } else if (!leases.some((l) => inLease(l, deviceId, businessDay, data.prefix, data.seq))) {
      flag(event.id, 'outside_lease');
    }
    if (!recorded.has(event.id)) flag(event.id, 'duplicate_number');
  }
  return flags;
}

function inLease(l: LeaseRow, deviceId: string, day: string, prefix: string, seq: number) {
  return (
    l.device_id === deviceId &&
    l.business_day === day &&
    l.prefix === prefix &&
    l.start_no <= seq &&
    seq <= l.end_no
  );
}

/** The blocks leased to the tickets' devices for their days and prefixes. */
async function leasesOf(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
): Promise<LeaseRow[]> {
  const leased = tickets.filter(({ event }) => event.data.emergencyTag === undefined);
  if (leased.length === 0) return [];
  const devices = distinct(leased.map(({ event }) => event.deviceId));
  const days = distinct(leased.map(({ event }) => event.businessDay));
  const prefixes = distinct(leased.map(({ event }) => event.data.prefix));
  return tx.all<LeaseRow>(
    `SELECT device_id, business_day, prefix, start_no, end_no FROM number_leases
     WHERE site_id = ? AND business_day IN (${placeholders(days.length)})
     AND prefix IN (${placeholders(prefixes.length)})
     AND device_id IN (${placeholders(devices.length)})`,
    [siteId, ...days, ...prefixes, ...devices],
  );
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The booked tickets (by event id) whose booking another ticket checked in first that day:
 * two kiosks offline at once can each issue one for the same code. Both stand (each
 * citizen holds a printed number); the later is flagged for an admin. Records each day's
 * checked-in codes as it goes.
 */
export async function checkBookings(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
): Promise<Set<string>> {
  const booked = tickets.filter(({ event }) => event.data.booking !== undefined);
  if (booked.length === 0) return new Set();
  const recorded = await tx.insertNew(
    'ticket_bookings',
    ['site_id', 'business_day', 'code', 'event_id'],
    booked.map(({ event }) => [
      siteId,
      event.businessDay,
      event.data.booking?.code ?? '',
      event.id,
    ]),
    'event_id',
  );
  return new Set(
    booked.filter(({ event }) => !recorded.has(event.id)).map(({ event }) => event.id),
  );
}
