/**
 * The number fence: after any unclean start or restore the store may have forgotten
 * blocks it granted (ARCHITECTURE.md §5, I8), and devices may still hold them. Every
 * number head then jumps by NUMBER_FENCE (and at least above the new floor), and a
 * (day, prefix) first seen while the fence lasts starts above the floor, so no block
 * granted before can be granted again.
 * The fence is kept twice: in the database (same transaction as the new epoch) and in a
 * file beside the clean-close marker, which a restore of the database leaves in place —
 * so restoring the same old copy twice still moves the floor past both fences.
 * Pushed tickets never move a head (./ticket-numbers.ts): a device could use up a queue.
 * Must: floors only grow while a fence lasts; the file is written before the store serves;
 * no head goes past MAX_TICKET_SEQ + 1 (a queue then has no numbers left that day).
 * Limits: it assumes fewer than NUMBER_FENCE numbers of one queue and day were granted
 * after the copy the store came back from; a store without a marker directory (in memory,
 * PostgreSQL without DATA_DIR) keeps the fence in the database only.
 */

import { MAX_TICKET_SEQ } from '../../domain/numbering';
import { MAX_LEASE_DAYS_AHEAD } from '../../domain/protocol';
import { isCalendarDay } from '../../domain/request-fields';
import type { Logger } from '../log/logger';
import { damaged, readJsonFile, writeJsonDurably } from './marker-file';
import { readMeta, writeMeta } from './meta';
import type { SqlTx } from './sql';

/** How far every number head jumps after an unclean start or restore. */
export const NUMBER_FENCE = 1000;

/** The floor of new number heads for business days up to `until` ('YYYY-MM-DD'). */
export type Fence = { floor: number; until: string };

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of a UTC instant: the fence spans whole days on both sides of any zone. */
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The later of two days ('YYYY-MM-DD' sorts as text). */
const laterDay = (a: string, b: string): string => [a, b].sort()[1] ?? a;
/** The earlier of two days. */
const earlierDay = (a: string, b: string): string => [a, b].sort()[0] ?? a;

async function readDbFence(tx: SqlTx): Promise<Fence> {
  const meta = await readMeta(tx, ['number_floor', 'number_floor_until']);
  return { floor: Number(meta.number_floor ?? 0), until: meta.number_floor_until ?? '' };
}

/** The fence file's path beside the clean-close marker. */
export function fencePathOf(markerPath: string): string {
  return `${markerPath.replace(/\.closed$/, '')}.fence`;
}

/**
 * The fence recorded in the file, or null when missing or malformed: a floor past the
 * numbering's range or an `until` that is no calendar day is no fence this server wrote.
 */
export async function readFenceFile(path: string, log?: Logger): Promise<Fence | null> {
  const parsed = (await readJsonFile(path, log)) as Partial<Fence> | null;
  if (parsed === null) return null;
  const floor = parsed?.floor;
  const until = parsed?.until;
  const fits =
    Number.isSafeInteger(floor) &&
    (floor as number) >= 0 &&
    (floor as number) <= MAX_TICKET_SEQ &&
    typeof until === 'string' &&
    isCalendarDay(until);
  if (!fits) {
    damaged(path, log);
    return null;
  }
  return { floor: floor as number, until: until as string };
}

/** Records the fence in the file, durably. */
export function writeFenceFile(path: string, fence: Fence): Promise<void> {
  return writeJsonDurably(path, fence);
}

/**
 * Raises every number head past the new fence and records it; `carried` is the fence
 * file's, which may be ahead of a restored database. Resolves to the new fence.
 */
export async function setNumberFence(
  tx: SqlTx,
  now: number,
  carried: Fence | null,
): Promise<Fence> {
  const stored = await readDbFence(tx);
  const today = utcDay(now - DAY_MS);
  const active = (f: Fence | null) => (f !== null && f.until >= today ? f.floor : 0);
  const floor = Math.max(active(stored), active(carried)) + NUMBER_FENCE;
  // A fence lasts until the last day a lease can be for; one recorded further ahead (a
  // clock that ran ahead, a hand-edited file) lasts at most a month more, never for good.
  const horizon = utcDay(now + (MAX_LEASE_DAYS_AHEAD + 2) * DAY_MS);
  const latest = utcDay(now + (MAX_LEASE_DAYS_AHEAD + 32) * DAY_MS);
  const recorded = laterDay(stored.until, carried?.until ?? '');
  const until = laterDay(horizon, earlierDay(recorded, latest));
  const jumped = 'CASE WHEN next_no + ? > ? THEN next_no + ? ELSE ? END';
  await tx.run(
    `UPDATE number_heads SET next_no = CASE WHEN ${jumped} > ? THEN ? ELSE ${jumped} END`,
    [
      ...[NUMBER_FENCE, floor + 1, NUMBER_FENCE, floor + 1],
      MAX_TICKET_SEQ + 1,
      MAX_TICKET_SEQ + 1,
      ...[NUMBER_FENCE, floor + 1, NUMBER_FENCE, floor + 1],
    ],
  );
  await writeMeta(tx, { number_floor: String(floor), number_floor_until: until });
  return { floor, until };
}

/** The last number that must not be granted for `businessDay` when its head is new. */
export async function numberFloor(tx: SqlTx, businessDay: string): Promise<number> {
  const fence = await readDbFence(tx);
  return businessDay <= fence.until ? fence.floor : 0;
}
