// @vitest-environment node
/** The HTTP basics: health, config with ETag, JSON 404s, the app shell and its caching. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Harness, json, NOW, startHarness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.store.close());

describe('site server HTTP', () => {
  it('answers health with the active config version and the store epoch', async () => {
    const response = await call(h, 'GET', '/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      configVersion: 'test-1',
      siteId: 'mpp-kota-contoh',
      epoch: h.store.epoch,
      time: NOW,
    });
  });

  it('serves the config without a token, with an ETag, and answers 304 when the device has it', async () => {
    const first = await call(h, 'GET', '/config');
    const etag = first.headers.get('ETag') ?? '';
    const again = await call(h, 'GET', '/config', { headers: { 'If-None-Match': etag } });
    const weakInList = await call(h, 'GET', '/config', {
      headers: { 'If-None-Match': `"old", W/${etag}` },
    });

    expect(first.status).toBe(200);
    expect((await json<{ version: string }>(first)).version).toBe('test-1');
    expect(again.status).toBe(304);
    expect(weakInList.status).toBe(304);
  });

  it('answers unknown API paths with a JSON 404, never the app shell', async () => {
    const response = await call(h, 'GET', '/nothing-here');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: 'not_found',
      message: expect.any(String),
    });
  });

  it('marks API answers as not to be cached or sniffed', async () => {
    const response = await call(h, 'GET', '/health');

    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves the app shell on client routes, and the phone page, counter and board their own, uncached', async () => {
    for (const [path, title] of [
      ['/kiosk', null],
      ['/s/x', null],
      ['/t/0190f5e0-0000-7000-8000-000000000001', 'Status Tiket'],
      ['/counter', 'Loket'],
      ['/display', 'Papan Antrean'],
    ] as const) {
      const response = await h.app.request(path);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).toContain('<div id="app">');
      expect(/<title>(.*)<\/title>/.exec(text)?.[1] ?? null).toBe(title);
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('serves the service worker uncached and hashed assets cached for good', async () => {
    const sw = await h.app.request('/sw.js');
    const asset = await h.app.request('/assets/index-abc123.js');

    expect(sw.headers.get('Cache-Control')).toBe('no-cache');
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
  });
});
