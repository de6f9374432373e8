/**
 * Sync benchmarks (figures, not assertions), on loopback:
 *  (a) backlog — one device with 10,000 offline events syncs until converged, with the
 *      real src/sync client on src/storage over fake-indexeddb (Node);
 *  (b) ingest — 50 devices × 20 batches × 20 events pushed concurrently over HTTP, on
 *      SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL (in
 *      a fresh schema, dropped after), saturated and paced at the 2,000 events/s goal;
 *  (c) fold — the fold benchmark of test/bench/fold.bench.ts;
 *  (d) compression — what each way of compressing pull pages costs, per page and for a
 *      second device catching up on a 10,000-event backlog (test/bench/sync/compression.ts).
 * Run: npm run bench:sync (builds dist/ first when it is older than src/).
 * SYNC_BENCH_RUNS=<n> runs each figure n times (default 5 for (a), 3 for (b), 9 for (d));
 * SYNC_BENCH_PARTS=a,d runs only those parts (default a,b,c,d);
 * SYNC_BENCH_BROWSER=1 adds (a′): the backlog with the device in headless Chromium (real
 * IndexedDB), see test/bench/sync/backlog-browser.ts.
 * SYNC_BENCH_PROFILE=<dir> writes CPU profiles of the timed parts (and of the server
 * process), to summarise with `npx tsx test/bench/sync/profile-summary.ts <files>`.
 */
import { loadavg } from 'node:os';
import { formatFoldBench, runFoldBench } from './fold.bench';
import { benchBacklog } from './sync/backlog';
import { benchCompression } from './sync/compression';
import { benchIngest } from './sync/ingest';
import { machineInfo } from './sync/stats';

const runs = Number(process.env.SYNC_BENCH_RUNS) || undefined;
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const parts = new Set((process.env.SYNC_BENCH_PARTS || 'a,b,c,d').split(',').map((p) => p.trim()));

console.log(`sync benchmarks — ${machineInfo()}`);
console.log(
  `load average at start: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);

if (parts.has('a')) {
  await benchBacklog('process', { runs: runs ?? 5 });
  await benchBacklog('in-process', { runs: runs ?? 5 });
  if (process.env.SYNC_BENCH_BROWSER === '1') {
    // Loaded only when asked: it pulls in Vite and playwright-core.
    const { benchBacklogBrowser } = await import('./sync/backlog-browser');
    await benchBacklogBrowser('in-process', { runs: runs ?? 5 });
  }
}

if (parts.has('b')) {
  for (const url of pgUrl === undefined ? [undefined] : [undefined, pgUrl]) {
    await benchIngest(url, { runs: runs ?? 3 });
    await benchIngest(url, { runs: runs ?? 3, rate: 2_000 });
  }
  if (pgUrl === undefined) {
    console.log(
      '\n(b) ingest on PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)',
    );
  }
}

if (parts.has('c')) {
  console.log(
    '\n(c) fold (test/bench/fold.bench.ts; npx tsx test/bench/fold.bench.ts for every shape):',
  );
  for (const shape of ['id order', 'shuffled'] as const) {
    console.log(`    ${formatFoldBench(await runFoldBench({ shape }))}`);
  }
}

if (parts.has('d')) await benchCompression({ runs: runs ?? 9 });
