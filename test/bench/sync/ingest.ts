/**
 * Ingest: many devices pushing small batches at once, over HTTP on loopback, to the
 * built server process (node dist/server/main.js). Each device pushes its batches one
 * after another (as the sync client does); all devices run concurrently. Events are
 * built before the clock starts. Two ways to drive it:
 * - saturated: every device pushes its next batch as soon as the last is answered (the
 *   most the server takes; latency is then queueing: devices ÷ throughput);
 * - paced: the devices together offer a fixed rate (each pushes on its own schedule,
 *   staggered); a push's latency counts from when it was due, so a server falling
 *   behind shows in it (no coordinated omission).
 */
import type { KioskEvent } from '../../../src/domain/events';
import { businessDayOf } from '../../../src/domain/time';
import { eventsOf, type HttpDevice } from '../../e2e/support/sync-http';
import { kioskBundle } from '../../fixtures/kiosk';
import { httpPusher } from './http-push';
import { type BenchServer, type ServerKind, startBenchServer } from './servers';
import { median, ms, quantile } from './stats';

export type IngestOptions = {
  devices?: number;
  batches?: number;
  batchSize?: number;
  runs?: number;
  kind?: ServerKind;
  /** Offered events/s for all devices together; unset: saturated. */
  rate?: number;
};

export type IngestRun = {
  eventsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

type Pusher = HttpDevice & { events: KioskEvent[] };

/** Batches each warm-up device pushes before the timed run. */
const WARM_UP_BATCHES = 5;

async function enrollAll(server: BenchServer, count: number, events: number): Promise<Pusher[]> {
  const day = businessDayOf(Date.now(), kioskBundle().site.timeZone);
  const devices: Pusher[] = [];
  for (let i = 0; i < count; i++) {
    const device = await server.enroll(`Anjungan ${i + 1}`);
    devices.push({ ...device, events: eventsOf(device, events, day) });
  }
  return devices;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * Every device pushes all its batches, one after another; resolves to the latencies.
 * With `rate` (events/s, all devices), batch k of device d is due at
 * t0 + (k + d / devices) × devices × batchSize / rate.
 */
async function pushAll(server: BenchServer, devices: Pusher[], batchSize: number, rate?: number) {
  const latencies: number[] = [];
  const pusher = httpPusher();
  const period = rate === undefined ? 0 : (devices.length * batchSize * 1000) / rate;
  const t0 = performance.now();
  const pushDevice = async (device: Pusher, d: number) => {
    for (let at = 0; at < device.events.length; at += batchSize) {
      const batch = device.events.slice(at, at + batchSize);
      let start = performance.now();
      if (rate !== undefined) {
        const due = t0 + (at / batchSize + d / devices.length) * period;
        await sleep(due - start);
        start = due;
      }
      const answer = await pusher.push(server.url, device, batch);
      latencies.push(performance.now() - start);
      if (answer.status !== 200 || answer.body.ackSeq !== at + batch.length) {
        throw new Error(`push answered ${answer.status} ackSeq ${answer.body.ackSeq}`);
      }
    }
  };
  try {
    await Promise.all(devices.map(pushDevice));
  } finally {
    pusher.close();
  }
  return latencies;
}

/**
 * One run on a fresh server, warmed up first (not counted) by as many other devices
 * pushing 5 batches each: the same shape as the load, so what is measured is the server
 * running, not its first second. V8 compiles the batch path on first use; warmed by 5
 * devices only, the first round of 50 pushes took ≈ 250–330 ms against ≈ 150 ms later.
 */
export async function ingestRun(pgUrl: string | undefined, options: IngestOptions = {}) {
  const { devices = 50, batches = 20, batchSize = 20, kind = 'process', rate } = options;
  const server = await startBenchServer(kind, pgUrl);
  try {
    const warm = await enrollAll(server, devices, WARM_UP_BATCHES * batchSize);
    await pushAll(server, warm, batchSize);
    const pushers = await enrollAll(server, devices, batches * batchSize);
    const start = performance.now();
    const latencies = await pushAll(server, pushers, batchSize, rate);
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const run: IngestRun = {
      eventsPerSecond: (devices * batches * batchSize) / seconds,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
    };
    return { run, store: server.store };
  } finally {
    await server.stop();
  }
}

/** Runs ingest `runs` times on one store; prints each run and the medians. */
export async function benchIngest(pgUrl: string | undefined, options: IngestOptions = {}) {
  const { devices = 50, batches = 20, batchSize = 20, runs = 3, kind = 'process', rate } = options;
  const label =
    pgUrl === undefined ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL (fresh schema)';
  const total = devices * batches * batchSize;
  const mode = rate === undefined ? 'saturated' : `paced at ${rate.toLocaleString('en')} events/s`;
  console.log(
    `\n(b) ingest [${label}, ${mode}]: ${devices} devices × ${batches} batches × ${batchSize} ` +
      `events = ${total.toLocaleString('en')} events, devices concurrent, ${runs} runs`,
  );
  console.log(
    kind === 'process'
      ? '    server: the built server process (node dist/server/main.js) on loopback; clients: node:http (keep-alive) from this process'
      : '    server: the Hono app in this process on loopback; clients: node:http (keep-alive) from this process',
  );
  console.log(
    `    warm-up, not timed: ${devices} other devices × ${WARM_UP_BATCHES} batches on the same server`,
  );
  const results: IngestRun[] = [];
  for (let i = 0; i < runs; i++) {
    const { run } = await ingestRun(pgUrl, options);
    results.push(run);
    console.log(
      `    run ${i + 1}: ${run.eventsPerSecond.toFixed(0)} events/s; push latency p50 ${ms(run.p50, 1)}, ` +
        `p95 ${ms(run.p95, 1)}, p99 ${ms(run.p99, 1)}, max ${ms(run.max, 1)}`,
    );
  }
  const achieved = median(results.map((r) => r.eventsPerSecond));
  const p99 = median(results.map((r) => r.p99));
  console.log(
    `    median: ${achieved.toFixed(0)} events/s, p50 ${ms(median(results.map((r) => r.p50)), 1)}, ` +
      `p95 ${ms(median(results.map((r) => r.p95)), 1)}, p99 ${ms(p99, 1)}; goals ≥ 2,000 events/s ` +
      `(${achieved >= 2000 ? 'met' : 'NOT met'}), p99 ≤ 200 ms (${p99 <= 200 ? 'met' : 'NOT met'})`,
  );
  return results;
}
