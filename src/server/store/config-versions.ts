/**
 * Config versions per site: seeded from CONFIG_DIR ('dir') or published from the admin
 * screen ('admin'). Must: a stored (site, version)'s content is never replaced; admin
 * versions win, the newest first — a version published again from the admin (a change
 * undone, an earlier version restored, the seed's among them) is the newest.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import { type AuditInput, appendAudit } from './audit';
import type { ConfigVersionRecord } from './records';
import { one, type SqlDb } from './sql';

type ConfigRow = { version: string; source: string; bundle: string; created_at: number };

/** Stores the version unless (site, version) is already stored; with `audit`, in its transaction. */
export function saveConfigVersion(
  db: SqlDb,
  siteId: string,
  record: ConfigVersionRecord,
  audit?: AuditInput,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO config_versions (site_id, version, source, bundle, created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id, version) DO UPDATE
       SET created_at = excluded.created_at, source = 'admin'
       WHERE excluded.source = 'admin'`,
      [siteId, record.version, record.source, JSON.stringify(record.bundle), record.createdAt],
    );
    if (audit) await appendAudit(tx, audit);
  });
}

/** The newest admin version if any, else the newest 'dir' one, else null. */
export function activeConfig(db: SqlDb, siteId: string): Promise<ConfigVersionRecord | null> {
  return db.read(async (tx) => {
    const row = await one<ConfigRow>(
      tx,
      `SELECT version, source, bundle, created_at FROM config_versions WHERE site_id = ?
       ORDER BY CASE WHEN source = 'admin' THEN 1 ELSE 0 END DESC, created_at DESC, version DESC
       LIMIT 1`,
      [siteId],
    );
    if (row === null) return null;
    return {
      version: row.version,
      source: row.source === 'admin' ? 'admin' : 'dir',
      bundle: JSON.parse(row.bundle) as ConfigBundle,
      createdAt: row.created_at,
    };
  });
}

/** Every stored version of the site, oldest first (the catalogue of src/domain/trust.ts). */
export function configHistory(db: SqlDb, siteId: string): Promise<ConfigBundle[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<{ bundle: string }>(
      'SELECT bundle FROM config_versions WHERE site_id = ? ORDER BY created_at, version',
      [siteId],
    );
    return rows.map((row) => JSON.parse(row.bundle) as ConfigBundle);
  });
}

/** Every stored version of the site without its content, newest first. */
export function configVersionList(
  db: SqlDb,
  siteId: string,
): Promise<Omit<ConfigVersionRecord, 'bundle'>[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<Omit<ConfigRow, 'bundle'>>(
      `SELECT version, source, created_at FROM config_versions WHERE site_id = ?
       ORDER BY created_at DESC, version DESC`,
      [siteId],
    );
    return rows.map((row) => ({
      version: row.version,
      source: row.source === 'admin' ? 'admin' : 'dir',
      createdAt: Number(row.created_at),
    }));
  });
}

/** One stored version of the site, or null. */
export function configVersion(
  db: SqlDb,
  siteId: string,
  version: string,
): Promise<ConfigVersionRecord | null> {
  return db.read(async (tx) => {
    const row = await one<ConfigRow>(
      tx,
      'SELECT version, source, bundle, created_at FROM config_versions WHERE site_id = ? AND version = ?',
      [siteId, version],
    );
    if (row === null) return null;
    return {
      version: row.version,
      source: row.source === 'admin' ? 'admin' : 'dir',
      bundle: JSON.parse(row.bundle) as ConfigBundle,
      createdAt: Number(row.created_at),
    };
  });
}
