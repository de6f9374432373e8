/**
 * Pushing the outbox: own events after ackSeq, in deviceSeq order, in batches.
 * Must (I1, I2, I6, I11): ackSeq is only ever what the server answered — also when it is
 * lower than before (the server went back in time: push again from there); a 409 gap
 * carries the server's ackSeq too; replays are harmless, the server skips them.
 */
import type { PushResponse } from '../domain/protocol';
import { MAX_BATCH } from '../domain/protocol';
import { readOutbox } from '../storage/events';
import { setAckSeq } from '../storage/sync-state';
import { call, type SyncContext } from './context';
import { TransportError } from './transport';

export type PushResult = {
  /** Events sent, resends included. */
  sent: number;
  /** Events the server took as new. */
  accepted: number;
  /** Accepted events the server flagged for clock drift. */
  flagged: number;
  /**
   * Accepted events the server kept out of what others see (src/domain/trust.ts: a type this
   * device may not record, a person or agency that does not fit): its staff must be told.
   */
  quarantined: number;
  /** The server answered an ackSeq below the stored one. */
  rewound: boolean;
};

/** The smallest batch a dropped push shrinks to. */
export const MIN_BATCH = 10;

/** Per sync set-up (a device's loop keeps one): the batch size after dropped pushes. */
const batchSizes = new WeakMap<object, number>();

/** Raised when the server keeps refusing to move this device's ack forward. */
export class PushStalledError extends Error {
  constructor(ackSeq: number) {
    super(`push stalled at deviceSeq ${ackSeq}`);
    this.name = 'PushStalledError';
  }
}

/**
 * Pushes until the outbox is empty. With an empty outbox and `probe`, sends one empty
 * push to learn what the server holds (after a new epoch it may have lost acked events).
 * While a full batch is on the wire the next one is read, so storage and network overlap.
 * A push the link dropped halves the batch for the next try (down to MIN_BATCH); each
 * push that goes through doubles it back, up to the configured size.
 */
export async function pushOutbox(ctx: SyncContext, probe: boolean): Promise<PushResult> {
  const { db, device } = ctx.deps;
  const most = Math.min(ctx.deps.batchSize ?? MAX_BATCH, MAX_BATCH);
  const limit = batchSizes.get(ctx.deps) ?? most;
  const result: PushResult = { sent: 0, accepted: 0, flagged: 0, quarantined: 0, rewound: false };
  let { ackSeq } = ctx.synced;
  let probing = probe;
  let stalls = 0;
  let batch = await readOutbox(db, device.deviceId, ackSeq, limit);
  for (;;) {
    if (batch.length === 0 && !probing) return result;
    probing = false;
    const last = batch.at(-1)?.deviceSeq ?? ackSeq;
    // A full batch: read the next one while this one is on the wire (used if all is acked).
    const next = batch.length === limit ? readOutbox(db, device.deviceId, last, limit) : null;
    next?.catch(() => {});
    const answer = await pushBatch(ctx, batch).catch((error: unknown) => {
      // A link that drops mid-push: the next sync sends smaller batches, so a link that
      // carries a few KB at a time still moves the outbox forward.
      if (error instanceof TransportError && error.kind === 'offline' && batch.length > 1) {
        batchSizes.set(ctx.deps, Math.max(MIN_BATCH, Math.floor(batch.length / 2)));
      }
      throw error;
    });
    if (limit < most) batchSizes.set(ctx.deps, Math.min(most, limit * 2));
    result.sent += batch.length;
    result.accepted += answer.accepted;
    result.flagged += answer.flagged;
    result.quarantined += answer.quarantined;
    if (answer.ackSeq < ackSeq) result.rewound = true;
    await setAckSeq(db, answer.ackSeq, answer.epoch);
    ctx.synced.ackSeq = answer.ackSeq;
    ctx.synced.ackEpoch = answer.epoch ?? ctx.synced.ackEpoch;
    stalls = answer.ackSeq > ackSeq || batch.length === 0 ? 0 : stalls + 1;
    if (stalls >= 2) throw new PushStalledError(answer.ackSeq);
    ackSeq = answer.ackSeq;
    batch =
      next !== null && ackSeq === last
        ? await next
        : await readOutbox(db, device.deviceId, ackSeq, limit);
  }
}

/** One push; a 409 that carries the server's ackSeq counts as an answer, not a failure. */
async function pushBatch(
  ctx: SyncContext,
  batch: Parameters<SyncContext['deps']['transport']['push']>[0],
): Promise<
  Pick<PushResponse, 'ackSeq' | 'accepted' | 'flagged' | 'quarantined'> & { epoch: string | null }
> {
  try {
    return await call(ctx, (signal) => ctx.deps.transport.push(batch, signal));
  } catch (error) {
    const ackSeq = conflictAckSeq(error);
    if (ackSeq === null) throw error;
    return { ackSeq, accepted: 0, flagged: 0, quarantined: 0, epoch: ctx.epoch };
  }
}

/** The server's ackSeq from a 409 answer, or null for any other failure. */
function conflictAckSeq(error: unknown): number | null {
  if (!(error instanceof TransportError) || error.status !== 409) return null;
  const body = error.body as { ackSeq?: unknown } | undefined;
  const ackSeq = body?.ackSeq;
  return Number.isSafeInteger(ackSeq) && (ackSeq as number) >= 0 ? (ackSeq as number) : null;
}
