/**
 * The server under test: the production build (`node dist/server/main.js`) on its own
 * DATA_DIR, restarted on the same DATA_DIR and port after a clean stop (SIGTERM) or a
 * crash (SIGKILL), and its SQLite file opened read-only beside it (WAL allows a reader)
 * for the checks of heads, leases and stored events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConfigBundle } from '../../src/domain/config/schema';
import { type RunningServer, startServer, writeConfigDir } from '../e2e/support/server';
import { Client } from './http';
import type { Stats } from './stats';

/** How a restart ends the running process. */
export type StopKind = 'clean' | 'kill';

/** The server process under test, its data directory, its client and a reader of its store. */
export class FuzzServer {
  readonly client: Client;
  private running: RunningServer | null = null;
  private reader: Database.Database | null = null;

  private constructor(
    private readonly configDir: string,
    readonly dataDir: string,
    readonly port: number,
    stats: Stats,
  ) {
    this.client = new Client(port, stats);
  }

  /** Writes the config, starts the server on a fresh DATA_DIR. */
  static async start(config: ConfigBundle, stats: Stats): Promise<FuzzServer> {
    const configDir = writeConfigDir(config);
    const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-fuzz-'));
    const first = await startServer({ configDir, dataDir });
    const server = new FuzzServer(configDir, dataDir, first.port, stats);
    server.running = first;
    return server;
  }

  /** Everything the current process printed. */
  output(): string {
    return this.running?.output() ?? '';
  }

  /** The store, read-only; opened on first use after each start. */
  db(): Database.Database {
    this.reader ??= new Database(join(this.dataDir, 'anjungan.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    return this.reader;
  }

  /** Stops the process (cleanly or with SIGKILL) and starts it again on the same data. */
  async restart(kind: StopKind): Promise<void> {
    await this.halt(kind);
    this.running = await startServer({
      configDir: this.configDir,
      dataDir: this.dataDir,
      port: this.port,
    });
    this.client.reset();
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
    });
    this.client.reset();
  }

  /** Stops the server for good and removes its directories. */
  async close(): Promise<void> {
    await this.halt('clean');
    this.client.close();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.configDir, { recursive: true, force: true });
  }

  private async halt(kind: StopKind): Promise<void> {
    this.reader?.close();
    this.reader = null;
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
