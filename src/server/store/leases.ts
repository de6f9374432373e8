/**
 * Number blocks and quota tokens, granted in advance (ARCHITECTURE.md §5).
 * Must: a block starts after every block ever granted for its (site, day, prefix) and is
 * never granted again; the tokens granted for (site, day, service) never exceed the quota
 * asked with, whatever runs concurrently (each grant locks its head row until commit).
 */
import type { NumberLease } from '../../domain/protocol';
import { StoreError } from './errors';
import { numberFloor } from './number-fence';
import { one, type SqlDb } from './sql';

/** What leaseNumbers is asked for. */
export type NumberLeaseInput = {
  siteId: string;
  deviceId: string;
  businessDay: string;
  prefix: string;
  count: number;
  grantedAt: number;
};

/** What leaseQuota is asked for. */
export type QuotaLeaseInput = {
  siteId: string;
  deviceId: string;
  businessDay: string;
  serviceId: string;
  count: number;
  quota: number;
  grantedAt: number;
};

/** Grants the next block of `count` numbers of (site, day, prefix) to the device. */
export async function leaseNumbers(db: SqlDb, input: NumberLeaseInput): Promise<NumberLease> {
  assertCount(input.count, 1);
  return db.transaction(async (tx) => {
    const floor = await numberFloor(tx, input.businessDay);
    const rows = await tx.all<{ next_no: number }>(
      `INSERT INTO number_heads (site_id, business_day, prefix, next_no) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, business_day, prefix)
       DO UPDATE SET next_no = number_heads.next_no + ?
       RETURNING next_no`,
      [input.siteId, input.businessDay, input.prefix, floor + 1 + input.count, input.count],
    );
    const next = rows[0]?.next_no;
    if (next === undefined) throw new Error('number head upsert returned no row');
    const lease = {
      businessDay: input.businessDay,
      prefix: input.prefix,
      start: next - input.count,
      end: next - 1,
    };
    await tx.run(
      `INSERT INTO number_leases (site_id, business_day, prefix, start_no, end_no, device_id, granted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        input.siteId,
        input.businessDay,
        input.prefix,
        lease.start,
        lease.end,
        input.deviceId,
        input.grantedAt,
      ],
    );
    return lease;
  });
}

/**
 * Grants up to `count` of the day's quota tokens; `remaining` is what is left after,
 * `granted` the tokens of the day granted in all, these included.
 */
export async function leaseQuota(
  db: SqlDb,
  input: QuotaLeaseInput,
): Promise<{ count: number; remaining: number; granted: number }> {
  assertCount(input.count, 0);
  assertCount(input.quota, 0);
  return db.transaction(async (tx) => {
    const key = [input.siteId, input.businessDay, input.serviceId];
    await tx.run(
      `INSERT INTO quota_heads (site_id, business_day, service_id, granted) VALUES (?, ?, ?, 0)
       ON CONFLICT (site_id, business_day, service_id) DO NOTHING`,
      key,
    );
    const head = await one<{ granted: number }>(
      tx,
      `SELECT granted FROM quota_heads WHERE site_id = ? AND business_day = ? AND service_id = ?
       FOR UPDATE`,
      key,
    );
    const granted = head?.granted ?? 0;
    const count = Math.max(0, Math.min(input.count, input.quota - granted));
    if (count > 0) {
      await tx.run(
        `UPDATE quota_heads SET granted = granted + ?
         WHERE site_id = ? AND business_day = ? AND service_id = ?`,
        [count, ...key],
      );
      await tx.run(
        `INSERT INTO quota_grants (site_id, business_day, service_id, device_id, count, granted_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
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
