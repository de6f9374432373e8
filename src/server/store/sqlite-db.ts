/**
 * SqlDb on better-sqlite3. The driver is synchronous and the connection is shared, so
 * transactions run one at a time under an async mutex, from BEGIN IMMEDIATE to COMMIT:
 * no other request's statement can slip into an open transaction.
 * Must: WAL with synchronous=FULL, so a committed transaction survives a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex } from './mutex';
import type { SqlDb, SqlTx, SqlValue } from './sql';
import { withoutRowLock } from './sql';

/** How long a statement waits for another process's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * One mutex per database file in this process: the driver's busy wait blocks the event
 * loop, so two connections to one file must never hold transactions open at once.
 */
const fileMutexes = new Map<string, Mutex>();

/** Opens (creating it and its directory) a SQLite database file, or ':memory:'. */
export function openSqliteDb(file: string): SqlDb {
  let mutex = new Mutex();
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    const key = resolve(file);
    mutex = fileMutexes.get(key) ?? mutex;
    fileMutexes.set(key, mutex);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new SqliteDb(db, mutex);
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tx: SqlTx;

  constructor(
    private readonly db: Database.Database,
    private readonly mutex: Mutex,
  ) {
    this.tx = {
      all: async <Row>(sql: string, params: readonly SqlValue[] = []) => {
        const statement = this.prepare(sql);
        if (statement.reader) return statement.all(...params) as Row[];
        statement.run(...params);
        return [];
      },
      run: async (sql, params = []) => this.prepare(sql).run(...params).changes,
    };
  }

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  isUniqueViolation(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      this.statements.clear();
      if (this.db.open) this.db.close();
    });
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(withoutRowLock(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
