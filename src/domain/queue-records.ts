/**
 * One ticket while the queue state (./queue.ts) holds it — its events, what they make it and
 * where it is indexed — and the small reads and orders of such records the book and
 * ./queue-read.ts share.
 */
import { compareEvents } from './event-order';
import type { KioskEvent, TicketActionType } from './events';
import { hlcPart } from './hlc';
import type { TicketStatus, TicketView } from './queue-types';
import { type Derived, elapsedMs } from './ticket-rules';

const NONE: readonly string[] = Object.freeze([]);

type Issued = KioskEvent<'ticket.issued'>;
type Action = KioskEvent<TicketActionType>;

/** One ticket while the book holds it: its events, what they make it, and where it is indexed. */
export type TicketRecord = Rec;
export type Rec = {
  id: string;
  issued: Issued | null;
  /** Its actions in log order. */
  actions: Action[];
  /** For a ticket known by its number only: `${day}\n${number}` (./number-refs.ts). */
  ref: string | null;
  derived: Derived | null;
  held: boolean;
  /** The waiting list it sits in, the call list it sits in, the sample it adds. */
  waitingIn: Rec[] | null;
  callsIn: Rec[] | null;
  sampleIn: Sample | null;
};

export type Sample = { count: number; totalMs: number };

export function newRec(id: string): Rec {
  return {
    id,
    issued: null,
    actions: [],
    ref: null,
    derived: null,
    held: false,
    waitingIn: null,
    callsIn: null,
    sampleIn: null,
  };
}

/** The service and queue a ticket is in now: its transfer's, else its issue's. */
export function placeOf(rec: Rec): { agencyId: string; serviceId: string; queue: string } {
  const { data } = rec.issued as Issued;
  const d = rec.derived;
  return {
    agencyId: d?.agencyId ?? data.agencyId,
    serviceId: d?.serviceId ?? data.serviceId,
    queue: d?.queue ?? data.prefix,
  };
}

export function queueOf(rec: Rec): string {
  return rec.derived?.queue ?? (rec.issued as Issued).data.prefix;
}

export function serviceOf(rec: Rec): string {
  return rec.derived?.serviceId ?? (rec.issued as Issued).data.serviceId;
}

export function isPriority(rec: Rec): boolean {
  return rec.issued?.data.priority != null;
}

/**
 * Arrival order: the HLC of the issue, or a booking's window start where the ticket checked
 * one in (src/domain/bookings.ts, its fair place); ties in log order.
 */
export function byArrival(a: Rec, b: Rec): number {
  const x = a.issued as Issued;
  const y = b.issued as Issued;
  const bx = x.data.booking?.arrivalMs;
  const by = y.data.booking?.arrivalMs;
  if (bx !== undefined || by !== undefined) {
    const kx = bx ?? hlcPart(x.hlc, 0);
    const ky = by ?? hlcPart(y.hlc, 0);
    if (kx !== ky) return kx < ky ? -1 : 1;
  }
  return compareEvents(x, y);
}

export function byCall(a: Rec, b: Rec): number {
  return compareEvents(a.derived?.call as Action, b.derived?.call as Action);
}

export function idOf(rec: Rec): string {
  return rec.id;
}

export function* newestFirst(
  calls: readonly Rec[],
  test: (rec: Rec) => boolean,
): Generator<boolean> {
  for (let i = calls.length - 1; i >= 0; i--) yield test(calls[i] as Rec);
}

/** Where a ticket stands: a held journey step, or what its events make it. */
export function statusOf(rec: Rec): TicketStatus {
  return rec.held ? 'held' : (rec.derived?.status ?? 'waiting');
}

/** A ticket as surfaces see it (an issued one: `issued` and `derived` are set). */
export function ticketView(rec: Rec): TicketView {
  const issued = rec.issued as Issued;
  const derived = rec.derived as Derived;
  const { data } = issued;
  const place = placeOf(rec);
  return {
    id: rec.id,
    number: data.number,
    prefix: data.prefix,
    seq: data.seq,
    agencyId: place.agencyId,
    serviceId: place.serviceId,
    queue: place.queue,
    issuedServiceId: data.serviceId,
    priority: data.priority,
    purpose: data.purpose,
    businessDay: issued.businessDay,
    hlc: issued.hlc,
    deviceId: issued.deviceId,
    issuedAt: data.issuedAt,
    status: statusOf(rec),
    loket: derived.loket,
    holder: derived.holder,
    calls: derived.calls,
    recalls: derived.recalls,
    transfers: derived.transfers,
    outcome: derived.outcome,
    journey: data.journey ?? null,
    calledHlc: derived.lastCall?.hlc ?? null,
    channel: data.channel,
    waitMs: derived.firstCall ? elapsedMs(issued.hlc, derived.firstCall.hlc) : null,
    serviceMs: derived.serviceMs,
    ready: derived.finish?.data.ready ?? null,
    missingAtFinish: derived.finish?.data.missing ?? NONE,
  };
}
