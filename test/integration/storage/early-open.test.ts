/**
 * The log opened by the shell's HTML before the app's code loads: it is taken over only
 * when it exists at the current version, with the boot's first reads (config, identity)
 * made on it; a log to create or upgrade is left to the app, and the script's attempt
 * changes nothing.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openAnjunganDb } from '../../../src/storage/db';
import { takeEarlyOpen, takeEarlyReads } from '../../../src/storage/early-open';

const start = window.location.href;
const html = readFileSync('index.html', 'utf8');
/** The shell's inline script (the only one without a src). */
const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

/** Runs the HTML's script as the page at `path` would. */
function runScript(path: string): void {
  window.history.replaceState(null, '', path);
  new Function(script)();
}

/** The log's version on disk, or 0 when there is none. */
async function versionOnDisk(): Promise<number> {
  const listed = await indexedDB.databases();
  return listed.find((d) => d.name === DB_NAME)?.version ?? 0;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  window.history.replaceState(null, '', start);
});

describe('the log opened from the HTML', () => {
  it('is opened by a script in the shell', () => {
    expect(script).toContain(`indexedDB.open('${DB_NAME}', ${DB_VERSION})`);
  });

  it('is taken over when it exists at the current version, once', async () => {
    const db = await openAnjunganDb();
    await db.put('meta', { deviceSeq: 7, hlc: null }, 'clock');
    db.close();
    runScript('/kiosk');
    const early = await takeEarlyOpen();
    expect(early?.version).toBe(DB_VERSION);
    expect(early?.objectStoreNames.contains('events')).toBe(true);
    expect(await takeEarlyOpen()).toBeNull();
    early?.close();
  });

  it("makes the boot's reads on it: the cached config and the identity as stored, once", async () => {
    const db = await openAnjunganDb();
    const cached = { bundle: { site: { id: 'mpp-kota-contoh' } }, storedAt: 7 };
    const device = { deviceId: '0193a0b0-0000-7000-8000-000000000001', token: 't' };
    await db.put('config', cached as never, 'current');
    await db.put('meta', device as never, 'device');
    db.close();
    runScript('/kiosk');
    const early = await takeEarlyOpen();

    expect(await takeEarlyReads()).toEqual([cached, device]);
    expect(await takeEarlyReads()).toBeNull();
    early?.close();
  });

  it('reads null for what was never stored', async () => {
    (await openAnjunganDb()).close();
    runScript('/');
    const early = await takeEarlyOpen();

    expect(await takeEarlyReads()).toEqual([null, null]);
    early?.close();
  });

  it('creates nothing on a new device: the app creates the log itself', async () => {
    runScript('/kiosk');
    expect(await takeEarlyOpen()).toBeNull();
    expect(await takeEarlyReads()).toBeNull();
    expect(await versionOnDisk()).toBe(0);
    const db = await openAnjunganDb();
    expect([...db.objectStoreNames]).toContain('events');
    db.close();
  });

  it('leaves an older log to the app to upgrade, unchanged', async () => {
    const old = await openAnjunganDb(DB_NAME, 1);
    old.close();
    runScript('/');
    expect(await takeEarlyOpen()).toBeNull();
    expect(await takeEarlyReads()).toBeNull();
    expect(await versionOnDisk()).toBe(1);
    const db = await openAnjunganDb();
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('opens nothing on pages that are not the kiosk', async () => {
    const db = await openAnjunganDb();
    db.close();
    runScript('/s/ktp-baru');
    expect(await takeEarlyOpen()).toBeNull();
  });
});
