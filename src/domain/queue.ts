/**
 * The queue as a deterministic fold over the event log: the same code in the browser
 * and on the server, so every replica that holds the same events shows the same queue.
 * Must:
 * - fold(permutation(S)) equals fold(S), and duplicates of an event change nothing (I5):
 *   events are ordered by (hlc, deviceId, id), plain string order (./event-order.ts).
 * - Resends of an event sort next to each other and are skipped in one pass; a copy of
 *   an id that differs (a corrupt log) is dropped by its type's handler, keeping the
 *   copy that sorts first — the same choice as `sortEvents`. New handlers must do so too.
 * - Conflicting facts are surfaced, never dropped: a printed number seen twice in one
 *   (day, prefix) keeps both tickets and is listed in `duplicates`.
 * - Events from the future (beyond the drift bound) are folded like any other.
 * - Linear after one sort, no per-event array copies or key strings: the budget is
 *   100,000 events in ≤ 150 ms (test/bench/fold.bench.ts).
 * - Unknown event types are skipped, so older code can fold newer logs.
 */

import { compareEvents, orderEvents } from './event-order';
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

/** One queue (business day + prefix) while folding. */
type QueueFold = {
  /** Its tickets in issue order. */
  issued: TicketView[];
  /** Printed number → the first ticket that printed it. */
  numberOwner: Map<string, string>;
};

/**
 * The mutable state while folding; only `foldQueue` sees it. Nested maps keyed by the
 * events' own strings avoid building a key string per event (the 100k-event budget).
 */
type Fold = {
  tickets: Map<string, TicketView>;
  queues: Map<string, Map<string, QueueFold>>;
  issued: Map<string, Map<string, number>>;
  duplicates: Map<string, Duplicate>;
  /** Whether handlers look an id up before applying it (see `foldLog`). */
  careful: boolean;
  /** Set when a handler applied a second copy of an id without looking: fold again. */
  conflict?: boolean;
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
  return foldLog(log, false) ?? (foldLog(log, true) as QueueState);
}

/**
 * One pass over the log in order. Resends sort next to each other and are skipped here.
 * Differing copies of one id (a corrupt log) are rare, so handlers do not look every id
 * up: they notice a copy after applying it, and the log is folded again `careful`ly,
 * where they look ids up and keep the first copy. Null when that is needed.
 */
function foldLog(log: readonly KioskEvent[], careful: boolean): QueueState | null {
  const fold: Fold = {
    tickets: new Map(),
    queues: new Map(),
    issued: new Map(),
    duplicates: new Map(),
    careful,
  };
  let previous: KioskEvent | undefined;
  for (const event of orderEvents(log)) {
    if (event.id === previous?.id) continue;
    previous = event;
    applyEvent(fold, event);
  }
  if (fold.conflict) return null;
  return {
    tickets: fold.tickets,
    waiting: waitingQueues(fold.queues),
    issuedByService: flatten(fold.issued, serviceDayKey),
    duplicates: [...fold.duplicates.values()],
  };
}

/** How many waiting tickets are called before this one; 0 if unknown or not waiting. */
export function peopleAhead(state: QueueState, ticketId: string): number {
  const ticket = state.tickets.get(ticketId);
  if (ticket === undefined || ticket.status !== 'waiting') return 0;
  const queue = state.waiting.get(queueKey(ticket.businessDay, ticket.prefix)) ?? [];
  return Math.max(0, queue.indexOf(ticketId));
}

/** How many tickets wait in one queue on one business day. */
export function waitingCount(state: QueueState, businessDay: string, prefix: string): number {
  return state.waiting.get(queueKey(businessDay, prefix))?.length ?? 0;
}

function applyEvent(fold: Fold, event: KioskEvent): void {
  if (isEventOf(event, 'ticket.issued')) applyIssued(fold, event);
}

function applyIssued(fold: Fold, event: KioskEvent<'ticket.issued'>): void {
  // A copy of an issued ticket that differs from the one sorted first is ignored.
  if (fold.careful && fold.tickets.has(event.id)) return;
  const { data, businessDay } = event;
  const ticket: TicketView = {
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
  const size = fold.tickets.size;
  fold.tickets.set(ticket.id, ticket);
  if (fold.tickets.size === size) fold.conflict = true;
  const services = innerMap(fold.issued, businessDay);
  services.set(data.serviceId, (services.get(data.serviceId) ?? 0) + 1);
  const queues = innerMap(fold.queues, businessDay);
  let queue = queues.get(data.prefix);
  if (queue === undefined) {
    queue = { issued: [], numberOwner: new Map() };
    queues.set(data.prefix, queue);
  }
  queue.issued.push(ticket);
  noteNumber(fold, queue, ticket);
}

/** Records who printed a number, and surfaces a later ticket with the same number. */
function noteNumber(fold: Fold, queue: QueueFold, ticket: TicketView): void {
  const owner = queue.numberOwner.get(ticket.number);
  if (owner === undefined) {
    queue.numberOwner.set(ticket.number, ticket.id);
    return;
  }
  const key = `${queueKey(ticket.businessDay, ticket.prefix)}:${ticket.number}`;
  const duplicate = fold.duplicates.get(key);
  if (duplicate === undefined) {
    const ticketIds = [owner, ticket.id];
    fold.duplicates.set(key, { businessDay: ticket.businessDay, number: ticket.number, ticketIds });
  } else {
    duplicate.ticketIds.push(ticket.id);
  }
}

/** Each queue's waiting tickets, in call order. */
function waitingQueues(queues: Fold['queues']): Map<string, string[]> {
  const waiting = new Map<string, string[]>();
  for (const [day, byPrefix] of queues) {
    for (const [prefix, queue] of byPrefix) {
      // A loop rather than filter(): measurably faster over 100,000 tickets.
      const stillWaiting: TicketView[] = [];
      for (const t of queue.issued) if (t.status === 'waiting') stillWaiting.push(t);
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
function callOrder(issueOrder: readonly TicketView[]): readonly TicketView[] {
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
