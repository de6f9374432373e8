/**
 * The book's indexes that follow from events alone, not from a ticket's derived state:
 * tickets in issue order, numbers issued twice, journey steps by the step before, and each
 * counter's loket changes. Kept by `QueueBook` (./queue.ts) and its tickets
 * (./queue-tickets.ts), read through its model.
 */
import { compareEvents } from './event-order';
import type { CounterChangeType, KioskEvent } from './events';
import { countIssued, type Day, uncountIssued } from './queue-days';
import { byArrival, type Rec } from './queue-records';
import { insertSorted, remove } from './sorted-lists';

type Issued = KioskEvent<'ticket.issued'>;
type CounterEvent = KioskEvent<CounterChangeType>;

const numberKey = (issued: Issued) =>
  `${issued.businessDay}\n${issued.data.prefix}\n${issued.data.number}`;

/** Issue order, repeated numbers and journey steps, as tickets are issued and retracted. */
export class IssueIndexes {
  /** Tickets in issue order. */
  readonly issuedOrder: Rec[] = [];
  /** `${day}\n${prefix}\n${number}` of every repeated number, in order of first repeat. */
  readonly repeated = new Set<string>();
  /** Ticket id → the journey steps that wait for it. */
  readonly dependents = new Map<string, Set<Rec>>();

  /** Indexes a ticket just issued; `day` is its business day's lists. */
  place(rec: Rec, day: Day): void {
    const issued = rec.issued as Issued;
    insertSorted(this.issuedOrder, rec, byArrival);
    if (countIssued(day, rec)) this.repeated.add(numberKey(issued));
    const after = issued.data.journey?.after;
    if (after === undefined) return;
    let waiting = this.dependents.get(after);
    if (waiting === undefined) {
      waiting = new Set();
      this.dependents.set(after, waiting);
    }
    waiting.add(rec);
  }

  /** Undoes `place` (the issue was retracted for a copy that sorts first). */
  unplace(rec: Rec, day: Day): void {
    const issued = rec.issued as Issued;
    remove(this.issuedOrder, rec);
    if (uncountIssued(day, rec)) this.repeated.delete(numberKey(issued));
    const after = issued.data.journey?.after;
    if (after !== undefined) this.dependents.get(after)?.delete(rec);
  }
}

/** Each counter's loket changes (open, pause, close…) in log order, by device. */
export class CounterLog {
  readonly byDevice = new Map<string, CounterEvent[]>();

  add(event: CounterEvent): void {
    let list = this.byDevice.get(event.deviceId);
    if (list === undefined) {
      list = [];
      this.byDevice.set(event.deviceId, list);
    }
    insertSorted(list, event, compareEvents);
  }

  remove(event: CounterEvent): void {
    const list = this.byDevice.get(event.deviceId);
    if (list) remove(list, event);
  }
}
