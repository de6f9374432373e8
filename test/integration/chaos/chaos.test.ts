// @vitest-environment node
/**
 * The chaos tests (test/chaos): the real storage and sync engine on fake-indexeddb and the
 * real Hono app and SQLite store, through a network that drops, duplicates, delays and
 * partitions, with crashes mid-transaction, clocks days off and servers that restart or
 * lose their tail. A fixed-seed sample here; `npm run test:chaos -- --runs N` for more.
 * CHAOS_RUNS and CHAOS_SEED change the sample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChaosCase, type Command, DAY_MS } from '../../chaos/case';
import { chaosProperty } from '../../chaos/commands';
import { Stats } from '../../chaos/stats';
import { runCase } from '../../chaos/world';

const runs = Number(process.env.CHAOS_RUNS ?? 50);
const seed = Number(process.env.CHAOS_SEED ?? 20261123);

/** What the sample must have exercised, or it proves little. */
const EXERCISED = [
  'issue.leased',
  'issue.emergency',
  'issue.quotaReached',
  'crash.issue',
  'crash.sync',
  'device.restart',
  'clock.jumpDays',
  'net.requestLost',
  'net.answerLost.push',
  'net.duplicated',
  'net.delayed',
  'net.deliveredLate',
  'net.partitioned',
  'sync.concurrent',
  'server.restartClean',
  'server.restartCrash',
  'server.restore',
  'server.eventsLost',
  'device.joined',
  'sync.pullReset',
  // Counters: two of them calling one ticket while cut off from each other.
  'conflict.doubleCall',
  // A typed number called before its ticket reached the counter, then joined to the ticket.
  'unseen.joined',
  // An MPP bergerak unit among the devices.
  'run.mobile',
];

/** A fixed run of two kiosks at the start, with small batches and pages. */
const fixedCase = (commands: Command[]): ChaosCase => ({
  devices: 2,
  seed: 0,
  batchSize: 2,
  pageSize: 2,
  commands,
});

/** A grant after a backup, the backup restored, then another device asks for leases. */
const RESTORE_AFTER_GRANT = fixedCase([
  { kind: 'backup' },
  { kind: 'sync', device: 0, dt: 0 },
  { kind: 'restore', back: 0 },
  { kind: 'sync', device: 1, dt: 0 },
]);

/** A kiosk enrolled after a backup issues and syncs; the backup is restored; it syncs on. */
const RESTORE_AFTER_JOIN = fixedCase([
  { kind: 'backup' },
  { kind: 'join' },
  { kind: 'issue', device: 2, service: 0, dt: 1000 },
  { kind: 'sync', device: 2, dt: 0 },
  { kind: 'restore', back: 0 },
  { kind: 'join' },
  { kind: 'issue', device: 3, service: 0, dt: 1000 },
  { kind: 'sync', device: 2, dt: 0 },
]);

/**
 * An MPP bergerak unit stocks its visit's two days, goes offline for both, serves past the
 * visit's quota each day, and comes back over a lossy link with small batches.
 */
const MOBILE_TRIP: ChaosCase = {
  ...fixedCase([
    { kind: 'sync', device: 2, dt: 0 },
    { kind: 'partition', device: 2 },
    { kind: 'rush', device: 2, service: 0, count: 21, dt: 1000 },
    { kind: 'advance', ms: DAY_MS },
    { kind: 'rush', device: 2, service: 2, count: 21, dt: 1000 },
    { kind: 'faults', rates: { dropRequest: 0.2, dropResponse: 0.2, duplicate: 0.2, delay: 0.1 } },
    { kind: 'reconnect', device: 2 },
    { kind: 'sync', device: 2, dt: 0 },
    { kind: 'sync', device: 2, dt: 0 },
  ]),
  mobiles: 1,
};

describe('chaos: invariants I1–I18 under faults, kiosks, counters and a mobile unit', () => {
  it(`hold in ${runs} random runs (seed ${seed})`, async () => {
    const stats = new Stats();

    await fc.assert(chaosProperty(stats), { seed, numRuns: runs });

    expect(stats.counts.get('run.quiesced')).toBe(runs);
    if (runs >= 40) {
      const missing = EXERCISED.filter((name) => (stats.counts.get(name) ?? 0) === 0);
      expect(missing).toEqual([]);
    }
  }, 120_000);

  // The restored database forgot the number block and the quota tokens granted after the
  // backup: the number fence (src/server/store/number-fence.ts) keeps the block from being
  // granted again, and the quota ledger (quota-ledger.ts) gives the tokens back to the
  // database before another device asks.
  it('a restore that lost lease grants never lets them be granted again (I3, I8)', async () => {
    const stats = new Stats();

    await runCase(RESTORE_AFTER_GRANT, stats);

    expect(stats.counts.get('server.quotaRelearned')).toBe(1);
  });

  // The restored database forgot the kiosk enrolled after the backup; the ledger gives it
  // back with its token and letter: it pushes back what the server lost (I11, checked at
  // quiescence) and the kiosk that joins next gets another letter (I3).
  it('a restore that lost an enrollment keeps the kiosk working and its letter its own (I3, I11)', async () => {
    const stats = new Stats();

    await runCase(RESTORE_AFTER_JOIN, stats);

    expect(stats.counts.get('server.devicesRelearned')).toBe(1);
    expect(stats.counts.get('device.joined')).toBe(2);
  });

  // Offline for its whole visit, the unit keeps within the visit's quotas (I8, site-wide),
  // and once back its visit report on the server equals the fold of the converged log (I18).
  it('a mobile unit offline for its whole visit keeps its quotas and reports what the log says (I8, I18)', async () => {
    const stats = new Stats();

    await runCase(MOBILE_TRIP, stats);

    // 21 tickets a day in turn over KTP, BPJS and passports, 7 each, on each of the two
    // days: the 7th KTP (quota 6) and the 6th and 7th passports (quota 5) are refused.
    expect(stats.counts.get('run.quiesced')).toBe(1);
    expect(stats.counts.get('issue.quotaReached')).toBe(6);
  });
});
