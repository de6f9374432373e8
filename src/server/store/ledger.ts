/**
 * The ledger: what the server granted that a database restored from an older copy must
 * not forget (ARCHITECTURE.md §4–§6, I3, I8, I11), kept in a file beside the clean-close
 * marker as well as in the database, as the number fence is:
 * - quota tokens granted per (site, day, service): the quota is the whole supply, so
 *   unlike numbers they cannot be fenced by jumping ahead; the ledger keeps exact totals;
 * - enrolled devices with their emergency tag and token hash: a device enrolled after the
 *   copy keeps its token (so it can push back what the server lost) and its tag is never
 *   given to another device (its emergency numbers stay unique);
 * - revocations: a device revoked after the copy stays revoked, unless a new code took it
 *   back since (re-enrollment: its entry then holds the new token, and its revocation goes);
 * - each device's profile as an admin last set it;
 * - spent enrollment codes: a code spent after the copy cannot enroll a second device;
 * - staff, each person whole as last changed (./staff-ledger.ts): a person made after the
 *   copy is known again (their lokets' events are not quarantined as 'unknown_staff'), and
 *   a PIN set or cleared, a code spent and a lock made since stay so.
 * Must: a grant, enrollment or revocation is in the file before the store answers it; at
 * open the database gets back what it lacks (quota heads raised, the difference recorded as
 * a grant to no known device; missing devices created with nothing pushed; revocations
 * applied, codes marked spent), in one transaction, before the store serves; quota totals
 * only grow; when a grant is recorded, other days before the day before yesterday (UTC)
 * are dropped, as no lease is granted for a day before today, and codes spent more than
 * SPENT_CODE_DAYS ago, which have expired anyway.
 * The file itself (format, path, reading) is in ./ledger-file.ts.
 * Limits: restoring DATA_DIR with the database leaves only the database's own record; a
 * store without a marker directory (in memory, PostgreSQL without DATA_DIR) has no file.
 */
import type { Logger } from '../log/logger';
import { insertDevice } from './devices';
import {
  type LedgerContent,
  type LedgerDevice,
  type LedgerStaff,
  type QuotaTotal,
  type Revocation,
  readLedger,
  type SpentCode,
} from './ledger-file';
import { writeJsonDurably } from './marker-file';
import { Mutex } from './mutex';
import { one, type SqlDb, type SqlTx } from './sql';
import { restoreStaff } from './staff-ledger';

/** The device id of the grants a restored database learns again from the ledger. */
export const UNKNOWN_HOLDER = '';

const DAY_MS = 86_400_000;

/** A code expires at most 7 days after it is made (MAX_ENROLLMENT_TTL_MINUTES), so by then. */
const SPENT_CODE_DAYS = 8;

const quotaKey = (t: Omit<QuotaTotal, 'granted'>) =>
  `${t.siteId}\n${t.businessDay}\n${t.serviceId}\n${t.pool}`;

/** The ledger of an open store: records each grant, one durable write at a time. */
export class Ledger {
  private readonly quotas = new Map<string, QuotaTotal>();
  private readonly devices = new Map<string, LedgerDevice>();
  private readonly revocations = new Map<string, Revocation>();
  private readonly spentCodes = new Map<string, SpentCode>();
  private readonly staff = new Map<string, LedgerStaff>();
  private readonly mutex = new Mutex();

  private constructor(
    private readonly path: string,
    content: LedgerContent,
  ) {
    for (const t of content.quotas) this.quotas.set(quotaKey(t), t);
    for (const d of content.devices) this.devices.set(d.deviceId, d);
    for (const r of content.revocations) this.revocations.set(r.deviceId, r);
    for (const c of content.spentCodes) this.spentCodes.set(c.codeHash, c);
    for (const p of content.staff) this.staff.set(p.staffId, p);
  }

