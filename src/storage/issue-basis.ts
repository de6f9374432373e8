/**
 * What issuing a ticket needs to know before its transaction: the server clock offset
 * last measured and the business days this device holds leases for. Small on purpose:
 * it is on the citizen's way to a ticket, the rest of the lease code is not.
 */
import type { AnjunganDatabase, SyncState } from './db';

export type IssueBasis = { serverOffsetMs: number; leasedDays: string[] };

/** Both in one read transaction; offset 0 and no days on a device that never synced. */
export async function readIssueBasis(db: AnjunganDatabase): Promise<IssueBasis> {
  const tx = db.transaction(['meta', 'cursors', 'quota'], 'readonly');
  const [sync, cursors, quotas] = await Promise.all([
    tx.objectStore('meta').get('sync') as Promise<SyncState | undefined>,
    tx.objectStore('cursors').getAll(),
    tx.objectStore('quota').getAll(),
  ]);
  return { serverOffsetMs: sync?.serverOffsetMs ?? 0, leasedDays: daysOf(cursors, quotas) };
}

/** Every business day for which this device holds a number block or quota tokens, ascending. */
export async function leasedDays(db: AnjunganDatabase): Promise<string[]> {
  const tx = db.transaction(['cursors', 'quota'], 'readonly');
  const [cursors, quotas] = await Promise.all([
    tx.objectStore('cursors').getAll(),
    tx.objectStore('quota').getAll(),
  ]);
  return daysOf(cursors, quotas);
}

function daysOf(
  cursors: { businessDay: string; blocks: unknown[] }[],
  quotas: { businessDay: string; granted: number }[],
): string[] {
  const days = new Set<string>();
  for (const c of cursors) if (c.blocks.length > 0) days.add(c.businessDay);
  for (const q of quotas) if (q.granted > 0) days.add(q.businessDay);
  return [...days].sort();
}
