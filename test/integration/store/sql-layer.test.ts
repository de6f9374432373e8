// @vitest-environment node

import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/server/store/migrations';
import { type SqlDb, toNumberedPlaceholders, withoutRowLock } from '../../../src/server/store/sql';
import { storeTargets, useFreshDb } from '../../fixtures/store-targets';

describe('SQL text helpers', () => {
  it('numbers placeholders outside quotes only', () => {
    const sql = 'SELECT ? AS a, \'?\' AS b, "x?" AS c WHERE d = ? AND e IN (?, ?)';

    const numbered = toNumberedPlaceholders(sql);

    expect(numbered).toBe('SELECT $1 AS a, \'?\' AS b, "x?" AS c WHERE d = $2 AND e IN ($3, $4)');
  });

  it('drops a trailing FOR UPDATE for SQLite', () => {
    expect(withoutRowLock('SELECT a FROM t WHERE b = ?\n   FOR UPDATE')).toBe(
      'SELECT a FROM t WHERE b = ?',
    );
  });
});

/** A fresh database of the target's kind with a table `t`, removed after each test. */
function useDb(kind: 'sqlite' | 'postgres'): () => SqlDb {
  const db = useFreshDb(kind);
  beforeEach(() =>
    db().transaction((tx) => tx.run('CREATE TABLE t (k TEXT PRIMARY KEY, n BIGINT NOT NULL)')),
  );
  return db;
}

