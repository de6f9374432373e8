import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchShownConfig, refreshConfig } from '../../../src/app/config-sync';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { readCachedConfig, saveCachedConfig } from '../../../src/storage/device';
import { kioskBundle } from '../../fixtures/kiosk';

const serve = (body: unknown, status = 200) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
const offline = vi.fn(async () => {
  throw new TypeError('Failed to fetch');
}) as unknown as typeof fetch;

let db: AnjunganDatabase;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

describe('refreshConfig', () => {
  it('stores a valid config from the server when the device has none', async () => {
    const result = await refreshConfig(db, 1, serve(kioskBundle()));

    expect(result.changed).toBe(true);
    expect((await readCachedConfig(db))?.bundle.version).toBe('test-1');
  });

  it('never replaces the last good config with an invalid one', async () => {
    await saveCachedConfig(db, kioskBundle(), 1);
    const broken = { ...kioskBundle({ version: 'test-2' }), agencies: [] };

    const result = await refreshConfig(db, 2, serve(broken));

    expect(result).toMatchObject({ changed: false, config: { version: 'test-1' } });
    expect(result.rejected?.length).toBeGreaterThan(0);
    expect((await readCachedConfig(db))?.bundle.version).toBe('test-1');
  });

  it('keeps the cached config when the server is unreachable or failing', async () => {
    await saveCachedConfig(db, kioskBundle(), 1);

    expect((await refreshConfig(db, 2, offline)).config?.version).toBe('test-1');
    expect((await refreshConfig(db, 3, serve({ error: 'x' }, 500))).config?.version).toBe('test-1');
  });

  it('replaces the cached config with a newer valid version', async () => {
    await saveCachedConfig(db, kioskBundle(), 1);

    const result = await refreshConfig(db, 2, serve(kioskBundle({ version: 'test-2' })));

    expect(result.changed).toBe(true);
    expect((await readCachedConfig(db))?.bundle.version).toBe('test-2');
  });
});

describe('fetchShownConfig', () => {
  it('gives a phone page the config as it came, or null when the server cannot be had', async () => {
    const config = await fetchShownConfig(serve(kioskBundle()));

    expect(config?.site.languages).toEqual(kioskBundle().site.languages);
    expect(await fetchShownConfig(offline)).toBeNull();
    expect(await fetchShownConfig(serve({ error: 'x' }, 500))).toBeNull();
  });

  it('takes nothing that is not shaped like a config, answered with 200', async () => {
    expect(await fetchShownConfig(serve({ error: 'x' }))).toBeNull();
    expect(await fetchShownConfig(serve([]))).toBeNull();
    expect(await fetchShownConfig(serve(null))).toBeNull();
    expect(await fetchShownConfig(serve({ ...kioskBundle(), agencies: 'none' }))).toBeNull();
  });
});
