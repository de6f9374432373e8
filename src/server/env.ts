/**
 * The server's environment: HOST (127.0.0.1), PORT (8080), CONFIG_DIR (kiosk-config),
 * APP_DIR (dist/app), DATA_DIR (./data), DATABASE_URL (PostgreSQL when set), TLS_CERT +
 * TLS_KEY, RENAME_SITE_FROM (the site id the data had, to rename it to the config's),
 * ADMIN_TOKEN_TTL_DAYS (30). Must: a wrong value stops the start with what is wrong.
 */

import { resolve } from 'node:path';
import { DEFAULT_ADMIN_TOKEN_TTL_DAYS } from './auth/admin-token';

/** The settings read from the environment. */
export type Env = {
  host: string;
  port: number;
  configDir: string;
  appDir: string;
  dataDir: string;
  databaseUrl: string | undefined;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  renameSiteFrom: string | undefined;
  adminTokenTtlMs: number;
};

/** The settings, or a thrown error naming the wrong variable. */
export function readEnv(env: NodeJS.ProcessEnv): Env {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT harus bilangan 0–65535, bukan '${env.PORT}'`);
  }
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) {
    throw new Error('TLS_CERT dan TLS_KEY harus diisi berdua');
  }
  const ttlDays = Number(env.ADMIN_TOKEN_TTL_DAYS || DEFAULT_ADMIN_TOKEN_TTL_DAYS);
  if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > 3650) {
    throw new Error(
      `ADMIN_TOKEN_TTL_DAYS harus bilangan 1–3650, bukan '${env.ADMIN_TOKEN_TTL_DAYS}'`,
    );
  }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    configDir: resolve(env.CONFIG_DIR || 'kiosk-config'),
    appDir: resolve(env.APP_DIR || 'dist/app'),
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    tlsCert: env.TLS_CERT || undefined,
    tlsKey: env.TLS_KEY || undefined,
    renameSiteFrom: env.RENAME_SITE_FROM || undefined,
    adminTokenTtlMs: ttlDays * 86_400_000,
  };
}
