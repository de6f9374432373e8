/**
 * Applying a pulled page: the events, the new cursor and the HLC high-water mark in one
 * transaction.
 * Must (I6, I7): the cursor never gets ahead of the events it covers — both commit
 * together or neither does; after a page, the local HLC is above every HLC it may adopt
 * (within MAX_CLOCK_SKEW_MS of the device's physical time, and not marked by the server as
 * ahead of its clock) — a far-future event is stored but never drags the clock; a
 * sequence the server holds for this device is never issued again.
 */
import type { IDBPTransaction } from 'idb';
import type { KioskEvent } from '../domain/events';
import {
  compareHlc,
  DEFAULT_MAX_DRIFT_MS,
  decodeHlc,
  encodeHlc,
  type Hlc,
  hlcDriftMs,
  isAdoptable,
  mergeHlc,
} from '../domain/hlc';
import type { AnjunganDatabase, AnjunganDB, ClockState, SyncState } from './db';
import { INITIAL_SYNC_STATE } from './sync-state';
import { abortQuietly } from './tx';

/** Where the page leaves the device, and what the device's clock reads now. */
export type PulledPage = {
  cursor: number;
  epoch: string;
  /** Device time plus the server offset. */
  physicalMs: number;
  /** This device's id: its own events coming back keep deviceSeq ahead of them. */
  deviceId: string;
  /** Ids of events the server found ahead of its clock: stored, never a clock source. */
  clockAhead?: ReadonlySet<string>;
};

export type ApplyResult = {
  /** Events stored now (the others were already here). */
  added: number;
  /** Events whose (deviceId, deviceSeq) is taken here by another id: kept out, counted. */
  conflicts: number;
  /** Events whose HLC is beyond the drift bound: stored like any other, counted. */
  flagged: number;
};

/**
 * Adds the events not yet present (by id), then sets cursor, epoch and the HLC. Any
 * failure aborts the whole transaction: no event and no cursor of the page is kept.
 */
export async function applyPulled(
  db: AnjunganDatabase,
  events: readonly KioskEvent[],
  page: PulledPage,
): Promise<ApplyResult> {
  const tx = db.transaction(['events', 'meta'], 'readwrite', { durability: 'strict' });
  try {
    const { result, highest, ownSeq } = await addEvents(tx, events, page);
    const meta = tx.objectStore('meta');
    const clock = ((await meta.get('clock')) as ClockState | undefined) ?? {
      deviceSeq: 0,
      hlc: null,
    };
    const local = clock.hlc ? decodeHlc(clock.hlc) : null;
    const hlc = highest ? encodeHlc(mergeHlc(local, highest, page.physicalMs)) : clock.hlc;
    await meta.put({ deviceSeq: Math.max(clock.deviceSeq, ownSeq), hlc }, 'clock');
    const sync = (await meta.get('sync')) as SyncState | undefined;
    const next = { ...INITIAL_SYNC_STATE, ...sync, cursor: page.cursor, epoch: page.epoch };
    await meta.put(next, 'sync');
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

type PullTx = IDBPTransaction<AnjunganDB, ('events' | 'meta')[], 'readwrite'>;

/** Adds the page's new events; returns counts, the highest adoptable HLC and own highest deviceSeq. */
async function addEvents(tx: PullTx, events: readonly KioskEvent[], page: PulledPage) {
  const store = tx.objectStore('events');
  const result: ApplyResult = { added: 0, conflicts: 0, flagged: 0 };
  let highest: Hlc | null = null;
  let ownSeq = 0;
  for (const event of events) {
    const hlc = decodeHlc(event.hlc);
    const adoptable =
      hlc !== null && isAdoptable(hlc, page.physicalMs) && !page.clockAhead?.has(event.id);
    if (adoptable && (highest === null || compareHlc(hlc, highest) > 0)) highest = hlc;
    if (event.deviceId === page.deviceId) ownSeq = Math.max(ownSeq, event.deviceSeq);
    if ((await store.getKey(event.id)) !== undefined) continue;
    if ((await store.index('byDevice').getKey([event.deviceId, event.deviceSeq])) !== undefined) {
      result.conflicts += 1;
      continue;
    }
    await store.add(event);
    result.added += 1;
    if (hlc && hlcDriftMs(hlc, page.physicalMs) > DEFAULT_MAX_DRIFT_MS) result.flagged += 1;
  }
  return { result, highest, ownSeq };
}
