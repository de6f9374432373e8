/** How long this device's unsent events have waited: for its own screen and its health report. */
import { hlcPart } from '../domain/hlc';
import type { AnjunganDatabase } from './db';
import { readOutbox } from './events';
import { INITIAL_SYNC_STATE, readSyncState } from './sync-state';

/** When the oldest own event the server has not acknowledged was recorded; null: none. */
export async function oldestPending(
  db: AnjunganDatabase,
  deviceId: string,
): Promise<number | null> {
  const state = await readSyncState(db).catch(() => INITIAL_SYNC_STATE);
  const [first] = await readOutbox(db, deviceId, state.ackSeq, 1).catch(() => []);
  if (!first) return null;
  const ms = hlcPart(first.hlc, 0);
  return ms < 0 ? null : ms;
}
