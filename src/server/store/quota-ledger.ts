/**
 * The quota ledger: the tokens granted per (site, day, service) are kept in a file beside
 * the clean-close marker as well as in the database, so a database restored from an
 * older copy learns again the grants it forgot (ARCHITECTURE.md §5, I8), as the number
 * fence does for numbers. Unlike numbers, tokens cannot be fenced by jumping ahead: the
 * quota is the whole supply, so the ledger keeps the exact totals.
 * Must: a grant is in the file before the store answers it; at open every quota head is
 * raised to the file's total (the difference recorded as a grant to no known device);
 * totals only grow; other days before the day before yesterday (UTC) are dropped when a
 * grant is recorded, as no lease is granted for a day before today.
 * Limits: restoring DATA_DIR with the database leaves only the database's own record; a
 * store without a marker directory (in memory, PostgreSQL without DATA_DIR) has no file.
 */
import { readJsonFile, writeJsonDurably } from './marker-file';
import { Mutex } from './mutex';
import type { SqlDb } from './sql';

/** Tokens granted for one (site, day, service). */
export type QuotaTotal = {
  siteId: string;
  businessDay: string;
  serviceId: string;
  granted: number;
};

/** The device id of the grants a restored database learns again from the ledger. */
export const UNKNOWN_HOLDER = '';

const DAY_MS = 86_400_000;

/** The ledger file's path beside the clean-close marker. */
export function ledgerPathOf(markerPath: string): string {
  return `${markerPath.replace(/\.closed$/, '')}.quota`;
}

const keyOf = (t: Omit<QuotaTotal, 'granted'>) => `${t.siteId}\n${t.businessDay}\n${t.serviceId}`;

const isTotal = (v: unknown): v is QuotaTotal => {
  const t = v as Partial<QuotaTotal> | null;
  return (
    typeof t?.siteId === 'string' &&
    typeof t.businessDay === 'string' &&
    typeof t.serviceId === 'string' &&
    Number.isSafeInteger(t.granted) &&
    (t.granted as number) >= 0
  );
};

/** The totals in the file; a missing or malformed file, or entry, counts as none. */
export async function readLedger(path: string): Promise<QuotaTotal[]> {
  const parsed = await readJsonFile(path);
  return Array.isArray(parsed) ? parsed.filter(isTotal) : [];
}

/** The ledger of an open store: records each grant's new total, one write at a time. */
export class QuotaLedger {
  private readonly totals = new Map<string, QuotaTotal>();
  private readonly mutex = new Mutex();

  private constructor(
    private readonly path: string,
    totals: readonly QuotaTotal[],
  ) {
    for (const total of totals) this.totals.set(keyOf(total), total);
  }

  /**
   * Reads the file at `path` and raises the database's quota heads to its totals, in one
   * transaction; the ledger then takes the store's grants.
   */
  static async open(db: SqlDb, path: string, now: number): Promise<QuotaLedger> {
    const totals = await readLedger(path);
    await db.transaction(async (tx) => {
      for (const t of totals) {
        const key = [t.siteId, t.businessDay, t.serviceId];
        const row = await tx.all<{ granted: number }>(
          `SELECT granted FROM quota_heads WHERE site_id = ? AND business_day = ? AND service_id = ?
           FOR UPDATE`,
          key,
        );
        const missing = t.granted - (row[0]?.granted ?? 0);
        if (missing <= 0) continue;
        await tx.run(
          `INSERT INTO quota_heads (site_id, business_day, service_id, granted) VALUES (?, ?, ?, ?)
           ON CONFLICT (site_id, business_day, service_id) DO UPDATE SET granted = excluded.granted`,
          [...key, t.granted],
        );
        await tx.run(
          `INSERT INTO quota_grants (site_id, business_day, service_id, device_id, count, granted_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [...key, UNKNOWN_HOLDER, missing, now],
        );
      }
    });
    return new QuotaLedger(path, totals);
  }

  /** Records that `granted` tokens in all are granted for the (site, day, service), durably. */
  record(total: QuotaTotal, now: number): Promise<void> {
    return this.mutex.run(async () => {
      const key = keyOf(total);
      if ((this.totals.get(key)?.granted ?? -1) >= total.granted) return;
      const { siteId, businessDay, serviceId, granted } = total;
      this.totals.set(key, { siteId, businessDay, serviceId, granted });
      const oldest = new Date(now - 2 * DAY_MS).toISOString().slice(0, 10);
      for (const [k, t] of this.totals) {
        if (k !== key && t.businessDay < oldest) this.totals.delete(k);
      }
      await writeJsonDurably(this.path, [...this.totals.values()]);
    });
  }
}
