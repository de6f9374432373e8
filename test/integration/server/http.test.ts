// @vitest-environment node
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { kioskBundle } from '../../fixtures/kiosk';

let appDir: string;
beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), 'anjungan-app-'));
  mkdirSync(join(appDir, 'assets'));
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(appDir, 'assets', 'index-abc123.js'), 'console.log(1);');
});

const app = () =>
  createApp({
    config: () => kioskBundle(),
    appDir,
    version: '9.9.9',
    now: () => 1_700_000_000_000,
  });

describe('site server HTTP', () => {
  it('answers health with the active config version', async () => {
    const response = await app().request('/api/v1/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      configVersion: 'test-1',
      siteId: 'mpp-kota-contoh',
      time: 1_700_000_000_000,
    });
  });

  it('serves the config with an ETag and answers 304 when the device has it', async () => {
    const first = await app().request('/api/v1/config');
    const again = await app().request('/api/v1/config', {
      headers: { 'If-None-Match': first.headers.get('ETag') ?? '' },
    });

    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: string }).version).toBe('test-1');
    expect(again.status).toBe(304);
  });

  it('answers unknown API paths with a JSON 404, never the app shell', async () => {
    const response = await app().request('/api/v1/nothing-here');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the app shell on client routes, uncached', async () => {
    for (const path of ['/kiosk', '/t/0190f5e0-0000-7000-8000-000000000001', '/s/x']) {
      const response = await app().request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('serves the service worker uncached and hashed assets cached for good', async () => {
    const sw = await app().request('/sw.js');
    const asset = await app().request('/assets/index-abc123.js');

    expect(sw.headers.get('Cache-Control')).toBe('no-cache');
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
  });
});
