/**
 * SqlDb on better-sqlite3. The driver is synchronous and the connection is shared, so
 * transactions run one at a time under an async mutex: no other request's statement can
 * slip into an open transaction.
 * Group commit: the transactions asked for while the connection is busy (or within the
 * same turn of the event loop) run one after another inside one BEGIN IMMEDIATE … COMMIT,
 * each in its own savepoint, so many pushes share one fsync. Each still behaves as its
 * own transaction: one that throws is rolled back to its savepoint and rejected at once;
 * the others resolve only after the COMMIT, and all reject if the COMMIT fails.
 * Reads (`read`) run on a second connection of their own, one at a time, each in one read
 * transaction: WAL lets it read the last commit while the writer works, so reads neither
 * wait for a group nor see its uncommitted writes.
 * Must: WAL with synchronous=FULL, so a committed transaction survives a power cut; no
 * transaction resolves before the COMMIT that holds it; the read connection never writes.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex } from './mutex';
import type { SqlDb, SqlReader, SqlTx, SqlValue } from './sql';
import { insertSql, withoutRowLock } from './sql';

/** How long a statement waits for another process's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The most transactions one COMMIT holds. A group runs without yielding to I/O, so a
 * smaller one answers sooner: with 50 devices pushing back to back, 16 gave ≈ 10 % more
 * events/s and a lower p99 than 64 or 8 (test/bench/sync/ingest.ts).
 */
const MAX_GROUP = 16;

/** A transaction waiting for its group. */
type Job = {
  fn: (tx: SqlTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** Resolves after the I/O callbacks of this turn of the event loop have run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One mutex per database file in this process: the driver's busy wait blocks the event
 * loop, so two connections to one file must never hold write transactions open at once.
 * (Read transactions in WAL mode wait for no writer.)
 */
const fileMutexes = new Map<string, Mutex>();

/** Opens (creating it and its directory) a SQLite database file, or ':memory:'. */
export function openSqliteDb(file: string): SqlDb {
  let mutex = new Mutex();
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const key = resolve(file);
    mutex = fileMutexes.get(key) ?? mutex;
    fileMutexes.set(key, mutex);
  }
  const db = new Database(file);
  // Before the WAL exists: SQLite gives -wal and -shm the database file's mode.
  if (file !== ':memory:') ownerOnly(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // An in-memory database is private to its connection: it reads on that one.
  return new SqliteDb(new Connection(db), mutex, file === ':memory:' ? null : openReader(file));
}

/** Takes group and other access off a file we made (best effort: DATA_DIR is 0700 anyway). */
function ownerOnly(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Not ours to change (made by another user): main.ts reports DATA_DIR's permissions.
  }
}

/** A connection for reads only (query_only refuses any write on it). */
function openReader(file: string): Connection {
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('query_only = ON');
  return new Connection(db);
}

/** A better-sqlite3 connection with its prepared statements, cached by SQL text. */
class Connection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(withoutRowLock(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<Row>(sql: string, params: readonly SqlValue[]): Row[] {
    const statement = this.prepare(sql);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite';
  readonly groupsCommits = true;
  private readonly tx: SqlTx;
  /** The group still taking transactions (its turn in the mutex has not started). */
  private collecting: Job[] | null = null;
  /** The read connection and its statements; null: reads are transactions on the writer. */
  private readonly reader: { connection: Connection; tx: SqlReader } | null;
  private readonly readerMutex = new Mutex();

  constructor(
    private readonly writer: Connection,
    private readonly mutex: Mutex,
    readConnection: Connection | null,
  ) {
    this.tx = {
      all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
        writer.all<Row>(sql, params),
      run: async (sql, params = []) => writer.prepare(sql).run(...params).changes,
      insertRows: async (table, columns, rows) => {
        // One reused single-row statement: measured ≈ 2× faster here than multi-row
        // INSERTs, whose hundreds of parameters cost more to bind than they save.
        const statement = writer.prepare(insertSql(table, columns, 1));
        for (const row of rows) statement.run(...row);
      },
      insertNew: async (table, columns, rows, idColumn) => {
        // Without RETURNING: a statement's own count of changed rows says the same, and
        // measured ≈ 3× faster here (reading a row back costs more than the insert).
        const statement = writer.prepare(`${insertSql(table, columns, 1)} ON CONFLICT DO NOTHING`);
        const id = columns.indexOf(idColumn);
        const inserted = new Set<SqlValue>();
        for (const row of rows) {
          if (statement.run(...row).changes === 1) inserted.add(row[id] as SqlValue);
        }
        return inserted;
      },
    };
    this.reader =
      readConnection === null
        ? null
        : {
            connection: readConnection,
            tx: {
              all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
                readConnection.all<Row>(sql, params),
            },
          };
  }

  read<T>(fn: (tx: SqlReader) => Promise<T>): Promise<T> {
    const reader = this.reader;
    if (reader === null) return this.transaction(fn);
    const { db } = reader.connection;
    // One read at a time: two on one connection would share its transaction. Each waits
    // for the next turn of the event loop, as I/O would: a caller reading in a loop must
    // not starve the writers, whose groups start on a later turn.
    return this.readerMutex.run(async () => {
      await nextTurn();
      db.exec('BEGIN');
      try {
        return await fn(reader.tx);
      } finally {
        if (db.inTransaction) db.exec('COMMIT');
      }
    });
  }

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { fn, resolve: resolve as (value: unknown) => void, reject };
      if (this.collecting !== null && this.collecting.length < MAX_GROUP) {
        this.collecting.push(job);
        return;
      }
      const group = [job];
      this.collecting = group;
      void this.mutex.run(async () => {
        await nextTurn();
        if (this.collecting === group) this.collecting = null;
        await this.runGroup(group);
      });
    });
  }

  /** Runs the group's transactions in one COMMIT, each in a savepoint. */
  private async runGroup(group: Job[]): Promise<void> {
    const { db } = this.writer;
    let done: Array<{ job: Job; value: unknown }> = [];
    let next = 0;
    try {
      db.exec('BEGIN IMMEDIATE');
      for (; next < group.length; next++) {
        const job = group[next] as Job;
        db.exec('SAVEPOINT tx');
        try {
          done.push({ job, value: await job.fn(this.tx) });
          db.exec('RELEASE tx');
        } catch (error) {
          if (done.at(-1)?.job === job) done.pop();
          if (!db.inTransaction) {
            // SQLite rolled the whole transaction back (disk full, I/O error): nothing of
            // the group so far is kept, so none of it may resolve.
            for (const d of done) d.job.reject(error);
            done = [];
            job.reject(error);
            db.exec('BEGIN IMMEDIATE');
            continue;
          }
          db.exec('ROLLBACK TO tx');
          db.exec('RELEASE tx');
          job.reject(error);
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const d of done) d.job.reject(error);
      for (const job of group.slice(next)) job.reject(error);
      return;
    }
    for (const d of done) d.job.resolve(d.value);
  }

  isUniqueViolation(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  close(): Promise<void> {
    return this.mutex.run(() =>
      this.readerMutex.run(async () => {
        this.reader?.connection.close();
        this.writer.close();
      }),
    );
  }
}
