/**
 * The log order (hlc, deviceId, id), plain string comparison, computed fast enough to
 * fold 100,000 events within budget. Well-formed HLCs are fixed-width hex, so their
 * numeric order is their string order: each becomes one exact integer key (ms relative
 * to the log's earliest, times 2^16, plus the counter), sorted by an LSD radix sort, and
 * only runs of equal HLCs are compared as strings.
 * Must:
 * - Return exactly the order of `compareEvents`, whatever the input order; stable.
 * - Never change the input array.
 * - Fall back to comparison sorting when an HLC is malformed or the log spans too long
 *   a time for an exact key (over ~4 years).
 */
import type { KioskEvent } from './events';
import { hlcPart, parseHex } from './hlc';

const RADIX_BITS = 13;
const RADIX = 2 ** RADIX_BITS;
/** Keys must stay exact doubles: (span in ms) × 2^16 + counter < 2^53. */
const MAX_SPAN_MS = 2 ** 37 - 1;

/** Log order: hlc, then deviceId, then id, comparing plain strings. */
export function compareEvents(a: KioskEvent, b: KioskEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return compareTail(a, b);
}

/** A new array of the events in log order (see `compareEvents`). */
export function orderEvents(events: readonly KioskEvent[]): KioskEvent[] {
  const keys = hlcKeys(events);
  if (keys === null) return [...events].sort(compareEvents);
  const order = nearlySortedOrder(keys) ?? radixOrder(keys);
  const sorted: KioskEvent[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) sorted[i] = events[order[i] as number] as KioskEvent;
  sortTies(sorted, keys, order);
  return sorted;
}

/**
 * The ids that occur more than once in `events` (resends, or copies that differ); empty
 * when every id is unique, the usual log. Found by sorting a number taken from each id
 * (52 of a UUIDv7's random bits) and comparing the ids of equal numbers: faster here than
 * a Set of 100,000 ids. Any id that is not a lower-case UUID sends the whole log to a Set.
 */
export function repeatedIds(events: readonly KioskEvent[]): Set<string> {
  const keys = idKeys(events);
  if (keys === null) return repeatedBySet(events);
  const order = radixOrder(keys);
  const repeated = new Set<string>();
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && keys[order[i] as number] === keys[order[start] as number]) continue;
    if (i - start > 1) {
      const run: KioskEvent[] = [];
      for (let j = start; j < i; j++) run.push(events[order[j] as number] as KioskEvent);
      for (const id of repeatedBySet(run)) repeated.add(id);
    }
    start = i;
  }
  return repeated;
}

function repeatedBySet(events: readonly KioskEvent[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  }
  return repeated;
}

/** 52 bits of each id (its hex 22 and 24–35), or null when one is not a UUID. */
function idKeys(events: readonly KioskEvent[]): Float64Array | null {
  const keys = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const id = (events[i] as KioskEvent).id;
    if (id.length !== 36) return null;
    const high = parseHex(id, 24, 36);
    const low = parseHex(id, 22, 23);
    if (high < 0 || low < 0) return null;
    keys[i] = high * 16 + low;
  }
  return keys;
}

function compareTail(a: KioskEvent, b: KioskEvent): number {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** One exact integer key per event, or null when the radix path cannot be used. */
function hlcKeys(events: readonly KioskEvent[]): Float64Array | null {
  const ms = new Float64Array(events.length);
  const keys = new Float64Array(events.length);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const hlc = (events[i] as KioskEvent).hlc;
    const m = hlcPart(hlc, 0);
    const counter = hlcPart(hlc, 13);
    if (m < 0 || counter < 0) return null;
    ms[i] = m;
    keys[i] = counter;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  if (max - min > MAX_SPAN_MS) return null;
  for (let i = 0; i < keys.length; i++) {
    keys[i] = ((ms[i] as number) - min) * 65536 + (keys[i] as number);
  }
  return keys;
}

/**
 * Indices of `keys` in ascending key order by insertion, which is stable and fast for the
 * usual log (read in id order, so only locally out of HLC order); null after more than
 * 8 moves an event on average, a log far from sorted, for which radix sorting is faster.
 */
function nearlySortedOrder(keys: Float64Array): Uint32Array | null {
  const order = new Uint32Array(keys.length);
  let budget = keys.length * 8;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    let j = i;
    for (; j > 0 && (keys[order[j - 1] as number] as number) > key; j--) {
      if (--budget < 0) return null;
      order[j] = order[j - 1] as number;
    }
    order[j] = i;
  }
  return order;
}

/** Indices of `keys` in ascending key order; stable (LSD radix, 13 bits a pass). */
function radixOrder(keys: Float64Array): Uint32Array {
  let order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let next = new Uint32Array(keys.length);
  const counts = new Uint32Array(RADIX);
  for (let shift = 1; shift < 2 ** 53; shift *= RADIX) {
    counts.fill(0);
    for (let i = 0; i < keys.length; i++) {
      const d = digit(keys[i] as number, shift);
      counts[d] = (counts[d] as number) + 1;
    }
    if (counts.includes(keys.length)) continue; // every key shares this digit
    let total = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d] as number;
      counts[d] = total;
      total += c;
    }
    for (const i of order) {
      const d = digit(keys[i] as number, shift);
      next[counts[d] as number] = i;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

function digit(key: number, shift: number): number {
  return Math.floor(key / shift) % RADIX;
}

/** Sorts each run of equal HLCs by (deviceId, id); runs are rare and short. */
function sortTies(sorted: KioskEvent[], keys: Float64Array, order: Uint32Array): void {
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && keys[order[i] as number] === keys[order[start] as number]) continue;
    if (i - start > 1) {
      const run = sorted.slice(start, i).sort(compareTail);
      for (let j = 0; j < run.length; j++) sorted[start + j] = run[j] as KioskEvent;
    }
    start = i;
  }
}
