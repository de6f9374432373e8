/**
 * The server under test: the production build (`node dist/server/main.js`) on its own
 * DATA_DIR — and, with a PostgreSQL URL, its own fresh schema — restarted on the same
 * data and port after a clean stop (SIGTERM) or a crash (SIGKILL), with a read-only
 * reader of its store beside it for the checks of heads, leases and stored events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigBundle } from '../../src/domain/config/schema';
import { type RunningServer, startServer, writeConfigDir } from '../e2e/support/server';
import { freshPgSchema } from '../e2e/support/sync-http';
import { Client } from './http';
import type { Stats } from './stats';
import { pgReader, type StoreReader, sqliteReader } from './store-reader';

/** How a restart ends the running process. */
export type StopKind = 'clean' | 'kill';

type Postgres = { databaseUrl: string; drop(): Promise<void> };

/** The server process under test, its data directory, its client and a reader of its store. */
export class FuzzServer {
  readonly client: Client;
  private running: RunningServer | null = null;
  private reader: StoreReader | null = null;

  private constructor(
    private readonly configDir: string,
    readonly dataDir: string,
    readonly port: number,
    stats: Stats,
    private readonly postgres: Postgres | null,
  ) {
    this.client = new Client(port, stats);
  }

  /** Writes the config, starts the server on a fresh DATA_DIR (and schema, with `pgUrl`). */
  static async start(config: ConfigBundle, stats: Stats, pgUrl?: string): Promise<FuzzServer> {
    const configDir = writeConfigDir(config);
    const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-fuzz-'));
    const postgres = pgUrl === undefined ? null : await freshPgSchema(pgUrl, 'fuzz');
    const env = postgres ? { DATABASE_URL: postgres.databaseUrl } : undefined;
    const first = await startServer({ configDir, dataDir, ...(env ? { env } : {}) });
    const server = new FuzzServer(configDir, dataDir, first.port, stats, postgres);
    server.running = first;
    return server;
  }

  /** Everything the current process printed. */
  output(): string {
    return this.running?.output() ?? '';
  }

  /** The store, read-only; opened on first use (for SQLite, after each start). */
  db(): StoreReader {
    this.reader ??= this.postgres
      ? pgReader(this.postgres.databaseUrl)
      : sqliteReader(join(this.dataDir, 'anjungan.sqlite'));
    return this.reader;
  }

  /** Stops the process (cleanly or with SIGKILL) and starts it again on the same data. */
  async restart(kind: StopKind): Promise<void> {
    await this.halt(kind);
    await this.revive();
  }

  /** SIGKILL now, without waiting for anything in flight. */
  kill(): Promise<void> {
    return this.halt('kill');
  }

  /** Starts the process again after `kill`. */
  async revive(): Promise<void> {
    this.running = await startServer({
      configDir: this.configDir,
      dataDir: this.dataDir,
      port: this.port,
      ...(this.postgres ? { env: { DATABASE_URL: this.postgres.databaseUrl } } : {}),
    });
    this.client.reset();
  }

  /** Stops the server for good and removes its directories (and schema). */
  async close(): Promise<void> {
    await this.halt('clean');
    await this.reader?.close();
    this.reader = null;
    this.client.close();
    await this.postgres?.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.configDir, { recursive: true, force: true });
  }

  private async halt(kind: StopKind): Promise<void> {
    if (!this.postgres) {
      // A reader of the SQLite file is closed while the process changes hands.
      await this.reader?.close();
      this.reader = null;
    }
    const running = this.running;
    this.running = null;
    if (running === null) return;
    if (kind === 'clean') {
      this.client.reset();
      await running.stop();
      return;
    }
    const child = running.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }
}
