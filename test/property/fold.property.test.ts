import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEventOf, type KioskEvent } from '../../src/domain/events';
import { encodeHlc, HLC_MAX_MS } from '../../src/domain/hlc';
import { type QueueState, queueKey } from '../../src/domain/queue';
import { foldState, sortEvents } from '../../src/domain/queue-read';
import { FIXTURE_MS, fixtureId, ticketIssued } from '../fixtures/events';

const SEED = 20251103;

/**
 * Logs of ticket.issued events with unique ids, drawn from small pools so that HLC ties,
 * shared devices, several days and prefixes, and repeated printed numbers all come up.
 */
const logArb: fc.Arbitrary<KioskEvent[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 60 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((n) =>
        fc
          .record({
            ms: fc.integer({ min: 0, max: 5 }),
            counter: fc.integer({ min: 0, max: 2 }),
            deviceId: fc.constantFrom('kiosk-1', 'kiosk-2', 'Kiosk-3'),
            businessDay: fc.constantFrom('2025-11-03', '2025-11-04'),
            prefix: fc.constantFrom('A', 'B', 'PH'),
            seq: fc.integer({ min: 1, max: 8 }),
            emergency: fc.boolean(),
            serviceId: fc.constantFrom('ktp-el', 'kk', 'akta'),
          })
          .map(
            (r): KioskEvent =>
              ticketIssued({
                id: fixtureId(n),
                hlc: encodeHlc({ ms: FIXTURE_MS + r.ms, counter: r.counter }),
                deviceId: r.deviceId,
                businessDay: r.businessDay,
                data: {
                  prefix: r.prefix,
                  seq: r.seq,
                  serviceId: r.serviceId,
                  ...(r.emergency ? { emergencyTag: 'K' } : {}),
                },
              }),
          ),
      ),
    ),
  );

const hlcNear = fc
  .record({ ms: fc.integer({ min: 0, max: 3 }), counter: fc.integer({ min: 0, max: 2 }) })
  .map(({ ms, counter }) => encodeHlc({ ms: FIXTURE_MS + ms * 8192, counter }));
const hlcWithinSpan = fc
  .record({
    ms: fc.integer({ min: 0, max: 2 ** 37 - 1 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
  })
  .map(({ ms, counter }) => encodeHlc({ ms: FIXTURE_MS + ms, counter }));
const hlcMalformed = fc.constantFrom('019A3B2C4D5E-0000', 'garbage', '', '019a3b2c4d5e-00001');
const hlcAnywhere = fc
  .record({
    ms: fc.integer({ min: 0, max: HLC_MAX_MS }),
    counter: fc.integer({ min: 0, max: 0xffff }),
  })
  .map(encodeHlc);

/** A log, one permutation of it, and a permutation of it with some events resent. */
const scenarioArb = logArb.chain((log) =>
  fc.tuple(
    fc.constant(log),
    fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }),
    fc.subarray(log).chain((again) =>
      fc.shuffledSubarray([...log, ...again.map((e) => ({ ...e }))], {
        minLength: log.length + again.length,
        maxLength: log.length + again.length,
      }),
    ),
  ),
);

/** The state as plain data, keeping every map's order (the order is part of the result). */
function canonical(state: QueueState) {
  return {
    tickets: [...state.tickets.entries()],
    waiting: [...state.waiting.entries()],
    issuedByService: [...state.issuedByService.entries()],
    duplicates: state.duplicates,
  };
}

/**
 * Logs whose HLCs are close with ties, spread over years (up to the exact-key limit and
 * past it), or partly malformed: every path of the log sort.
 */
const wideLogArb: fc.Arbitrary<KioskEvent[]> = fc
  .tuple(
    fc.constantFrom(
      [hlcNear],
      [hlcNear, hlcWithinSpan],
      [hlcNear, hlcAnywhere],
      [hlcNear, hlcMalformed],
    ),
    fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 80 }),
  )
  .chain(([hlcArbs, ids]) =>
    fc.tuple(
      ...ids.map((n) =>
        fc
          .record({
            hlc: fc.oneof(...hlcArbs),
            deviceId: fc.constantFrom('kiosk-1', 'kiosk-10', 'kiosk-2', 'Kiosk-3'),
          })
          .map((r): KioskEvent => ticketIssued({ id: fixtureId(n), ...r })),
      ),
    ),
  );

/** (hlc, deviceId, id) by plain string comparison, written out independently. */
function referenceOrder(a: KioskEvent, b: KioskEvent): number {
  const ka = [a.hlc, a.deviceId, a.id];
  const kb = [b.hlc, b.deviceId, b.id];
  for (let i = 0; i < 3; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

describe('log order', () => {
  it('sorts exactly as a plain (hlc, deviceId, id) comparison would', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(logArb, wideLogArb)
          .chain((log) =>
            fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }),
          ),
        (log) => {
          // Arrange
          const expected = [...log].sort(referenceOrder).map((e) => e.id);

          // Act
          const sorted = sortEvents(log).map((e) => e.id);

          // Assert
          expect(sorted).toEqual(expected);
        },
      ),
      { seed: SEED },
    );
  });
});

describe('fold properties (I5)', () => {
  it('folds any permutation of a log to the same state', () => {
    fc.assert(
      fc.property(scenarioArb, ([log, permuted]) => {
        // Act
        const original = canonical(foldState(log));
        const reordered = canonical(foldState(permuted));

        // Assert
        expect(reordered).toEqual(original);
      }),
      { seed: SEED },
    );
  });

  it('ignores events delivered more than once', () => {
    fc.assert(
      fc.property(scenarioArb, ([log, , withResends]) => {
        // Act
        const original = canonical(foldState(log));
        const resent = canonical(foldState(withResends));

        // Assert
        expect(resent).toEqual(original);
      }),
      { seed: SEED },
    );
  });

  it('puts every ticket in exactly its own queue, ordered by (hlc, deviceId, id)', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        // Act
        const state = foldState(log);

        // Assert
        const listed = [...state.waiting.values()].flat();
        expect(new Set(listed).size).toBe(log.length);
        expect(listed).toHaveLength(log.length);
        for (const [key, ids] of state.waiting) {
          const keys = ids.map((id) => {
            const t = state.tickets.get(id);
            expect(t && queueKey(t.businessDay, t.prefix)).toBe(key);
            return [t?.hlc ?? '', t?.deviceId ?? '', id] as const;
          });
          const sorted = [...keys].sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
          expect(keys).toEqual(sorted);
        }
      }),
      { seed: SEED },
    );
  });

  it('lists every repeated printed number with all its tickets', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        // Arrange: count tickets per (day, prefix, number) straight from the log.
        const perNumber = new Map<string, number>();
        for (const e of log) {
          if (!isEventOf(e, 'ticket.issued')) continue;
          const key = `${e.businessDay} ${e.data.prefix} ${e.data.number}`;
          perNumber.set(key, (perNumber.get(key) ?? 0) + 1);
        }
        const repeated = [...perNumber.values()].filter((n) => n > 1);

        // Act
        const state = foldState(log);

        // Assert
        expect(state.duplicates).toHaveLength(repeated.length);
        expect(state.duplicates.map((d) => d.ticketIds.length).sort()).toEqual(repeated.sort());
        const counted = [...state.issuedByService.values()].reduce((a, b) => a + b, 0);
        expect(counted).toBe(log.length);
      }),
      { seed: SEED },
    );
  });
});
