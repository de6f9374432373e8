/**
 * The site server as an operator starts it: `node dist/server/main.js` with HOST, PORT
 * and CONFIG_DIR; it refuses to start on an invalid config, logging every error; the
 * bootstrap code goes to a file, and to the screen only when a person is at a terminal.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskBundle } from '../fixtures/kiosk';
import { alwaysOpenSample } from './support/sample-config';
import { bootstrapCodeIn, freePort, ROOT, startServer, writeConfigDir } from './support/server';

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

    const lines = run.stdout.trim().split('\n');
    const error = lines.map((line) => JSON.parse(line) as Record<string, unknown>).at(-1);
    expect(run.status).toBe(1);
    expect(error).toMatchObject({ level: 'error' });
    expect(error?.msg).toContain('Konfigurasi tidak valid (2 masalah)');
    expect(error?.detail).toContain(`agencies/${agency?.id}.json $.prefix`);
    expect(error?.detail).toContain(`agencies/${agency?.id}.json $.colour`);
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
    expect(run.stdout).toContain('Konfigurasi tidak valid (1 masalah)');
    expect(run.stdout).toContain(
      `agencies/${bundle.agencies[0]?.id}.json $.prefix: properti ganda, ditulis 2 kali`,
    );
  });

  it('hands the bootstrap code over in a 0600 file, never in the log, until an admin exists; keeps the epoch over a clean stop', async () => {
    const env = { ...dataDir(), CONFIG_DIR: writeConfigDir(kioskBundle()) };
    const file = join(env.DATA_DIR, 'bootstrap-code.txt');
    const first = await spawnServer(env);
    const code = bootstrapCodeIn(env.DATA_DIR);
    const mode = statSync(file).mode & 0o777;
    const epoch = (await health(first.url)).epoch;
    await first.stop();

    const second = await spawnServer(env);
    const secondCode = bootstrapCodeIn(env.DATA_DIR);
    const old = await bootstrap(second.url, code);
    const fresh = await bootstrap(second.url, secondCode);
    const fileAfterBootstrap = existsSync(file);
    const secondEpoch = (await health(second.url)).epoch;
    await second.stop();
    const third = await spawnServer(env);
    await third.stop();

    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(mode).toBe(0o600);
    expect(first.output()).toContain(file);
    expect(first.output()).not.toContain(code);
    expect(first.output()).not.toContain('┌');
    expect(secondCode).not.toBe(code);
    expect(second.output()).not.toContain(secondCode);
    expect(old.status).toBe(403);
    expect(fresh.status).toBe(201);
    expect(fileAfterBootstrap).toBe(false);
    expect(secondEpoch).toBe(epoch);
    expect(third.output()).not.toContain('bootstrap');
    expect(existsSync(file)).toBe(false);
  });

  it('on a terminal, logs plain lines and shows the bootstrap code in a box', async () => {
    const env = { ...dataDir(), CONFIG_DIR: writeConfigDir(kioskBundle()) };
    const port = await freePort();
    // util-linux `script` runs the server on a pseudo-terminal, as an operator's shell does.
    const child = spawn(
      'script',
      ['-qfec', `${process.execPath} dist/server/main.js`, '/dev/null'],
      {
        cwd: ROOT,
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    try {
      await waitFor(
        () => / di http:\/\//.test(output),
        () => output,
      );
    } finally {
      child.kill('SIGKILL');
    }
    const code = bootstrapCodeIn(env.DATA_DIR) ?? 'no code';

    expect(output).toMatch(/^\d\d:\d\d:\d\d Konfigurasi aktif: /m);
    expect(output).toMatch(
      /^\d\d:\d\d:\d\d Anjungan 0\.1\.0: .* di http:\/\/127\.0\.0\.1:\d+\/kiosk/m,
    );
    expect(output).toMatch(new RegExp(`│\\s+${code}\\s+│`));
    expect(output).not.toContain('{"level"');
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
  try {
    // The start line is the last of a start: everything before it is out.
    await waitFor(
      () => / di https?:\/\//.test(output) || child.exitCode !== null,
      () => output,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: () => stopGently(child),
  };
}

/** Waits up to 20 s for `done`; the error shows the output so far. */
async function waitFor(done: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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
