/**
 * What one sync run carries between its steps: the dependencies, the signal, the server
 * clock offset measured from each answer, and the epoch the server last reported.
 */
import type { KioskEvent } from '../domain/events';
import type { DeviceOrders } from '../domain/protocol';
import type { AnjunganDatabase, SyncState } from '../storage/db';
import type { Transport } from './transport';

/** Which leases the device must hold; the composition root knows from config and profile. */
export type LeaseNeeds = {
  /** Business days to hold leases for: today, and each day of a mobile unit's trip. */
  days: string[];
  /**
   * Days to hold numbers for but no quota tokens: the site's next open day, so a kiosk
   * that spends the night offline still starts the new day on it (tokens are not taken
   * in advance: they would hold back the quota from other devices).
   */
  aheadDays?: string[];
  /** Queue prefixes this device issues from. */
  prefixes: string[];
  /** Services with a daily quota that this device issues. */
  quotaServices: string[];
  /**
   * Levels to hold in full, not just above a low-water mark: a mobile unit's whole visit
   * days (the visit's quota in tokens, and numbers for all of it), so one action before it
   * leaves stocks the trip. A (day, prefix) or (day, service) here is filled to its count.
   */
  fill?: LeaseFill;
};

/** What a device holds in full for a trip: numbers by (day, prefix), tokens by (day, service). */
export type LeaseFill = {
  /** The most numbers the server grants in one line (the site's deviceBlockSize). */
  blockSize: number;
  numbers: { businessDay: string; prefix: string; count: number }[];
  quotas: { businessDay: string; serviceId: string; count: number }[];
};

export type SyncDeps = {
  db: AnjunganDatabase;
  transport: Transport;
  /** This device (a DeviceIdentity will do). */
  device: { deviceId: string; siteId: string };
  /** The device clock, ms since the epoch. */
  now: () => number;
  /** What leases to keep topped up; without it, sync asks for none. */
  needs?: () => LeaseNeeds;
  /** Events per push request (≤ MAX_BATCH). */
  batchSize?: number;
  /** Events per pull page (≤ MAX_BATCH). */
  pageSize?: number;
  /** Told of each pulled page once it is durable (the device's replica applies it). */
  onPulled?: (events: readonly KioskEvent[]) => void;
  /** Told what the server holds for this device (profile, test print) at each pull. */
  onDevice?: (orders: DeviceOrders) => void;
};

/** Any answer of the server: it says its time and epoch. */
type Stamped = { serverTime: number; epoch: string };

export type SyncContext = {
  deps: SyncDeps;
  signal: AbortSignal;
  /** Server time minus device time: the stored value until an answer measures it. */
  offsetMs: number;
  /** Whether an answer of this run measured the offset. */
  measured: boolean;
  /** The epoch of the server's latest answer in this run. */
  epoch: string | null;
  /**
   * Where sync stands: read once at the start of the run, kept current by the run's own
   * writes (the run is the only writer), so no step reads it again.
   */
  synced: Pick<SyncState, 'ackSeq' | 'ackEpoch' | 'cursor' | 'epoch'>;
};

/** A fresh run's context. */
export function createContext(deps: SyncDeps, signal: AbortSignal, start: SyncState): SyncContext {
  const { ackSeq, ackEpoch, cursor, epoch } = start;
  const synced = { ackSeq, ackEpoch, cursor, epoch };
  return { deps, signal, offsetMs: start.serverOffsetMs, measured: false, epoch: null, synced };
}

/**
 * Calls the server and measures the clock offset from its answer: the server's time
 * against the midpoint of the request (half the round trip counts as the way back).
 */
export async function call<T extends Stamped>(
  ctx: SyncContext,
  request: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  ctx.signal.throwIfAborted();
  const sentAt = ctx.deps.now();
  const answer = await request(ctx.signal);
  const receivedAt = ctx.deps.now();
  ctx.offsetMs = Math.round(answer.serverTime - (sentAt + receivedAt) / 2);
  ctx.measured = true;
  ctx.epoch = answer.epoch;
  return answer;
}

/** Physical time for HLCs: device time corrected by the server offset. */
export function physicalNow(ctx: SyncContext): number {
  return ctx.deps.now() + ctx.offsetMs;
}
