/**
 * The site server as an operator starts it: `node dist/server/main.js` with HOST, PORT
 * and CONFIG_DIR; it refuses to start on an invalid config, printing every error.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskBundle } from '../fixtures/kiosk';
import { alwaysOpenSample } from './support/sample-config';
import { freePort, ROOT, startServer, writeConfigDir } from './support/server';

/** Each server gets its own empty data directory (the store, the TLS files). */
const dataDir = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'anjungan-data-')) });

describe('site server process', () => {
  it('serves the config directory named by CONFIG_DIR, with health, config and the app', async () => {
    const dir = writeConfigDir({ ...kioskBundle(), version: 'x' });
    const server = await startServer({ configDir: dir, env: dataDir() });
    try {
      const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as {
        siteId: string;
        configVersion: string;
      };
      const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as {
        agencies: unknown[];
      };
      const shell = await fetch(`${server.url}/kiosk`);

      expect(health.siteId).toBe('mpp-kota-contoh');
      expect(health.configVersion).toMatch(/^[0-9a-f]{12}$/);
      expect(config.agencies).toHaveLength(3);
      expect(await shell.text()).toContain('<div id="app">');
    } finally {
      await server.stop();
    }
  });

  it('loads the sample MPP by default', async () => {
    const server = await startServer({ configDir: join(ROOT, 'kiosk-config'), env: dataDir() });
    try {
      const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as {
        site: { name: { id: string } };
        agencies: unknown[];
      };
      expect(config.site.name.id).toBe('MPP Kota Contoh');
      expect(config.agencies.length).toBeGreaterThanOrEqual(12);
    } finally {
      await server.stop();
    }
  });

  it('refuses to start on an invalid config and prints each error with file and path', async () => {
    const bundle = alwaysOpenSample();
    const dir = writeConfigDir(bundle);
    const agency = bundle.agencies[0];
    writeFileSync(
      join(dir, 'agencies', `${agency?.id}.json`),
      JSON.stringify({ ...agency, prefix: 'a1', colour: 'blue' }),
    );

    const run = spawnSync(process.execPath, [join(ROOT, 'dist/server/main.js')], {
      env: { ...process.env, ...dataDir(), CONFIG_DIR: dir, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Konfigurasi tidak valid (2 masalah)');
    expect(run.stderr).toContain(`agencies/${agency?.id}.json $.prefix`);
    expect(run.stderr).toContain(`agencies/${agency?.id}.json $.colour`);
  });

  it('refuses to start on a config with a duplicate key, naming the file and the path', async () => {
    const bundle = alwaysOpenSample();
    const dir = writeConfigDir(bundle);
    const file = join(dir, 'agencies', `${bundle.agencies[0]?.id}.json`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('\n  "prefix":', '\n  "prefix": "Z",\n  "prefix":'));

    const run = spawnSync(process.execPath, [join(ROOT, 'dist/server/main.js')], {
      env: { ...process.env, ...dataDir(), CONFIG_DIR: dir, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Konfigurasi tidak valid (1 masalah)');
    expect(run.stderr).toContain(
      `agencies/${bundle.agencies[0]?.id}.json $.prefix: properti ganda, ditulis 2 kali`,
    );
  });

  it('prints a bootstrap code in a box until an admin exists, and keeps the epoch over a clean stop', async () => {
    const env = { ...dataDir(), CONFIG_DIR: writeConfigDir(kioskBundle()) };
    const first = await spawnServer(env);
    const code = /│\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\s+│/.exec(first.output())?.[1];
    const epoch = (await health(first.url)).epoch;
    await first.stop();

    const second = await spawnServer(env);
    const secondCode = /│\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\s+│/.exec(second.output())?.[1];
    const old = await bootstrap(second.url, code);
    const fresh = await bootstrap(second.url, secondCode);
    const secondEpoch = (await health(second.url)).epoch;
    await second.stop();
    const third = await spawnServer(env);
    await third.stop();

    expect(first.output()).toContain('┌');
    expect(code).toBeDefined();
    expect(secondCode).not.toBe(code);
    expect(old.status).toBe(403);
    expect(fresh.status).toBe(201);
    expect(secondEpoch).toBe(epoch);
    expect(third.output()).not.toContain('bootstrap code');
  });

  it('serves HTTPS with a self-signed certificate made once when it listens beyond loopback', async () => {
    const env = { ...dataDir(), CONFIG_DIR: writeConfigDir(kioskBundle()), HOST: '0.0.0.0' };
    const first = await spawnServer(env);
    const certPath = join(env.DATA_DIR, 'tls', 'cert.pem');
    const cert = readFileSync(certPath, 'utf8');
    const answer = await httpsGet(`https://127.0.0.1:${first.port}/api/v1/health`, cert);
    await first.stop();
    const second = await spawnServer(env);
    await second.stop();

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
    expect(first.output()).toContain(certPath);
    expect(first.output()).toMatch(/--ignore-certificate-errors-spki-list=[A-Za-z0-9+/]{43}=/);
    expect(readFileSync(certPath, 'utf8')).toBe(cert);
  });
});

type Spawned = { url: string; port: number; output(): string; stop(): Promise<void> };

/** Starts dist/server/main.js with `env` and waits for the line that gives its address. */
async function spawnServer(env: Record<string, string>): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 20_000;
  while (
    !/ di https?:\/\//.test(output) ||
    (output.includes('Belum ada admin') && !output.includes('└'))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: () => stopGently(child),
  };
}

/** SIGTERM, and the exit code must be 0 (a clean stop). */
function stopGently(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    child.kill('SIGTERM');
  });
}

async function health(url: string): Promise<{ epoch: string }> {
  return (await (await fetch(`${url}/api/v1/health`)).json()) as { epoch: string };
}

function bootstrap(url: string, code: string | undefined): Promise<Response> {
  return fetch(`${url}/api/v1/bootstrap`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'Admin' }),
  });
}

/** A GET over HTTPS that trusts exactly `ca` (the server's self-signed certificate). */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}
