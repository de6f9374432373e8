/**
 * Reading the queue state (./queue.ts) beyond what a kiosk needs for its ticket: the fold of
 * a whole log, what a loket calls next, what the board shows (the lokets and the actions a
 * counter lost: ./loket-read.ts), service times, and the plain `QueueState` snapshot. Functions, not methods,
 * so a surface carries only the ones it uses.
 */
import { compareEvents, orderEvents, repeatedIds } from './event-order';
import type { KioskEvent } from './events';
import { counters } from './loket-read';
import {
  byArrival,
  type DuplicateNumber,
  idOf,
  isPriority,
  QueueBook,
  type QueueState,
  queueKey,
  serviceDayKey,
  serviceOf,
  type TicketRecord,
  type TicketView,
} from './queue';
import { estimateWaitMinutes, expectedServiceMinutes } from './wait';

export { conflictsOf, counters } from './loket-read';

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

/**
 * The queue state of a whole log, sorted by the fast log order of ./event-order.ts (the
 * budget: 100,000 events in ≤ 150 ms, test/bench/fold.bench.ts), each id's first copy.
 */
export function foldQueue(
  events: Iterable<KioskEvent>,
  options: { priorityCap?: number } = {},
): QueueBook {
  const log = Array.isArray(events) ? events : [...events];
  // Ids seen more than once (usually none): only those are looked up while folding.
  const repeated = repeatedIds(log);
  let unique = orderEvents(log);
  if (repeated.size > 0) {
    const applied = new Set<string>();
    unique = unique.filter((event) => {
      if (!repeated.has(event.id)) return true;
      if (applied.has(event.id)) return false;
      applied.add(event.id);
      return true;
    });
  }
  const book = new QueueBook(options);
  book.loadOrdered(unique);
  return book;
}

/** The state as plain maps: what replicas compare, and what tests read. */
export function queueState(book: QueueBook): QueueState {
  const { issuedOrder, days, repeated } = book.model();
  const waiting = new Map<string, string[]>();
  const issuedByService = new Map<string, number>();
  for (const [day, index] of days) {
    for (const [queue, list] of index.queues) {
      if (list.length > 0) waiting.set(queueKey(day, queue), book.orderOf(day, queue).map(idOf));
    }
    for (const [service, count] of index.issued)
      issuedByService.set(serviceDayKey(day, service), count);
  }
  const duplicates: DuplicateNumber[] = [];
  for (const key of repeated) {
    const [day = '', prefix = '', number = ''] = key.split('\n');
    const owners = days.get(day)?.numbers.get(prefix)?.get(number);
    if (Array.isArray(owners))
      duplicates.push({ businessDay: day, number, ticketIds: owners.map(idOf) });
  }
  return { tickets: new TicketIndex(issuedOrder, book), waiting, issuedByService, duplicates };
}

/** How many tickets are called before this one; 0 if unknown, called or done. */
export function peopleAhead(state: QueueState | QueueBook, ticketId: string): number {
  if (state instanceof QueueBook) return state.peopleAhead(ticketId);
  for (const queue of state.waiting.values()) {
    const at = queue.indexOf(ticketId);
    if (at >= 0) return at;
  }
  return 0;
}

/** How many tickets wait in one queue on one business day. */
export function waitingCount(
  state: QueueState | QueueBook,
  businessDay: string,
  queue: string,
): number {
  if (state instanceof QueueBook) return state.orderOf(businessDay, queue).length;
  return state.waiting.get(queueKey(businessDay, queue))?.length ?? 0;
}

/**
 * The ticket a loket serving `serviceIds` calls next on `day`: in each queue, the first in
 * serving order it serves; of those, a priority ticket before a regular one, then the
 * earliest arrival. Null when none waits.
 */
export function nextFor(
  book: QueueBook,
  day: string,
  serviceIds: readonly string[],
): TicketView | null {
  const index = book.model().days.get(day);
  if (!index) return null;
  const serves = new Set(serviceIds);
  let best: TicketRecord | null = null;
  for (const queue of index.queues.keys()) {
    const head = book.orderOf(day, queue).find((rec) => serves.has(serviceOf(rec)));
    if (head && (best === null || before(head, best))) best = head;
  }
  return best === null ? null : book.viewOf(best);
}

