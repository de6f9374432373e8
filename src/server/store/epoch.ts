/**
 * The store's epoch (ARCHITECTURE.md §4, I11): kept across clean stops, new after any
 * unclean stop or restore, so devices re-pull from the start when the server may have
 * gone back in time.
 * Must: keep the epoch only when the database says it was closed cleanly AND the marker
 * file agrees on epoch, total head and close stamp; anything else (a crash, an older copy,
 * a missing marker) gives a new epoch. While running, the database says 'running' and no
 * marker exists.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import { type CloseMarker, readMarker, removeMarker, writeMarker } from './marker-file';
import { readMeta, writeMeta } from './meta';
import { fencePathOf, readFenceFile, setNumberFence, writeFenceFile } from './number-fence';
import type { SqlDb, SqlTx } from './sql';

type Meta = Partial<Record<'epoch' | 'state' | 'close_stamp' | 'closed_head', string>>;

/** The sum of every site's head: it changes with any event stored or lost. */
async function totalHead(tx: SqlTx): Promise<number> {
  const rows = await tx.all<{ total: number }>(
    'SELECT CAST(COALESCE(SUM(seq), 0) AS BIGINT) AS total FROM site_heads',
  );
  return Number(rows[0]?.total ?? 0);
}

/** Whether the last stop was clean and nothing has replaced the database since. */
function closedCleanly(meta: Meta, head: number, marker: CloseMarker | null | 'none'): boolean {
  if (meta.epoch === undefined || meta.state !== 'closed') return false;
  if (Number(meta.closed_head) !== head) return false;
  if (marker === 'none') return true;
  return (
    marker !== null &&
    marker.epoch === meta.epoch &&
    marker.head === head &&
    marker.stamp === meta.close_stamp
  );
}

/**
 * Decides the epoch at open and marks the database running. `markerPath` null means no
 * marker file (an in-memory database, or PostgreSQL without a marker directory).
 */
export async function startEpoch(
  db: SqlDb,
  markerPath: string | null,
  now: number,
  log?: Logger,
): Promise<string> {
  const marker = markerPath === null ? 'none' : await readMarker(markerPath, log);
  const fencePath = markerPath === null ? null : fencePathOf(markerPath);
  const carried = fencePath === null ? null : await readFenceFile(fencePath, log);
  const { epoch, fence } = await db.transaction(async (tx) => {
    const meta = await readMeta(tx);
    const kept = closedCleanly(meta, await totalHead(tx), marker) ? meta.epoch : undefined;
    const next = kept ?? randomUUID();
    await writeMeta(tx, { epoch: next, state: 'running' });
    if (kept === undefined) await writeMeta(tx, { epoch_since: String(now) });
    // Not the first start: grants may have been forgotten, so fence the number heads.
    const fenced = kept === undefined && (meta.epoch !== undefined || carried !== null);
    return { epoch: next, fence: fenced ? await setNumberFence(tx, now, carried) : null };
  });
  if (fence !== null && fencePath !== null) await writeFenceFile(fencePath, fence);
  if (markerPath !== null) await removeMarker(markerPath);
  return epoch;
}

/** Records a clean stop in the database, then in the marker file. */
export async function recordCleanClose(
  db: SqlDb,
  markerPath: string | null,
  epoch: string,
): Promise<void> {
  const stamp = randomUUID();
  const head = await db.transaction(async (tx) => {
    const total = await totalHead(tx);
    await writeMeta(tx, { epoch, state: 'closed', close_stamp: stamp, closed_head: String(total) });
    return total;
  });
  if (markerPath !== null) await writeMarker(markerPath, { epoch, head, stamp });
}
