/**
 * Staff rows as the ledger keeps them (./ledger.ts): each person whole, as last changed, so
 * a database restored from an older copy gets back the people made, the PINs set or cleared,
 * the codes given or spent and the locks made since — a later version always wins.
 * Must: a person the database holds at the ledger's version or later is left as it is.
 */
import type { LedgerStaff } from './ledger-file';
import { one, type SqlReader, type SqlTx } from './sql';
import type { StaffRow } from './staff';

/** The whole row: what ./staff.ts reads, and the set-up code's keyed hash. */
type Row = StaffRow & { role: 'petugas' | 'supervisor'; setup_code_hash: string | null };

/** The person's whole row, as the ledger keeps it; null when the site has no such person. */
export async function ledgerStaffOf(
  tx: SqlReader,
  siteId: string,
  staffId: string,
): Promise<LedgerStaff | null> {
  const row = await one<Row>(tx, 'SELECT * FROM staff WHERE staff_id = ? AND site_id = ?', [
    staffId,
    siteId,
  ]);
  if (row === null) return null;
  const { pin_salt: salt, pin_hash: hash, pin_iterations: iterations } = row;
  return {
    staffId: row.staff_id,
    siteId: row.site_id,
    name: row.name,
    role: row.role,
    agencies: JSON.parse(row.agencies) as string[],
    setupCodeHash: row.setup_code_hash,
    setupExpiresAt: row.setup_expires_at === null ? null : Number(row.setup_expires_at),
    pin: salt !== null && hash !== null && iterations !== null ? { salt, hash, iterations } : null,
    locked: Number(row.locked) === 1,
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Gives the database the ledger's person when it lacks them or holds an older version. */
export async function restoreStaff(tx: SqlTx, s: LedgerStaff): Promise<void> {
  const held = await one<{ version: number }>(tx, 'SELECT version FROM staff WHERE staff_id = ?', [
    s.staffId,
  ]);
  if (held !== null && Number(held.version) >= s.version) return;
  const values = [
    s.siteId,
    s.name,
    s.role,
    JSON.stringify(s.agencies),
    s.setupCodeHash,
    s.setupExpiresAt,
    s.pin?.salt ?? null,
    s.pin?.hash ?? null,
    s.pin?.iterations ?? null,
    s.locked ? 1 : 0,
    s.version,
    s.createdAt,
    s.updatedAt,
  ];
  if (held === null) {
    await tx.run(
      `INSERT INTO staff (site_id, name, role, agencies, setup_code_hash, setup_expires_at,
         pin_salt, pin_hash, pin_iterations, locked, version, created_at, updated_at, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...values, s.staffId],
    );
    return;
  }
  await tx.run(
    `UPDATE staff SET site_id = ?, name = ?, role = ?, agencies = ?, setup_code_hash = ?,
       setup_expires_at = ?, pin_salt = ?, pin_hash = ?, pin_iterations = ?, locked = ?,
       version = ?, created_at = ?, updated_at = ?
     WHERE staff_id = ?`,
    [...values, s.staffId],
  );
}
