/**
 * What the server must answer, from the model: the verdict of each pushed event (refused
 * rules aside, which the commands know), and the blocks and quota tokens a lease request
 * must get. Every mismatch is a Violation: the run fails with it.
 */
import {
  isEventOf,
  isTicketAction,
  type KioskEvent,
  type TicketActionType,
} from '../../src/domain/events';
import { decodeHlc, MAX_CLOCK_SKEW_MS } from '../../src/domain/hlc';
import { MAX_TICKET_SEQ } from '../../src/domain/numbering';
import type { LeaseResponse } from '../../src/domain/protocol';
import { NUMBER_FENCE } from '../../src/server/store/number-fence';
import {
  expectedQuarantine,
  expectedServicesQuarantine,
  expectedTransferQuarantine,
  mayRecord,
  quotaDeviceShare,
} from './config';
import type { ActionRef } from './counter-model';
import { type Device, heldBy, highestGranted, key, type Model, type Verdict } from './model';
import { expectedStaffQuarantine, type Moves, recordMove } from './staff-verdicts';

/** A broken promise of the server (or of the model): the run fails with it. */
export class Violation extends Error {}

/** A Violation with this message. */
export const fault = (message: string) => new Violation(message);

/** Expected verdicts of the events the server will store, in order, and their counts. */
export type Judged = { verdicts: Map<string, Verdict>; flagged: number; quarantined: number };

/**
 * The verdict of each event of `events` with deviceSeq above what the server holds:
 * quarantined for a type the device's profile may not record, for a ticket or transfer
 * naming what the config never had, for a loket's event naming nobody of the staff or
 * acting for another agency than its person's (./staff-verdicts.ts); flagged for a clock far ahead, and (clean tickets)
 * for their numbers.
 */
export function judge(model: Model, device: Device, events: readonly KioskEvent[]): Judged {
  const verdicts = new Map<string, Verdict>();
  const printed = new Set<string>();
  let flagged = 0;
  let quarantined = 0;
  const now = Date.now();
  const moves: Moves = new Map();
  for (const event of events) {
    if (event.deviceSeq <= device.ackSeq) continue;
    const quarantine = !mayRecord(device.surface, event.type)
      ? ['not_allowed']
      : [
          ...(isEventOf(event, 'ticket.issued')
            ? expectedQuarantine(model.site, event.data)
            : isEventOf(event, 'ticket.transferred')
              ? expectedTransferQuarantine(model.site, event.data)
              : isEventOf(event, 'counter.opened')
                ? expectedServicesQuarantine(model.site, event.data.serviceIds)
                : []),
          ...expectedStaffQuarantine(model, event, moves),
        ];
    if (quarantine.length === 0) recordMove(moves, event);
    const flags: string[] = [];
    const ms = decodeHlc(event.hlc)?.ms ?? now;
    if (ms - now > MAX_CLOCK_SKEW_MS) flags.push('clock_ahead');
    if (quarantine.length === 0 && isEventOf(event, 'ticket.issued')) {
      const { data } = event;
      if (data.emergencyTag !== undefined) {
        if (data.emergencyTag !== device.tag) flags.push('foreign_namespace');
      } else if (!inLease(device, event.businessDay, data.prefix, data.seq)) {
        flags.push('outside_lease');
      }
      const k = key(event.businessDay, data.number);
      if (model.printed.has(k) || printed.has(k)) flags.push('duplicate_number');
      printed.add(k);
    }
    verdicts.set(event.id, { quarantine, flags });
    if (quarantine.length > 0) quarantined += 1;
    else if (flags.length > 0) flagged += 1;
  }
  return { verdicts, flagged, quarantined };
}

function inLease(device: Device, day: string, prefix: string, seq: number): boolean {
  return (device.blocks.get(key(day, prefix)) ?? []).some((b) => b.start <= seq && seq <= b.end);
}

/**
 * Records a push the server acknowledged: its stored events (those above the device's
 * ack), their verdicts, numbers and counter actions.
 */
export function commit(
  model: Model,
  device: Device,
  events: readonly KioskEvent[],
  judged: Judged,
): void {
  const stored = events.filter((event) => event.deviceSeq > device.ackSeq);
  for (const event of stored) {
    const verdict = judged.verdicts.get(event.id) ?? { quarantine: [], flags: [] };
    model.verdicts.set(event.id, verdict);
    device.acked[event.deviceSeq - 1] = event.id;
    const quarantined = verdict.quarantine.length > 0;
    if (quarantined || verdict.flags.length > 0) model.flaggedOrder.push(event.id);
    if (quarantined) model.hidden += 1;
    if (isTicketAction(event)) {
      if (!quarantined) recordAction(model, event);
      continue;
    }
    if (!isEventOf(event, 'ticket.issued')) continue;
    const ref = {
      id: event.id,
      day: event.businessDay,
      number: event.data.number,
      serviceId: event.data.serviceId,
      quarantined,
    };
    model.tickets.push(ref);
    model.ticketsById.set(ref.id, ref);
    model.fresh.push(ref);
    model.orphans.delete(ref.id);
    if (quarantined) continue;
    model.printed.add(key(event.businessDay, event.data.number));
    // The server records the ticket's number (a used quota token) unless it printed twice.
    if (!verdict.flags.includes('duplicate_number'))
      add(device.recorded, key(ref.day, ref.serviceId), 1);
  }
  model.stored += stored.length;
  device.ackSeq = Math.max(device.ackSeq, stored.at(-1)?.deviceSeq ?? 0);
}

