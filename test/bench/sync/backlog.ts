/**
 * Backlog: one device holding 10,000 offline events pushes them with the real sync
 * client (`syncOnce` from src/sync over the HTTP transport) from its real storage
 * (src/storage on fake-indexeddb, in Node) to the site server (the Hono app in this
 * process on a loopback port, SQLite in a temp dir), until it is converged: outbox empty,
 * ackSeq = 10,000, pull cursor = the server's head.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { businessDayOf } from '../../../src/domain/time';
import {
  type AnjunganDatabase,
  type DeviceIdentity,
  openAnjunganDb,
} from '../../../src/storage/db';
import { countOutbox } from '../../../src/storage/events';
import { readSyncState } from '../../../src/storage/sync-state';
import { appendTicketIssued } from '../../../src/storage/tickets';
import { syncOnce } from '../../../src/sync/engine';
import { createHttpTransport, type Transport } from '../../../src/sync/transport';
import type { HttpDevice } from '../../e2e/support/sync-http';
import { kioskBundle } from '../../fixtures/kiosk';
import { profiled } from './profile';
import { type BenchServer, type ServerKind, startBenchServer } from './servers';
import { median, ms } from './stats';

export type BacklogRun = {
  totalMs: number;
  /** Time inside push calls (request, server, answer) and pull calls. */
  pushCallsMs: number;
  pullCallsMs: number;
  pushes: number;
  pulls: number;
};

const PREFIXES = ['A', 'B', 'C', 'D'];

/** Issues `count` tickets through the real append path (numbers stay ≤ 4 digits). */
async function seedOutbox(db: AnjunganDatabase, identity: DeviceIdentity, count: number) {
  const config = kioskBundle();
  const day = businessDayOf(Date.now(), config.site.timeZone);
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    await appendTicketIssued(db, identity, {
      id: randomUUID(),
      physicalMs: now,
      businessDay: day,
      prefix: PREFIXES[i % PREFIXES.length] as string,
      digits: config.site.numbering.digits,
      dailyQuota: null,
      data: {
        agencyId: 'disdukcapil',
        serviceId: 'disdukcapil-ktp-el-cetak-ulang',
        priority: null,
        purpose: 'service',
        missing: [],
        channel: 'kiosk',
        language: 'id',
        issuedAt: now,
      },
    });
  }
}

/** Measures the time spent inside each transport call kind. */
function timed(transport: Transport, run: BacklogRun): Transport {
  return {
    ...transport,
    push: async (events, signal) => {
      const start = performance.now();
      try {
        return await transport.push(events, signal);
      } finally {
        run.pushCallsMs += performance.now() - start;
        run.pushes += 1;
      }
    },
    pull: async (cursor, limit, signal, own) => {
      const start = performance.now();
      try {
        return await transport.pull(cursor, limit, signal, own);
      } finally {
        run.pullCallsMs += performance.now() - start;
        run.pulls += 1;
      }
    },
  };
}

/** One run on a fresh server and a fresh device database. */
export async function backlogRun(
  kind: ServerKind,
  events: number,
  index: number,
  sync: typeof syncOnce = syncOnce,
): Promise<BacklogRun> {
  const server = await startBenchServer(kind);
  const dbName = `bench-backlog-${index}-${randomUUID()}`;
  const db = await openAnjunganDb(dbName);
  try {
    const device = await server.enroll('Backlog');
    const identity: DeviceIdentity = {
      deviceId: device.deviceId,
      siteId: device.siteId,
      name: 'Backlog',
      profileId: 'lobi-utama',
      emergencyTag: 'K',
      token: device.token,
      enrolledAt: Date.now(),
    };
    await seedOutbox(db, identity, events);
    const run: BacklogRun = { totalMs: 0, pushCallsMs: 0, pullCallsMs: 0, pushes: 0, pulls: 0 };
    const transport = timed(createHttpTransport({ baseUrl: server.url, token: device.token }), run);
    const start = performance.now();
    const result = await profiled(`backlog-${kind}-${index + 1}`, () =>
      sync({ db, transport, device, now: Date.now }, new AbortController().signal),
    );
    run.totalMs = performance.now() - start;

    const state = await readSyncState(db);
    const head = await headOf(server, device);
    const pending = await countOutbox(db, device.deviceId, state.ackSeq);
    if (result.pushed.accepted !== events || state.ackSeq !== events || pending !== 0) {
      throw new Error(`not converged: accepted ${result.pushed.accepted}, ack ${state.ackSeq}`);
    }
    if (state.cursor !== head || head !== events) {
      throw new Error(`not converged: cursor ${state.cursor}, head ${head}`);
    }
    return run;
  } finally {
    db.close();
    await new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = () => done();
    });
    await server.stop();
  }
}

/** The server's head, as a pull tells a device. */
async function headOf(server: BenchServer, device: HttpDevice): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/sync/pull?cursor=0&limit=1`, {
    headers: { Authorization: `Bearer ${device.token}` },
  });
  return ((await response.json()) as { head: number }).head;
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
    '    device: real src/sync syncOnce + src/storage on fake-indexeddb (Node), HTTP transport',
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
