/**
 * The book's tickets (./queue.ts) by id and where each stands: a ticket's events derive it
 * again (./ticket-rules.ts), a journey step is held until the step before is done, and its
 * day's lists (./queue-days.ts) and the conflicted set follow what it became.
 */
import { compareEvents } from './event-order';
import type { KioskEvent, TicketActionType } from './events';
import { NumberRefs } from './number-refs';
import { attachTo, type Day, detachFrom, emptyDay, servingOrderIn } from './queue-days';
import { IssueIndexes } from './queue-issues';
import { byArrival, newRec, type Rec } from './queue-records';
import { insertSorted, remove } from './sorted-lists';
import { derive } from './ticket-rules';

type Issued = KioskEvent<'ticket.issued'>;
type Action = KioskEvent<TicketActionType>;

/** The tickets of a `QueueBook`, derived and indexed as their events come and go. */
export class TicketIndex {
  /** Tickets by id, made on the first lookup (a fold of issues alone needs none). */
  private byId: Map<string, Rec> | null = null;
  /** Issue order, repeated numbers, journey steps (./queue-issues.ts). */
  readonly issues = new IssueIndexes();
  readonly days = new Map<string, Day>();
  readonly conflicted = new Set<Rec>();
  readonly refs = new NumberRefs<Rec>(
    () => this.records,
    () => this.issues.issuedOrder,
    byArrival,
  );

  constructor(private readonly priorityCap: number) {}

  /** Whether any ticket is held or was looked up (a bulk load needs neither). */
  get started(): boolean {
    return this.issues.issuedOrder.length > 0 || this.byId !== null;
  }

  /** Tickets by id (and tickets known only by their actions so far). */
  get records(): Map<string, Rec> {
    if (this.byId === null) {
      this.byId = new Map();
      for (const rec of this.issues.issuedOrder) this.byId.set(rec.id, rec);
    }
    return this.byId;
  }

  issue(event: Issued): void {
    const rec = this.byId === null ? newRec(event.id) : this.record(event.id);
    rec.issued = event;
    this.issues.place(rec, this.day(event.businessDay));
    const others = this.refs.placed(rec);
    this.refresh(rec);
    for (const other of others) this.refresh(other);
  }

  unissue(event: Issued): void {
    const rec = this.records.get(event.id);
    if (!rec || rec.issued !== event) return;
    this.detach(rec);
    this.issues.unplace(rec, this.day(event.businessDay));
    rec.issued = null;
    this.refresh(rec);
    for (const other of this.refs.unplaced(rec, event)) this.refresh(other);
    this.actionsChanged(rec);
  }

  addAction(event: Action): void {
    const rec = this.record(event.data.ticketId);
    insertSorted(rec.actions, event, compareEvents);
    this.actionsChanged(rec);
  }

  removeAction(event: Action): void {
    const rec = this.records.get(event.data.ticketId);
    if (!rec) return;
    remove(rec.actions, event);
    this.actionsChanged(rec);
  }

  /** A queue's waiting tickets in serving order (cached until the queue changes). */
  order(day: string, queue: string): Rec[] {
    const index = this.days.get(day);
    return index === undefined ? [] : servingOrderIn(index, queue, this.priorityCap);
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
}
