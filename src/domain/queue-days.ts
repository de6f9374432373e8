/**
 * One business day's indexes of the queue state (./queue.ts): its waiting lists, its call
 * lists, issue counts, printed numbers, service-time samples and each queue's serving order,
 * cached until that queue changes. The book decides which day a ticket belongs to and when
 * it moves; these functions keep a day's lists in step with a ticket's derived state.
 */
import type { KioskEvent } from './events';
import {
  byArrival,
  byCall,
  isPriority,
  newestFirst,
  queueOf,
  type Rec,
  type Sample,
  serviceOf,
} from './queue-records';
import { priorityStreak, servingOrder } from './serving-order';
import { insertSorted, listOf, remove } from './sorted-lists';

/** One business day's indexes. */
export type Day = {
  /** queue → waiting tickets in arrival order. */
  queues: Map<string, Rec[]>;
  /** queue → called tickets in order of the call that started their calling. */
  calls: Map<string, Rec[]>;
  /** service → tickets issued for it. */
  issued: Map<string, number>;
  /** service → those of them issued by MPP bergerak units (their own quota pools). */
  issuedByUnits: Map<string, number>;
  /** prefix → printed number → its ticket, or its tickets in issue order when repeated. */
  numbers: Map<string, Map<string, Rec | Rec[]>>;
  /** service → finished services' durations. */
  samples: Map<string, Sample>;
  /** queue → waiting tickets in serving order, until that queue changes. */
  order: Map<string, Rec[]>;
};

/** The key of one queue on one business day. */
export function queueKey(businessDay: string, prefix: string): string {
  return `${businessDay}:${prefix}`;
}

/** The key of one service on one business day. */
export function serviceDayKey(businessDay: string, serviceId: string): string {
  return `${businessDay}:${serviceId}`;
}

/** A day with nothing in it yet. */
export function emptyDay(): Day {
  return {
    queues: new Map(),
    calls: new Map(),
    issued: new Map(),
    issuedByUnits: new Map(),
    numbers: new Map(),
    samples: new Map(),
    order: new Map(),
  };
}

/**
 * Counts an issued ticket in its day: its service's count and its printed number. True when
 * that number is now held by more than one ticket (listed in issue order).
 */
export function countIssued(day: Day, rec: Rec): boolean {
  const { data } = rec.issued as KioskEvent<'ticket.issued'>;
  addCount(day.issued, data.serviceId, 1);
  if (data.channel === 'mobile') addCount(day.issuedByUnits, data.serviceId, 1);
  let numbers = day.numbers.get(data.prefix);
  if (numbers === undefined) {
    numbers = new Map();
    day.numbers.set(data.prefix, numbers);
  }
  const owner = numbers.get(data.number);
  if (owner === undefined) {
    numbers.set(data.number, rec);
    return false;
  }
  const owners = Array.isArray(owner) ? owner : [owner];
  insertSorted(owners, rec, byArrival);
  numbers.set(data.number, owners);
  return true;
}

/** Adds `by` to a count, dropping it at 0. */
function addCount(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/** Undoes `countIssued`. True when its number is no longer held by more than one ticket. */
export function uncountIssued(day: Day, rec: Rec): boolean {
  const { data } = rec.issued as KioskEvent<'ticket.issued'>;
  addCount(day.issued, data.serviceId, -1);
  if (data.channel === 'mobile') addCount(day.issuedByUnits, data.serviceId, -1);
  const numbers = day.numbers.get(data.prefix);
  const owner = numbers?.get(data.number);
  if (numbers && Array.isArray(owner)) {
    remove(owner, rec);
    if (owner.length !== 1) return false;
    numbers.set(data.number, owner[0] as Rec);
    return true;
  }
  numbers?.delete(data.number);
  return false;
}

/** Takes a ticket out of its day's waiting list, call list and sample. */
export function detachFrom(day: Day | undefined, rec: Rec): void {
  const order = day?.order;
  const derived = rec.derived;
  if (rec.waitingIn) {
    remove(rec.waitingIn, rec);
    rec.waitingIn = null;
    order?.delete(queueOf(rec));
  }
  if (rec.callsIn) {
    remove(rec.callsIn, rec);
    rec.callsIn = null;
    if (derived?.callQueue) order?.delete(derived.callQueue);
  }
  if (rec.sampleIn && derived?.serviceMs != null) {
    rec.sampleIn.count -= 1;
    rec.sampleIn.totalMs -= derived.serviceMs;
    rec.sampleIn = null;
  }
}

/** Puts a ticket into its day's waiting list, call list and sample, as it is derived now. */
export function attachTo(day: Day, rec: Rec): void {
  const derived = rec.derived;
  if (!derived) return;
  if (derived.status === 'waiting' && !rec.held) {
    const queue = queueOf(rec);
    rec.waitingIn = listOf(day.queues, queue);
    insertSorted(rec.waitingIn, rec, byArrival);
    if (day.order.size > 0) day.order.delete(queue);
  }
  if (derived.call && derived.callQueue) {
    rec.callsIn = listOf(day.calls, derived.callQueue);
    insertSorted(rec.callsIn, rec, byCall);
    if (day.order.size > 0) day.order.delete(derived.callQueue);
  }
  if (derived.serviceMs !== null) {
    let sample = day.samples.get(serviceOf(rec));
    if (sample === undefined) {
      sample = { count: 0, totalMs: 0 };
      day.samples.set(serviceOf(rec), sample);
    }
    sample.count += 1;
    sample.totalMs += derived.serviceMs;
    rec.sampleIn = sample;
  }
}

/** A queue's waiting tickets in serving order (cached until the queue changes). */
export function servingOrderIn(index: Day, queue: string, priorityCap: number): Rec[] {
  const cached = index.order.get(queue);
  if (cached) return cached;
  const waiting = index.queues.get(queue) ?? [];
  const calls = index.calls.get(queue) ?? [];
  const streak = priorityStreak(newestFirst(calls, isPriority));
  const order = servingOrder(waiting, isPriority, streak, priorityCap);
  index.order.set(queue, order);
  return order;
}
