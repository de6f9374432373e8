/**
 * Backlog: one device holding 10,000 offline events pushes them with the real sync
 * client (`syncOnce` from src/sync over the HTTP transport) from its real storage
 * (src/storage on fake-indexeddb, in Node) to the site server (the Hono app in this
 * process on a loopback port, SQLite in a temp dir), until it is converged: outbox empty,
 * ackSeq = 10,000, pull cursor = the server's head.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openAnjunganDb } from '../../../src/storage/db';
import { createHttpTransport } from '../../../src/sync/transport';
import {
  assertConverged,
  type BacklogRun,
  BROWSER_ACCEPT_ENCODING,
  backlogDevice,
  browserFetch,
  seedOutbox,
  serverHead,
  timeSync,
  timings,
} from './backlog-device';
import { profiled } from './profile';
import { type ServerKind, startBenchServer } from './servers';
import { median, ms } from './stats';

/** One run on a fresh server and a fresh device database. */
export async function backlogRun(
  kind: ServerKind,
  events: number,
  index: number,
): Promise<BacklogRun> {
  const server = await startBenchServer(kind);
  const dbName = `bench-backlog-${index}-${randomUUID()}`;
  const db = await openAnjunganDb(dbName);
  try {
    const device = await server.enroll('Backlog');
    const { identity, seed } = backlogDevice(device, events);
    await seedOutbox(db, identity, seed);
    const transport = createHttpTransport({
      baseUrl: server.url,
      token: device.token,
      fetch: browserFetch,
    });
    const run = await profiled(`backlog-${kind}-${index + 1}`, () =>
      timeSync(db, transport, device),
    );
    assertConverged(run, await serverHead(server.url, device.token), events);
    return timings(run);
  } finally {
    db.close();
    await new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = () => done();
    });
    await server.stop();
  }
}

/** Runs the backlog `runs` times; prints each run and the median. */
export async function benchBacklog(
  kind: ServerKind,
  options: { events?: number; runs?: number } = {},
) {
  const events = options.events ?? 10_000;
  const runs = options.runs ?? 5;
  console.log(
    `\n(a) backlog [${kind}]: 1 device, ${events.toLocaleString('en')} offline events → server, ${runs} runs`,
  );
  console.log(
    `    device: real src/sync syncOnce + src/storage on fake-indexeddb (Node), HTTP transport with a browser's Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}`,
  );
  console.log(
    kind === 'in-process'
      ? '    server: the Hono app in this process (same thread as the device), @hono/node-server on loopback, SQLite (WAL, synchronous=FULL) in a temp dir'
      : '    server: the built server process (node dist/server/main.js) on loopback, SQLite (WAL, synchronous=FULL) in a temp dir',
  );
  console.log(
    '    timed: syncOnce from start to converged (all pushes, ack stores, pull of every page back, cursor = head); seeding not timed',
  );
  const results: BacklogRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await backlogRun(kind, events, i);
    results.push(run);
    console.log(
      `    run ${i + 1}: ${ms(run.totalMs)} (push calls ${run.pushes}: ${ms(run.pushCallsMs)}, ` +
        `pull calls ${run.pulls}: ${ms(run.pullCallsMs)}, device storage and the rest: ` +
        `${ms(run.totalMs - run.pushCallsMs - run.pullCallsMs)})`,
    );
  }
  const total = median(results.map((r) => r.totalMs));
  console.log(
    `    median ${ms(total)} (push calls ${ms(median(results.map((r) => r.pushCallsMs)))}, ` +
      `pull calls ${ms(median(results.map((r) => r.pullCallsMs)))}); goal ≤ 750 ms: ` +
      `${total <= 750 ? 'met' : 'NOT met'}`,
  );
  return { medianMs: total, runs: results };
}
