/**
 * The store's schema, as numbered migrations applied in order at open. The same DDL
 * runs on SQLite and PostgreSQL: BIGINT for ms timestamps and sequence numbers, TEXT for
 * ids, days ('YYYY-MM-DD') and JSON, INTEGER 0/1 for flags.
 * Must: migrations are only ever appended, never edited once released; each runs in one
 * transaction together with its row in schema_migrations.
 */
import {
  V_BOOKINGS,
  V_DAY_SUMMARIES,
  V_DEVICE_HEALTH,
  V_DEVICE_ORDERS,
  V_FLAG_REVIEWS,
  V_PERSONAL_DATA,
  V_QUOTA_POOLS,
  V_SKM,
  V_STAFF_ADMINS,
  V_TICKET_BOOKINGS,
} from './migrations-admin';
import type { SqlDb, SqlValue } from './sql';

/** A statement, or one whose parameters depend on when the migration runs. */
export type MigrationStep = string | ((now: number) => readonly [string, readonly SqlValue[]]);

/** Version 1: the event log, sync heads, devices, leases, auth records, config, meta. */
const V1 = [
  `CREATE TABLE events (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_seq BIGINT NOT NULL,
    site_seq BIGINT NOT NULL,
    hlc TEXT NOT NULL,
    business_day TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    v INTEGER NOT NULL,
    received_at BIGINT NOT NULL,
    drift_ms BIGINT NOT NULL,
    flagged INTEGER NOT NULL,
    UNIQUE (device_id, device_seq),
    UNIQUE (site_id, site_seq)
  )`,
  'CREATE INDEX events_site_day ON events (site_id, business_day)',
  'CREATE TABLE site_heads (site_id TEXT PRIMARY KEY, seq BIGINT NOT NULL)',
  `CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    name TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    emergency_tag TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_seen_at BIGINT,
    last_seq BIGINT NOT NULL,
    UNIQUE (site_id, emergency_tag)
  )`,
  `CREATE TABLE number_heads (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    prefix TEXT NOT NULL,
    next_no BIGINT NOT NULL,
    PRIMARY KEY (site_id, business_day, prefix)
  )`,
  `CREATE TABLE number_leases (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    prefix TEXT NOT NULL,
    start_no BIGINT NOT NULL,
    end_no BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, business_day, prefix, start_no)
  )`,
  `CREATE TABLE quota_heads (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    granted BIGINT NOT NULL,
    PRIMARY KEY (site_id, business_day, service_id)
  )`,
  `CREATE TABLE quota_grants (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    count BIGINT NOT NULL,
    granted_at BIGINT NOT NULL
  )`,
  'CREATE INDEX quota_grants_day ON quota_grants (site_id, business_day, service_id)',
  `CREATE TABLE admins (
    admin_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
  )`,
  `CREATE TABLE bootstrap (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  `CREATE TABLE enrollments (
    code_hash TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    label TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    device_id TEXT
  )`,
  `CREATE TABLE config_versions (
    site_id TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    bundle TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, version)
  )`,
  'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
];

/**
 * Version 2, the trust boundary (src/domain/trust.ts): why an event is flagged, whether it
 * is quarantined (stored, kept out of pulls, heads, quotas and public pages), and each
 * printed number of a day once (with its device and service), so a number printed twice is
 * flagged and a device's quota tokens in use are known (counted among the day's numbers,
 * which the primary key groups: no index of their own, one index write less per ticket).
 * Events stored before have no printed numbers recorded: a duplicate of one of them goes
 * unnoticed.
 */
const V2: readonly MigrationStep[] = [
  "ALTER TABLE events ADD COLUMN flags TEXT NOT NULL DEFAULT ''",
  'ALTER TABLE events ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0',
  'CREATE INDEX events_flagged ON events (site_id, site_seq) WHERE flagged = 1',
  `CREATE TABLE ticket_numbers (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    number TEXT NOT NULL,
    event_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    PRIMARY KEY (site_id, business_day, number)
  )`,
];

/** Admin tokens migrated from V1 (one per admin, no expiry) expire this long after the upgrade. */
export const MIGRATED_TOKEN_TTL_MS = 30 * 86_400_000;

/**
 * Admin tokens (several per admin, expiring, revocable) and the audit log. V1's one token
 * per admin becomes its first token, id = the admin's id. One-time codes are stored as
 * HMACs from now on (src/server/auth/secrets.ts): unspent ones made before are deleted,
 * as they could not be used any more (the pending bootstrap code is made again at start).
 */
const V_ADMIN_TOKENS: readonly MigrationStep[] = [
  `CREATE TABLE admin_tokens (
    token_id TEXT PRIMARY KEY,
    admin_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
  )`,
  'CREATE INDEX admin_tokens_valid ON admin_tokens (expires_at)',
  (now) => [
    `INSERT INTO admin_tokens (token_id, admin_id, token_hash, created_at, expires_at)
     SELECT admin_id, admin_id, token_hash, created_at, ? FROM admins`,
    [now + MIGRATED_TOKEN_TTL_MS],
  ],
  'CREATE TABLE admins_v2 (admin_id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)',
  'INSERT INTO admins_v2 (admin_id, name, created_at) SELECT admin_id, name, created_at FROM admins',
  'DROP TABLE admins',
  'ALTER TABLE admins_v2 RENAME TO admins',
  `CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    admin_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target_id TEXT,
    outcome TEXT NOT NULL
  )`,
  'CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL)',
  'DELETE FROM bootstrap',
  'DELETE FROM enrollments WHERE used_at IS NULL',
];

/**
 * Databases made by V2's first form have an index on the day's numbers by device and
 * service that nothing reads (tokens in use are counted from the primary key): one index
 * write less per ticket without it.
 */
const V_NUMBERS_ONE_INDEX: readonly MigrationStep[] = ['DROP INDEX IF EXISTS ticket_numbers_use'];

/**
 * Staff and their PINs (src/domain/staff.ts): a pseudonymous id, the set-up code as an HMAC
 * until it is spent (unique, so a code names one person), the PIN's PBKDF2 verifier
 * (base64url, with its own iteration count), a lock, and a version that grows on every change.
 */
const V_STAFF: readonly MigrationStep[] = [
  `CREATE TABLE staff (
    staff_id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    agencies TEXT NOT NULL,
    setup_code_hash TEXT,
    setup_expires_at BIGINT,
    pin_salt TEXT,
    pin_hash TEXT,
    pin_iterations INTEGER,
    locked INTEGER NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  )`,
  'CREATE UNIQUE INDEX staff_setup_code ON staff (setup_code_hash)',
  'CREATE INDEX staff_site ON staff (site_id, created_at)',
];

/** Every migration, oldest first; the schema version is the length of this list. */
export const MIGRATIONS: readonly (readonly MigrationStep[])[] = [
  V1,
  V2,
  V_ADMIN_TOKENS,
  V_NUMBERS_ONE_INDEX,
  V_STAFF,
  V_QUOTA_POOLS,
  V_FLAG_REVIEWS,
  V_SKM,
  V_DAY_SUMMARIES,
  V_DEVICE_HEALTH,
  V_STAFF_ADMINS,
  V_DEVICE_ORDERS,
  V_BOOKINGS,
  V_TICKET_BOOKINGS,
  V_PERSONAL_DATA,
];

/** Brings the schema up to date; resolves to the version it ended at. */
export async function migrate(db: SqlDb, now: number): Promise<number> {
  await db.transaction((tx) =>
    tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    ),
  );
  for (let version = 1; version <= MIGRATIONS.length; version++) {
    await db.transaction(async (tx) => {
      // Two servers starting on one PostgreSQL database take turns here.
      if (db.dialect === 'postgres') await tx.run('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [
        version,
      ]);
      if (done.length > 0) return;
      for (const step of MIGRATIONS[version - 1] ?? []) {
        const [sql, params] = typeof step === 'string' ? [step, []] : step(now);
        await tx.run(sql, params);
      }
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        version,
        now,
      ]);
    });
  }
  const newest = await db.transaction((tx) =>
    tx.all<{ version: number }>('SELECT MAX(version) AS version FROM schema_migrations'),
  );
  const version = newest[0]?.version ?? 0;
  // A database written by a newer release may hold what this one cannot read correctly.
  if (version > MIGRATIONS.length) {
    throw new Error(`Database schema ${version} is newer than this release (${MIGRATIONS.length})`);
  }
  return version;
}
