/**
 * Admins and the bootstrap code. The bootstrap code creates an admin while no admin holds
 * a valid token (the first start, or the way back when every token expired or was revoked).
 * Must: only hashes of codes and tokens are stored (callers pass hashes); bootstrapping
 * checks the code, checks no admin is active, creates the admin with its first token,
 * deletes the code and writes the audit entry in one transaction.
 */
import { insertToken, type NewAdminToken } from './admin-tokens';
import { appendAudit } from './audit';
import type { AdminRecord } from './records';
import { one, type SqlDb, type SqlReader } from './sql';

/** Whether some admin holds a token neither revoked nor expired at `now`. */
export async function activeAdminIn(tx: SqlReader, now: number): Promise<boolean> {
  const row = await one(
    tx,
    'SELECT token_id FROM admin_tokens WHERE revoked_at IS NULL AND expires_at > ? LIMIT 1',
    [now],
  );
  return row !== null;
}

/** True while some admin holds a valid token. */
export function hasActiveAdmin(db: SqlDb, now: number): Promise<boolean> {
  return db.read((tx) => activeAdminIn(tx, now));
}

/** Replaces the pending bootstrap code; does nothing while an admin is active. */
export function setBootstrapCode(db: SqlDb, codeHash: string, createdAt: number): Promise<void> {
  return db.transaction(async (tx) => {
    if (await activeAdminIn(tx, createdAt)) return;
    await tx.run(
      `INSERT INTO bootstrap (id, code_hash, created_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at`,
      [codeHash, createdAt],
    );
  });
}

/** Creates an admin with its token when the code matches and none is active; null otherwise. */
export function bootstrapAdmin(
  db: SqlDb,
  codeHash: string,
  admin: AdminRecord,
  token: NewAdminToken,
): Promise<AdminRecord | null> {
  return db.transaction(async (tx) => {
    const pending = await one<{ code_hash: string }>(
      tx,
      'SELECT code_hash FROM bootstrap WHERE id = 1 FOR UPDATE',
    );
    if (pending === null || pending.code_hash !== codeHash) return null;
    if (await activeAdminIn(tx, admin.createdAt)) return null;
    await tx.run('INSERT INTO admins (admin_id, name, created_at) VALUES (?, ?, ?)', [
      admin.adminId,
      admin.name,
      admin.createdAt,
    ]);
    await insertToken(tx, admin.adminId, token);
    await tx.run('DELETE FROM bootstrap WHERE id = 1');
    await appendAudit(tx, {
      at: admin.createdAt,
      adminId: admin.adminId,
      action: 'bootstrap',
      targetId: admin.adminId,
      outcome: 'ok',
    });
    return { ...admin };
  });
}

/** Creates another admin with its first token, audited as `by`'s action. */
export function createAdmin(
  db: SqlDb,
  admin: AdminRecord,
  token: NewAdminToken,
  by: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('INSERT INTO admins (admin_id, name, created_at) VALUES (?, ?, ?)', [
      admin.adminId,
      admin.name,
      admin.createdAt,
    ]);
    await insertToken(tx, admin.adminId, token);
    await appendAudit(tx, {
      at: admin.createdAt,
      adminId: by,
      action: 'admin.create',
      targetId: admin.adminId,
      outcome: 'ok',
    });
  });
}