/** A stored counter action: kept for its ticket's day; its ticket's page is checked soon. */
function recordAction(model: Model, event: KioskEvent<TicketActionType>): void {
  const { ticketId, loket } = event.data;
  const k = key(event.businessDay, ticketId);
  const action: ActionRef = {
    id: event.id,
    hlc: event.hlc,
    deviceId: event.deviceId,
    type: event.type,
    loket,
  };
  if (isEventOf(event, 'ticket.finished')) action.outcome = event.data.outcome;
  if (isEventOf(event, 'ticket.transferred')) {
    const { toAgencyId: agencyId, toServiceId: serviceId, toPrefix: prefix } = event.data;
    action.to = { agencyId, serviceId, prefix };
  }
  model.actions.set(k, [...(model.actions.get(k) ?? []), action]);
  const ref = model.ticketsById.get(ticketId);
  if (ref === undefined) {
    if (!model.orphans.has(ticketId)) model.orphans.set(ticketId, event.businessDay);
  } else if (!ref.quarantined && ref.day === event.businessDay) model.fresh.push(ref);
}

/** A lease request's lines, each with its day resolved. */
export type LeaseLines = {
  numbers: { day: string; prefix: string; count: number }[];
  quotas: { day: string; serviceId: string; count: number }[];
};

/**
 * The highest a (day, prefix)'s number head may be: past every block granted, plus one
 * NUMBER_FENCE per unclean restart. Pushed numbers never move it (src/domain/trust.ts).
 */
export function headBound(model: Model, k: string): number {
  return highestGranted(model, k) + 1 + NUMBER_FENCE * model.kills;
}

/**
 * Checks a 200 answer to a lease request line by line — each number line gets a block of
 * min(count, block size, what is left of the device's share), above every block granted
 * before for its (day, prefix) and within MAX_TICKET_SEQ; each quota line what is left of
 * the quota — and records the grants. A line may get less only when the model allows its
 * queue's head to be near MAX_TICKET_SEQ.
 */
export function leaseGranted(
  model: Model,
  device: Device,
  lines: LeaseLines,
  answer: LeaseResponse,
): void {
  const exhausted = (day: string, prefix: string, size: number) =>
    headBound(model, key(day, prefix)) + size > MAX_TICKET_SEQ + 1;
  const blocks = [...answer.numbers];
  for (const line of lines.numbers) {
    const k = key(line.day, line.prefix);
    const held = heldBy(device, k);
    const size = Math.min(line.count, model.site.blockSize, Math.max(0, model.site.share - held));
    if (size === 0) continue;
    const next = blocks[0];
    if (next?.businessDay !== line.day || next.prefix !== line.prefix) {
      if (exhausted(line.day, line.prefix, size)) continue;
      throw fault(
        `lease line ${JSON.stringify(line)} (held ${held}) got no block: ${JSON.stringify(answer.numbers)}`,
      );
    }
    blocks.shift();
    const all = model.leases.get(k) ?? [];
    const highest = all.reduce((m, b) => Math.max(m, b.end), 0);
    if (next.start < 1 || next.end > MAX_TICKET_SEQ || next.end - next.start + 1 > size) {
      throw fault(`lease block ${JSON.stringify(next)} out of bounds (wanted ${size})`);
    }
    if (next.end - next.start + 1 !== size && !exhausted(line.day, line.prefix, size)) {
      throw fault(`lease block ${JSON.stringify(next)} is not ${size} numbers`);
    }
    if (next.start <= highest) {
      throw fault(`lease block ${JSON.stringify(next)} reissues numbers ≤ ${highest} of ${k}`);
    }
    const block = { start: next.start, end: next.end, deviceId: device.deviceId };
    model.leases.set(k, [...all, block]);
    device.blocks.set(k, [...(device.blocks.get(k) ?? []), block]);
  }
  if (blocks.length > 0)
    throw fault(`lease answered blocks no line asked for: ${JSON.stringify(blocks)}`);
  lines.quotas.forEach((line, i) => {
    const grant = answer.quotas[i];
    const quota = model.site.services.find((s) => s.serviceId === line.serviceId)?.quota ?? 0;
    const k = key(line.day, line.serviceId);
    const before = model.quotas.get(k) ?? 0;
    const unused = (device.quotaGranted.get(k) ?? 0) - (device.recorded.get(k) ?? 0);
    const share = quotaDeviceShare(quota) - unused;
    const count = Math.max(0, Math.min(line.count, quota - before, share));
    if (grant?.count !== count || grant.remaining !== quota - before - count) {
      throw fault(
        `quota line ${JSON.stringify(line)} (granted before ${before} of ${quota}) got ${JSON.stringify(grant)}`,
      );
    }
    model.quotas.set(k, before + count);
    add(device.quotaGranted, k, count);
    add(device.tokens, k, count);
  });
  if (answer.quotas.length !== lines.quotas.length) throw fault('lease answered other quota lines');
}

function add(counts: Map<string, number>, k: string, n: number): void {
  counts.set(k, (counts.get(k) ?? 0) + n);
}
