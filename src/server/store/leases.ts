/**
 * Number blocks and quota tokens, granted in advance (ARCHITECTURE.md §5).
 * Must: a block starts after every block ever granted for its (site, day, prefix) and is
 * never granted again; no block reaches past MAX_TICKET_SEQ, nor gives one device more
 * than its share of a queue's day; the tokens granted for (site, day, service) never
 * exceed the quota asked with, whatever runs concurrently (each grant locks its head row
 * until commit). What cannot be granted is answered as nothing granted, never an error.
 */
import { MAX_TICKET_SEQ } from '../../domain/numbering';
import type { NumberLease } from '../../domain/protocol';
import { StoreError } from './errors';
import { numberFloor } from './number-fence';
import { one, type SqlDb, type SqlTx } from './sql';

/** What leaseNumbers is asked for. */
export type NumberLeaseInput = {
  siteId: string;
  deviceId: string;
  businessDay: string;
  prefix: string;
  count: number;
  grantedAt: number;
  /** The most numbers of this (day, prefix) the device may hold in all; unlimited when absent. */
  deviceShare?: number;
};

/** What leaseQuota is asked for. */
export type QuotaLeaseInput = {
  siteId: string;
  deviceId: string;
  businessDay: string;
  serviceId: string;
  /** The pool drawn on: LOBBY_POOL (src/domain/quotas.ts), or a visit's id. */
  pool: string;
  count: number;
  quota: number;
  grantedAt: number;
  /** The most tokens the device may hold unused (granted, not yet in a pushed ticket). */
  deviceShare?: number;
};

/**
 * Grants the next block of up to `count` numbers of (site, day, prefix) to the device;
 * null when the queue's numbers for the day are used up or the device holds its share.
 */
export async function leaseNumbers(
  db: SqlDb,
  input: NumberLeaseInput,
): Promise<NumberLease | null> {
  assertCount(input.count, 1);
  return db.transaction(async (tx) => {
    const key = [input.siteId, input.businessDay, input.prefix];
    const floor = await numberFloor(tx, input.businessDay);
    await tx.run(
      `INSERT INTO number_heads (site_id, business_day, prefix, next_no) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, business_day, prefix) DO NOTHING`,
      [...key, Math.min(floor + 1, MAX_TICKET_SEQ + 1)],
    );
    const head = await one<{ next_no: number }>(
      tx,
      `SELECT next_no FROM number_heads WHERE site_id = ? AND business_day = ? AND prefix = ?
       FOR UPDATE`,
      key,
    );
    const next = Number(head?.next_no ?? MAX_TICKET_SEQ + 1);
    const share =
      input.deviceShare === undefined ? Infinity : input.deviceShare - (await heldBy(tx, input));
    const count = Math.min(input.count, MAX_TICKET_SEQ + 1 - next, share);
    if (count <= 0) return null;
    await tx.run(
      'UPDATE number_heads SET next_no = ? WHERE site_id = ? AND business_day = ? AND prefix = ?',
      [next + count, ...key],
    );
    const lease = { ...pick(input), start: next, end: next + count - 1 };
    await tx.run(
      `INSERT INTO number_leases (site_id, business_day, prefix, start_no, end_no, device_id, granted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [...key, lease.start, lease.end, input.deviceId, input.grantedAt],
    );
    return lease;
  });
}

/** How many numbers of the (day, prefix) the device was granted so far. */
async function heldBy(tx: SqlTx, input: NumberLeaseInput): Promise<number> {
  const row = await one<{ held: number | string | null }>(
    tx,
    `SELECT SUM(end_no - start_no + 1) AS held FROM number_leases
     WHERE site_id = ? AND business_day = ? AND prefix = ? AND device_id = ?`,
    [input.siteId, input.businessDay, input.prefix, input.deviceId],
  );
  return Number(row?.held ?? 0);
}

function pick(input: NumberLeaseInput): Pick<NumberLease, 'businessDay' | 'prefix'> {
  return { businessDay: input.businessDay, prefix: input.prefix };
}

/**
 * Grants up to `count` of the pool's quota tokens of the day; `remaining` is what is left
 * after, `granted` the pool's tokens of the day granted in all, these included.
 */
export async function leaseQuota(
  db: SqlDb,
  input: QuotaLeaseInput,
): Promise<{ count: number; remaining: number; granted: number }> {
  assertCount(input.count, 0);
  assertCount(input.quota, 0);
  return db.transaction(async (tx) => {
    const key = [input.siteId, input.businessDay, input.serviceId, input.pool];
    await tx.run(
      `INSERT INTO quota_heads (site_id, business_day, service_id, pool, granted)
       VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (site_id, business_day, service_id, pool) DO NOTHING`,
      key,
    );
    const head = await one<{ granted: number }>(
      tx,
      `SELECT granted FROM quota_heads
       WHERE site_id = ? AND business_day = ? AND service_id = ? AND pool = ?
       FOR UPDATE`,
      key,
    );
    const granted = head?.granted ?? 0;
    const share =
      input.deviceShare === undefined ? Infinity : input.deviceShare - (await unusedBy(tx, input));
    const count = Math.max(0, Math.min(input.count, input.quota - granted, share));
    if (count > 0) {
      await tx.run(
        `UPDATE quota_heads SET granted = granted + ?
         WHERE site_id = ? AND business_day = ? AND service_id = ? AND pool = ?`,
        [count, ...key],
      );
      await tx.run(
        `INSERT INTO quota_grants (site_id, business_day, service_id, pool, device_id, count, granted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [...key, input.deviceId, count, input.grantedAt],
      );
    }
    return {
      count,
      remaining: Math.max(0, input.quota - granted - count),
      granted: granted + count,
    };
  });
}

/** The tokens of the (day, service) granted to the device and not yet in a ticket it pushed. */
async function unusedBy(tx: SqlTx, input: QuotaLeaseInput): Promise<number> {
  const key = [input.siteId, input.businessDay, input.deviceId, input.serviceId];
  const held = await one<{ n: number | string | null }>(
    tx,
    `SELECT SUM(count) AS n FROM quota_grants
     WHERE site_id = ? AND business_day = ? AND device_id = ? AND service_id = ?`,
    key,
  );
  const used = await one<{ n: number | string | null }>(
    tx,
    `SELECT COUNT(*) AS n FROM ticket_numbers
     WHERE site_id = ? AND business_day = ? AND device_id = ? AND service_id = ?`,
    key,
  );
  return Number(held?.n ?? 0) - Number(used?.n ?? 0);
}

/** Every block granted for the site's day, by prefix then start. */
export function numberLeases(
  db: SqlDb,
  siteId: string,
  businessDay: string,
): Promise<(NumberLease & { deviceId: string })[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.all<{
      prefix: string;
      start_no: number;
      end_no: number;
      device_id: string;
    }>(
      `SELECT prefix, start_no, end_no, device_id FROM number_leases
       WHERE site_id = ? AND business_day = ? ORDER BY prefix, start_no`,
      [siteId, businessDay],
    );
    return rows.map((row) => ({
      businessDay,
      prefix: row.prefix,
      start: row.start_no,
      end: row.end_no,
      deviceId: row.device_id,
    }));
  });
}

function assertCount(count: number, min: number): void {
  if (!Number.isSafeInteger(count) || count < min) {
    throw new StoreError('bad_count', `Expected a whole number ≥ ${min}, got ${count}`);
  }
}
