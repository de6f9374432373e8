/**
 * Staff of a site (src/domain/staff.ts): created by an admin with a one-time set-up code,
 * which the person spends to set their PIN; locked and unlocked by an admin.
 * Must: only the code's HMAC and the PIN's PBKDF2 verifier are stored; a code works once
 * and never after it expires; every change bumps the person's version; admin changes write
 * their audit entry (ids only, never a name) in their own transaction.
 */
import type { AuditAction } from '../../domain/protocol';
import type { StaffRole, StaffVerifier } from '../../domain/staff';
import { appendAudit } from './audit';
import { one, type SqlDb, type SqlReader, type SqlTx } from './sql';

/** A PIN as stored: PBKDF2 salt and key (base64url) and the iteration count used. */
export type PinVerifier = NonNullable<StaffVerifier['pin']>;

/** A one-time set-up code: its HMAC and when it stops working. */
export type SetupCode = { codeHash: string; expiresAt: number };

/** A person being created, with their first set-up code. */
export type NewStaff = {
  staffId: string;
  siteId: string;
  name: string;
  role: StaffRole;
  agencies: string[];
  setupCode: SetupCode;
  createdAt: number;
};

/** A person as stored, never with their code's hash. */
export type StaffRecord = {
  staffId: string;
  siteId: string;
  name: string;
  role: StaffRole;
  agencies: string[];
  pin: PinVerifier | null;
  locked: boolean;
  version: number;
  /** When the pending set-up code expires; null when none is pending. */
  setupExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
};

const COLUMNS = `staff_id, site_id, name, role, agencies, setup_expires_at, pin_salt, pin_hash,
  pin_iterations, locked, version, created_at, updated_at`;

/** A row of the staff table as this module reads it (the ledger reads the set-up code too). */
export type StaffRow = {
  staff_id: string;
  site_id: string;
  name: string;
  role: string;
  agencies: string;
  setup_expires_at: number | null;
  pin_salt: string | null;
  pin_hash: string | null;
  pin_iterations: number | null;
  locked: number;
  version: number;
  created_at: number;
  updated_at: number;
};

