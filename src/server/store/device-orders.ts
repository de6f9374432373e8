/**
 * What an admin asks of an enrolled device, and taking a revoked one back: its profile,
 * a test print (asked once until the device reports it), and a new enrollment code
 * spent by a revoked device id. The device hears of the first two at its next pull
 * (src/domain/protocol.ts DeviceOrders).
 * Must: each change is audited in its own transaction; a re-enrollment keeps the
 * device's id, emergency tag and pushed events (last_seq) and changes its token.
 */
import { appendAudit } from './audit';
import type { NewDevice } from './devices';
import type { DeviceRecord } from './records';
import { DEVICE_COLUMNS, type DeviceRow, toDeviceRecord } from './rows';
import { one, type SqlDb, type SqlTx } from './sql';

/** An admin's change of a device: who and when. */
export type DeviceChange = { at: number; by: string };

/**
 * Gives the device another profile, audited; the device record after it, or null when
 * there is no such device at the site.
 */
export function setDeviceProfile(
  db: SqlDb,
  siteId: string,
  deviceId: string,
  profileId: string,
  change: DeviceChange,
): Promise<DeviceRecord | null> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      'UPDATE devices SET profile_id = ? WHERE device_id = ? AND site_id = ?',
      [profileId, deviceId, siteId],
    );
    return audited(tx, siteId, deviceId, changed, 'device.profile', change);
  });
}

/**
 * Asks the device for a test print, audited: a print already asked and not yet reported
 * keeps its time, so asking twice before it prints makes one print. Null: no such device.
 */
export function askTestPrint(
  db: SqlDb,
  siteId: string,
  deviceId: string,
  change: DeviceChange,
): Promise<DeviceRecord | null> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      `UPDATE devices SET test_print_at = COALESCE(test_print_at, ?)
       WHERE device_id = ? AND site_id = ?`,
      [change.at, deviceId, siteId],
    );
    return audited(tx, siteId, deviceId, changed, 'device.test-print', change);
  });
}

/** Records a health report; a report of the pending test print (same asked time) ends it. */
export function reportHealth(
  db: SqlDb,
  deviceId: string,
  health: string,
  at: number,
  testPrintAskedAt: number | null,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('UPDATE devices SET health = ?, health_at = ? WHERE device_id = ?', [
      health,
      at,
      deviceId,
    ]);
    if (testPrintAskedAt !== null) {
      await tx.run(
        'UPDATE devices SET test_print_at = NULL WHERE device_id = ? AND test_print_at = ?',
        [deviceId, testPrintAskedAt],
      );
    }
  });
}

/**
 * Takes a revoked device back with a new code (in enrollDevice's transaction, the code
 * checked and locked): a new token, its name and profile as the device now asks, the
 * revocation lifted, the code spent; audited as the code's maker's re-enrollment.
 */
export async function reenrollIn(
  tx: SqlTx,
  code: { codeHash: string; createdBy: string },
  device: NewDevice,
): Promise<DeviceRecord | null> {
  const at = device.enrolledAt;
  await tx.run(
    `UPDATE devices SET name = ?, profile_id = ?, token_hash = ?, revoked_at = NULL,
       reenrolled_at = ?, last_seen_at = ?, test_print_at = NULL
     WHERE device_id = ?`,
    [device.name, device.profileId, device.tokenHash, at, at, device.deviceId],
  );
  await tx.run('UPDATE enrollments SET used_at = ?, device_id = ? WHERE code_hash = ?', [
    at,
    device.deviceId,
    code.codeHash,
  ]);
  await appendAudit(tx, {
    at,
    adminId: code.createdBy,
    action: 'device.reenroll',
    targetId: device.deviceId,
    outcome: 'ok',
  });
  return deviceIn(tx, device.deviceId);
}

/** The device's row as a record, or null. */
export async function deviceIn(tx: SqlTx, deviceId: string): Promise<DeviceRecord | null> {
  const row = await one<DeviceRow>(
    tx,
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE device_id = ?`,
    [deviceId],
  );
  return row === null ? null : toDeviceRecord(row);
}

async function audited(
  tx: SqlTx,
  siteId: string,
  deviceId: string,
  changed: number,
  action: 'device.profile' | 'device.test-print',
  change: DeviceChange,
): Promise<DeviceRecord | null> {
  const outcome = changed > 0 ? 'ok' : 'unknown_device';
  await appendAudit(tx, { at: change.at, adminId: change.by, action, targetId: deviceId, outcome });
  if (changed === 0) return null;
  const record = await deviceIn(tx, deviceId);
  return record?.siteId === siteId ? record : null;
}
