/**
 * The queue as a deterministic fold over the event log: the same code in the browser
 * and on the server, so every replica that holds the same events shows the same queue.
 * Must:
 * - fold(permutation(S)) equals fold(S), and duplicates of an event change nothing (I5):
 *   events are ordered by (hlc, deviceId, id), plain string order (./event-order.ts).
 * - Each id counts once: its copy that sorts first, whatever its type (an unknown type
 *   then counts as nothing) — the same choice as `sortEvents`. Resends, and copies that
 *   differ (a corrupt log), are skipped before any handler sees them.
 * - Conflicting facts are surfaced, never dropped: a printed number seen twice in one
 *   (day, prefix) keeps both tickets and is listed in `duplicates`.
 * - Events from the future (beyond the drift bound) are folded like any other.
 * - Linear after two sorts, no per-event array copies, key strings or maps keyed by
 *   event id: the budget is 100,000 events in ≤ 150 ms (test/bench/fold.bench.ts). Tickets
 *   are indexed by id on the first lookup only (the kiosk's queue figures never do one).
 * - Unknown event types are skipped, so older code can fold newer logs.
 */

import { compareEvents, orderEvents, repeatedIds } from './event-order';
import { isEventOf, type KioskEvent, type PriorityCategory } from './events';

/** Where a ticket stands; called/serving/done/no-show/transferred come with the counter. */
export type TicketStatus = 'waiting';

/** One ticket as the queue sees it; `id` is the id of its ticket.issued event. */
export type TicketView = {
  id: string;
  number: string;
  prefix: string;
  seq: number;
  agencyId: string;
  serviceId: string;
  priority: PriorityCategory | null;
  purpose: 'service' | 'consultation';
  businessDay: string;
  hlc: string;
  deviceId: string;
  issuedAt: number;
  status: TicketStatus;
};

/** The folded state of every queue of a site. */
export type QueueState = {
  /** Every ticket by id, in issue order. */
  tickets: ReadonlyMap<string, TicketView>;
  /** queueKey(day, prefix) → waiting ticket ids in call order. */
  waiting: ReadonlyMap<string, readonly string[]>;
  /** serviceDayKey(day, serviceId) → tickets issued. */
  issuedByService: ReadonlyMap<string, number>;
  /** One printed number issued more than once in a (day, prefix): every ticket involved. */
  duplicates: readonly { businessDay: string; number: string; ticketIds: string[] }[];
};

type Duplicate = QueueState['duplicates'][number];

type Issued = KioskEvent<'ticket.issued'>;

/** One queue (business day + prefix) while folding. */
type QueueFold = {
  /** Its tickets in issue order. */
  issued: Issued[];
  /** Printed number → the first ticket that printed it. */
  numberOwner: Map<string, string>;
};

/**
 * The mutable state while folding; only `foldQueue` sees it. Nested maps keyed by the
 * events' own strings avoid building a key string per event (the 100k-event budget).
 */
type Fold = {
  /** Every ticket, in issue order. */
  tickets: Issued[];
  queues: Map<string, Map<string, QueueFold>>;
  issued: Map<string, Map<string, number>>;
  duplicates: Map<string, Duplicate>;
};

/** The key of one queue on one business day. */
export function queueKey(businessDay: string, prefix: string): string {
  return `${businessDay}:${prefix}`;
}

/** The key of one service on one business day. */
export function serviceDayKey(businessDay: string, serviceId: string): string {
  return `${businessDay}:${serviceId}`;
}

/** Deduplicates by id and orders by (hlc, deviceId, id), comparing plain strings. */
export function sortEvents(events: Iterable<KioskEvent>): KioskEvent[] {
  const byId = new Map<string, KioskEvent>();
  for (const event of events) {
    const seen = byId.get(event.id);
    // Same id means a resend of the same fact; if a copy differs anyway, keep the
    // earlier one in log order so the choice does not depend on arrival order.
    if (seen === undefined || compareEvents(event, seen) < 0) byId.set(event.id, event);
  }
  return orderEvents([...byId.values()]);
}

/** Folds the log into the state of every queue. */
export function foldQueue(events: Iterable<KioskEvent>): QueueState {
  const log = Array.isArray(events) ? events : [...events];
  const fold: Fold = { tickets: [], queues: new Map(), issued: new Map(), duplicates: new Map() };
  // Ids seen more than once (usually none): only those are looked up while folding.
  const repeated = repeatedIds(log);
  const applied = new Set<string>();
  for (const event of orderEvents(log)) {
    // Each id counts once, as its first copy, whatever its type.
    if (repeated.size > 0 && repeated.has(event.id)) {
      if (applied.has(event.id)) continue;
      applied.add(event.id);
    }
    if (isEventOf(event, 'ticket.issued')) applyIssued(fold, event);
  }
  return {
    tickets: new TicketIndex(fold.tickets),
    waiting: waitingQueues(fold.queues),
    issuedByService: flatten(fold.issued, serviceDayKey),
    duplicates: [...fold.duplicates.values()],
  };
}

