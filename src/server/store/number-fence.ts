/**
 * The number fence: after any unclean start or restore the store may have forgotten
 * blocks it granted (ARCHITECTURE.md §5, I8), and devices may still hold them. Every
 * number head then jumps by NUMBER_FENCE, and a (day, prefix) first seen until the fence
 * ends starts above the fence's floor, so no block granted before can be granted again.
 * Must: raise every head in the same transaction as the new epoch; floors only grow
 * while a fence lasts. Limit: it assumes fewer than NUMBER_FENCE numbers of one queue and
 * day were granted after the copy the store came back from; a restored copy cannot know
 * fences set after it was taken, so each restore sets its own.
 */
import { MAX_LEASE_DAYS_AHEAD } from '../../domain/protocol';
import type { SqlTx } from './sql';

/** How far every number head jumps after an unclean start or restore. */
export const NUMBER_FENCE = 1000;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of a UTC instant: the fence spans whole days on both sides of any zone. */
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

async function readFence(tx: SqlTx): Promise<{ floor: number; until: string }> {
  const rows = await tx.all<{ key: string; value: string }>(
    "SELECT key, value FROM meta WHERE key IN ('number_floor', 'number_floor_until')",
  );
  const meta = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { floor: Number(meta.number_floor ?? 0), until: meta.number_floor_until ?? '' };
}

/** Raises every number head by NUMBER_FENCE and the floor of days leases may reach. */
export async function setNumberFence(tx: SqlTx, now: number): Promise<void> {
  await tx.run('UPDATE number_heads SET next_no = next_no + ?', [NUMBER_FENCE]);
  const fence = await readFence(tx);
  const today = utcDay(now - DAY_MS);
  const floor = (fence.until >= today ? fence.floor : 0) + NUMBER_FENCE;
  const until = utcDay(now + (MAX_LEASE_DAYS_AHEAD + 2) * DAY_MS);
  const entries: Array<[string, string]> = [
    ['number_floor', String(floor)],
    // The later of the two days ('YYYY-MM-DD' sorts as text).
    ['number_floor_until', [fence.until, until].sort()[1] ?? until],
  ];
  for (const [key, value] of entries) {
    await tx.run(
      `INSERT INTO meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }
}

/** The last number that must not be granted for `businessDay` when its head is new. */
export async function numberFloor(tx: SqlTx, businessDay: string): Promise<number> {
  const fence = await readFence(tx);
  return businessDay <= fence.until ? fence.floor : 0;
}
