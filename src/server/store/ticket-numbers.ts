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

/** Ids per `IN (…)` list: far below either database's limit on parameters. */
const PER_QUERY = 500;

/** The flags of each ticket (by event id) that breaks a numbering rule; absent when none. */
export async function numberFlags(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
): Promise<Map<string, FlagReason[]>> {
  const flags = new Map<string, FlagReason[]>();
  const flag = (id: string, reason: FlagReason) =>
    flags.set(id, [...(flags.get(id) ?? []), reason]);
  const leases = await leasesOf(tx, siteId, tickets);
  const printed = await printedNumbers(tx, siteId, tickets);
  for (const { event, deviceTag } of tickets) {
    const { data, businessDay, deviceId } = event;
    if (data.emergencyTag !== undefined) {
      if (data.emergencyTag !== deviceTag) flag(event.id, 'foreign_namespace');
    } else if (!leases.some((l) => inLease(l, deviceId, businessDay, data.prefix, data.seq))) {
      flag(event.id, 'outside_lease');
    }
    const key = numberKey(businessDay, data.number);
    if (printed.has(key)) flag(event.id, 'duplicate_number');
    printed.add(key);
  }
  return flags;
}

/** Records each ticket's number for its day, unless a ticket already holds it. */
export async function recordNumbers(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
  duplicates: ReadonlySet<string>,
): Promise<void> {
  const rows = tickets
    .filter(({ event }) => !duplicates.has(event.id))
    .map(({ event }) => [
      siteId,
      event.businessDay,
      event.data.number,
      event.id,
      event.deviceId,
      event.data.serviceId,
    ]);
  if (rows.length === 0) return;
  await tx.insertRows('ticket_numbers', NUMBER_COLUMNS, rows);
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

const numberKey = (day: string, number: string) => `${day} ${number}`;

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

/** The tickets' (day, number) keys that some stored ticket printed already. */
async function printedNumbers(
  tx: SqlTx,
  siteId: string,
  tickets: readonly PushedTicket[],
): Promise<Set<string>> {
  const printed = new Set<string>();
  const days = distinct(tickets.map(({ event }) => event.businessDay));
  const numbers = distinct(tickets.map(({ event }) => event.data.number));
  for (let i = 0; i < numbers.length; i += PER_QUERY) {
    const chunk = numbers.slice(i, i + PER_QUERY);
    const rows = await tx.all<{ business_day: string; number: string }>(
      `SELECT business_day, number FROM ticket_numbers
       WHERE site_id = ? AND business_day IN (${placeholders(days.length)})
       AND number IN (${placeholders(chunk.length)})`,
      [siteId, ...days, ...chunk],
    );
    for (const row of rows) printed.add(numberKey(row.business_day, row.number));
  }
  return printed;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
