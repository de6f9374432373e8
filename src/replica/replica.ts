/**
 * The device's replica (ARCHITECTURE.md §2.1): the one owner of the device's log and of its
 * queue state. It appends this device's events, hears of every page sync pulls, reads a
 * business day's log once, and keeps the state current with each event after that — no
 * re-read of the day, no re-fold, no polling. Kiosk, counter, display and mobile read the
 * state through selectors and hear of each change.
 * The state's code (./state.ts) loads after the first screen is up: until it and the day
 * are in, `state` is null and an append still commits (the ticket never waits for it).
 * Must:
 * - the state of a loaded day equals the fold of that day's log in IndexedDB: an event is
 *   applied after its transaction commits; events committed while the day is read are
 *   applied after the read (the state ignores a copy it holds);
 * - a failed append applies nothing (the storage layer rolled it back) and rethrows;
 * - listeners hear once per change, after the state changed; a listener that throws does
 *   not keep the others from hearing.
 */
import type { KioskEvent } from '../domain/events';
import type { QueueBook } from '../domain/queue';
import type { AnjunganDatabase, DeviceIdentity } from '../storage/db';
import { readEventsOfDay } from '../storage/events';
import { appendTicketIssued, type TicketDraft } from '../storage/tickets';

/** Days a replica keeps in memory: today, the day a ticket was issued for, one more. */
const MAX_DAYS = 3;

export type StateCode = typeof import('./state');
export type ReplicaOptions = {
  priorityCap?: number;
  /** Loads the state's code; the default is the lazy chunk of ./state.ts. */
  loadCode?: () => Promise<StateCode>;
};

type Day = { loaded: boolean; pending: KioskEvent[]; read: Promise<void> };

/** The device's log and queue state. */
export class Replica {
  private book: QueueBook | null = null;
  private code: Promise<StateCode> | null = null;
  private days = new Map<string, Day>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    readonly db: AnjunganDatabase,
    private readonly options: ReplicaOptions = {},
  ) {}

  /** The queue state once its code and a day are in; read it through selectors only. */
  get state(): QueueBook | null {
    return this.book;
  }

  /** Grows by one with every change: a cheap "has anything changed" for selectors. */
  get version(): number {
    return this.changes;
  }

  /** The state's code (loaded once; a failed load is tried again on the next call). */
  stateCode(): Promise<StateCode> {
    if (this.code === null) {
      const code = (this.options.loadCode ?? (() => import('./state')))();
      code.catch(() => {
        if (this.code === code) this.code = null;
      });
      this.code = code;
    }
    return this.code;
  }

  /** Reads a business day's log into the state, once; later calls wait for the same read. */
  loadDay(day: string): Promise<void> {
    const held = this.days.get(day);
    if (held) return held.read;
    if (this.days.size >= MAX_DAYS) this.forgetDays();
    const entry: Day = { loaded: false, pending: [], read: Promise.resolve() };
    entry.read = Promise.all([this.stateCode(), readEventsOfDay(this.db, day)]).then(
      ([code, events]) => {
        // A day forgotten while it was read is not put in the next state.
        if (this.days.get(day) !== entry) return;
        this.book ??= new code.QueueBook({ priorityCap: this.options.priorityCap });
        for (const event of events) this.book.apply(event);
        for (const event of entry.pending) this.book.apply(event);
        entry.pending = [];
        entry.loaded = true;
        this.changed();
      },
    );
    // A failed read is tried again on the next call.
    entry.read.catch(() => {
      if (this.days.get(day) === entry) this.days.delete(day);
    });
    this.days.set(day, entry);
    return entry.read;
  }

  /** Whether a day's log is in the state. */
  holds(day: string): boolean {
    return this.days.get(day)?.loaded === true;
  }

  /** The days whose log is in the state. */
  heldDays(): string[] {
    return [...this.days].filter(([, day]) => day.loaded).map(([key]) => key);
  }

  /** Issues a ticket in one durable transaction, then puts it in the state. */
  async appendTicket(
    identity: DeviceIdentity,
    draft: TicketDraft,
  ): Promise<KioskEvent<'ticket.issued'>> {
    const event = await appendTicketIssued(this.db, identity, draft);
    this.applyCommitted([event]);
    return event;
  }

  /** Events a transaction of this device has committed (a pulled page, own writes). */
  applyCommitted(events: readonly KioskEvent[]): void {
    let changed = false;
    for (const event of events) {
      const day = this.days.get(event.businessDay);
      if (day === undefined) continue;
      if (!day.loaded) day.pending.push(event);
      else if (this.book?.apply(event)) changed = true;
    }
    if (changed) this.changed();
  }

  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forgetDays(): void {
    this.days = new Map();
    this.book = null;
    this.changed();
  }

  private changed(): void {
    this.changes += 1;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // One surface's fault must not silence the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
