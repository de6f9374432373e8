/**
 * fast-check arbitraries of chaos runs, and the property both `npm test` (a fixed-seed
 * sample) and `npm run test:chaos` (fresh seeds) check.
 */
import fc from 'fast-check';
import type { ChaosCase, Command } from './case';
import type { FaultRates } from './network';
import type { Stats } from './stats';
import { runCase } from './world';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A device, counted modulo those enrolled: kiosks (2–4 at start, up to 6 with those that
 * join) for issue and crashInIssue, any device (kiosk or counter) for the others.
 */
const device = fc.nat({ max: 8 });
/** A counter, counted modulo the run's counters. */
const counter = fc.nat({ max: 2 });
/** Which of the tickets a counter holds, or can call, it acts on (0: the first). */
const pick = fc.nat({ max: 3 });
/** Whether a counter syncs before it calls. */
const fresh = fc.boolean();
/** Time between two steps: up to three minutes. */
const dt = fc.nat({ max: 180_000 });
const rate = fc.constantFrom(0, 0.1, 0.25, 0.5);

const rates: fc.Arbitrary<FaultRates> = fc.record({
  dropRequest: rate,
  dropResponse: rate,
  duplicate: rate,
  delay: rate,
});

/** A clock moved by minutes, hours or days, either way. */
const clockJump = fc.oneof(
  fc.integer({ min: -90, max: 90 }).map((m) => m * 60_000),
  fc.integer({ min: -12, max: 12 }).map((h) => h * HOUR_MS),
  fc.integer({ min: -20, max: 20 }).map((d) => d * DAY_MS + 1),
);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      device,
      service: fc.nat({ max: 2 }),
      dt,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('rush' as const),
      device,
      service: fc.nat({ max: 2 }),
      count: fc.integer({ min: 2, max: 6 }),
      dt,
    }),
  },
  { weight: 7, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, dt }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('syncPair' as const), device, other: device, dt }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('syncAll' as const), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('faults' as const), rates }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), device }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deliverHeld' as const), index: fc.nat({ max: 20 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('crashInSync' as const),
      device,
      atWrite: fc.integer({ min: 1, max: 12 }),
      dt,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('crashInIssue' as const),
      device,
      atWrite: fc.integer({ min: 1, max: 4 }),
      service: fc.nat({ max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restartDevice' as const), device }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('clockJump' as const), device, ms: clockJump }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 1, max: 16 * HOUR_MS }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('backup' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('restore' as const), back: fc.nat({ max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('serverRestart' as const), clean: fc.boolean() }),
  },
  ...counterCommands(),
);

/** A counter's commands: calls (double ones likely), what it does to the tickets it holds. */
function counterCommands(): fc.WeightedArbitrary<Command>[] {
  const act = (kind: 'recall' | 'serve' | 'finish' | 'noShow', weight: number) => ({
    weight,
    arbitrary: fc.record({ kind: fc.constant(kind), counter, pick, dt }),
  });
  return [
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('openLoket' as const),
        counter,
        services: fc.nat({ max: 3 }),
        dt,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('closeLoket' as const),
        counter,
        pause: fc.boolean(),
        dt,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('callNext' as const), counter, fresh, dt }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('callSpecific' as const),
        counter,
        pick,
        fresh,
        dt,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('callNumber' as const),
        counter,
        pick,
        dt,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('callBoth' as const),
        counter,
        other: counter,
        dt,
      }),
    },
    act('recall', 1),
    act('serve', 2),
    act('finish', 3),
    act('noShow', 1),
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('transfer' as const),
        counter,
        pick,
        service: fc.nat({ max: 4 }),
        dt,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('crashInCall' as const),
        counter,
        atWrite: fc.integer({ min: 1, max: 4 }),
      }),
    },
  ];
}

export const caseArb: fc.Arbitrary<ChaosCase> = fc.record({
  devices: fc.integer({ min: 2, max: 4 }),
  /** Mostly two counters (double calls need two); sometimes none to three. */
  counters: fc.oneof(
    { weight: 3, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) },
  ),
  /** Sometimes an MPP bergerak unit too. */
  mobiles: fc.integer({ min: 0, max: 1 }),
  seed: fc.integer(),
  batchSize: fc.constantFrom(2, 3, 500),
  pageSize: fc.constantFrom(2, 5, 500),
  commands: fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }),
});

/** The chaos property; what each run exercised is added to `stats`. */
export function chaosProperty(stats: Stats) {
  return fc.asyncProperty(caseArb, (c) => runCase(c, stats));
}
