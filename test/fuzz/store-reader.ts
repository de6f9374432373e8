/**
 * Reading the server's store from the fuzz, beside the running server: its SQLite file
 * opened read-only (WAL lets a reader in), or its PostgreSQL schema. Statements are
 * written once with `?` placeholders; bigints come back as numbers on both.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** Read-only queries on the store under test. */
export type StoreReader = {
  dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** The SQLite file, read-only, with its statements prepared once. */
export function sqliteReader(file: string): StoreReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  return {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params) as T[];
    },
    async close() {
      db.close();
    },
  };
}

const INT8_OID = 20;

/** A PostgreSQL database (its URL may set the schema's search_path). */
export function pgReader(url: string): StoreReader {
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? Number
          : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await pool.query({ text, values: [...params] })).rows as T[];
    },
    close: () => pool.end(),
  };
}
