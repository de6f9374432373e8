import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  HLC_MAX_COUNTER,
  type Hlc,
  mergeHlc,
  nextHlc,
} from '../../src/domain/hlc';

const SEED = 20251103;
const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.UTC(2025, 10, 3);

/** Any HLC well inside the 48-bit range (so carries never reach the saturated top). */
const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  ms: fc.integer({ min: 0, max: 2 ** 47 }),
  counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
});

/** HLCs around the physical readings below, so equal-ms cases come up often. */
const nearHlcArb: fc.Arbitrary<Hlc> = fc.record({
  ms: fc.integer({ min: BASE - 2, max: BASE + 2 }),
  counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(HLC_MAX_COUNTER)),
});

const anyHlcArb = fc.oneof(hlcArb, nearHlcArb);

/** Physical clock readings: near now, days off either way, or broken outright. */
const physicalArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: BASE - 5 * DAY, max: BASE + 5 * DAY }) },
  { weight: 3, arbitrary: fc.integer({ min: BASE - 2, max: BASE + 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(Number.NaN, -1, 0, Number.POSITIVE_INFINITY, 2 ** 60),
  },
);

/** One step of a device: a local event, or receiving some other device's HLC. */
type Step = { kind: 'local'; pt: number } | { kind: 'receive'; pt: number; remote: Hlc };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('local' as const), pt: physicalArb }),
  fc.record({
    kind: fc.constant('receive' as const),
    pt: physicalArb,
    remote: anyHlcArb,
  }),
);

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

describe('HLC properties', () => {
  it('strictly increases across any steps, clock jumps and days of skew (I7, I10)', () => {
    fc.assert(
      fc.property(fc.option(anyHlcArb), fc.array(stepArb, { maxLength: 200 }), (start, steps) => {
        // Arrange
        let last: Hlc | null = start;

        for (const step of steps) {
          // Act
          const next =
            step.kind === 'local' ? nextHlc(last, step.pt) : mergeHlc(last, step.remote, step.pt);

          // Assert
          if (last !== null) expect(compareHlc(next, last)).toBeGreaterThan(0);
          expect(encodeHlc(next) > (last === null ? '' : encodeHlc(last))).toBe(true);
          last = next;
        }
      }),
      { seed: SEED },
    );
  });

  it('never lets the counter pass 16 bits, even from a full counter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.array(physicalArb), (ms, pts) => {
        // Arrange
        let last: Hlc = { ms, counter: HLC_MAX_COUNTER };

        for (const pt of pts) {
          // Act
          last = nextHlc(last, pt);

          // Assert
          expect(last.counter).toBeLessThanOrEqual(HLC_MAX_COUNTER);
          expect(Number.isInteger(last.ms)).toBe(true);
        }
      }),
      { seed: SEED },
    );
  });

  it('merges to a value after both the local and the remote HLC', () => {
    fc.assert(
      fc.property(anyHlcArb, anyHlcArb, physicalArb, (local, remote, pt) => {
        // Act
        const merged = mergeHlc(local, remote, pt);

        // Assert
        expect(compareHlc(merged, local)).toBeGreaterThan(0);
        expect(compareHlc(merged, remote)).toBeGreaterThan(0);
      }),
      { seed: SEED },
    );
  });

  it('orders encoded strings exactly as compareHlc orders the values', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        // Act
        const ea = encodeHlc(a);
        const eb = encodeHlc(b);
        const byString = ea < eb ? -1 : ea > eb ? 1 : 0;

        // Assert
        expect(byString).toBe(sign(compareHlc(a, b)));
      }),
      { seed: SEED },
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(hlcArb, (h) => {
        expect(decodeHlc(encodeHlc(h))).toEqual(h);
      }),
      { seed: SEED },
    );
  });
});
