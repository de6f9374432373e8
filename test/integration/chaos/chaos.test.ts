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
import type { ChaosCase, Command } from '../../chaos/case';
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

describe('chaos: invariants I1–I17 under faults, kiosks and counters', () => {
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
});