  /**
   * Reads the file at `path` and gives the database what it lacks, in one transaction;
   * the ledger then takes the store's grants.
   */
  static async open(db: SqlDb, path: string, now: number, log?: Logger): Promise<Ledger> {
    const content = await readLedger(path, log);
    await db.transaction(async (tx) => {
      for (const total of content.quotas) await raiseQuotaHead(tx, total, now);
      for (const device of content.devices) await restoreDevice(tx, device);
      for (const { deviceId, at } of content.revocations) {
        await tx.run(
          'UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?',
          [at, deviceId],
        );
      }
      for (const { codeHash, deviceId, at } of content.spentCodes) {
        await tx.run(
          `UPDATE enrollments SET used_at = ?, device_id = ?
           WHERE code_hash = ? AND used_at IS NULL`,
          [at, deviceId, codeHash],
        );
      }
      for (const person of content.staff) await restoreStaff(tx, person);
    });
    return new Ledger(path, content);
  }

  /** Records that `granted` tokens in all are granted for the (site, day, service, pool). */
  recordQuota(total: QuotaTotal, now: number): Promise<void> {
    const key = quotaKey(total);
    return this.write(() => {
      if ((this.quotas.get(key)?.granted ?? -1) >= total.granted) return false;
      const { siteId, businessDay, serviceId, pool, granted } = total;
      this.quotas.set(key, { siteId, businessDay, serviceId, pool, granted });
      const oldest = new Date(now - 2 * DAY_MS).toISOString().slice(0, 10);
      for (const [k, t] of this.quotas) {
        if (k !== key && t.businessDay < oldest) this.quotas.delete(k);
      }
      return true;
    });
  }

  /**
   * Records an enrolled device and the code it spent; a re-enrolled one (`reenrolledAt`)
   * replaces its entry and its revocation goes: a restore must not revoke it again.
   */
  recordDevice(device: LedgerDevice, codeHash: string): Promise<void> {
    return this.write(() => {
      const { deviceId, siteId, name, profileId, emergencyTag, tokenHash, enrolledAt } = device;
      const reenrolledAt = device.reenrolledAt ?? null;
      const at = reenrolledAt ?? enrolledAt;
      const oldest = at - SPENT_CODE_DAYS * DAY_MS;
      for (const [hash, c] of this.spentCodes) if (c.at < oldest) this.spentCodes.delete(hash);
      this.spentCodes.set(codeHash, { codeHash, deviceId, at });
      this.devices.set(deviceId, {
        deviceId,
        siteId,
        name,
        profileId,
        emergencyTag,
        tokenHash,
        enrolledAt,
        reenrolledAt,
      });
      if (reenrolledAt !== null) this.revocations.delete(deviceId);
      return true;
    });
  }

  /** Records a device's new profile (an admin's change); a device it does not know is left. */
  recordProfile(deviceId: string, profileId: string): Promise<void> {
    return this.write(() => {
      const known = this.devices.get(deviceId);
      if (known === undefined || known.profileId === profileId) return false;
      this.devices.set(deviceId, { ...known, profileId });
      return true;
    });
  }

  /** Records a person as just changed (a later version than the ledger's, or nothing). */
  recordStaff(person: LedgerStaff): Promise<void> {
    return this.write(() => {
      if ((this.staff.get(person.staffId)?.version ?? -1) >= person.version) return false;
      this.staff.set(person.staffId, structuredClone(person));
      return true;
    });
  }

  /** Records a revocation (the first one since the device's last enrollment counts). */
  recordRevocation(revocation: Revocation): Promise<void> {
    return this.write(() => {
      if (this.revocations.has(revocation.deviceId)) return false;
      this.revocations.set(revocation.deviceId, { ...revocation });
      return true;
    });
  }

  /** Records that the site `from` is now `to` (after the database's rename committed). */
  renameSite(from: string, to: string): Promise<void> {
    return this.write(() => {
      const quotas = [...this.quotas.values()];
      this.quotas.clear();
      for (const t of quotas) {
        const moved = t.siteId === from ? { ...t, siteId: to } : t;
        this.quotas.set(quotaKey(moved), moved);
      }
      for (const [id, d] of this.devices) {
        if (d.siteId === from) this.devices.set(id, { ...d, siteId: to });
      }
      for (const [id, p] of this.staff) {
        if (p.siteId === from) this.staff.set(id, { ...p, siteId: to });
      }
      return true;
    });
  }

