// @vitest-environment node
/**
 * Every table that holds a site's rows is moved when the site is renamed: the list the
 * rename walks names each table with a site_id column the migrations make, and no other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/store/migrations';
import { SITE_TABLES } from '../../../src/server/store/site-identity';
import { openSqliteDb } from '../../../src/server/store/sqlite-db';

describe('the tables a site rename moves', () => {
  it('are every table with a site_id column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjungan-site-tables-'));
    const db = openSqliteDb(join(dir, 'anjungan.sqlite'));
    try {
      await migrate(db, Date.now());
      const tables = await db.read((tx) =>
        tx.all<{ name: string }>(
          `SELECT m.name AS name FROM sqlite_master m
           WHERE m.type = 'table'
             AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'site_id')`,
        ),
      );
      expect(tables.map((t) => t.name).sort()).toEqual([...SITE_TABLES].sort());
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
