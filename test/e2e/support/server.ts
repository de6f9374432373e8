/**
 * The real site server (the production build, `node dist/server/main.js`) started for a
 * test on a free loopback port, with a config directory written from a fixture.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { BOOTSTRAP_CODE_FILE } from '../../../src/server/bootstrap-file';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export type RunningServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** The server's own data directory (store, TLS files); reuse it to restart the same site. */
  dataDir: string;
  /** Everything the process printed so far (stdout, then stderr as it came). */
  output(): string;
  /** What it printed on stdout alone (JSON lines). */
  stdout(): string;
  /** The admin's token, bootstrapped with the code of DATA_DIR/bootstrap-code.txt on first use. */
  adminToken(): Promise<string>;
  /** A fresh one-time enrollment code, made by an admin (bootstrapped on first use). */
  enrollmentCode(): Promise<string>;
  stop(): Promise<void>;
};

/** Writes a bundle as a config directory (site.json, agencies/, profiles/, visits/). */
export function writeConfigDir(bundle: ConfigBundle): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjungan-config-'));
  const write = (path: string, value: unknown) =>
    writeFileSync(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
  for (const folder of ['agencies', 'profiles', 'visits']) mkdirSync(join(dir, folder));
  write('site.json', bundle.site);
  for (const agency of bundle.agencies) write(`agencies/${agency.id}.json`, agency);
  for (const profile of bundle.profiles) write(`profiles/${profile.id}.json`, profile);
  for (const visit of bundle.visits) write(`visits/${visit.id}.json`, visit);
  return dir;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built server and waits until /api/v1/health answers. Each server gets its
 * own empty data directory unless `dataDir` (or DATA_DIR in `env`) names one.
 */
export async function startServer(options: {
  configDir: string;
  port?: number;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir =
    options.env?.DATA_DIR ?? options.dataDir ?? mkdtempSync(join(tmpdir(), 'anjungan-data-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CONFIG_DIR: options.configDir,
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  let admin: Promise<string> | null = null;
  const adminToken = () => {
    admin ??= bootstrapAdmin(url, dataDir);
    return admin;
  };
  return {
    url,
    port,
    process: child,
    dataDir,
    output: () => output,
    stdout: () => stdout,
    adminToken,
    async enrollmentCode() {
      const token = await adminToken();
      const response = await fetch(`${url}/api/v1/admin/enrollments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      if (response.status !== 201) throw new Error(`enrollment: ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    stop: () => stopProcess(child),
  };
}

/** The one-time bootstrap code the server wrote to DATA_DIR/bootstrap-code.txt, if any. */
export function bootstrapCodeIn(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, BOOTSTRAP_CODE_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Creates the first admin with the code of DATA_DIR/bootstrap-code.txt; returns its token. */
async function bootstrapAdmin(url: string, dataDir: string): Promise<string> {
  // The file is written before the server listens, so it is there once health answers.
  const code = bootstrapCodeIn(dataDir);
  if (!code) throw new Error(`no ${BOOTSTRAP_CODE_FILE} in ${dataDir}`);
  const response = await fetch(`${url}/api/v1/bootstrap`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'Admin Uji' }),
  });
  if (response.status !== 201) throw new Error(`bootstrap: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}
