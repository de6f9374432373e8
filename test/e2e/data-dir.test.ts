/**
 * The real server process and its DATA_DIR: made 0700 with every file in it 0600 (the
 * SQLite file and its WAL, the marker, fence and ledger, the secret key, the self-signed
 * TLS key and certificate), across an enrollment, a lease, a crash, a clean stop and a
 * start beyond loopback; and wrong enrollment codes limited by the socket's address.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskBundle } from '../fixtures/kiosk';
import { freePort, ROOT, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp } from './support/sync-http';

/** Every directory and file under `dir` (itself included), with its permission bits. */
function modes(dir: string, base = dir): Record<string, string> {
  const found: Record<string, string> = { [`${dir.slice(base.length) || '.'}/`]: modeOf(dir) };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(found, modes(path, base));
    else found[path.slice(base.length + 1)] = modeOf(path);
  }
  return found;
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Starts the built server with `env` and waits until it says where it listens. */
async function startAnyHost(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 20_000;
  while (!/ di https?:\/\//.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(output);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });

describe('DATA_DIR on disk', () => {
  it('is 0700 with every file the server made in it 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'anjungan-perm-')), 'data');
    const configDir = writeConfigDir(kioskBundle());
    const first = await startServer({ configDir, dataDir });
    const device = await enrollOverHttp(first.url, await first.enrollmentCode(), 'Kiosk');
    const lease = await fetch(`${first.url}/api/v1/sync/leases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ numbers: [{ prefix: 'A', count: 10 }], quotas: [] }),
    });
    const whileRunning = modes(dataDir);
    await stopped(first.process, 'SIGKILL');
    // After a crash the next start writes the number fence; a clean stop, the marker.
    const second = await startServer({ configDir, dataDir });
    await second.stop();
    await stopped(
      await startAnyHost({ CONFIG_DIR: configDir, DATA_DIR: dataDir, HOST: '0.0.0.0' }),
      'SIGTERM',
    );

    const afterwards = modes(dataDir);

    expect(lease.status).toBe(200);
    expect(Object.keys(whileRunning)).toEqual(
      expect.arrayContaining(['./', 'anjungan.sqlite', 'anjungan.sqlite-wal', 'secret.key']),
    );
    expect(Object.keys(afterwards)).toEqual(
      expect.arrayContaining([
        './',
        'anjungan.sqlite',
        'anjungan.sqlite.closed',
        'anjungan.sqlite.fence',
        'anjungan.sqlite.ledger',
        'secret.key',
        '/tls/',
        'tls/cert.pem',
        'tls/key.pem',
      ]),
    );
    for (const listing of [whileRunning, afterwards]) {
      for (const [path, mode] of Object.entries(listing)) {
        expect(`${path} ${mode}`).toBe(`${path} ${path.endsWith('/') ? '700' : '600'}`);
      }
    }
  }, 60_000);

  it('limits wrong enrollment codes by the socket’s address: 429 with Retry-After', async () => {
    const server = await startServer({ configDir: writeConfigDir(kioskBundle()) });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 6; i++) {
        last = await fetch(`${server.url}/api/v1/enroll`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.8.${i}` },
          body: JSON.stringify({
            code: 'AAAAA-BBBBB',
            deviceId: '0190f5e0-0000-7000-8000-0000000000aa',
            name: 'Kiosk',
            profileId: 'lobi-utama',
          }),
        });
        statuses.push(last.status);
      }

      expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
      expect(last?.headers.get('Retry-After')).toBe('60');
    } finally {
      await server.stop();
    }
  });
});
