/**
 * Schema migrations, one per version, run inside the upgrade transaction.
 * Must: additive — never drop a store or an event; only IndexedDB is awaited.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AnjunganDB, CursorRecord, DeviceIdentity } from './db';

type UpgradeTx = IDBPTransaction<AnjunganDB, StoreNames<AnjunganDB>[], 'versionchange'>;

/** The identity as v1 stored it: a fixed slot instead of server leases. */
type IdentityV1 = {
  deviceId: string;
  siteId: string;
  name: string;
  profileId: string;
  slot?: number;
  emergencyTag: string;
  createdAt?: number;
};

/** v1: the event log, device meta, number cursors and the cached config. */
export function migrateToV1(db: IDBPDatabase<AnjunganDB>): void {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('byDevice', ['deviceId', 'deviceSeq'], { unique: true });
  events.createIndex('byTypeDayService', ['type', 'businessDay', 'data.serviceId']);
  events.createIndex('byDay', 'businessDay');
  db.createObjectStore('meta');
  db.createObjectStore('cursors', { keyPath: ['businessDay', 'prefix'] });
  db.createObjectStore('config');
}

/**
 * v2: server leases replace per-device slot ranges. Adds the `quota` store; a v1
 * identity keeps its emergency tag but is marked not enrolled; a v1 cursor keeps
 * `last` and `emergencyLast` (so this device never repeats a number) but drops its
 * slot block, which could overlap blocks the server leases to other devices.
 */
export async function migrateToV2(
  db: IDBPDatabase<AnjunganDB>,
  tx: UpgradeTx,
  oldVersion: number,
): Promise<void> {
  db.createObjectStore('quota', { keyPath: ['businessDay', 'serviceId'] });
  if (oldVersion < 1) return;
  const meta = tx.objectStore('meta');
  const v1 = (await meta.get('device')) as IdentityV1 | undefined;
  if (v1) await meta.put(identityFromV1(v1), 'device');
  let cursor = await tx.objectStore('cursors').openCursor();
  while (cursor) {
    const record: CursorRecord = { ...cursor.value, blocks: [] };
    await cursor.update(record);
    cursor = await cursor.continue();
  }
}

function identityFromV1(v1: IdentityV1): DeviceIdentity {
  return {
    deviceId: v1.deviceId,
    siteId: v1.siteId,
    name: v1.name,
    profileId: v1.profileId,
    emergencyTag: v1.emergencyTag,
    token: '',
    enrolledAt: null,
  };
}
