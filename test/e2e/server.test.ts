/**
 * The site server as an operator starts it: `node dist/server/main.js` with HOST, PORT
 * and CONFIG_DIR; it refuses to start on an invalid config, printing every error.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskBundle } from '../fixtures/kiosk';
import { alwaysOpenSample } from './support/sample-config';
import { freePort, ROOT, startServer, writeConfigDir } from './support/server';

describe('site server process', () => {
  it('serves the config directory named by CONFIG_DIR, with health, config and the app', async () => {
    const dir = writeConfigDir({ ...kioskBundle(), version: 'x' });
    const server = await startServer({ configDir: dir });
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
    const server = await startServer({ configDir: join(ROOT, 'kiosk-config') });
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
      env: { ...process.env, CONFIG_DIR: dir, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Konfigurasi tidak valid (2 masalah)');
    expect(run.stderr).toContain(`agencies/${agency?.id}.json $.prefix`);
    expect(run.stderr).toContain(`agencies/${agency?.id}.json $.colour`);
  });
});
