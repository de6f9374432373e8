/**
 * The queue state of a site, kept by `QueueBook` one event at a time, the same code in the
 * browser and on the server (ARCHITECTURE.md §2.1); a ticket's rules are in ./ticket-rules.ts.
 * Must: any order of the same events, with any repeats, leaves the state `foldQueue` gives
 * (I5); each id counts once (its copy that sorts first); one event costs its ticket's work,
 * never a pass over the day; conflicts (repeated numbers, refused actions) are listed, never
 * dropped; unknown event types are skipped.
 */

import { CountOnce, firstCopies } from './count-once';
import {
  type CounterChangeType,
  isCounterChange,
  isEventOf,
  isTicketAction,
  type KioskEvent,
} from './events';
import type { NumberRefs } from './number-refs';
import type { Day } from './queue-days';
import { CounterLog } from './queue-issues';
import { byArrival, queueOf, type Rec, type TicketRecord, ticketView } from './queue-records';
import { TicketIndex } from './queue-tickets';
import type { TicketView } from './queue-types';
import { DEFAULT_PRIORITY_CAP } from './serving-order';
import { insertionPoint } from './sorted-lists';

export { queueKey, serviceDayKey } from './queue-days';
export { byArrival, idOf, isPriority, serviceOf, type TicketRecord } from './queue-records';
export type {
  ActionConflict,
  CounterView,
  DuplicateNumber,
  QueueState,
  TicketStatus,
  TicketView,
} from './queue-types';

type CounterEvent = KioskEvent<CounterChangeType>;

/** What ./queue-read.ts reads. */
export type BookModel = {
  readonly issuedOrder: readonly Rec[];
  readonly days: ReadonlyMap<string, Day>;
  readonly repeated: ReadonlySet<string>;
  readonly counterEvents: ReadonlyMap<string, readonly CounterEvent[]>;
  readonly conflicted: ReadonlySet<Rec>;
  /** Tickets a counter acted on that no ticket.issued here has joined yet. */
  readonly refs: NumberRefs<Rec>;
  /** Ticket id → the journey steps that name it as the step before (./journey-read.ts). */
  readonly dependents: ReadonlyMap<string, ReadonlySet<Rec>>;
};

/** The queue state, kept current one event at a time. */
export class QueueBook {
  /** The tickets, derived and indexed (./queue-tickets.ts). */
  private readonly tickets: TicketIndex;
  private readonly counters = new CounterLog();
  /** Which copy of each id counts (./count-once.ts). */
  private readonly once = new CountOnce(() => this.heldEvents());

  constructor(options: { priorityCap?: number } = {}) {
    this.tickets = new TicketIndex(options.priorityCap ?? DEFAULT_PRIORITY_CAP);
  }

  /**
   * Applies a whole log to an empty book: each id's first copy, in log order. A plain sort
   * (a device's day is thousands of events); `foldQueue` sorts large logs faster.
   */
  load(events: Iterable<KioskEvent>): void {
    this.loadOrdered(firstCopies(events));
  }

  /** Applies events already in log order, one copy of each id, to an empty book. */
  loadOrdered(events: readonly KioskEvent[]): void {
    if (this.once.started || this.tickets.started) {
      for (const event of events) this.apply(event);
      return;
    }
    for (const event of events) this.add(event);
  }

  /**
   * Applies one event in any order; returns whether the state changed (false for a resend,
   * or a copy of an id that sorts after the one counted).
   */
  apply(event: KioskEvent): boolean {
    const replaced = this.once.admit(event);
    if (replaced === 'repeat') return false;
    if (replaced !== null) this.retract(replaced);
    this.add(event);
    return true;
  }

  // ---- selectors ----

  /** One ticket, or undefined when the book holds no ticket.issued for it. */
  ticket(id: string): TicketView | undefined {
    const rec = this.records.get(id);
    if (!rec) return undefined;
    const ticket = rec.issued ? rec : this.tickets.refs.ticketOf(rec);
    return ticket ? ticketView(ticket) : undefined;
  }

  /** Waiting tickets of one queue on one day, in serving order. */
  waitingIn(day: string, queue: string): TicketView[] {
    return this.order(day, queue).map((rec) => ticketView(rec));
  }

  /**
   * How many tickets are called before this one: its place in its queue's serving order;
   * for a held journey step, the waiting tickets that arrived before it (it joins with its
   * arrival time); 0 when it is called, done or unknown.
   */
  peopleAhead(id: string): number {
    const rec = this.records.get(id);
    const derived = rec?.derived;
    if (!rec?.issued || !derived || derived.status !== 'waiting') return 0;
    const day = rec.issued.businessDay;
    if (rec.held) {
      const list = this.tickets.days.get(day)?.queues.get(queueOf(rec)) ?? [];
      return insertionPoint(list, rec, byArrival);
    }
    return Math.max(0, this.order(day, queueOf(rec)).indexOf(rec));
  }

  /**
   * Tickets issued for a service on a day (quota use): all of them, or those of one
   * channel — the lobby's kiosks and an MPP bergerak unit draw on quotas of their own.
   */
  issuedCount(day: string, serviceId: string, channel?: TicketView['channel']): number {
    const counts = this.tickets.days.get(day);
    const all = counts?.issued.get(serviceId) ?? 0;
    if (channel === undefined) return all;
    const byUnits = counts?.issuedByUnits.get(serviceId) ?? 0;
    return channel === 'mobile' ? byUnits : all - byUnits;
  }

  /** The book's indexes, read-only, for the selectors of ./queue-read.ts. */
  model(): BookModel {
    const { issuedOrder, repeated, dependents } = this.tickets.issues;
    const { conflicted, refs, days } = this.tickets;
    return {
      issuedOrder,
      days,
      repeated,
      counterEvents: this.counters.byDevice,
      conflicted,
      refs,
      dependents,
    };
  }

  /** A ticket as surfaces see it. */
  viewOf(rec: TicketRecord): TicketView {
    return ticketView(rec);
  }

  /** A queue's waiting tickets in serving order. */
  orderOf(day: string, queue: string): readonly TicketRecord[] {
    return this.order(day, queue);
  }

  // ---- adding and retracting events ----

  private add(event: KioskEvent): void {
    if (isEventOf(event, 'ticket.issued')) this.tickets.issue(event);
    else if (isTicketAction(event)) this.tickets.addAction(event);
    else if (isCounterChange(event)) this.counters.add(event);
    else this.once.hold(event);
  }

  private retract(event: KioskEvent): void {
    if (isEventOf(event, 'ticket.issued')) this.tickets.unissue(event);
    else if (isTicketAction(event)) this.tickets.removeAction(event);
    else if (isCounterChange(event)) this.counters.remove(event);
    else this.once.release(event);
  }

  /** Tickets by id (and tickets known only by their actions so far). */
  private get records(): Map<string, Rec> {
    return this.tickets.records;
  }

  /** A queue's waiting tickets in serving order (cached until the queue changes). */
  private order(day: string, queue: string): Rec[] {
    return this.tickets.order(day, queue);
  }

  /** Every event the book counts (for the count-once index, made on the first `apply`). */
  private *heldEvents(): Iterable<KioskEvent> {
    for (const rec of this.records.values()) {
      if (rec.issued) yield rec.issued;
      yield* rec.actions;
    }
    for (const list of this.counters.byDevice.values()) yield* list;
  }
}
