import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderEvents, repeatedIds } from '../../src/domain/event-order';
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc, HLC_MAX_MS } from '../../src/domain/hlc';
import { type QueueState, queueKey, serviceDayKey } from '../../src/domain/queue';
import { foldState } from '../../src/domain/queue-read';
import { FIXTURE_MS, fixtureId, ticketIssued } from '../fixtures/events';

/**
 * The optimised fold (radix or insertion sort on numeric HLC keys, resends skipped in one
 * pass, differing copies of an id noticed after the fact) against a plain reference:
 * Array.prototype.sort with a comparator, the first copy of each id, then a fold written
 * the obvious way. Inputs are drawn with HLC ties, shared ids (resends and conflicting
 * copies), malformed and far-apart HLCs, nearly sorted and shuffled orders.
 */

const SEED = 20251104;

/** (hlc, deviceId, id) by plain string comparison. */
function byLogOrder(a: KioskEvent, b: KioskEvent): number {
  for (const k of ['hlc', 'deviceId', 'id'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/**
 * The ticket.issued events that count, in log order: a stable comparator sort; of the
 * copies of one id (resends, or copies that differ), the first counts, whatever its type;
 * unknown types count as nothing.
 */
function referenceIssued(events: readonly KioskEvent[]): KioskEvent<'ticket.issued'>[] {
  const sorted = [...events].sort(byLogOrder);
  const ids = new Set<string>();
  const issued: KioskEvent<'ticket.issued'>[] = [];
  for (const e of sorted) {
    if (ids.has(e.id)) continue;
    ids.add(e.id);
    if (e.type === 'ticket.issued') issued.push(e as KioskEvent<'ticket.issued'>);
  }
  return issued;
}

/** Values in order of first appearance. */
function firstSeen<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * The fold written out plainly. Map orders follow the documented result: tickets in log
 * order; queues and service counts grouped by day (days in order of first ticket), then
 * by prefix or service in order of first ticket; duplicates in order of the second copy.
 */
function referenceFold(events: readonly KioskEvent[]): QueueState {
  const issued = referenceIssued(events);
  const tickets = new Map(
    issued.map((e) => [
      e.id,
      {
        id: e.id,
        number: e.data.number,
        prefix: e.data.prefix,
        seq: e.data.seq,
        agencyId: e.data.agencyId,
        serviceId: e.data.serviceId,
        priority: e.data.priority,
        purpose: e.data.purpose,
        businessDay: e.businessDay,
        hlc: e.hlc,
        deviceId: e.deviceId,
        issuedAt: e.data.issuedAt,
        status: 'waiting' as const,
        queue: e.data.prefix,
        issuedServiceId: e.data.serviceId,
        loket: null,
        holder: null,
        calls: 0,
        recalls: 0,
        transfers: 0,
        outcome: null,
        journey: e.data.journey ?? null,
        calledHlc: null,
        channel: e.data.channel,
        waitMs: null,
        serviceMs: null,
        ready: null,
        missingAtFinish: [],
      },
    ]),
  );
  const waiting = new Map<string, string[]>();
  const issuedByService = new Map<string, number>();
  for (const day of firstSeen(issued.map((e) => e.businessDay))) {
    const ofDay = issued.filter((e) => e.businessDay === day);
    for (const prefix of firstSeen(ofDay.map((e) => e.data.prefix))) {
      const ids = ofDay.filter((e) => e.data.prefix === prefix).map((e) => e.id);
      waiting.set(queueKey(day, prefix), ids);
    }
    for (const service of firstSeen(ofDay.map((e) => e.data.serviceId))) {
      const count = ofDay.filter((e) => e.data.serviceId === service).length;
      issuedByService.set(serviceDayKey(day, service), count);
    }
  }
  const byNumber = new Map<
    string,
    { at: number; businessDay: string; number: string; ids: string[] }
  >();
  issued.forEach((e, at) => {
    const key = JSON.stringify([e.businessDay, e.data.prefix, e.data.number]);
    const entry = byNumber.get(key);
    if (entry === undefined) {
      byNumber.set(key, { at: -1, businessDay: e.businessDay, number: e.data.number, ids: [e.id] });
    } else {
      if (entry.ids.length === 1) entry.at = at;
      entry.ids.push(e.id);
    }
  });
  const duplicates = [...byNumber.values()]
    .filter((d) => d.ids.length > 1)
    .sort((a, b) => a.at - b.at)
    .map((d) => ({ businessDay: d.businessDay, number: d.number, ticketIds: d.ids }));
  return { tickets, waiting, issuedByService, duplicates };
}

/** The state as plain data, keeping every map's order. */
function canonical(state: QueueState) {
  return {
    tickets: [...state.tickets.entries()],
    waiting: [...state.waiting.entries()],
    issuedByService: [...state.issuedByService.entries()],
    duplicates: state.duplicates,
  };
}

const hlcTied = fc
  .record({ ms: fc.integer({ min: 0, max: 4 }), counter: fc.integer({ min: 0, max: 2 }) })
  .map(({ ms, counter }) => encodeHlc({ ms: FIXTURE_MS + ms * 1000, counter }));
const hlcSpread = fc
  .record({
    ms: fc.integer({ min: 0, max: 2 ** 37 - 1 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
  })
  .map(({ ms, counter }) => encodeHlc({ ms: FIXTURE_MS + ms, counter }));
const hlcAnywhere = fc
  .record({ ms: fc.integer({ min: 0, max: HLC_MAX_MS }), counter: fc.integer({ min: 0, max: 2 }) })
  .map(encodeHlc);
const hlcMalformed = fc.constantFrom('019A3B2C4D5E-0000', 'garbage', '', '019a3b2c4d5e-00001');

/** One event; ids come from a small pool, so the same id recurs with other content. */
const eventArb = (hlc: fc.Arbitrary<string>): fc.Arbitrary<KioskEvent> =>
  fc
    .record({
      id: fc.integer({ min: 1, max: 40 }),
      hlc,
      deviceId: fc.constantFrom('kiosk-1', 'kiosk-10', 'kiosk-2', 'Kiosk-3'),
      businessDay: fc.constantFrom('2025-11-04', '2025-11-03'),
      prefix: fc.constantFrom('B', 'A', 'PH'),
      seq: fc.integer({ min: 1, max: 6 }),
      emergency: fc.boolean(),
      serviceId: fc.constantFrom('kk', 'ktp-el', 'akta'),
      unknownType: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    })
    .map((r): KioskEvent => {
      const event = ticketIssued({
        id: fixtureId(r.id),
        hlc: r.hlc,
        deviceId: r.deviceId,
        businessDay: r.businessDay,
        data: {
          prefix: r.prefix,
          seq: r.seq,
          serviceId: r.serviceId,
          ...(r.emergency ? { emergencyTag: 'K' } : {}),
        },
      });
      // An event type this code does not know yet (from newer code) must be skipped.
      return r.unknownType ? ({ ...event, type: 'ticket.future' } as unknown as KioskEvent) : event;
    });

/** Logs of up to 300 events: many resends, conflicting copies and HLC ties. */
const logArb: fc.Arbitrary<KioskEvent[]> = fc
  .constantFrom(
    [hlcTied],
    [hlcTied],
    [hlcTied, hlcSpread],
    [hlcTied, hlcAnywhere],
    [hlcTied, hlcMalformed],
  )
  .chain((hlcs) => fc.array(eventArb(fc.oneof(...hlcs)), { maxLength: 300, size: 'max' }))
  .chain((log) =>
    fc.oneof(
      // As read in (nearly) log order: the insertion path of the sort.
      fc.array(fc.nat(), { maxLength: 10 }).map((swaps) => nearlySorted(log, swaps)),
      // Any arrival order: the radix path once the log is far from sorted.
      fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }),
      fc.constant([...log].sort(byLogOrder).reverse()),
      // Resends of whole events, as separate objects.
      fc.subarray(log).chain((again) =>
        fc.shuffledSubarray([...log, ...again.map((e) => ({ ...e }))], {
          minLength: log.length + again.length,
          maxLength: log.length + again.length,
        }),
      ),
    ),
  );

/** The log in log order with a few neighbouring events swapped. */
function nearlySorted(log: readonly KioskEvent[], swaps: readonly number[]): KioskEvent[] {
  const sorted = [...log].sort(byLogOrder);
  for (const n of swaps) {
    if (sorted.length < 2) break;
    const i = n % (sorted.length - 1);
    [sorted[i], sorted[i + 1]] = [sorted[i + 1] as KioskEvent, sorted[i] as KioskEvent];
  }
  return sorted;
}

describe('optimised fold against a plain reference', () => {
  it('orders any log exactly as a stable comparator sort does', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        // Arrange
        const expected = [...log].sort(byLogOrder);

        // Act
        const ordered = orderEvents(log);

        // Assert: the same objects, in the same order (stable for full ties too).
        expect(ordered).toHaveLength(expected.length);
        ordered.forEach((e, i) => {
          expect(e).toBe(expected[i]);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('folds any log to the reference state, resends and conflicting copies included', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        // Act
        const state = foldState(log);

        // Assert
        expect(canonical(state)).toEqual(canonical(referenceFold(log)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('folds a large log, in id order and shuffled, to the reference state', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb(hlcTied), { minLength: 1500, maxLength: 3000 }),
        fc.boolean(),
        (log, shuffle) => {
          // Arrange: ids unique and rising with the log, like UUIDv7 read from the store.
          const byId = log.map((e, i) => ({ ...e, id: fixtureId(i + 1) }));
          const input = shuffle ? [...byId].reverse() : byId;

          // Act
          const state = foldState(input);

          // Assert
          expect(canonical(state)).toEqual(canonical(referenceFold(input)));
        },
      ),
      { seed: SEED, numRuns: 20 },
    );
    // 20 logs of up to 3,000 events folded twice: seconds on a busy machine.
  }, 60_000);

  it('finds the repeated ids of any log, whatever its ids look like', () => {
    // Ids that share the digits the fast path sorts by, ids that are not lower-case UUIDs
    // (the Set path), and ordinary UUIDs, mixed and repeated.
    const sameTail = fc
      .integer({ min: 0, max: 15 })
      .map((n) => `${n.toString(16).padStart(8, '0')}-0000-7000-8000-0000000000aa`);
    const notUuid = fc.constantFrom('A', 'kiosk-1', '00000000-0000-7000-8000-00000000000A', '');
    const idArb = fc.oneof(fc.integer({ min: 1, max: 30 }).map(fixtureId), sameTail, notUuid);
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 60 }), fc.boolean(), (ids, uuidsOnly) => {
        // Arrange
        const chosen = uuidsOnly
          ? ids.filter((id) => id.length === 36 && id === id.toLowerCase())
          : ids;
        const log = chosen.map((id) => ticketIssued({ id }));
        const expected = new Set(chosen.filter((id, i) => chosen.indexOf(id) !== i));

        // Act
        const repeated = repeatedIds(log);

        // Assert
        expect([...repeated].sort()).toEqual([...expected].sort());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('does not change the input array', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        // Arrange
        const before = [...log];

        // Act
        foldState(log);
        orderEvents(log);

        // Assert
        expect(log).toHaveLength(before.length);
        log.forEach((e, i) => {
          expect(e).toBe(before[i]);
        });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
