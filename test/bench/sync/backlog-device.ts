/**
 * The device side of the backlog benchmark, one copy for both places it runs: in Node on
 * fake-indexeddb (./backlog.ts) and bundled into headless Chromium on its real IndexedDB
 * (./backlog-browser-entry.ts). Seeds through the real append path, times the real
 * `syncOnce` with the time spent inside push and pull calls, and checks convergence.
 * No Node-only imports: the browser bundle includes this file.
 */
import { businessDayOf } from '../../../src/domain/time';
import type { AnjunganDatabase, DeviceIdentity } from '../../../src/storage/db';
import { countOutbox } from '../../../src/storage/events';
import { readSyncState } from '../../../src/storage/sync-state';
import { appendTicketIssued } from '../../../src/storage/tickets';
import { syncOnce } from '../../../src/sync/engine';
import type { Transport } from '../../../src/sync/transport';
import type { HttpDevice } from '../../e2e/support/sync-http';
import { kioskBundle } from '../../fixtures/kiosk';

/** Four queues of the sample config (its agencies' first services), issued in turn. */
const QUEUES = kioskBundle()
  .agencies.slice(0, 4)
  .map((agency) => {
    const service = agency.services[0];
    if (!service) throw new Error(`agency ${agency.id} has no service`);
    return { agencyId: agency.id, serviceId: service.id, prefix: service.prefix ?? agency.prefix };
  });

/** What Chromium sends with every fetch; Node's fetch alone would say 'gzip, deflate'. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** fetch with a browser's Accept-Encoding (in Node; a browser sends its own anyway). */
export const browserFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Accept-Encoding', BROWSER_ACCEPT_ENCODING);
  return fetch(input, { ...init, headers });
};

/** Where the time of one timed sync went. */
export type BacklogRun = {
  totalMs: number;
  /** Time inside push calls (request, server, answer) and pull calls. */
  pushCallsMs: number;
  pullCallsMs: number;
  pushes: number;
  pulls: number;
};

/** A timed sync with what the device holds after it. */
export type DeviceRun = BacklogRun & {
  accepted: number;
  ackSeq: number;
  cursor: number;
  pending: number;
};

/** What `seedOutbox` issues with: how many tickets, on which day, with how many digits. */
export type SeedOptions = { events: number; businessDay: string; digits: number };

/** The enrolled bench device as the kiosk keeps it, and how to seed `events` tickets for it. */
export function backlogDevice(
  device: HttpDevice,
  events: number,
): { identity: DeviceIdentity; seed: SeedOptions } {
  const { site } = kioskBundle();
  return {
    identity: {
      deviceId: device.deviceId,
      siteId: device.siteId,
      name: 'Backlog',
      profileId: 'lobi-utama',
      emergencyTag: device.emergencyTag ?? 'K',
      token: device.token,
      enrolledAt: Date.now(),
    },
    seed: {
      events,
      businessDay: businessDayOf(Date.now(), site.timeZone),
      digits: site.numbering.digits,
    },
  };
}

/** Issues `events` tickets through the real append path, from the device's own namespace. */
export async function seedOutbox(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  options: SeedOptions,
): Promise<void> {
  for (let i = 0; i < options.events; i++) {
    const now = Date.now();
    const queue = QUEUES[i % QUEUES.length] as (typeof QUEUES)[number];
    await appendTicketIssued(db, identity, {
      id: crypto.randomUUID(),
      physicalMs: now,
      businessDay: options.businessDay,
      prefix: queue.prefix,
      digits: options.digits,
      dailyQuota: null,
      data: {
        agencyId: queue.agencyId,
        serviceId: queue.serviceId,
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
  const measure = async <T>(call: () => Promise<T>, kind: 'push' | 'pull'): Promise<T> => {
    const start = performance.now();
    try {
      return await call();
    } finally {
      if (kind === 'push') {
        run.pushCallsMs += performance.now() - start;
        run.pushes += 1;
      } else {
        run.pullCallsMs += performance.now() - start;
        run.pulls += 1;
      }
    }
  };
  return {
    ...transport,
    push: (events, signal) => measure(() => transport.push(events, signal), 'push'),
    pull: (cursor, limit, signal, own) =>
      measure(() => transport.pull(cursor, limit, signal, own), 'pull'),
  };
}

/** Times one `syncOnce` of the device from start to end; reads what it holds after. */
export async function timeSync(
  db: AnjunganDatabase,
  transport: Transport,
  device: { deviceId: string; siteId: string },
): Promise<DeviceRun> {
  const run: BacklogRun = { totalMs: 0, pushCallsMs: 0, pullCallsMs: 0, pushes: 0, pulls: 0 };
  const start = performance.now();
  const result = await syncOnce(
    { db, transport: timed(transport, run), device, now: Date.now },
    new AbortController().signal,
  );
  run.totalMs = performance.now() - start;
  const state = await readSyncState(db);
  return {
    ...run,
    accepted: result.pushed.accepted,
    ackSeq: state.ackSeq,
    cursor: state.cursor,
    pending: await countOutbox(db, device.deviceId, state.ackSeq),
  };
}

/** The server's head, as a pull tells a device. */
export async function serverHead(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/sync/pull?cursor=0&limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { head: number }).head;
}

/** Throws unless the device pushed all `events`, holds nothing unsent and pulled to `head`. */
export function assertConverged(run: DeviceRun, head: number, events: number): void {
  if (run.accepted !== events || run.ackSeq !== events || run.pending !== 0) {
    throw new Error(
      `not converged: accepted ${run.accepted}, ack ${run.ackSeq}, pending ${run.pending}`,
    );
  }
  if (run.cursor !== head || head !== events) {
    throw new Error(`not converged: cursor ${run.cursor}, head ${head}`);
  }
}

/** Just the timings of a run. */
export function timings(run: DeviceRun): BacklogRun {
  const { totalMs, pushCallsMs, pullCallsMs, pushes, pulls } = run;
  return { totalMs, pushCallsMs, pullCallsMs, pushes, pulls };
}
