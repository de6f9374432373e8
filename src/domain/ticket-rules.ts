/**
 * What one ticket is after the counters' actions on it, in log order. Pure: the same events
 * give the same ticket on every replica.
 *
 * The rules of a ticket, applied to its actions in log order (the one rule for two counters
 * that call the same ticket while partitioned: the call that sorts first holds it):
 * - called: a waiting (or no-show) ticket becomes called, held by the calling device at its
 *   loket; a call by the holder again is a recall; any other call is a conflict.
 * - recalled, serving, finished, no-show, transferred: only from the holder, and only from
 *   called (serving, finished and transferred also from serving); anything else is a conflict.
 * - transferred: waiting again in the target service's queue, with its first arrival (the
 *   issue HLC) — so it keeps its place in the order of arrival.
 * - A journey step (`journey.after`) is held, out of every waiting list, until the ticket
 *   before it is finished; then it waits with its own arrival time.
 * - A ticket a counter called by its typed number before the ticket reached it is named by
 *   the number's reference id (./ticket-ref.ts); those actions count as the actions of the
 *   ticket of that day and number that arrived first, in log order with its own
 *   (./number-refs.ts). Until it arrives, `refs.unseenTickets()` lists it.
 */
import { isEventOf, type KioskEvent, type Outcome, type TicketActionType } from './events';
import { hlcPart } from './hlc';
import type { TicketStatus } from './queue';

type Action = KioskEvent<TicketActionType>;

/** What a ticket is, from its issue and its actions. */
export type Derived = {
  status: Exclude<TicketStatus, 'held'>;
  /** After a transfer; null: as issued (see `placeOf`). */
  agencyId: string | null;
  serviceId: string | null;
  queue: string | null;
  holder: string | null;
  loket: string | null;
  calls: number;
  recalls: number;
  transfers: number;
  outcome: Outcome | null;
  /** The call that started the current (or last) calling, and the queue it was in then. */
  call: Action | null;
  callQueue: string | null;
  /** The last call or recall. */
  lastCall: Action | null;
  /** The first call that was accepted: the end of the citizen's wait. */
  firstCall: Action | null;
  /** The accepted finish, with what it recorded (ready, missing). */
  finish: KioskEvent<'ticket.finished'> | null;
  conflicts: Action[] | null;
  /** From call (or start of serving) to finish, for a finished ticket. */
  serviceMs: number | null;
};

/** A ticket no counter has touched (most of them): one shared object, no allocation. */
export const UNTOUCHED: Derived = Object.freeze({
  status: 'waiting',
  agencyId: null,
  serviceId: null,
  queue: null,
  holder: null,
  loket: null,
  calls: 0,
  recalls: 0,
  transfers: 0,
  outcome: null,
  call: null,
  callQueue: null,
  lastCall: null,
  firstCall: null,
  finish: null,
  conflicts: null,
  serviceMs: null,
});

/**
 * What a ticket is after its actions, in log order (the rules in the header); `prefix` is
 * the queue it was issued in (a ticket not seen yet: its number's).
 */
export function derive(prefix: string, actions: readonly Action[]): Derived {
  if (actions.length === 0) return UNTOUCHED;
  const d: Derived = { ...UNTOUCHED };
  let servingFrom: Action | null = null;
  for (const action of actions) {
    const holds = d.holder === action.deviceId;
    const called = d.status === 'called';
    const busy = called || d.status === 'serving';
    let ok = false;
    if (isEventOf(action, 'ticket.called')) {
      if (d.status === 'waiting' || d.status === 'no-show') {
        d.status = 'called';
        d.holder = action.deviceId;
        d.loket = action.data.loket;
        d.calls += 1;
        d.call = action;
        d.callQueue = d.queue ?? prefix;
        d.lastCall = action;
        d.firstCall ??= action;
        servingFrom = action;
        ok = true;
      } else if (called && holds) {
        d.recalls += 1;
        d.lastCall = action;
        ok = true;
      }
    } else if (isEventOf(action, 'ticket.recalled')) {
      if (called && holds) {
        d.recalls += 1;
        d.lastCall = action;
        ok = true;
      }
    } else if (isEventOf(action, 'ticket.serving')) {
      if (called && holds) {
        d.status = 'serving';
        servingFrom = action;
        ok = true;
      }
    } else if (isEventOf(action, 'ticket.finished')) {
      if (busy && holds) {
        d.status = 'done';
        d.outcome = action.data.outcome;
        d.finish = action;
        d.serviceMs = servingFrom ? elapsedMs(servingFrom.hlc, action.hlc) : null;
        ok = true;
      }
    } else if (isEventOf(action, 'ticket.no-show')) {
      if (called && holds) {
        d.status = 'no-show';
        d.holder = null;
        ok = true;
      }
    } else if (isEventOf(action, 'ticket.transferred')) {
      if (busy && holds) {
        d.status = 'waiting';
        d.agencyId = action.data.toAgencyId;
        d.serviceId = action.data.toServiceId;
        d.queue = action.data.toPrefix;
        d.holder = null;
        d.loket = null;
        d.transfers += 1;
        ok = true;
      }
    }
    if (!ok) {
      d.conflicts ??= [];
      d.conflicts.push(action);
    }
  }
  return d;
}

/** Ms between two HLCs, 0 when the clock went back, null when one is malformed. */
/** Milliseconds between two HLCs' physical times; null when either is unreadable. */
export function elapsedMs(from: string, to: string): number | null {
  const a = hlcPart(from, 0);
  const b = hlcPart(to, 0);
  return a < 0 || b < 0 ? null : Math.max(0, b - a);
}
