// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, openStore, SQLITE_FILE } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';
import { storeTargets } from '../../fixtures/store-targets';

// Throws on CI without TEST_DATABASE_URL, warns elsewhere.
const hasPostgres = storeTargets().some((target) => target.kind === 'postgres');
const url = process.env.TEST_DATABASE_URL ?? '';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjungan-open-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh schema, dropped after the test. */
async function freshSchema(): Promise<string> {
  const schema = `store_open_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
    await dropper.end();
  });
  return schema;
}

function closing(store: Store): Store {
  cleanups.push(() => store.close());
  return store;
}

describe('openStore', () => {
  it('opens SQLite in the data directory when no database URL is given', async () => {
    const dataDir = join(tempDir(), 'data');

    const store = closing(await openStore({ dataDir }));

    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true);
  });

  it.skipIf(!hasPostgres)(
    'opens PostgreSQL when a database URL is given, its marker in the data directory',
    async () => {
      const schema = await freshSchema();
      const dataDir = tempDir();
      const databaseUrl = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

      const store = await openStore({ dataDir, databaseUrl });
      await store.close();

      expect(store.kind).toBe('postgres');
      expect(existsSync(join(dataDir, 'anjungan-postgres.closed'))).toBe(true);
    },
  );
});

describe.skipIf(!hasPostgres)('openPostgresStore without a marker directory', () => {
  it('keeps the epoch after a clean close and takes a new one after a crash', async () => {
    const schema = await freshSchema();
    const first = await openPostgresStore({ url, schema });
    await first.close();

    const second = closing(await openPostgresStore({ url, schema }));
    const crashed = closing(await openPostgresStore({ url, schema }));

    expect(second.epoch).toBe(first.epoch);
    expect(crashed.epoch).not.toBe(second.epoch);
  });
});
