/**
 * The store's factories: SQLite by default, PostgreSQL when a database URL is given.
 * The composition root (src/server/main.ts) calls `openStore`.
 */
import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { openPostgresDb } from './pg-db';
import { createSqlStore } from './sql-store';
import { openSqliteDb } from './sqlite-db';
import type { Store } from './store';

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE = 'anjungan.sqlite';

/** Opens (creating) a SQLite store; ':memory:' for tests gets a new epoch on every open. */
export function openSqliteStore(options: {
  file: string;
  now?: () => number;
  log?: Logger;
}): Promise<Store> {
  const markerPath = options.file === ':memory:' ? null : `${options.file}.closed`;
  return createSqlStore(openSqliteDb(options.file), {
    markerPath,
    now: options.now ?? Date.now,
    ...(options.log ? { log: options.log } : {}),
  });
}

/**
 * Opens a PostgreSQL store. `markerDir` holds the clean-close marker (without it only the
 * database's own record decides the epoch); `schema` isolates tests in their own schema.
 */
export async function openPostgresStore(options: {
  url: string;
  markerDir?: string;
  schema?: string;
  now?: () => number;
  /** Where a lost idle connection or a damaged DATA_DIR file is reported. */
  log?: Logger;
}): Promise<Store> {
  const markerName = `anjungan-postgres${options.schema === undefined ? '' : `-${options.schema}`}.closed`;
  return createSqlStore(await openPostgresDb(options.url, options.schema, options.log), {
    markerPath: options.markerDir === undefined ? null : join(options.markerDir, markerName),
    now: options.now ?? Date.now,
    ...(options.log ? { log: options.log } : {}),
  });
}

/** PostgreSQL when `databaseUrl` is set (marker in dataDir), else SQLite in dataDir. */
export function openStore(options: {
  dataDir: string;
  databaseUrl?: string;
  now?: () => number;
  log?: Logger;
}): Promise<Store> {
  const { dataDir, databaseUrl, now, log } = options;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    return openPostgresStore({ url: databaseUrl, markerDir: dataDir, now, log });
  }
  return openSqliteStore({ file: join(dataDir, SQLITE_FILE), now, log });
}
