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
  'sync.pullReset',
];

describe('chaos: invariants I1–I11 under faults', () => {
  it(`hold in ${runs} random runs (seed ${seed})`, async () => {
    const stats = new Stats();

    await fc.assert(chaosProperty(stats, { tolerateLeaseGap: true }), { seed, numRuns: runs });

    expect(stats.counts.get('run.quiesced')).toBe(runs);
    if (runs >= 40) {
      const missing = EXERCISED.filter((name) => (stats.counts.get(name) ?? 0) === 0);
      expect(missing).toEqual([]);
    }
  }, 120_000);

  // Known gap, being fixed in src/server/store: the number heads go back with a restored
  // database, so a block granted after the backup is granted again. Flip to `it` then.
  it.fails('a restore that lost a lease grant never lets the block be granted again (I8)', async () => {
    await runCase({
      devices: 2,
      seed: 0,
      batchSize: 2,
      pageSize: 2,
      commands: [
        { kind: 'backup' },
        { kind: 'sync', device: 0, dt: 0 },
        { kind: 'restore', back: 0 },
        { kind: 'sync', device: 1, dt: 0 },
      ],
    });
  });
});
