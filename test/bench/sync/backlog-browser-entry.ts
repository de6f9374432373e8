/**
 * The page side of the browser backlog (./backlog-browser.ts): bundled for Chromium and
 * loaded from the site server's origin, it runs ./backlog-device.ts on the device's real
 * IndexedDB, over the HTTP transport (same-origin fetch). Exposed as
 * `globalThis.backlogBench`.
 */
import { type DeviceIdentity, openAnjunganDb } from '../../../src/storage/db';
import { createHttpTransport } from '../../../src/sync/transport';
import { type DeviceRun, seedOutbox, timeSync } from './backlog-device';

export type SeedOptions = {
  dbName: string;
  identity: DeviceIdentity;
  events: number;
  businessDay: string;
  digits: number;
};

export type SyncOptions = { dbName: string; token: string; deviceId: string; siteId: string };

export type BacklogBench = {
  /** Seeds the device's log; resolves to the time it took (ms). */
  seed(options: SeedOptions): Promise<number>;
  /** Times syncOnce from start to its end; the caller checks convergence. */
  sync(options: SyncOptions): Promise<DeviceRun>;
};

async function seed({ dbName, identity, ...options }: SeedOptions): Promise<number> {
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
