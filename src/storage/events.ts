/** Reading the local event log. */
import type { KioskEvent } from '../domain/events';
import type { AnjunganDatabase, ClockState } from './db';

/** Every event of one business day, in no particular order (the fold sorts). */
export function readEventsOfDay(db: AnjunganDatabase, businessDay: string): Promise<KioskEvent[]> {
  return db.getAllFromIndex('events', 'byDay', businessDay);
}

/** Every event this device holds. */
export function readAllEvents(db: AnjunganDatabase): Promise<KioskEvent[]> {
  return db.getAll('events');
}

/** The device's sequence and HLC high-water mark. */
export async function readClock(db: AnjunganDatabase): Promise<ClockState> {
  return ((await db.get('meta', 'clock')) as ClockState | undefined) ?? { deviceSeq: 0, hlc: null };
}

/** Own events with deviceSeq > afterSeq, ascending, at most `limit` (the push outbox). */
export function readOutbox(
  db: AnjunganDatabase,
  deviceId: string,
  afterSeq: number,
  limit: number,
): Promise<KioskEvent[]> {
  return db.getAllFromIndex('events', 'byDevice', outboxRange(deviceId, afterSeq), limit);
}

/** How many own events have deviceSeq > afterSeq (the pending count). */
export function countOutbox(
  db: AnjunganDatabase,
  deviceId: string,
  afterSeq: number,
): Promise<number> {
  return db.countFromIndex('events', 'byDevice', outboxRange(deviceId, afterSeq));
}

function outboxRange(deviceId: string, afterSeq: number): IDBKeyRange {
  return IDBKeyRange.bound([deviceId, afterSeq], [deviceId, Number.POSITIVE_INFINITY], true);
}
