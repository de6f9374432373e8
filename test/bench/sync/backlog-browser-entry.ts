/**
 * The page side of the browser backlog (./backlog-browser.ts): bundled for Chromium and
 * loaded from the site server's origin, it seeds the device's real IndexedDB through the
 * real append path and times the real `syncOnce` over the HTTP transport (same-origin
 * fetch), exactly as ./backlog.ts does in Node. Exposed as `globalThis.backlogBench`.
 */
import type { DeviceIdentity } from '../../../src/storage/db';
import { openAnjunganDb } from '../../../src/storage/db';
import { countOutbox } from '../../../src/storage/events';
import { readSyncState } from '../../../src/storage/sync-state';
import { appendTicketIssued } from '../../../src/storage/tickets';
import { syncOnce } from '../../../src/sync/engine';
import { createHttpTransport, type Transport } from '../../../src/sync/transport';

const PREFIXES = ['A', 'B', 'C', 'D'];

export type SeedOptions = {
  dbName: string;
  identity: DeviceIdentity;
  events: number;
  businessDay: string;
  digits: number;
};

export type PageRun = {
  totalMs: number;
  pushCallsMs: number;
  pullCallsMs: number;
  pushes: number;
  pulls: number;
  accepted: number;
  ackSeq: number;
  cursor: number;
  pending: number;
};

export type BacklogBench = {
  /** Issues `events` tickets through the real append path (numbers stay ≤ 4 digits). */
  seed(options: SeedOptions): Promise<number>;
  /** Times syncOnce from start to its end; the caller checks convergence. */
  sync(options: {
    dbName: string;
    token: string;
    deviceId: string;
    siteId: string;
  }): Promise<PageRun>;
};

async function seed(options: SeedOptions): Promise<number> {
  const db = await openAnjunganDb(options.dbName);
  const start = performance.now();
  try {
    for (let i = 0; i < options.events; i++) {
      const now = Date.now();
      await appendTicketIssued(db, options.identity, {
        id: crypto.randomUUID(),
        physicalMs: now,
        businessDay: options.businessDay,
        prefix: PREFIXES[i % PREFIXES.length] as string,
        digits: options.digits,
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
    return performance.now() - start;
  } finally {
    db.close();
  }
}

/** Measures the time spent inside each transport call kind. */
function timed(transport: Transport, run: PageRun): Transport {
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

async function sync(options: {
  dbName: string;
  token: string;
  deviceId: string;
  siteId: string;
}): Promise<PageRun> {
  const db = await openAnjunganDb(options.dbName);
  try {
    const device = { deviceId: options.deviceId, siteId: options.siteId };
    const run: PageRun = {
      totalMs: 0,
      pushCallsMs: 0,
      pullCallsMs: 0,
      pushes: 0,
      pulls: 0,
      accepted: 0,
      ackSeq: 0,
      cursor: 0,
      pending: 0,
    };
    // Same origin as the page: the server that served it.
    const transport = timed(createHttpTransport({ baseUrl: '', token: options.token }), run);
    const start = performance.now();
    const result = await syncOnce(
      { db, transport, device, now: Date.now },
      new AbortController().signal,
    );
    run.totalMs = performance.now() - start;
    const state = await readSyncState(db);
    run.accepted = result.pushed.accepted;
    run.ackSeq = state.ackSeq;
    run.cursor = state.cursor;
    run.pending = await countOutbox(db, device.deviceId, state.ackSeq);
    return run;
  } finally {
    db.close();
  }
}

(globalThis as unknown as { backlogBench: BacklogBench }).backlogBench = { seed, sync };
