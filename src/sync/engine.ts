/**
 * One sync run: top up leases, push the outbox, pull the site's log, and push again if
 * the server turned out to be in a new epoch (it may have lost this device's acked
 * events). Every answer measures the server clock offset, stored at the end.
 * Must: never only on new writes — the loop (./loop.ts) calls this on timers and
 * connectivity too; an abort stops the run between steps and cancels the request.
 */
import { readSyncState, setServerOffset } from '../storage/sync-state';
import { createContext, type SyncDeps } from './context';
import { type PullResult, pullAll } from './pull';
import { type PushResult, pushOutbox } from './push';
import { type TopUpResult, topUpLeases } from './top-up';

export type { LeaseNeeds, SyncDeps } from './context';

/** What a run did. */
export type SyncResult = {
  leased: TopUpResult;
  pushed: PushResult;
  pulled: PullResult;
  /** The offset measured in this run, or null when no answer came. */
  serverOffsetMs: number | null;
  /** The server's acknowledgement of this device's events, as stored at the end. */
  ackSeq: number;
};

/** Runs one sync; rejects with a TransportError (or the abort reason) when it cannot finish. */
export async function syncOnce(deps: SyncDeps, signal: AbortSignal): Promise<SyncResult> {
  const { db } = deps;
  const start = await readSyncState(db);
  const ctx = createContext(deps, signal, start);
  try {
    const leased = await topUpLeases(ctx);
    const pushed = await pushOutbox(ctx, ctx.epoch !== null && ctx.epoch !== start.ackEpoch);
    const pulled = await pullAll(ctx);
    const { ackEpoch } = ctx.synced;
    if (ctx.epoch !== null && ctx.epoch !== ackEpoch) addPush(pushed, await pushOutbox(ctx, true));
    const serverOffsetMs = ctx.measured ? ctx.offsetMs : null;
    return { leased, pushed, pulled, serverOffsetMs, ackSeq: ctx.synced.ackSeq };
  } finally {
    if (ctx.measured) await setServerOffset(db, ctx.offsetMs).catch(() => {});
  }
}

function addPush(total: PushResult, more: PushResult): void {
  total.sent += more.sent;
  total.accepted += more.accepted;
  total.flagged += more.flagged;
  total.quarantined += more.quarantined;
  total.rewound ||= more.rewound;
}