function toRecord(row: StaffRow): StaffRecord {
  const { pin_salt: salt, pin_hash: hash, pin_iterations: iterations } = row;
  return {
    staffId: row.staff_id,
    siteId: row.site_id,
    name: row.name,
    role: row.role as StaffRole,
    agencies: JSON.parse(row.agencies) as string[],
    pin: salt !== null && hash !== null && iterations !== null ? { salt, hash, iterations } : null,
    locked: row.locked === 1,
    version: Number(row.version),
    setupExpiresAt: row.setup_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function rowOf(tx: SqlReader, siteId: string, staffId: string): Promise<StaffRecord | null> {
  const row = await one<StaffRow>(
    tx,
    `SELECT ${COLUMNS} FROM staff WHERE staff_id = ? AND site_id = ?`,
    [staffId, siteId],
  );
  return row === null ? null : toRecord(row);
}

/** Creates the person (version 1, no PIN, unlocked), audited as `by`'s action. */
export function createStaff(db: SqlDb, staff: NewStaff, by: string): Promise<StaffRecord> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO staff (staff_id, site_id, name, role, agencies, setup_code_hash,
         setup_expires_at, locked, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`,
      [
        staff.staffId,
        staff.siteId,
        staff.name,
        staff.role,
        JSON.stringify(staff.agencies),
        staff.setupCode.codeHash,
        staff.setupCode.expiresAt,
        staff.createdAt,
        staff.createdAt,
      ],
    );
    await audit(tx, staff.createdAt, by, 'staff.create', staff.staffId, 'ok');
    return must(await rowOf(tx, staff.siteId, staff.staffId));
  });
}

/** Every person of the site, oldest first. */
export function staffOfSite(db: SqlDb, siteId: string): Promise<StaffRecord[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<StaffRow>(
      `SELECT ${COLUMNS} FROM staff WHERE site_id = ? ORDER BY created_at, staff_id`,
      [siteId],
    );
    return rows.map(toRecord);
  });
}

/** The person of the site with this id, or null. */
export function staffById(db: SqlDb, siteId: string, staffId: string): Promise<StaffRecord | null> {
  return db.read((tx) => rowOf(tx, siteId, staffId));
}

/** The person of the site whose set-up code this is, while it is valid at `at`; else null. */
export function staffBySetupCode(
  db: SqlDb,
  siteId: string,
  codeHash: string,
  at: number,
): Promise<StaffRecord | null> {
  return db.read(async (tx) => {
    const row = await one<StaffRow>(
      tx,
      `SELECT ${COLUMNS} FROM staff
       WHERE setup_code_hash = ? AND site_id = ? AND setup_expires_at > ?`,
      [codeHash, siteId, at],
    );
    return row === null ? null : toRecord(row);
  });
}

/** Revokes every admin session of a staff member (their tokens' admin id is theirs). */
async function endSessionsOf(tx: SqlTx, staffId: string, at: number): Promise<void> {
  await tx.run('UPDATE admin_tokens SET revoked_at = ? WHERE admin_id = ? AND revoked_at IS NULL', [
    at,
    staffId,
  ]);
}

/**
 * Gives the person a new set-up code and clears their PIN (version + 1), and ends their
 * admin sessions, audited as `by`'s action whatever happens; null when the site has no
 * such person.
 */
export function replaceSetupCode(
  db: SqlDb,
  siteId: string,
  staffId: string,
  code: SetupCode,
  at: number,
  by: string,
): Promise<StaffRecord | null> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      `UPDATE staff SET setup_code_hash = ?, setup_expires_at = ?, pin_salt = NULL,
         pin_hash = NULL, pin_iterations = NULL, version = version + 1, updated_at = ?
       WHERE staff_id = ? AND site_id = ?`,
      [code.codeHash, code.expiresAt, at, staffId, siteId],
    );
    const outcome = changed > 0 ? 'ok' : 'unknown_staff';
    // A new code is for a PIN that may have leaked: the person's admin sessions end too.
    if (changed > 0) await endSessionsOf(tx, staffId, at);
    await audit(tx, at, by, 'staff.setup-code', staffId, outcome);
    return changed > 0 ? rowOf(tx, siteId, staffId) : null;
  });
}

/**
 * Sets the PIN of the person whose set-up code this is, if the code is unexpired and unused
 * at `at`, and spends the code (version + 1); null when no valid code matches.
 */
export function setPinByCode(
  db: SqlDb,
  siteId: string,
  codeHash: string,
  pin: PinVerifier,
  at: number,
): Promise<StaffRecord | null> {
  return db.transaction(async (tx) => {
    // One statement decides: of two requests with one code, the second finds it spent.
    const spent = await tx.all<{ staff_id: string }>(
      `UPDATE staff SET pin_salt = ?, pin_hash = ?, pin_iterations = ?, setup_code_hash = NULL,
         setup_expires_at = NULL, version = version + 1, updated_at = ?
       WHERE setup_code_hash = ? AND site_id = ? AND setup_expires_at > ?
       RETURNING staff_id`,
      [pin.salt, pin.hash, pin.iterations, at, codeHash, siteId, at],
    );
    const staffId = spent[0]?.staff_id;
    return staffId === undefined ? null : rowOf(tx, siteId, staffId);
  });
}

/**
 * Locks or unlocks the person (version + 1 when it changes anything), audited as `by`'s
 * action whatever happens; null when the site has no such person.
 */
export function setStaffLocked(
  db: SqlDb,
  siteId: string,
  staffId: string,
  locked: boolean,
  at: number,
  by: string,
): Promise<StaffRecord | null> {
  return db.transaction(async (tx) => {
    const flag = locked ? 1 : 0;
    await tx.run(
      `UPDATE staff SET locked = ?, version = version + 1, updated_at = ?
       WHERE staff_id = ? AND site_id = ? AND locked <> ?`,
      [flag, at, staffId, siteId, flag],
    );
    const record = await rowOf(tx, siteId, staffId);
    if (locked && record !== null) await endSessionsOf(tx, staffId, at);
    const action = locked ? 'staff.lock' : 'staff.unlock';
    await audit(tx, at, by, action, staffId, record === null ? 'unknown_staff' : 'ok');
    return record;
  });
}

function audit(
  tx: SqlTx,
  at: number,
  adminId: string,
  action: AuditAction,
  targetId: string,
  outcome: string,
): Promise<void> {
  return appendAudit(tx, { at, adminId, action, targetId, outcome });
}

function must<T>(value: T | null): T {
  if (value === null) throw new Error('A person just written could not be read back');
  return value;
}
