/**
 * Pulling the site's log: pages after the cursor until the server has no more, each
 * page applied with its cursor in one transaction; the next page is fetched while one
 * is applied.
 * Must (I4, I6): the cursor only moves with the events it covers; a new epoch, or a
 * cursor above the server's head (the server went back in time), restarts from 0;
 * pulled events that do not validate are counted and never stored.
 */
import { parseEvent } from '../domain/event-schema';
import type { KioskEvent } from '../domain/events';
import { MAX_BATCH } from '../domain/protocol';
import { readClock } from '../storage/events';
import { applyPulled } from '../storage/pull';
import { resetForNewEpoch } from '../storage/sync-state';
import { call, physicalNow, type SyncContext } from './context';

export type PullResult = {
  /** Events stored now. */
  added: number;
  /** Pulled events that failed validation (or belong to another site): skipped. */
  invalid: number;
  /** Events whose (deviceId, deviceSeq) this device holds under another id: skipped. */
  conflicts: number;
  /** Stored events whose HLC is beyond the drift bound. */
  flagged: number;
  /** The cursor went back to 0 for a new epoch or a server behind the cursor. */
  reset: boolean;
};

/** Pulls and applies pages until the server says there is no more. */
export async function pullAll(ctx: SyncContext): Promise<PullResult> {
  const { db, device } = ctx.deps;
  const limit = Math.min(ctx.deps.pageSize ?? MAX_BATCH, MAX_BATCH);
  const result: PullResult = { added: 0, invalid: 0, conflicts: 0, flagged: 0, reset: false };
  let { cursor, epoch } = ctx.synced;
  // Every own event up to the clock's deviceSeq is in the log (they commit together), so
  // the server need not send them back; later ones (another copy of this device's log, or
  // a clock behind the server's) still come and move the clock on.
  const { deviceSeq: own } = await readClock(db);
  const request = (from: number) => {
    const answer = call(ctx, (signal) => ctx.deps.transport.pull(from, limit, signal, own));
    answer.catch(() => {}); // awaited later, or dropped when the run ends first
    return answer;
  };
  let pending = request(cursor);
  let told = false;
  for (;;) {
    const from = cursor;
    const page = await pending;
    if (from > page.head || (epoch !== null && page.epoch !== epoch)) {
      // Went back twice in one run: stop here, the next run starts over from 0.
      if (result.reset) return result;
      await resetForNewEpoch(db, page.epoch);
      result.reset = true;
      cursor = 0;
      epoch = page.epoch;
      Object.assign(ctx.synced, { cursor, epoch });
      pending = request(0);
      continue;
    }
    // Once a run: every page says the same of the device.
    if (page.device && !told) ctx.deps.onDevice?.(page.device);
    told = true;
    const more = page.hasMore && page.cursor > from;
    // Ask for the next page while this one is applied; pages are still applied in order.
    if (more) pending = request(page.cursor);
    const { events, invalid, clockAhead } = validPulled(page.events, page.siteId ?? device.siteId);
    const applied = await applyPulled(db, events, {
      cursor: page.cursor,
      epoch: page.epoch,
      physicalMs: physicalNow(ctx),
      deviceId: device.deviceId,
      clockAhead,
    });
    if (applied.added > 0) ctx.deps.onPulled?.(events);
    result.added += applied.added;
    result.conflicts += applied.conflicts;
    result.flagged += applied.flagged;
    result.invalid += invalid;
    cursor = page.cursor;
    epoch = page.epoch;
    Object.assign(ctx.synced, { cursor, epoch });
    if (!more) return result;
  }
}

/**
 * The events that validate and belong to this site, without what the server adds (siteSeq,
 * flags), and the ids of those the server flagged as ahead of its clock.
 */
export function validPulled(
  raw: readonly unknown[],
  siteId: string,
): { events: KioskEvent[]; invalid: number; clockAhead: Set<string> } {
  const events: KioskEvent[] = [];
  const clockAhead = new Set<string>();
  for (const item of raw) {
    const { event, flags } = serverFields(item);
    const parsed = parseEvent(event);
    if (!parsed.ok || parsed.event.siteId !== siteId) continue;
    events.push(parsed.event);
    if (Array.isArray(flags) && flags.includes('clock_ahead')) clockAhead.add(parsed.event.id);
  }
  return { events, invalid: raw.length - events.length, clockAhead };
}

/** The event as its device made it, and the server's flags on it. */
function serverFields(item: unknown): { event: unknown; flags: unknown } {
  if (typeof item !== 'object' || item === null) return { event: item, flags: undefined };
  const { siteSeq: _siteSeq, flags, ...event } = item as Record<string, unknown>;
  return { event, flags };
}
