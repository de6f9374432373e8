/**
 * The queue state's part for tickets a counter acted on before its replica saw them
 * (./ticket-ref.ts): which records are references by number, which ticket each one joins,
 * and which are still unseen. QueueBook (./queue.ts) owns the records and asks this part
 * what to refresh.
 * Must:
 * - A function of the records alone, whatever order events came in (I5): a record is a
 *   reference when one of its calls says the number its id was made from; its actions join
 *   the ticket of that number and day that arrived first (a number printed twice is listed
 *   as a duplicate, and its first ticket is the one the citizen at the counter most likely
 *   holds).
 * - Costs nothing on a day without references: the index by number is made when the first
 *   reference appears.
 */
import { compareEvents } from './event-order';
import { isEventOf, type KioskEvent, type TicketActionType, type UnseenTicket } from './events';
import { canonicalOf, isNumberRef, numberRefId } from './ticket-ref';
import { type Derived, derive } from './ticket-rules';

type Issued = KioskEvent<'ticket.issued'>;
type Action = KioskEvent<TicketActionType>;

/** What this part reads of a queue record. */
export type RefRecord = {
  id: string;
  issued: Issued | null;
  /** Its actions in log order. */
  actions: Action[];
  /** For a reference: `${businessDay}\n${number}` of the ticket it names; else null. */
  ref: string | null;
};

/** A ticket known to the counters only by what they knew when they called it. */
export type UnseenTicketView = {
  /** The ticket's id (from its QR) or its number's reference id (typed). */
  id: string;
  number: string;
  serviceId: string | null;
  businessDay: string;
  status: Derived['status'];
  loket: string | null;
  holder: string | null;
};

export class NumberRefs<R extends RefRecord> {
  private references = 0;
  /** `${day}\n${number}` → tickets of that canonical number in order of arrival. */
  private index: Map<string, R[]> | null = null;
  /** Records with no ticket yet, with a call that says what its counter knew. */
  readonly unseen = new Set<R>();

  constructor(
    private readonly records: () => ReadonlyMap<string, R>,
    private readonly issuedOrder: () => readonly R[],
    private readonly byArrival: (a: R, b: R) => number,
  ) {}

  /** The actions that make `rec`: its own, and its reference's when it is that number's ticket. */
  actionsOf(rec: R): readonly Action[] {
    const ref = this.referenceOf(rec);
    return ref ? mergeInLogOrder(rec.actions, ref.actions) : rec.actions;
  }

  /** The ticket a reference record joins, if it has arrived. */
  ticketOf(rec: R): R | undefined {
    if (rec.ref === null || rec.issued !== null) return undefined;
    return this.byNumber().get(rec.ref)?.[0];
  }

  /** After `rec`'s ticket.issued was placed: the tickets to derive again. */
  placed(rec: R): R[] {
    this.unseen.delete(rec);
    const out: R[] = [];
    // A reference id that became a ticket of its own (no device of ours does that) stops
    // joining the ticket of its number.
    const joined = this.ticketOfReference(rec);
    if (joined) out.push(joined);
    const key = this.index && keyOf(rec.issued as Issued);
    if (this.index && key !== null) {
      let list = this.index.get(key);
      if (list === undefined) {
        list = [];
        this.index.set(key, list);
      }
      const before = list[0];
      insertAt(list, rec, this.byArrival);
      if (before !== undefined && before !== list[0]) out.push(before);
    }
    return out;
  }

  /** After `rec`'s ticket.issued was taken back: the tickets to derive again. */
  unplaced(rec: R, issued: Issued): R[] {
    const out: R[] = [];
    const key = this.index && keyOf(issued);
    if (this.index && key !== null) {
      const list = this.index.get(key) ?? [];
      const was = list[0];
      const at = list.indexOf(rec);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.index.delete(key);
      if (was === rec && list[0]) out.push(list[0]);
    }
    const joined = this.ticketOfReference(rec);
    if (joined) out.push(joined);
    return out;
  }

