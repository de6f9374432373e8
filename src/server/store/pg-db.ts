/**
 * SqlDb on a pg.Pool: each transaction on one client, BEGIN … COMMIT/ROLLBACK, with row
 * locks from `SELECT … FOR UPDATE` and `UPDATE … RETURNING` held until commit. Reads run
 * on a second, read-only pool, one statement at a time.
 * Must: bigint columns come back as JS numbers (every value the store keeps is below
 * 2^53); a client whose ROLLBACK failed is discarded, never reused; opening fails
 * at once when the server cannot be reached.
 */
import pg from 'pg';
import { createLogger, type Logger } from '../log/logger';
import type { SqlDb, SqlReader, SqlTx, SqlValue } from './sql';
import { insertNewSql, insertSql, toNumberedPlaceholders } from './sql';

/**
 * Rows per multi-row INSERT: one round trip each, so a batch of pushes inserts its 1,000
 * events in two; 13 columns × 500 rows stay far below PostgreSQL's 65,535 parameters.
 */
const INSERT_CHUNK = 500;

/** Longest SQL text whose numbered form is cached (characters). */
const MAX_CACHED_SQL = 2000;

/** Connections of the read pool (the write pool keeps pg's default of 10). */
const READ_CONNECTIONS = 4;

const INT8_OID = 20;

/** bigint as number: sequence numbers and ms timestamps stay far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? Number
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A SQL identifier we may splice into a statement: lower-case letters, digits, underscores. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return name;
}

/** Opens a pool on `url`; with `schema`, creates it and makes it the search_path. */
export async function openPostgresDb(url: string, schema?: string, log?: Logger): Promise<SqlDb> {
  const searchPath = schema === undefined ? '' : `-c search_path=${assertIdentifier(schema)}`;
  const pool = new pg.Pool({ connectionString: url, types, options: searchPath || undefined });
  // Reads get connections of their own on which every statement is read-only, and run
  // without BEGIN/COMMIT: under READ COMMITTED a transaction gives each statement its own
  // snapshot anyway, so it would only add two round trips to every token check.
  const readPool = new pg.Pool({
    connectionString: url,
    types,
    max: READ_CONNECTIONS,
    options: `${searchPath} -c default_transaction_read_only=on`.trim(),
  });
  // An idle client's lost connection is emitted here; unheard, it would end the process.
  // The pool replaces the client; the next transaction reports a server that stays down.
  const report = log ?? createLogger();
  for (const p of [pool, readPool]) {
    p.on('error', (error) =>
      report.warn({ err: error }, 'PostgreSQL: koneksi menganggur putus (idle connection lost)'),
    );
  }
  try {
    if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    await Promise.all([pool.end(), readPool.end()]);
    throw error;
  }
  return new PostgresDb(pool, readPool);
}

class PostgresDb implements SqlDb {
  readonly dialect = 'postgres';
  readonly groupsCommits = false;
  private readonly sqlCache = new Map<string, string>();

  private readonly reader: SqlReader;

  constructor(
    private readonly pool: pg.Pool,
    private readonly readPool: pg.Pool,
  ) {
    this.reader = {
      all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
        (await readPool.query(this.numbered(sql), params as SqlValue[])).rows as Row[],
    };
  }

  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(this.txOn(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => client.release(),
        (rollbackError: Error) => client.release(rollbackError),
      );
      throw error;
    }
  }

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === '23505';
  }

  read<T>(fn: (tx: SqlReader) => Promise<T>): Promise<T> {
    return fn(this.reader);
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.readPool.end()]);
  }

  private txOn(client: pg.PoolClient): SqlTx {
    const query = (sql: string, params: readonly SqlValue[]) =>
      client.query(this.numbered(sql), params as SqlValue[]);
    return {
      all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
        (await query(sql, params)).rows as Row[],
      run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
      insertRows: async (table, columns, rows) => {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          const chunk = rows.slice(i, i + INSERT_CHUNK);
          await query(insertSql(table, columns, chunk.length), chunk.flat());
        }
      },
      insertNew: async (table, columns, rows, idColumn) => {
        const inserted = new Set<SqlValue>();
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          const chunk = rows.slice(i, i + INSERT_CHUNK);
          const sql = insertNewSql(table, columns, chunk.length, idColumn);
          const result = await query(sql, chunk.flat());
          for (const row of result.rows) inserted.add(row[idColumn] as SqlValue);
        }
        return inserted;
      },
    };
  }

  private numbered(sql: string): string {
    let out = this.sqlCache.get(sql);
    if (out === undefined) {
      out = toNumberedPlaceholders(sql);
      // Statements with long lists (a batch's rows, its ids) come in many lengths: caching
      // each would keep megabytes of text for little gain.
      if (sql.length <= MAX_CACHED_SQL) this.sqlCache.set(sql, out);
    }
    return out;
  }
}