/**
 * How many waiting tickets are called before this one; 0 if unknown or not waiting. Looks
 * through the waiting lists rather than the tickets by id: one pass is cheaper than
 * indexing every ticket for a single lookup.
 */
export function peopleAhead(state: QueueState, ticketId: string): number {
  for (const queue of state.waiting.values()) {
    const at = queue.indexOf(ticketId);
    if (at >= 0) return at;
  }
  return 0;
}

/** How many tickets wait in one queue on one business day. */
export function waitingCount(state: QueueState, businessDay: string, prefix: string): number {
  return state.waiting.get(queueKey(businessDay, prefix))?.length ?? 0;
}

function applyIssued(fold: Fold, event: Issued): void {
  const { data, businessDay } = event;
  fold.tickets.push(event);
  const services = innerMap(fold.issued, businessDay);
  services.set(data.serviceId, (services.get(data.serviceId) ?? 0) + 1);
  const queues = innerMap(fold.queues, businessDay);
  let queue = queues.get(data.prefix);
  if (queue === undefined) {
    queue = { issued: [], numberOwner: new Map() };
    queues.set(data.prefix, queue);
  }
  queue.issued.push(event);
  noteNumber(fold, queue, event);
}

/** What a ticket looks like from outside, made when asked for. */
function ticketView(event: Issued): TicketView {
  const { data, businessDay } = event;
  return {
    id: event.id,
    number: data.number,
    prefix: data.prefix,
    seq: data.seq,
    agencyId: data.agencyId,
    serviceId: data.serviceId,
    priority: data.priority,
    purpose: data.purpose,
    businessDay,
    hlc: event.hlc,
    deviceId: event.deviceId,
    issuedAt: data.issuedAt,
    status: 'waiting',
  };
}

/**
 * The folded tickets by id, in issue order. The map by id is built on the first lookup
 * by id; views are made as they are read.
 */
class TicketIndex implements ReadonlyMap<string, TicketView> {
  private byId: Map<string, Issued> | null = null;

  constructor(private readonly inOrder: readonly Issued[]) {}

  get size(): number {
    return this.inOrder.length;
  }

  get(id: string): TicketView | undefined {
    const event = this.index().get(id);
    return event === undefined ? undefined : ticketView(event);
  }

  has(id: string): boolean {
    return this.index().has(id);
  }

  *entries(): MapIterator<[string, TicketView]> {
    for (const event of this.inOrder) yield [event.id, ticketView(event)];
  }

  *keys(): MapIterator<string> {
    for (const event of this.inOrder) yield event.id;
  }

  *values(): MapIterator<TicketView> {
    for (const event of this.inOrder) yield ticketView(event);
  }

  [Symbol.iterator](): MapIterator<[string, TicketView]> {
    return this.entries();
  }

  forEach(
    callback: (value: TicketView, key: string, map: ReadonlyMap<string, TicketView>) => void,
  ): void {
    for (const [id, view] of this.entries()) callback(view, id, this);
  }

  private index(): Map<string, Issued> {
    this.byId ??= new Map(this.inOrder.map((event) => [event.id, event]));
    return this.byId;
  }
}

/** Records who printed a number, and surfaces a later ticket with the same number. */
function noteNumber(fold: Fold, queue: QueueFold, ticket: Issued): void {
  const { number, prefix } = ticket.data;
  const owner = queue.numberOwner.get(number);
  if (owner === undefined) {
    queue.numberOwner.set(number, ticket.id);
    return;
  }
  const key = `${queueKey(ticket.businessDay, prefix)}:${number}`;
  const duplicate = fold.duplicates.get(key);
  if (duplicate === undefined) {
    const ticketIds = [owner, ticket.id];
    fold.duplicates.set(key, { businessDay: ticket.businessDay, number, ticketIds });
  } else {
    duplicate.ticketIds.push(ticket.id);
  }
}

/** Each queue's waiting tickets, in call order. */
function waitingQueues(queues: Fold['queues']): Map<string, string[]> {
  const waiting = new Map<string, string[]>();
  for (const [day, byPrefix] of queues) {
    for (const [prefix, queue] of byPrefix) {
      // Every issued ticket waits until the counter issue brings calls.
      const stillWaiting = queue.issued;
      if (stillWaiting.length > 0) {
        waiting.set(
          queueKey(day, prefix),
          callOrder(stillWaiting).map((t) => t.id),
        );
      }
    }
  }
  return waiting;
}

/**
 * The order in which one queue's waiting tickets are called. SEAM for the priority rules
 * (counter issue): today it is issue order, i.e. (hlc, deviceId, id), as given.
 */
function callOrder(issueOrder: readonly Issued[]): readonly Issued[] {
  return issueOrder;
}

/** The inner map under `key`, created on first use. */
function innerMap<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

function flatten<V>(
  outer: Map<string, Map<string, V>>,
  keyOf: (a: string, b: string) => string,
): Map<string, V> {
  const flat = new Map<string, V>();
  for (const [a, inner] of outer) for (const [b, value] of inner) flat.set(keyOf(a, b), value);
  return flat;
}
