/**
 * The queue state of a site, kept by `QueueBook` one event at a time, the same code in the
 * browser and on the server (ARCHITECTURE.md §2.1); a ticket's rules are in ./ticket-rules.ts.
 * Must: any order of the same events, with any repeats, leaves the state `foldQueue` gives
 * (I5); each id counts once (its copy that sorts first); one event costs its ticket's work,
 * never a pass over the day; conflicts (repeated numbers, refused actions) are listed, never
 * dropped; unknown event types are skipped.
 */

import { CountOnce, firstCopies } from './count-once';
import { compareEvents } from './event-order';
import {
  type CounterChangeType,
  isCounterChange,
  isEventOf,
  isTicketAction,
  type KioskEvent,
} from './events';
import { NumberRefs } from './number-refs';
import { attachTo, type Day, detachFrom, emptyDay, servingOrderIn } from './queue-days';
import { CounterLog, IssueIndexes } from './queue-issues';
import {
  byArrival,
  newRec,
  queueOf,
  type Rec,
  type TicketRecord,
  ticketView,
} from './queue-records';
import type { TicketView } from './queue-types';
import { DEFAULT_PRIORITY_CAP } from './serving-order';
import { insertionPoint, insertSorted, remove } from './sorted-lists';
import { derive } from './ticket-rules';

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
  /** Tickets by id, made on the first lookup (a fold of issues alone needs none). */
  private byId: Map<string, Rec> | null = null;
  /** Issue order, repeated numbers, journey steps (./queue-issues.ts). */
  private readonly issues = new IssueIndexes();
  private readonly days = new Map<string, Day>();
  private readonly counters = new CounterLog();
  private readonly conflicted = new Set<Rec>();
  /** Which copy of each id counts (./count-once.ts). */
  private readonly once = new CountOnce(() => this.heldEvents());
  private readonly priorityCap: number;
  private readonly refs = new NumberRefs<Rec>(
    () => this.records,
    () => this.issues.issuedOrder,
    byArrival,
  );

  constructor(options: { priorityCap?: number } = {}) {
    this.priorityCap = options.priorityCap ?? DEFAULT_PRIORITY_CAP;
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
    if (this.once.started || this.issues.issuedOrder.length > 0 || this.byId !== null) {
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
    const ticket = rec.issued ? rec : this.refs.ticketOf(rec);
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
      const list = this.days.get(day)?.queues.get(queueOf(rec)) ?? [];
      return insertionPoint(list, rec, byArrival);
    }
    return Math.max(0, this.order(day, queueOf(rec)).indexOf(rec));
  }

  /**
   * Tickets issued for a service on a day (quota use): all of them, or those of one
   * channel — the lobby's kiosks and an MPP bergerak unit draw on quotas of their own.
   */
  issuedCount(day: string, serviceId: string, channel?: TicketView['channel']): number {
    const counts = this.days.get(day);
    const all = counts?.issued.get(serviceId) ?? 0;
    if (channel === undefined) return all;
    const byUnits = counts?.issuedByUnits.get(serviceId) ?? 0;
    return channel === 'mobile' ? byUnits : all - byUnits;
  }

  /** The book's indexes, read-only, for the selectors of ./queue-read.ts. */
  model(): BookModel {
    const { issuedOrder, repeated, dependents } = this.issues;
    const { conflicted, refs, days } = this;
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
    if (isEventOf(event, 'ticket.issued')) {
      const rec = this.byId === null ? newRec(event.id) : this.record(event.id);
      rec.issued = event;
      this.issues.place(rec, this.day(event.businessDay));
      const others = this.refs.placed(rec);
      this.refresh(rec);
      for (const other of others) this.refresh(other);
    } else if (isTicketAction(event)) {
      const rec = this.record(event.data.ticketId);
      insertSorted(rec.actions, event, compareEvents);
      this.actionsChanged(rec);
    } else if (isCounterChange(event)) {
      this.counters.add(event);
    } else {
      this.once.hold(event);
    }
  }

  private retract(event: KioskEvent): void {
    if (isEventOf(event, 'ticket.issued')) {
      const rec = this.records.get(event.id);
      if (!rec || rec.issued !== event) return;
      this.detach(rec);
      this.issues.unplace(rec, this.day(event.businessDay));
      rec.issued = null;
      this.refresh(rec);
      for (const other of this.refs.unplaced(rec, event)) this.refresh(other);
      this.actionsChanged(rec);
    } else if (isTicketAction(event)) {
      const rec = this.records.get(event.data.ticketId);
      if (!rec) return;
      remove(rec.actions, event);
      this.actionsChanged(rec);
    } else if (isCounterChange(event)) {
      this.counters.remove(event);
    } else {
      this.once.release(event);
    }
  }

  /** Tickets by id (and tickets known only by their actions so far). */
  private get records(): Map<string, Rec> {
    if (this.byId === null) {
      this.byId = new Map();
      for (const rec of this.issues.issuedOrder) this.byId.set(rec.id, rec);
    }
    return this.byId;
  }

  /** A ticket's actions changed: derive it again; one not issued (yet) may name another. */
  private actionsChanged(rec: Rec): void {
    if (rec.issued) {
      this.refresh(rec);
      return;
    }
    for (const ticket of this.refs.actionsChanged(rec)) this.refresh(ticket);
    if (rec.actions.length === 0) this.records.delete(rec.id);
  }

  private record(id: string): Rec {
    let rec = this.records.get(id);
    if (rec === undefined) {
      rec = newRec(id);
      this.records.set(id, rec);
    }
    return rec;
  }

  /** Derives a ticket again from its events and moves it in the indexes that follow. */
  private refresh(rec: Rec): void {
    const wasDone = rec.derived?.status === 'done';
    this.detach(rec);
    rec.derived = rec.issued ? derive(rec.issued.data.prefix, this.refs.actionsOf(rec)) : null;
    const after = rec.issued?.data.journey?.after;
    rec.held =
      rec.derived?.status === 'waiting' &&
      after !== undefined &&
      this.records.get(after)?.derived?.status !== 'done';
    this.attach(rec);
    if (wasDone !== (rec.derived?.status === 'done')) {
      for (const next of this.issues.dependents.get(rec.id) ?? []) this.refresh(next);
    }
  }

  /** Takes a ticket out of its day's lists and sample (before it is derived again). */
  private detach(rec: Rec): void {
    detachFrom(rec.issued ? this.days.get(rec.issued.businessDay) : undefined, rec);
    this.conflicted.delete(rec);
  }

  /** Puts a ticket, just derived, into its day's lists and sample. */
  private attach(rec: Rec): void {
    if (!rec.issued || !rec.derived) return;
    attachTo(this.day(rec.issued.businessDay), rec);
    if (rec.derived.conflicts) this.conflicted.add(rec);
  }

  private day(businessDay: string): Day {
    let day = this.days.get(businessDay);
    if (day === undefined) {
      day = emptyDay();
      this.days.set(businessDay, day);
    }
    return day;
  }

  /** A queue's waiting tickets in serving order (cached until the queue changes). */
  private order(day: string, queue: string): Rec[] {
    const index = this.days.get(day);
    return index === undefined ? [] : servingOrderIn(index, queue, this.priorityCap);
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
