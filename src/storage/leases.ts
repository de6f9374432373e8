/**
 * Leases from the server: number blocks per (day, prefix) in the `cursors` store and
 * quota tokens per (day, service) in the `quota` store.
 * Must: a block is added once and never removed; `used` never decreases; one function per
 * transaction.
 */

import type { IDBPTransaction } from 'idb';
import { remainingInBlocks } from '../domain/numbering';
import type { NumberLease, QuotaGrant } from '../domain/protocol';
import type { AnjunganDatabase, AnjunganDB, CursorRecord, QuotaRecord } from './db';
import { abortQuietly } from './tx';

/** What a device still holds for one day. */
export type LeaseLevels = {
  /** Numbers left in leased blocks, by prefix. */
  numbers: Record<string, number>;
  /** Tokens left (granted − used) and the server's ungranted remainder, by service. */
  quotas: Record<string, { tokens: number; remaining: number | null }>;
};

/** Stores granted number blocks and quota tokens, in one strict transaction. */
export async function addLeases(
  db: AnjunganDatabase,
  numbers: readonly NumberLease[],
  quotas: readonly QuotaGrant[],
): Promise<void> {
  const tx = db.transaction(['cursors', 'quota'], 'readwrite', { durability: 'strict' });
  try {
    await putLeases(tx, numbers, quotas);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

type LeaseTx = IDBPTransaction<AnjunganDB, ('cursors' | 'quota')[], 'readwrite'>;

async function putLeases(
  tx: LeaseTx,
  numbers: readonly NumberLease[],
  quotas: readonly QuotaGrant[],
): Promise<void> {
  const cursors = tx.objectStore('cursors');
  for (const lease of numbers) {
    const key: [string, string] = [lease.businessDay, lease.prefix];
    const cursor: CursorRecord = (await cursors.get(key)) ?? {
      businessDay: lease.businessDay,
      prefix: lease.prefix,
      blocks: [],
      last: 0,
      emergencyLast: 0,
    };
    const known = cursor.blocks.some((b) => b.start === lease.start && b.end === lease.end);
    if (known) continue;
    await cursors.put({
      ...cursor,
      blocks: [...cursor.blocks, { start: lease.start, end: lease.end }],
    });
  }
  const quota = tx.objectStore('quota');
  for (const grant of quotas) {
    const record: QuotaRecord = (await quota.get([grant.businessDay, grant.serviceId])) ?? {
      businessDay: grant.businessDay,
      serviceId: grant.serviceId,
      granted: 0,
      used: 0,
      remaining: null,
    };
    await quota.put({
      ...record,
      granted: record.granted + grant.count,
      remaining: grant.remaining,
    });
  }
}

/** Numbers and quota tokens this device still holds for a day. */
export async function leaseLevels(db: AnjunganDatabase, businessDay: string): Promise<LeaseLevels> {
  const tx = db.transaction(['cursors', 'quota'], 'readonly');
  const range = dayRange(businessDay);
  const [cursors, quotas] = await Promise.all([
    tx.objectStore('cursors').getAll(range),
    tx.objectStore('quota').getAll(range),
  ]);
  const levels: LeaseLevels = { numbers: {}, quotas: {} };
  for (const c of cursors) levels.numbers[c.prefix] = remainingInBlocks(c);
  for (const q of quotas) {
    levels.quotas[q.serviceId] = {
      tokens: Math.max(0, q.granted - q.used),
      remaining: q.remaining,
    };
  }
  return levels;
}

export { leasedDays } from './issue-basis';

/** Every [day, x] key: arrays sort after strings, so [day, []] is above any [day, string]. */
function dayRange(businessDay: string): IDBKeyRange {
  return IDBKeyRange.bound([businessDay], [businessDay, []]);
}
