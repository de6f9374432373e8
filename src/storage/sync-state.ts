/**
 * Where sync stands (meta 'sync'): ack, pull cursor, epoch, server offset, last outcome.
 * Must: each function is one transaction, aborted quietly when any step fails (nothing
 * kept, no unhandled rejection of its `done`); the ack is only ever what the server said.
 */
import type { AnjunganDatabase, ClockState, SyncState } from './db';
import { abortQuietly } from './tx';

/** The state of a device that never synced. */
export const INITIAL_SYNC_STATE: SyncState = {
  ackSeq: 0,
  ackEpoch: null,
  cursor: 0,
  epoch: null,
  serverOffsetMs: 0,
  lastSyncAt: null,
  lastError: null,
};

/** Reads the sync state; the initial one before the first sync. */
export async function readSyncState(db: AnjunganDatabase): Promise<SyncState> {
  const stored = (await db.get('meta', 'sync')) as SyncState | undefined;
  return { ...INITIAL_SYNC_STATE, ...stored };
}

/**
 * Stores the server's ackSeq and the epoch it was said in (null: unknown, keep the
 * stored one), also when it is lower than
 * before (the server went back in time: the outbox then starts again from it). If the server holds more of this device's
 * events than the device remembers issuing (the device was restored from an old copy),
 * deviceSeq jumps past them so a new event never reuses a sequence the server skips.
 */
export async function setAckSeq(
  db: AnjunganDatabase,
  ackSeq: number,
  epoch: string | null,
): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  try {
    const sync = (await tx.store.get('sync')) as SyncState | undefined;
    const ackEpoch = epoch ?? sync?.ackEpoch ?? null;
    await tx.store.put({ ...INITIAL_SYNC_STATE, ...sync, ackSeq, ackEpoch }, 'sync');
    const clock = (await tx.store.get('clock')) as ClockState | undefined;
    if ((clock?.deviceSeq ?? 0) < ackSeq) {
      await tx.store.put({ deviceSeq: ackSeq, hlc: clock?.hlc ?? null }, 'clock');
    }
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** A new server epoch: pull again from the start. Events are kept (the log only grows). */
export function resetForNewEpoch(db: AnjunganDatabase, epoch: string): Promise<void> {
  return updateSyncState(db, (s) => ({ ...s, cursor: 0, epoch }));
}

/** Stores the measured offset of the server clock from the device clock. */
export function setServerOffset(db: AnjunganDatabase, serverOffsetMs: number): Promise<void> {
  return updateSyncState(db, (s) => ({ ...s, serverOffsetMs }));
}

/** Records how a sync attempt ended: `error` null for success at `at`. */
export function recordSyncOutcome(
  db: AnjunganDatabase,
  outcome: { at: number; error: string | null },
): Promise<void> {
  return updateSyncState(db, (s) =>
    outcome.error === null
      ? { ...s, lastSyncAt: outcome.at, lastError: null }
      : { ...s, lastError: outcome.error },
  );
}

/** One read-modify-write of the sync state (bookkeeping only: relaxed durability). */
async function updateSyncState(
  db: AnjunganDatabase,
  change: (state: SyncState) => SyncState,
): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'relaxed' });
  try {
    const stored = (await tx.store.get('sync')) as SyncState | undefined;
    await tx.store.put(change({ ...INITIAL_SYNC_STATE, ...stored }), 'sync');
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
