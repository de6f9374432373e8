/**
 * The site server's composition root: reads the environment, loads and validates the
 * config (refusing to start on an invalid one), opens the store, seeds the config, hands
 * the bootstrap code over in DATA_DIR/bootstrap-code.txt while no admin exists, and serves
 * the app and the API — over HTTPS when it listens beyond loopback. It logs through
 * log/logger.ts (JSON lines; plain ones on a terminal). SIGINT/SIGTERM stop it cleanly.
 *
 * Environment: HOST (127.0.0.1), PORT (8080), CONFIG_DIR (kiosk-config), APP_DIR
 * (dist/app), DATA_DIR (./data), DATABASE_URL (PostgreSQL when set), TLS_CERT + TLS_KEY.
 */
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { ConfigBundle } from '../domain/config/schema';
import { formatIssues } from '../domain/config/validate';
import { issueBootstrapCode } from './auth/bootstrap';
import { handOverBootstrapCode, removeBootstrapCode } from './bootstrap-file';
import { readConfigDir } from './config/load-config';
import { createApp } from './http/app';
import { Pokes } from './http/pokes';
import { serverLimits } from './http/server-limits';
import { createLogger } from './log/logger';
import { openStore } from './store/open';
import type { Store } from './store/store';
import {
  ensureSelfSigned,
  isLoopbackHost,
  loadTls,
  machineNames,
  type TlsMaterial,
  trustInstructions,
} from './tls';

const VERSION = '0.1.0';

const log = createLogger();

type Env = {
  host: string;
  port: number;
  configDir: string;
  appDir: string;
  dataDir: string;
  databaseUrl: string | undefined;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
};

function readEnv(env: NodeJS.ProcessEnv): Env {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT harus bilangan 0–65535, bukan '${env.PORT}'`);
  }
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) {
    throw new Error('TLS_CERT dan TLS_KEY harus diisi berdua');
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
  };
}

/** The config dir, validated; exits with every issue when it is not valid. */
async function loadConfigOrExit(dir: string): Promise<ConfigBundle> {
  const loaded = await readConfigDir(dir);
  if (loaded.ok) return loaded.bundle;
  log.error(
    { configDir: dir, issues: loaded.issues.length, detail: formatIssues(loaded.issues) },
    `Konfigurasi tidak valid (${loaded.issues.length} masalah) di ${dir} (invalid config)`,
  );
  process.exit(1);
}

/**
 * Seeds CONFIG_DIR as a 'dir' version and answers the one to serve: an admin-published
 * version wins; otherwise CONFIG_DIR as it is now (also when it went back to a version
 * stored before, which the store's newest-'dir' rule would not pick).
 */
async function activeConfig(store: Store, seed: ConfigBundle): Promise<ConfigBundle> {
  const siteId = seed.site.id;
  await store.saveConfigVersion(siteId, {
    version: seed.version,
    source: 'dir',
    bundle: seed,
    createdAt: Date.now(),
  });
  const active = await store.activeConfig(siteId);
  const bundle = active?.source === 'admin' ? active.bundle : seed;
  const source = active?.source ?? 'dir';
  log.info(
    { configVersion: bundle.version, source },
    `Konfigurasi aktif: ${bundle.version} (${source})`,
  );
  return bundle;
}

/** TLS when asked for, or when listening beyond loopback; null for plain HTTP on loopback. */
function chooseTls(env: Env): TlsMaterial | null {
  if (env.tlsCert && env.tlsKey) return loadTls(env.tlsCert, env.tlsKey);
  if (isLoopbackHost(env.host)) return null;
  return ensureSelfSigned(join(env.dataDir, 'tls'), env.host);
}

/** The address to print: HOST itself, or for a wildcard HOST the first LAN IPv4 address. */
function baseUrl(env: Env, tls: TlsMaterial | null, port: number): string {
  const wildcard = env.host === '0.0.0.0' || env.host === '::';
  const lan = machineNames(env.host).find(
    (n) => /^\d+\.\d+\.\d+\.\d+$/.test(n) && !n.startsWith('127.'),
  );
  const host = wildcard ? (lan ?? 'localhost') : env.host;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${shown}:${port}`;
}

/**
 * Stops cleanly on SIGINT/SIGTERM (or when listening fails): sync streams end, the server
 * stops accepting and finishes what is open (forced after 3 s), then the store records
 * the clean stop, so the next start keeps the epoch.
 */
function closeIdle(server: ServerType): void {
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

function stopCleanly(server: ServerType, pokes: Pokes, store: Store): void {
  let stopping = false;
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    pokes.closeAll();
    // Keep-alive sockets of ended streams turn idle only after close(): sweep them.
    const sweep = setInterval(() => closeIdle(server), 50);
    setTimeout(
      () => 'closeAllConnections' in server && server.closeAllConnections(),
      3_000,
    ).unref();
    server.close(() => {
      clearInterval(sweep);
      store.close().then(
        () => process.exit(exitCode),
        (error: unknown) => {
          log.error({ err: error }, 'Penyimpanan gagal ditutup (store did not close)');
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.on('error', (error) => {
    log.error({ err: error }, `Server gagal mendengarkan (cannot listen): ${error.message}`);
    stop(1);
  });
}

async function main(): Promise<void> {
  const env = readEnv(process.env);
  const seed = await loadConfigOrExit(env.configDir);
  const tls = chooseTls(env);
  const store = await openStore({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, log });
  const config = await activeConfig(store, seed);
  const code = await issueBootstrapCode(store, Date.now());
  const announceCode = handOverBootstrapCode(env.dataDir, code, log);
  const pokes = new Pokes();
  const app = createApp({
    store,
    config: () => config,
    appDir: env.appDir,
    version: VERSION,
    now: Date.now,
    pokes,
    log,
    afterBootstrap: () => removeBootstrapCode(env.dataDir),
  });
  const https = tls && { createServer: createHttpsServer };
  const serverOptions = { ...serverLimits(), ...(tls && { cert: tls.cert, key: tls.key }) };
  const server = serve(
    { fetch: app.fetch, hostname: env.host, port: env.port, ...https, serverOptions },
    (info) => {
      const url = baseUrl(env, tls, info.port);
      if (tls && !env.tlsCert) logTrust(tls, url);
      announceCode(url);
      // The last line of a start: whoever waits for it has everything above.
      log.info(
        { version: VERSION, siteId: config.site.id, store: store.kind, url },
        `Anjungan ${VERSION}: ${config.site.name.id} (${store.kind}) di ${url}/kiosk`,
      );
    },
  );
  stopCleanly(server, pokes, store);
}

/** How kiosks can trust the self-signed certificate: one line, the steps in `detail`. */
function logTrust(tls: TlsMaterial, url: string): void {
  log.info(
    {
      certPath: tls.certPath,
      altNames: tls.altNames,
      chromeFlag: `--ignore-certificate-errors-spki-list=${tls.spkiSha256}`,
      detail: trustInstructions(tls, url),
    },
    'Perangkat harus mempercayai sertifikat self-signed ini (devices must trust this self-signed certificate):',
  );
}

main().catch((error: unknown) => {
  log.error({ err: error }, 'Anjungan gagal dimulai (failed to start)');
  process.exit(1);
});