  /** Applies `change` and, when it changed anything, writes the whole file durably. */
  private write(change: () => boolean): Promise<void> {
    return this.mutex.run(async () => {
      if (!change()) return;
      const content: LedgerContent = {
        quotas: [...this.quotas.values()],
        devices: [...this.devices.values()],
        revocations: [...this.revocations.values()],
        spentCodes: [...this.spentCodes.values()],
        staff: [...this.staff.values()],
      };
      await writeJsonDurably(this.path, content);
    });
  }
}

/** Raises the quota head to the ledger's total; the difference goes to no known device. */
async function raiseQuotaHead(tx: SqlTx, t: QuotaTotal, now: number): Promise<void> {
  const key = [t.siteId, t.businessDay, t.serviceId, t.pool];
  const row = await one<{ granted: number }>(
    tx,
    `SELECT granted FROM quota_heads
     WHERE site_id = ? AND business_day = ? AND service_id = ? AND pool = ?
     FOR UPDATE`,
    key,
  );
  const missing = t.granted - (row?.granted ?? 0);
  if (missing <= 0) return;
  await tx.run(
    `INSERT INTO quota_heads (site_id, business_day, service_id, pool, granted)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (site_id, business_day, service_id, pool) DO UPDATE SET granted = excluded.granted`,
    [...key, t.granted],
  );
  await tx.run(
    `INSERT INTO quota_grants (site_id, business_day, service_id, pool, device_id, count, granted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [...key, UNKNOWN_HOLDER, missing, now],
  );
}

/**
 * Creates a device the database does not know, as enrolled, with nothing pushed: it then
 * pushes back from its first event what the server lost (I11). A device it knows gets
 * the ledger's profile (an admin's latest change) and, when the ledger saw a later
 * re-enrollment, its new token with the revocation lifted (revocations since are applied
 * after this).
 */
async function restoreDevice(tx: SqlTx, d: LedgerDevice): Promise<void> {
  const known = await one<{ profile_id: string; reenrolled_at: number | string | null }>(
    tx,
    'SELECT profile_id, reenrolled_at FROM devices WHERE device_id = ?',
    [d.deviceId],
  );
  const reenrolledAt = d.reenrolledAt ?? null;
  if (known !== null) {
    if (reenrolledAt !== null && reenrolledAt > Number(known.reenrolled_at ?? -1)) {
      await tx.run(
        `UPDATE devices SET name = ?, profile_id = ?, token_hash = ?, reenrolled_at = ?,
           revoked_at = NULL
         WHERE device_id = ?`,
        [d.name, d.profileId, d.tokenHash, reenrolledAt, d.deviceId],
      );
    } else if (known.profile_id !== d.profileId) {
      await tx.run('UPDATE devices SET profile_id = ? WHERE device_id = ?', [
        d.profileId,
        d.deviceId,
      ]);
    }
    return;
  }
  const clash = await one<{ device_id: string }>(
    tx,
    'SELECT device_id FROM devices WHERE (site_id = ? AND emergency_tag = ?) OR token_hash = ?',
    [d.siteId, d.emergencyTag, d.tokenHash],
  );
  if (clash !== null) {
    throw new Error(
      `Ledger di samping basis data menyebut perangkat ${d.deviceId} dengan huruf ` +
        `${d.emergencyTag}, tetapi basis data memberikan huruf atau token itu kepada perangkat ` +
        `${clash.device_id}: ledger ini bukan milik basis data ini. Pindahkan berkas .ledger ` +
        'untuk memulai tanpanya. (The ledger beside the database names device ' +
        `${d.deviceId} with tag ${d.emergencyTag}, but the database gives that tag or token to ` +
        `device ${clash.device_id}: it is not an older copy of the database this ledger was ` +
        'kept for. Move the .ledger file away to start without it.)',
    );
  }
  await insertDevice(tx, d);
  if (reenrolledAt !== null) {
    await tx.run('UPDATE devices SET reenrolled_at = ? WHERE device_id = ?', [
      reenrolledAt,
      d.deviceId,
    ]);
  }
}
