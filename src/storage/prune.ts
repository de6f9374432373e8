/**
 * Storage hygiene: events past the retention window leave the device once nothing
 * depends on them.
 * Must (I1, I11): never delete an own event the server has not acknowledged; keep
 * acknowledged ones for the retention window, so a server that went back in time can
 * get them again.
 */
import { DEVICE_RETENTION_DAYS, daysBefore } from '../domain/lease-days';
import type { AnjunganDatabase, DeviceIdentity, SyncState } from './db';

/** How long acknowledged events stay on the device, in business days. */
export const RETENTION_DAYS = DEVICE_RETENTION_DAYS;

/** The first business day still kept when today is `today`. */
export function retentionCutoff(today: string, days: number = RETENTION_DAYS): string {
  return daysBefore(today, days);
}

/**
 * Deletes events of business days before `olderThanDay`: other devices' events, and own
 * events with deviceSeq ≤ ackSeq. Does nothing on a device without identity. Returns how
 * many it deleted.
 */
export async function pruneAcknowledged(
  db: AnjunganDatabase,
  olderThanDay: string,
): Promise<number> {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const identity = (await meta.get('device')) as DeviceIdentity | undefined;
  const ackSeq = ((await meta.get('sync')) as SyncState | undefined)?.ackSeq ?? 0;
  let deleted = 0;
  if (identity) {
    const range = IDBKeyRange.upperBound(olderThanDay, true);
    let cursor = await tx.objectStore('events').index('byDay').openCursor(range);
    while (cursor) {
      const event = cursor.value;
      if (event.deviceId !== identity.deviceId || event.deviceSeq <= ackSeq) {
        await cursor.delete();
        deleted += 1;
      }
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return deleted;
}
