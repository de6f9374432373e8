/**
 * The audit log: every admin action, who (admin id), what (action, target id), when and
 * how it ended, numbered in commit order by a head row (as site_heads number events).
 * Must: an action's entry is written in the action's own transaction (`appendAudit(tx, …)`);
 * entries hold ids and codes only, never a secret, hash, name or other personal data.
 */
import type { AuditEntry } from '../../domain/protocol';
import type { SqlDb, SqlTx } from './sql';

/** An entry before it has its number. */
export type AuditInput = Omit<AuditEntry, 'seq'>;

type AuditRow = {
  seq: number;
  at: number;
  admin_id: string;
  action: string;
  target_id: string | null;
  outcome: string;
};

/** Appends `entry` inside `tx`; the head row also makes concurrent writers take turns. */
export async function appendAudit(tx: SqlTx, entry: AuditInput): Promise<void> {
  const rows = await tx.all<{ seq: number }>(
    `INSERT INTO audit_head (id, seq) VALUES (1, 1)
     ON CONFLICT (id) DO UPDATE SET seq = audit_head.seq + 1
     RETURNING seq`,
  );
  await tx.run(
    `INSERT INTO audit_log (seq, at, admin_id, action, target_id, outcome)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [Number(rows[0]?.seq), entry.at, entry.adminId, entry.action, entry.targetId, entry.outcome],
  );
}

/** Appends `entry` in a transaction of its own (reads, and refusals that changed nothing). */
export function recordAudit(db: SqlDb, entry: AuditInput): Promise<void> {
  return db.transaction((tx) => appendAudit(tx, entry));
}

/** Entries numbered below `before` (all when null), newest first, at most `limit`. */
export function auditLog(db: SqlDb, before: number | null, limit: number): Promise<AuditEntry[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<AuditRow>(
      `SELECT seq, at, admin_id, action, target_id, outcome FROM audit_log
       WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
      [before ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: Number(row.at),
      adminId: row.admin_id,
      action: row.action as AuditEntry['action'],
      targetId: row.target_id,
      outcome: row.outcome,
    }));
  });
}
