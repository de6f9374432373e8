/**
 * Enrollment codes and devices. A code is spent in the same transaction that creates the
 * device and gives it the site's next emergency tag.
 * Must: a code works once and never after it expires; a tag is never given twice in a site
 * (revoked devices keep theirs: their emergency numbers may already be in the log); only
 * token hashes are stored.
 */
import { appendAudit } from './audit';
import { reenrollIn } from './device-orders';
import { firstFreeTag } from './emergency-tag';
import { StoreError } from './errors';
import type { DeviceRecord, EnrollmentInput } from './records';
import { DEVICE_COLUMNS, type DeviceRow, toDeviceRecord } from './rows';
import { one, retryOnUniqueViolation, type SqlDb, type SqlTx } from './sql';

/** The device being enrolled, as enrollDevice is given it. */
export type NewDevice = {
  deviceId: string;
  name: string;
  profileId: string;
  tokenHash: string;
  enrolledAt: number;
};

/** Stores a one-time enrollment code (its hash), audited as its creator's action. */
export function createEnrollment(db: SqlDb, input: EnrollmentInput): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO enrollments (code_hash, site_id, label, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        input.codeHash,
        input.siteId,
        input.label,
        input.createdBy,
        input.createdAt,
        input.expiresAt,
      ],
    );
    await appendAudit(tx, {
      at: input.createdAt,
      adminId: input.createdBy,
      action: 'enrollment.create',
      targetId: null,
      outcome: 'ok',
    });
  });
}

/**
 * Spends the code (valid while enrolledAt < expiresAt and unused) and creates the device,
 * or takes a revoked device of the site back (./device-orders.ts reenrollIn); null when
 * the code is unknown, used or expired. Throws StoreError 'device_exists' when the device
 * id is taken by a live device or another site's (the code is then left unspent).
 */
export function enrollDevice(
  db: SqlDb,
  codeHash: string,
  device: NewDevice,
): Promise<DeviceRecord | null> {
  // One device id enrolled at two sites at once: the loser retries and finds it taken.
  return retryOnUniqueViolation(db, () => db.transaction((tx) => enrollIn(tx, codeHash, device)));
}

async function enrollIn(
  tx: SqlTx,
  codeHash: string,
  device: NewDevice,
): Promise<DeviceRecord | null> {
  const code = await one<{
    site_id: string;
    expires_at: number;
    used_at: number | null;
    created_by: string;
  }>(
    tx,
    `SELECT site_id, expires_at, used_at, created_by FROM enrollments
     WHERE code_hash = ? FOR UPDATE`,
    [codeHash],
  );
  if (code === null || code.used_at !== null || device.enrolledAt >= code.expires_at) return null;
  const known = await one<{ site_id: string; revoked_at: number | null }>(
    tx,
    'SELECT site_id, revoked_at FROM devices WHERE device_id = ? FOR UPDATE',
    [device.deviceId],
  );
  if (known !== null) {
    // A revoked device of this site comes back with its id; a live one is never replaced.
    if (known.revoked_at === null || known.site_id !== code.site_id) {
      throw new StoreError('device_exists', `Device ${device.deviceId} is already enrolled`);
    }
    return reenrollIn(tx, { codeHash, createdBy: code.created_by }, device);
  }
  const { tokenHash, ...fields } = device;
  const emergencyTag = await nextTag(tx, code.site_id);
  const record: DeviceRecord = {
    ...fields,
    siteId: code.site_id,
    emergencyTag,
    revokedAt: null,
    // Enrolling is the device's first call: it was seen then.
    lastSeenAt: device.enrolledAt,
    lastSeq: 0,
    testPrintAt: null,
    reenrolledAt: null,
  };
  await insertDevice(tx, { ...record, tokenHash });
  await tx.run('UPDATE enrollments SET used_at = ?, device_id = ? WHERE code_hash = ?', [
    device.enrolledAt,
    device.deviceId,
    codeHash,
  ]);
  return record;
}

/** An enrolled device's row, seen at enrollment, revoked never, with nothing pushed. */
export async function insertDevice(
  tx: SqlTx,
  d: Pick<
    DeviceRecord,
    'deviceId' | 'siteId' | 'name' | 'profileId' | 'emergencyTag' | 'enrolledAt'
  > & { tokenHash: string },
): Promise<void> {
  await tx.run(
    `INSERT INTO devices (device_id, site_id, name, profile_id, emergency_tag, token_hash,
       enrolled_at, revoked_at, last_seen_at, last_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 0)`,
    [
      d.deviceId,
      d.siteId,
      d.name,
      d.profileId,
      d.emergencyTag,
      d.tokenHash,
      d.enrolledAt,
      d.enrolledAt,
    ],
  );
}

/** The site's first tag no device ever had, with the site locked for other enrollments. */
async function nextTag(tx: SqlTx, siteId: string): Promise<string> {
  // Enrollments at one site take turns on its head row (PostgreSQL), so two never pick
  // the same tag; pushes wait on it no longer than this short transaction.
  await tx.run(
    `INSERT INTO site_heads (site_id, seq) VALUES (?, 0)
     ON CONFLICT (site_id) DO UPDATE SET seq = site_heads.seq`,
    [siteId],
  );
  const taken = await tx.all<{ emergency_tag: string }>(
    'SELECT emergency_tag FROM devices WHERE site_id = ?',
    [siteId],
  );
  return firstFreeTag(new Set(taken.map((row) => row.emergency_tag)));
}

/** The device holding this token, revoked or not (the caller decides), or null. */
export function deviceByToken(db: SqlDb, tokenHash: string): Promise<DeviceRecord | null> {
  return db.read(async (tx) => {
    const row = await one<DeviceRow>(
      tx,
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = ?`,
      [tokenHash],
    );
    return row === null ? null : toDeviceRecord(row);
  });
}

/** Every device ever enrolled at the site, oldest first. */
export function devices(db: SqlDb, siteId: string): Promise<DeviceRecord[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE site_id = ? ORDER BY enrolled_at, device_id`,
      [siteId],
    );
    return rows.map(toDeviceRecord);
  });
}

/**
 * Revokes the device (keeping the first revocation time), audited as `by`'s action when
 * given; false when there is no such device.
 */
export function revokeDevice(
  db: SqlDb,
  deviceId: string,
  at: number,
  by?: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      'UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?',
      [at, deviceId],
    );
    if (by !== undefined) {
      const outcome = changed > 0 ? 'ok' : 'unknown_device';
      await appendAudit(tx, {
        at,
        adminId: by,
        action: 'device.revoke',
        targetId: deviceId,
        outcome,
      });
    }
    return changed > 0;
  });
}

/** Records that the device was just heard from. */
export function touchDevice(db: SqlDb, deviceId: string, at: number): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('UPDATE devices SET last_seen_at = ? WHERE device_id = ?', [at, deviceId]);
  });
}

/** The site's devices' last health reports (JSON), by device. */
export function deviceHealth(
  db: SqlDb,
  siteId: string,
): Promise<Map<string, { health: string; at: number }>> {
  return db.read(async (tx) => {
    const rows = await tx.all<{ device_id: string; health: string; health_at: number | string }>(
      'SELECT device_id, health, health_at FROM devices WHERE site_id = ? AND health IS NOT NULL',
      [siteId],
    );
    return new Map(rows.map((r) => [r.device_id, { health: r.health, at: Number(r.health_at) }]));
  });
}