  /** After the actions of `rec` (with no ticket.issued) changed: the tickets to derive again. */
  actionsChanged(rec: R): R[] {
    const before = this.ticketOf(rec);
    let key: string | null = null;
    let said = false;
    for (const action of rec.actions) {
      const unseen = unseenOf(action);
      if (unseen === undefined) continue;
      said = true;
      if (key === null && isNumberRef(rec.id, action.businessDay, unseen.number)) {
        key = `${action.businessDay}\n${unseen.number}`;
      }
    }
    if (key !== rec.ref) {
      this.references += key === null ? -1 : rec.ref === null ? 1 : 0;
      rec.ref = key;
    }
    if (said && rec.issued === null) this.unseen.add(rec);
    else this.unseen.delete(rec);
    const after = this.ticketOf(rec);
    return before && before !== after ? [before, ...(after ? [after] : [])] : after ? [after] : [];
  }

  /**
   * Tickets counters acted on that no ticket.issued here has joined yet, in order of their
   * first action: what the counter knew (the first call that said), and where they stand by
   * the same rules as any ticket.
   */
  unseenTickets(): UnseenTicketView[] {
    const out: (UnseenTicketView & { first: Action })[] = [];
    for (const rec of this.unseen) {
      const first = rec.actions[0];
      const known = rec.actions.map(unseenOf).find((u) => u !== undefined);
      if (!first || !known || this.ticketOf(rec)) continue;
      const derived = derive(known.number.slice(0, known.number.indexOf('-')), rec.actions);
      out.push({
        id: rec.id,
        number: known.number,
        serviceId: known.serviceId ?? null,
        businessDay: first.businessDay,
        status: derived.status,
        loket: derived.loket,
        holder: derived.holder,
        first,
      });
    }
    return out.sort((a, b) => compareEvents(a.first, b.first)).map(({ first: _, ...view }) => view);
  }

  /** The reference record whose actions join `rec`, when `rec` is its number's first ticket. */
  private referenceOf(rec: R): R | undefined {
    if (this.references === 0 || rec.issued === null) return undefined;
    const canonical = canonicalOf(rec.issued.data.number);
    if (canonical === null) return undefined;
    const ref = this.records().get(numberRefId(rec.issued.businessDay, canonical));
    if (!ref || ref === rec || ref.ref === null || ref.issued !== null) return undefined;
    return this.byNumber().get(ref.ref)?.[0] === rec ? ref : undefined;
  }

  /** The ticket a reference record's number names, whether or not it joins it now. */
  private ticketOfReference(rec: R): R | undefined {
    if (rec.ref === null) return undefined;
    const ticket = this.byNumber().get(rec.ref)?.[0];
    return ticket === rec ? undefined : ticket;
  }

  private byNumber(): Map<string, R[]> {
    if (this.index !== null) return this.index;
    const index = new Map<string, R[]>();
    for (const rec of this.issuedOrder()) {
      const key = keyOf(rec.issued as Issued);
      if (key === null) continue;
      const list = index.get(key);
      if (list) list.push(rec);
      else index.set(key, [rec]);
    }
    this.index = index;
    return index;
  }
}

function keyOf(issued: Issued): string | null {
  const canonical = canonicalOf(issued.data.number);
  return canonical === null ? null : `${issued.businessDay}\n${canonical}`;
}

function unseenOf(action: Action): UnseenTicket | undefined {
  return isEventOf(action, 'ticket.called') && action.data.mode === 'specific'
    ? action.data.unseen
    : undefined;
}

function insertAt<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let at = list.length;
  while (at > 0 && compare(list[at - 1] as T, item) > 0) at--;
  list.splice(at, 0, item);
}

function mergeInLogOrder(a: readonly Action[], b: readonly Action[]): Action[] {
  const out: Action[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && compareEvents(x, y) <= 0)) {
      out.push(x as Action);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
