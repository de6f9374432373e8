/**
 * Admin tokens: several per admin, each with an expiry, a last use and a revocation.
 * Must: only token hashes are stored and none is ever read back out; revoking never
 * leaves the site without a valid token (the valid tokens are locked, in id order, before
 * they are counted, so two revocations at once cannot both pass); every change writes its
 * audit entry in its own transaction.
 */
import type { AdminTokenSummary } from '../../domain/protocol';
import { appendAudit } from './audit';
import { one, type SqlDb, type SqlTx } from './sql';

/** A token being made: its id, the hash of its secret, and its lifetime. */
export type NewAdminToken = {
  tokenId: string;
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
};

/** How a revocation ended. */
export type RevokeTokenOutcome = 'revoked' | 'unknown' | 'last_valid';

/** Inserts a token of `adminId`. */
export async function insertToken(tx: SqlTx, adminId: string, t: NewAdminToken): Promise<void> {
  await tx.run(
    `INSERT INTO admin_tokens (token_id, admin_id, token_hash, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
    [t.tokenId, adminId, t.tokenHash, t.createdAt, t.expiresAt],
  );
}

/** A new token for `adminId` (the admin renewing its own access), audited. */
export function createAdminToken(db: SqlDb, adminId: string, token: NewAdminToken): Promise<void> {
  return db.transaction(async (tx) => {
    await insertToken(tx, adminId, token);
    await appendAudit(tx, {
      at: token.createdAt,
      adminId,
      action: 'token.renew',
      targetId: token.tokenId,
      outcome: 'ok',
    });
  });
}

/**
 * Revokes the token (keeping the first time) unless it is the last valid one of the site;
 * the attempt is audited as `by`'s, whatever its outcome.
 */
export function revokeAdminToken(
  db: SqlDb,
  tokenId: string,
  at: number,
  by: string,
): Promise<RevokeTokenOutcome> {
  return db.transaction(async (tx) => {
    const valid = await tx.all<{ token_id: string }>(
      `SELECT token_id FROM admin_tokens WHERE revoked_at IS NULL AND expires_at > ?
       ORDER BY token_id FOR UPDATE`,
      [at],
    );
    const target = await one<{ token_id: string }>(
      tx,
      'SELECT token_id FROM admin_tokens WHERE token_id = ?',
      [tokenId],
    );
    let outcome: RevokeTokenOutcome = 'revoked';
    if (target === null) outcome = 'unknown';
    else if (valid.length === 1 && valid[0]?.token_id === tokenId) outcome = 'last_valid';
    else {
      await tx.run(
        'UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE token_id = ?',
        [at, tokenId],
      );
    }
    await appendAudit(tx, {
      at,
      adminId: by,
      action: 'token.revoke',
      targetId: target === null ? null : tokenId,
      outcome:
        outcome === 'revoked' ? 'ok' : outcome === 'unknown' ? 'no_such_token' : 'last_admin_token',
    });
    return outcome;
  });
}

/** Records that the token was just used. */
export function touchAdminToken(db: SqlDb, tokenId: string, at: number): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('UPDATE admin_tokens SET last_used_at = ? WHERE token_id = ?', [at, tokenId]);
  });
}

const TOKEN_SELECT = `SELECT t.token_id, t.admin_id, a.name, t.created_at, t.expires_at,
  t.last_used_at, t.revoked_at FROM admin_tokens t JOIN admins a ON a.admin_id = t.admin_id`;

type TokenRow = {
  token_id: string;
  admin_id: string;
  name: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

function toSummary(row: TokenRow): AdminTokenSummary {
  return {
    tokenId: row.token_id,
    adminId: row.admin_id,
    adminName: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The token with its admin, whatever its state (the caller decides), or null. */
export function adminByToken(db: SqlDb, tokenHash: string): Promise<AdminTokenSummary | null> {
  return db.read(async (tx) => {
    const row = await one<TokenRow>(tx, `${TOKEN_SELECT} WHERE t.token_hash = ?`, [tokenHash]);
    return row === null ? null : toSummary(row);
  });
}

/** Every admin token, newest first: never the token or its hash. */
export function adminTokens(db: SqlDb): Promise<AdminTokenSummary[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<TokenRow>(`${TOKEN_SELECT} ORDER BY t.created_at DESC, t.token_id`);
    return rows.map(toSummary);
  });
}

/**
 * A staff member's admin session (POST /admin/sign-in): their admin record (the staff id,
 * made on their first sign-in, renamed with them) and a token, audited.
 */
export function startStaffSession(
  db: SqlDb,
  person: { staffId: string; name: string },
  token: NewAdminToken,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO admins (admin_id, name, created_at, staff) VALUES (?, ?, ?, 1)
       ON CONFLICT (admin_id) DO UPDATE SET name = excluded.name, staff = 1`,
      [person.staffId, person.name, token.createdAt],
    );
    await insertToken(tx, person.staffId, token);
    await appendAudit(tx, {
      at: token.createdAt,
      adminId: person.staffId,
      action: 'session.start',
      targetId: token.tokenId,
      outcome: 'ok',
    });
  });
}

/**
 * Ends a staff session (sign-out): its token is revoked whatever other tokens there are —
 * the person signs in again with their PIN. Audited.
 */
export function endStaffSession(db: SqlDb, tokenId: string, adminId: string, at: number) {
  return db.transaction(async (tx) => {
    await tx.run(
      'UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE token_id = ?',
      [at, tokenId],
    );
    await appendAudit(tx, {
      at,
      adminId,
      action: 'session.end',
      targetId: tokenId,
      outcome: 'ok',
    });
  });
}

/** Whether the admin is a staff member's (their sessions at /admin), not an API admin. */
export function isStaffAdmin(db: SqlDb, adminId: string): Promise<boolean> {
  return db.read(async (tx) => {
    const row = await one<{ staff: number | string }>(
      tx,
      'SELECT staff FROM admins WHERE admin_id = ?',
      [adminId],
    );
    return Number(row?.staff ?? 0) === 1;
  });
}
