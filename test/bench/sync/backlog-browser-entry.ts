/**
 * The page side of the browser backlog (./backlog-browser.ts): bundled for Chromium and
 * loaded from the site server's origin, it runs ./backlog-device.ts on the device's real
 * IndexedDB, over the HTTP transport (same-origin fetch). Exposed as
 * `globalThis.backlogBench`.
 */
import { type DeviceIdentity, openAnjunganDb } from '../../../src/storage/db';
import { createHttpTransport } from '../../../src/sync/transport';
import { type DeviceRun, type SeedOptions, seedOutbox, timeSync } from './backlog-device';

/** What the page seeds: the device's database and identity, and the tickets. */
export type PageSeed = SeedOptions & { dbName: string; identity: DeviceIdentity };

export type SyncOptions = { dbName: string; token: string; deviceId: string; siteId: string };

export type BacklogBench = {
  /** Seeds the device's log; resolves to the time it took (ms). */
  seed(options: PageSeed): Promise<number>;
  /** Times syncOnce from start to its end; the caller checks convergence. */
  sync(options: SyncOptions): Promise<DeviceRun>;
};

async function seed({ dbName, identity, ...options }: PageSeed): Promise<number> {
  const db = await openAnjunganDb(dbName);
  const start = performance.now();
  try {
    await seedOutbox(db, identity, options);
    return performance.now() - start;
  } finally {
    db.close();
  }
}

async function sync(options: SyncOptions): Promise<DeviceRun> {
  const db = await openAnjunganDb(options.dbName);
  try {
    // Same origin as the page: the server that served it.
    const transport = createHttpTransport({ baseUrl: '', token: options.token });
    return await timeSync(db, transport, {
      deviceId: options.deviceId,
      siteId: options.siteId,
    });
  } finally {
    db.close();
  }
}

(globalThis as unknown as { backlogBench: BacklogBench }).backlogBench = { seed, sync };
