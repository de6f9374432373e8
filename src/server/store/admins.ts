/**
 * The first admin and admin tokens. The bootstrap code creates the first admin once;
 * after that it is gone for good.
 * Must: only hashes of codes and tokens are stored (callers pass hashes); bootstrapping
 * checks the code, checks no admin exists, creates the admin and deletes the code in one
 * transaction.
 */
import { one, type SqlDb, type SqlReader } from './sql';
import type { AdminRecord } from './store';

type AdminRow = { admin_id: string; name: string; created_at: number };

function toAdmin(row: AdminRow): AdminRecord {
  return { adminId: row.admin_id, name: row.name, createdAt: row.created_at };
}

async function adminExists(tx: SqlReader): Promise<boolean> {
  return (await one(tx, 'SELECT admin_id FROM admins LIMIT 1')) !== null;
}

/** True once the first admin exists. */
export function hasAdmin(db: SqlDb): Promise<boolean> {
  return db.read(adminExists);
}

/** Replaces the pending bootstrap code; does nothing once an admin exists. */
export function setBootstrapCode(db: SqlDb, codeHash: string, createdAt: number): Promise<void> {
  return db.transaction(async (tx) => {
    if (await adminExists(tx)) return;
    await tx.run(
      `INSERT INTO bootstrap (id, code_hash, created_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at`,
      [codeHash, createdAt],
    );
  });
}

/** Creates the first admin when the code matches and none exists; null otherwise. */
export function bootstrapAdmin(
  db: SqlDb,
  codeHash: string,
  admin: AdminRecord & { tokenHash: string },
): Promise<AdminRecord | null> {
  return db.transaction(async (tx) => {
    const pending = await one<{ code_hash: string }>(
      tx,
      'SELECT code_hash FROM bootstrap WHERE id = 1 FOR UPDATE',
    );
    if (pending === null || pending.code_hash !== codeHash || (await adminExists(tx))) return null;
    await tx.run(
      'INSERT INTO admins (admin_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)',
      [admin.adminId, admin.name, admin.tokenHash, admin.createdAt],
    );
    await tx.run('DELETE FROM bootstrap WHERE id = 1');
    return { adminId: admin.adminId, name: admin.name, createdAt: admin.createdAt };
  });
}

/** The admin holding this token, or null. */
export function adminByToken(db: SqlDb, tokenHash: string): Promise<AdminRecord | null> {
  return db.read(async (tx) => {
    const row = await one<AdminRow>(
      tx,
      'SELECT admin_id, name, created_at FROM admins WHERE token_hash = ?',
      [tokenHash],
    );
    return row === null ? null : toAdmin(row);
  });
}
