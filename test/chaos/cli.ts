/**
 * `npm run test:chaos -- --runs N [--seed S]`: N chaos runs, run i with seed S+i (S fresh
 * when not given). Prints progress, and on a failure the run's seed, the shrunk
 * counterexample and the violated invariant, then exits 1. Replay one run with
 * `--seed <seed> --runs 1`. On success: runs, seeds, time, what the counters did (double
 * calls among it) and the faults exercised.
 */
import 'fake-indexeddb/auto';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { chaosProperty } from './commands';
import { Stats } from './stats';
import { SYNC_ROUNDS_BOUND } from './world';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1)
  throw new Error(`--runs must be ≥ 1, got ${values.runs}`);
const base = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(base))
  throw new Error(`--seed must be a whole number, got ${values.seed}`);

const total = new Stats();
const started = performance.now();
let lastReport = started;
console.info(`chaos: ${runs} runs, seeds ${base}…${base + runs - 1}`);

for (let i = 0; i < runs; i += 1) {
  const seed = base + i;
  const stats = new Stats();
  const result = await fc.check(chaosProperty(stats), { seed, numRuns: 1 });
  if (result.failed) {
    console.error(`\nchaos: run ${i + 1} FAILED — seed ${seed}`);
    console.error(fc.defaultReportMessage(result));
    console.error(`\n${describeError(result.errorInstance)}`);
    console.error(`\nreplay: npm run test:chaos -- --seed ${seed} --runs 1`);
    process.exit(1);
  }
  total.merge(stats);
  const now = performance.now();
  if (now - lastReport > 10_000 || i + 1 === runs) {
    lastReport = now;
    const seconds = (now - started) / 1000;
    console.info(
      `chaos: ${i + 1}/${runs} runs passed, ${seconds.toFixed(1)} s, ${((i + 1) / seconds).toFixed(1)} runs/s`,
    );
  }
}

const seconds = (performance.now() - started) / 1000;
console.info(
  `\nchaos: all ${runs} runs passed (seeds ${base}…${base + runs - 1}) in ${seconds.toFixed(1)} s` +
    ` — liveness bound: ${SYNC_ROUNDS_BOUND} sync rounds per device after heal`,
);
console.info(counterSummary(total));
console.info(`exercised:\n${total.format()}`);

/** What the counters did across the runs: calls, double calls, refusals and who was told. */
function counterSummary(stats: Stats): string {
  const n = (name: string) => stats.counts.get(name) ?? 0;
  const refused = [...stats.counts]
    .filter(([name]) => name.startsWith('conflict.refused.'))
    .reduce((sum, [, count]) => sum + count, 0);
  return (
    `counters: ${n('call.next') + n('call.specific')} calls, ${n('conflict.doubleCall')} double calls` +
    ` (in ${n('run.doubleCalled')} of ${n('run.twoCounters')} runs with two counters or more),` +
    ` ${refused} refused actions, ${n('conflict.seenByLoser')} shown to the counter that lost,` +
    ` ${n('unseen.called')} calls by a number not seen yet (${n('unseen.joined')} joined a ticket)`
  );
}

/** The error and its causes, one per line. */
function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let e = error; e !== undefined && lines.length < 5; e = (e as Error).cause) {
    lines.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (!(e instanceof Error)) break;
  }
  return lines.join('\ncaused by: ');
}
