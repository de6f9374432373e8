/**
 * The few SQL operations the store needs, so every query and transaction is written once
 * for both databases. Queries use `?` placeholders (turned into `$1…` for PostgreSQL) and
 * may end row reads with `FOR UPDATE` (dropped for SQLite, whose writers are serialised).
 * Must: a transaction's callback awaits nothing but its `tx`; a resolved `transaction`
 * means committed durably; a rejected one means rolled back.
 */

/** A value bound to a placeholder. */
export type SqlValue = string | number | null;

/** Statements inside one open transaction. */
export interface SqlTx {
  /** Rows of a query (or of a statement with RETURNING). */
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Inserts `rows` (values in `columns` order) into `table`, each database its fastest
   * way: SQLite runs one prepared single-row INSERT per row, PostgreSQL sends multi-row
   * INSERTs (fewer round trips).
   */
  insertRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void>;
  /**
   * Inserts those of `rows` whose unique key no stored row (nor an earlier one of `rows`)
   * holds, the same fastest way, and resolves to the `idColumn` values of the rows it
   * inserted: the insert is the lookup, one pass over the key's index instead of two.
   */
  insertNew(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
    idColumn: string,
  ): Promise<Set<SqlValue>>;
}

/** Statements of a read: queries only. */
export type SqlReader = Pick<SqlTx, 'all'>;

/** A database the store runs on: one transaction at a time per connection. */
export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Whether transactions asked for at once already share one commit (SQLite's group
   * commit); if not, a caller that can should batch concurrent work itself.
   */
  readonly groupsCommits: boolean;
  /** Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`'s queries, which may not write, on what is committed; they never wait for
   * writers, so a request's token check is not queued behind a group of pushes. SQLite:
   * on a connection of its own, one snapshot for all of `fn` (WAL lets it read while the
   * writer works). PostgreSQL: on a read-only pool, each query seeing what was committed
   * when it started (READ COMMITTED, as inside its transactions).
   */
  read<T>(fn: (tx: SqlReader) => Promise<T>): Promise<T>;
  /** Whether `error` is a unique or primary-key violation (a concurrent writer won a race). */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

/** The first row of a query, or null. */
export async function one<Row>(
  tx: SqlReader,
  sql: string,
  params?: readonly SqlValue[],
): Promise<Row | null> {
  const rows = await tx.all<Row>(sql, params);
  return rows[0] ?? null;
}

/** `INSERT INTO table (a, b) VALUES (?, ?), (?, ?)…` for `rowCount` rows. */
export function insertSql(table: string, columns: readonly string[], rowCount: number): string {
  const row = `(${placeholders(columns.length)})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rowCount }, () => row).join(', ')}`;
}

/** An INSERT of `rowCount` rows that skips each row whose unique key is taken. */
export function insertNewSql(
  table: string,
  columns: readonly string[],
  rowCount: number,
  idColumn: string,
): string {
  return `${insertSql(table, columns, rowCount)} ON CONFLICT DO NOTHING RETURNING ${idColumn}`;
}

/** `?, ?, ?` for a list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The SQL with each `?` outside quotes replaced by `$1`, `$2`, … (PostgreSQL). */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      n += 1;
      out += `$${n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The SQL without a trailing `FOR UPDATE` (SQLite has no row locks; BEGIN IMMEDIATE serialises). */
export function withoutRowLock(sql: string): string {
  return sql.replace(/\s+FOR\s+UPDATE\s*$/i, '');
}

/**
 * Runs `attempt` again when a concurrent transaction won a uniqueness race (PostgreSQL
 * only: SQLite's writers never overlap); the retry sees the winner's committed rows.
 */
export async function retryOnUniqueViolation<T>(
  db: SqlDb,
  attempt: () => Promise<T>,
  tries = 3,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries || !db.isUniqueViolation(error)) throw error;
    }
  }
}