/** The last `limit` calls of a day, newest first: what a board shows. */
export function recentCalls(book: QueueBook, day: string, limit: number): TicketView[] {
  const index = book.model().days.get(day);
  if (!index) return [];
  const called: TicketRecord[] = [];
  for (const list of index.calls.values()) for (const rec of list) called.push(rec);
  const lastCall = (rec: TicketRecord) => rec.derived?.lastCall as KioskEvent;
  called.sort((a, b) => compareEvents(lastCall(b), lastCall(a)));
  return called.slice(0, Math.max(0, limit)).map((rec) => book.viewOf(rec));
}

/** Finished services of a day and service: how many, and their mean duration. */
export function serviceTimes(
  book: QueueBook,
  day: string,
  serviceId: string,
): { count: number; meanMs: number } {
  const sample = book.model().days.get(day)?.samples.get(serviceId);
  if (!sample || sample.count === 0) return { count: 0, meanMs: 0 };
  return { count: sample.count, meanMs: sample.totalMs / sample.count };
}

/** Whether `a` goes before `b` when a loket picks among the heads of its queues. */
function before(a: TicketRecord, b: TicketRecord): boolean {
  if (isPriority(a) !== isPriority(b)) return isPriority(a);
  return byArrival(a, b) < 0;
}

/** The book's tickets by id, in issue order; views are made as they are read. */
class TicketIndex implements ReadonlyMap<string, TicketView> {
  constructor(
    private readonly inOrder: readonly TicketRecord[],
    private readonly book: QueueBook,
  ) {}

  get size(): number {
    return this.inOrder.length;
  }

  get(id: string): TicketView | undefined {
    return this.book.ticket(id);
  }

  has(id: string): boolean {
    return this.book.ticket(id) !== undefined;
  }

  *entries(): MapIterator<[string, TicketView]> {
    for (const rec of this.inOrder) yield [rec.id, this.book.viewOf(rec)];
  }

  *keys(): MapIterator<string> {
    for (const rec of this.inOrder) yield rec.id;
  }

  *values(): MapIterator<TicketView> {
    for (const rec of this.inOrder) yield this.book.viewOf(rec);
  }

  [Symbol.iterator](): MapIterator<[string, TicketView]> {
    return this.entries();
  }

  forEach(
    callback: (value: TicketView, key: string, map: ReadonlyMap<string, TicketView>) => void,
  ): void {
    for (const [id, view] of this.entries()) callback(view, id, this);
  }
}

/** The plain state of a whole log: `queueState(foldQueue(events))`. */
export function foldState(
  events: Iterable<KioskEvent>,
  options: { priorityCap?: number } = {},
): QueueState {
  return queueState(foldQueue(events, options));
}

/**
 * A waiting ticket's estimated wait (the one rule for the kiosk's ticket, the phone page and
 * the board): the people ahead × the service time the day has shown (./wait.ts) ÷ the lokets
 * open for its service now, or the configured number of lokets when none has opened yet.
 */
export function estimatedWait(
  book: QueueBook,
  ticket: TicketView,
  configured: { averageServiceMinutes: number; counters: number },
): number {
  const day = ticket.businessDay;
  const open = counters(book, day).filter(
    (c) => c.state === 'open' && c.serviceIds.includes(ticket.serviceId),
  ).length;
  return estimateWaitMinutes({
    ahead: book.peopleAhead(ticket.id),
    averageServiceMinutes: expectedServiceMinutes(
      serviceTimes(book, day, ticket.serviceId),
      configured.averageServiceMinutes,
    ),
    counters: open > 0 ? open : configured.counters,
  });
}

/** Every ticket of a day, in issue order. */
export function ticketsOfDay(book: QueueBook, day: string): TicketView[] {
  const out: TicketView[] = [];
  for (const rec of book.model().issuedOrder) {
    if (rec.issued?.businessDay === day) out.push(book.viewOf(rec));
  }
  return out;
}
