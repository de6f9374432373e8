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
