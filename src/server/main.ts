/**
 * The site server's composition root: reads the environment, loads and validates the
 * config (refusing to start on an invalid one), opens the store, seeds the config, hands
 * the bootstrap code over in DATA_DIR/bootstrap-code.txt while no admin exists, and serves
 * the app and the API — over HTTPS when it listens beyond loopback. It logs through
 * log/logger.ts (JSON lines; plain ones on a terminal). SIGINT/SIGTERM stop it cleanly.
 *
 * Environment: ./env.ts.
 */
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { buildCatalogue } from '../domain/config/catalogue';
import type { ConfigBundle } from '../domain/config/schema';
import { formatIssues } from '../domain/config/validate';
import { issueBootstrapCode } from './auth/bootstrap';
import { loadOrCreateSecretKey } from './auth/secret-key';
import { handOverBootstrapCode, removeBootstrapCode } from './bootstrap-file';
import { readConfigDir } from './config/load-config';
import { secureDataDir } from './data-dir';
import { type Env, readEnv } from './env';
import { createApp } from './http/app';
import { Pokes } from './http/pokes';
import { serverLimits } from './http/server-limits';
import { createLogger } from './log/logger';
import { checkSite, SiteMismatch } from './site-guard';
import { openStore } from './store/open';
import type { SiteIdentity } from './store/site-identity';
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

/** The store's site (claimed or renamed as asked); exits, changing nothing, when it is another. */
async function checkSiteOrExit(store: Store, siteId: string, env: Env): Promise<SiteIdentity> {
  try {
    const where = env.databaseUrl ? 'DATABASE_URL' : env.dataDir;
    const { identity, renamed } = await checkSite(store, siteId, {
      renameFrom: env.renameSiteFrom,
      where,
    });
    if (renamed) {
      log.info(
        { siteId: identity.siteId, formerIds: identity.formerIds },
        `Situs berganti id: ${identity.formerIds.join(', ')} → ${identity.siteId}; perangkat tetap terdaftar.`,
      );
    }
    return identity;
  } catch (error) {
    await store.close();
    if (!(error instanceof SiteMismatch)) throw error;
    log.error({ error: 'site_mismatch' }, error.message);
    process.exit(1);
  }
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
  // A version published under the site's former id (before a rename) no longer applies.
  const published = active?.source === 'admin' && active.bundle.site.id === siteId;
  const bundle = published ? active.bundle : seed;
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
  // Before anything is created: every file and directory the server makes is its owner's only.
  process.umask(0o077);
  const env = readEnv(process.env);
  const seed = await loadConfigOrExit(env.configDir);
  secureDataDir(env.dataDir, log);
  const secretKey = loadOrCreateSecretKey(env.dataDir).key;
  const tls = chooseTls(env);
  const store = await openStore({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, log });
  const site = await checkSiteOrExit(store, seed.site.id, env);
  const config = await activeConfig(store, seed);
  // Pushed events may name what any stored version named (src/domain/trust.ts).
  const catalogue = buildCatalogue(await store.configHistory(config.site.id));
  const code = await issueBootstrapCode(store, Date.now(), secretKey);
  const announceCode = handOverBootstrapCode(env.dataDir, code, log);
  const pokes = new Pokes();
  const app = createApp({
    store,
    config: () => config,
    catalogue: () => catalogue,
    formerSiteIds: () => site.formerIds,
    appDir: env.appDir,
    version: VERSION,
    now: Date.now,
    pokes,
    secretKey,
    adminTokenTtlMs: env.adminTokenTtlMs,
    log,
    afterBootstrap: () => removeBootstrapCode(env.dataDir),
    // A minute after the start: the reports' past days summarized while nobody waits.
    warmReportsAfterMs: 60_000,
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
  forgetOldSuggestions(store, () => config);
  forgetOldPersonalData(store, () => config);
  stopCleanly(server, pokes, store);
}

/** How often the retention job runs. */
const RETENTION_EVERY_MS = 6 * 3_600_000;

/**
 * The site's retention of personal data (`site.privacy.retentionDays`, /privasi): the SKM
 * suggestions older than that are forgotten, at the start and every six hours; each run that
 * forgets any is logged (how many, never what).
 */
function forgetOldSuggestions(store: Store, config: () => ConfigBundle): void {
  const run = () => {
    const { site } = config();
    const before = Date.now() - site.privacy.retentionDays * 86_400_000;
    store.forgetSuggestions(site.id, before).then(
      (count) => {
        if (count > 0) {
          log.info(
            { count, retentionDays: site.privacy.retentionDays },
            `Saran SKM yang lebih lama dari ${site.privacy.retentionDays} hari dihapus: ${count}`,
          );
        }
      },
      (error: unknown) =>
        log.warn({ err: error }, 'Saran SKM lama gagal dihapus (retention job failed)'),
    );
  };
  run();
  setInterval(run, RETENTION_EVERY_MS).unref();
}

/**
 * The personal data citizens consented to give (src/domain/personal-data.ts) is forgotten
 * once older than `site.privacy.retentionDays`, at the start and every six hours; every run
 * is logged, with how many fields it forgot (never what).
 */
function forgetOldPersonalData(store: Store, config: () => ConfigBundle): void {
  const run = () => {
    const { site } = config();
    const before = Date.now() - site.privacy.retentionDays * 86_400_000;
    store.forgetPersonalData(site.id, before).then(
      (count) =>
        log.info(
          { count, retentionDays: site.privacy.retentionDays },
          `Data pribadi yang lebih lama dari ${site.privacy.retentionDays} hari dihapus: ${count}`,
        ),
      (error: unknown) =>
        log.warn({ err: error }, 'Data pribadi lama gagal dihapus (retention job failed)'),
    );
  };
  run();
  setInterval(run, RETENTION_EVERY_MS).unref();
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
