/**
 * The site server for the sync benchmark, on a loopback port, in one of two ways:
 * - 'in-process': the Hono app (createApp) in this process, served by @hono/node-server as
 *   src/server/main.ts does — device and server share one thread;
 * - 'process': the built server, `node dist/server/main.js` (built first when missing or
 *   older than src/) — as deployed, the server has its own process.
 * The store is SQLite in a temp dir, or PostgreSQL in a fresh schema dropped at stop.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { hashCode, newCode } from '../../../src/server/auth/secrets';
import { createApp } from '../../../src/server/http/app';
import type { CompressionChoice } from '../../../src/server/http/compression';
import type { Logger } from '../../../src/server/log/logger';
import { openPostgresStore, openStore } from '../../../src/server/store/open';
import { ROOT, startServer, writeConfigDir } from '../../e2e/support/server';
import { enrollOverHttp, freshPgSchema, type HttpDevice } from '../../e2e/support/sync-http';
import { kioskBundle } from '../../fixtures/kiosk';
import { quietLogger } from '../../fixtures/logger';

/** The in-process server's secret key (one-time codes are HMACs under it). */
const BENCH_SECRET_KEY = Buffer.alloc(32, 5);

export type ServerKind = 'in-process' | 'process';

export type BenchServer = {
  kind: ServerKind;
  store: 'sqlite' | 'postgres';
  url: string;
  /** Enrolls a new device over HTTP with a fresh one-time code (a lobby kiosk unless told). */
  enroll(name: string, profileId?: string): Promise<HttpDevice>;
  stop(): Promise<void>;
};

/**
 * How an in-process server compresses: a CompressionChoice (null: not at all; absent: the
 * server's own), or 'hono-gzip' — hono/compress on every GET, as the server did before.
 */
export type BenchCompression = CompressionChoice | 'hono-gzip';

/** Starts a server of `kind`; PostgreSQL when `pgUrl` is given, else SQLite. */
export function startBenchServer(
  kind: ServerKind,
  pgUrl?: string,
  options: { compression?: BenchCompression; log?: Logger; config?: ConfigBundle } = {},
): Promise<BenchServer> {
  return kind === 'in-process' ? inProcess(pgUrl, options) : viaProcess(pgUrl);
}

async function inProcess(
  pgUrl: string | undefined,
  {
    compression,
    log,
    config: given,
  }: { compression?: BenchCompression; log?: Logger; config?: ConfigBundle },
): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-bench-'));
  const schema = pgUrl === undefined ? null : await freshPgSchema(pgUrl, 'bench_sync');
  const store =
    pgUrl === undefined || schema === null
      ? await openStore({ dataDir })
      : await openPostgresStore({ url: pgUrl, schema: schema.schema, markerDir: dataDir });
  const config = given ?? kioskBundle();
  const app = createApp({
    store,
    config: () => config,
    appDir: join(dataDir, 'no-app'),
    version: 'bench',
    now: Date.now,
    secretKey: BENCH_SECRET_KEY,
    log: log ?? quietLogger(),
    ...(compression === undefined
      ? {}
      : { compression: compression === 'hono-gzip' ? null : compression }),
  });
  const fetch = compression === 'hono-gzip' ? honoGzip(app).fetch : app.fetch;
  const server = await new Promise<ServerType>((ready) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => ready(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    kind: 'in-process',
    store: store.kind,
    url,
    async enroll(name, profileId) {
      const code = newCode(12);
      const now = Date.now();
      await store.createEnrollment({
        codeHash: hashCode(code, BENCH_SECRET_KEY),
        siteId: config.site.id,
        label: null,
        createdBy: 'bench',
        createdAt: now,
        expiresAt: now + 3_600_000,
      });
      return enrollOverHttp(url, code, name, profileId);
    },
    async stop() {
      await new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function viaProcess(pgUrl: string | undefined): Promise<BenchServer> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-bench-'));
  const schema = pgUrl === undefined ? null : await freshPgSchema(pgUrl, 'bench_sync');
  const env: Record<string, string> = schema ? { DATABASE_URL: schema.databaseUrl } : {};
  // With SYNC_BENCH_PROFILE, the server process writes its own CPU profile when it stops.
  const profileDir = process.env.SYNC_BENCH_PROFILE;
  if (profileDir) {
    env.NODE_OPTIONS = `--import=tsx --import=${join(ROOT, 'test/bench/sync/server-profile.ts')}`;
    env.SYNC_BENCH_PROFILE_SERVER = join(profileDir, 'server');
  }
  const server = await startServer({ configDir: writeConfigDir(kioskBundle()), dataDir, env });
  return {
    kind: 'process',
    store: schema ? 'postgres' : 'sqlite',
    url: server.url,
    enroll: async (name) => enrollOverHttp(server.url, await server.enrollmentCode(), name),
    async stop() {
      await server.stop();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `app` behind hono/compress on every GET (gzip through CompressionStream): the server before issue 9. */
function honoGzip(app: Hono): Hono {
  const outer = new Hono();
  outer.use((c, next) => (c.req.method === 'GET' ? compress()(c, next) : next()));
  outer.all('*', (c) => app.fetch(c.req.raw));
  return outer;
}

let checkedBuild = false;

/** Builds dist/ when dist/server/main.js is missing or older than any file under src/. */
function ensureBuilt(): void {
  if (checkedBuild) return;
  checkedBuild = true;
  const built = join(ROOT, 'dist/server/main.js');
  const builtAt = mtimeOf(built);
  if (builtAt !== null && newestUnder(join(ROOT, 'src')) <= builtAt) return;
  console.log('    (dist/server/main.js missing or older than src/: npm run build)');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (run.status !== 0) throw new Error('npm run build failed');
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const at = entry.isDirectory() ? newestUnder(path) : (mtimeOf(path) ?? 0);
    if (at > newest) newest = at;
  }
  return newest;
}