describe.each(storeTargets())('SQL layer ($kind)', ({ kind }) => {
  const db = useDb(kind);

  it('commits durably: SQLite in WAL with synchronous=FULL, PostgreSQL with synchronous_commit', async () => {
    const settings = await db().transaction(async (tx) =>
      kind === 'sqlite'
        ? [...(await tx.all('PRAGMA journal_mode')), ...(await tx.all('PRAGMA synchronous'))]
        : [...(await tx.all('SHOW synchronous_commit')), ...(await tx.all('SHOW fsync'))],
    );

    expect(settings).toEqual(
      kind === 'sqlite'
        ? [{ journal_mode: 'wal' }, { synchronous: 2 }]
        : [{ synchronous_commit: 'on' }, { fsync: 'on' }],
    );
  });

  it('commits a transaction that resolves and returns bigints as numbers', async () => {
    await db().transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 2 ** 40]));

    const rows = await db().transaction((tx) => tx.all<{ n: number }>('SELECT n FROM t'));

    expect(rows).toEqual([{ n: 2 ** 40 }]);
  });

  it('rolls back every statement of a transaction that throws', async () => {
    const failing = db().transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]);
      throw new Error('boom');
    });

    await expect(failing).rejects.toThrow('boom');
    expect(await db().transaction((tx) => tx.all('SELECT k FROM t'))).toEqual([]);
  });

  it('keeps transactions started together apart: one that throws takes only its own writes back', async () => {
    const insert = (k: string, fail = false) =>
      db().transaction(async (tx) => {
        await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', [k, 1]);
        if (fail) throw new Error(`boom ${k}`);
        await tx.run('UPDATE t SET n = n + 1 WHERE k = ?', [k]);
        return k;
      });

    const results = await Promise.allSettled([
      insert('a'),
      insert('b', true),
      insert('c'),
      insert('a'), // a unique violation after 'a' was written in the same turn
      insert('d'),
    ]);
    const rows = await db().transaction((tx) => tx.all('SELECT k, n FROM t ORDER BY k'));

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual([
      'a',
      null,
      'c',
      null,
      'd',
    ]);
    expect(db().isUniqueViolation((results[3] as PromiseRejectedResult).reason)).toBe(true);
    expect(rows).toEqual([
      { k: 'a', n: 2 },
      { k: 'c', n: 2 },
      { k: 'd', n: 2 },
    ]);
  });

  it('reads what is committed without waiting for an open transaction, never its uncommitted writes', async () => {
    await db().transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]));
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written = () => {};
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const writing = db().transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['b', 2]);
      written();
      await gate;
    });
    await wrote;

    // Were reads queued behind the open transaction, this would never resolve.
    const during = await db().read((tx) => tx.all('SELECT k FROM t ORDER BY k'));
    release();
    await writing;
    const after = await db().read((tx) => tx.all('SELECT k FROM t ORDER BY k'));

    expect(during).toEqual([{ k: 'a' }]);
    expect(after).toEqual([{ k: 'a' }, { k: 'b' }]);
  });

  it('refuses a write inside a read and stores nothing', async () => {
    const writing = db().read((tx) => tx.all('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]));

    await expect(writing).rejects.toThrow(/read-?only|readonly/i);
    expect(await db().transaction((tx) => tx.all('SELECT k FROM t'))).toEqual([]);
  });

  it('recognises a unique violation', async () => {
    await db().transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]));

    const error = await db()
      .transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 2]))
      .catch((e: unknown) => e);

    expect(db().isUniqueViolation(error)).toBe(true);
    expect(db().isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('never lets concurrent read-modify-write transactions lose an update', async () => {
    await db().transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['c', 0]));
    const increment = () =>
      db().transaction(async (tx) => {
        const [row] = await tx.all<{ n: number }>("SELECT n FROM t WHERE k = 'c' FOR UPDATE");
        await tx.run("UPDATE t SET n = ? WHERE k = 'c'", [(row?.n ?? 0) + 1]);
      });

    await Promise.all(Array.from({ length: 25 }, increment));

    expect(await db().transaction((tx) => tx.all("SELECT n FROM t WHERE k = 'c'"))).toEqual([
      { n: 25 },
    ]);
  });

  it('migrates to the newest version once, and again is a no-op', async () => {
    const first = await migrate(db(), 1);

    const second = await migrate(db(), 2);

    expect([first, second]).toEqual([MIGRATIONS.length, MIGRATIONS.length]);
    const applied = await db().transaction((tx) =>
      tx.all('SELECT version, applied_at FROM schema_migrations ORDER BY version'),
    );
    expect(applied).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1, applied_at: 1 })));
  });

  it('refuses a database written by a newer release', async () => {
    await migrate(db(), 1);
    await db().transaction((tx) =>
      tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [99, 1]),
    );

    await expect(migrate(db(), 2)).rejects.toThrow(/newer than this release/);
  });

  it('drops the numbers index that the first form of version 2 made', async () => {
    await migrate(db(), 1);
    // Version 4 is the migration that drops it.
    const dropped = 4;
    await db().transaction(async (tx) => {
      await tx.run(
        'CREATE INDEX ticket_numbers_use ON ticket_numbers (site_id, business_day, device_id, service_id)',
      );
      await tx.run('DELETE FROM schema_migrations WHERE version = ?', [dropped]);
    });

    await migrate(db(), 2);

    // Dropping it again without IF EXISTS fails only if it is gone.
    await expect(
      db().transaction((tx) => tx.run('DROP INDEX ticket_numbers_use')),
    ).rejects.toThrow();
  });

  it('carries the quota heads and grants of before the pools over as the lobby’s', async () => {
    // Arrange: the tables as they were before version 6, with a grant in them.
    await migrate(db(), 1);
    const pools = 6;
    await db().transaction(async (tx) => {
      await tx.run('DROP TABLE quota_heads');
      await tx.run(`CREATE TABLE quota_heads (
        site_id TEXT NOT NULL, business_day TEXT NOT NULL, service_id TEXT NOT NULL,
        granted BIGINT NOT NULL, PRIMARY KEY (site_id, business_day, service_id))`);
      await tx.run("INSERT INTO quota_heads VALUES ('s', '2026-12-10', 'ktp', 4)");
      await tx.run('ALTER TABLE quota_grants DROP COLUMN pool');
      await tx.run(
        `INSERT INTO quota_grants (site_id, business_day, service_id, device_id, count, granted_at)
         VALUES ('s', '2026-12-10', 'ktp', 'd', 4, 1)`,
      );
      await tx.run('DELETE FROM schema_migrations WHERE version = ?', [pools]);
    });

    // Act
    await migrate(db(), 2);

    // Assert: the lobby's pool (''), and a visit's pool of the same day beside it.
    const rows = await db().transaction(async (tx) => {
      await tx.run("INSERT INTO quota_heads VALUES ('s', '2026-12-10', 'ktp', 'sukamaju', 3)");
      return [
        await tx.all('SELECT pool, granted FROM quota_heads ORDER BY pool'),
        await tx.all('SELECT pool, count FROM quota_grants'),
      ];
    });
    expect(rows).toEqual([
      [
        { pool: '', granted: 4 },
        { pool: 'sukamaju', granted: 3 },
      ],
      [{ pool: '', count: 4 }],
    ]);
  });

  it('inserts only rows whose key is free, in order, and answers which it inserted', async () => {
    await db().transaction(async (tx) => {
      await tx.run('CREATE TABLE keyed (k TEXT PRIMARY KEY, id TEXT NOT NULL)');
      await tx.run("INSERT INTO keyed (k, id) VALUES ('a', 'old')");
    });
    const rows = [
      ['a', 'id1'],
      ['b', 'id2'],
      ['b', 'id3'],
      ['c', 'id4'],
    ];

    const inserted = await db().transaction((tx) => tx.insertNew('keyed', ['k', 'id'], rows, 'id'));

    expect([...inserted].sort()).toEqual(['id2', 'id4']);
    expect(await db().transaction((tx) => tx.all('SELECT k, id FROM keyed ORDER BY k'))).toEqual([
      { k: 'a', id: 'old' },
      { k: 'b', id: 'id2' },
      { k: 'c', id: 'id4' },
    ]);
  });
});
