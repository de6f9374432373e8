/**
 * The site server of a chaos run, in process: the real Hono app over the real SQLite store
 * in a temp directory (tmpfs when there is one). It restarts cleanly or after a crash,
 * takes backups of its database file and is restored from them (the tail after the backup
 * is lost). `inspect` reads the file straight from SQLite for the invariant checks.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import type { ConfigBundle } from '../../src/domain/config/schema';
import type { SyncedEvent } from '../../src/domain/protocol';
import type { VisitReport } from '../../src/domain/visit-report';
import { hashCode, hashSecret } from '../../src/server/auth/secrets';
import { createApp } from '../../src/server/http/app';
import type { Logger } from '../../src/server/log/logger';
import { UNKNOWN_HOLDER } from '../../src/server/store/ledger';
import { openSqliteStore } from '../../src/server/store/open';
import { EVENT_COLUMNS, type EventRow, toKioskEvent } from '../../src/server/store/rows';
import type { Store } from '../../src/server/store/store';

/** The chaos server's secret key (one-time codes are HMACs under it). */
const CHAOS_SECRET_KEY = Buffer.alloc(32, 3);
/** The chaos admin's token (its hash is what the store keeps). */
const ADMIN_TOKEN = 'chaos-admin-token-0000000000000000000000000';

/** A number block as the server's table records it. */
export type GrantedBlock = {
  businessDay: string;
  prefix: string;
  start: number;
  end: number;
  deviceId: string;
};

/** What the server's database holds right now. */
export type ServerView = {
  epoch: string;
  head: number;
  /** Every event, in siteSeq order. */
  events: SyncedEvent[];
  /** Highest deviceSeq held per device (devices.last_seq). */
  lastSeq: Map<string, number>;
  leases: GrantedBlock[];
  /** Quota tokens granted, summed per `${day}|${serviceId}`. */
  quotaGranted: Map<string, number>;
  /** Of those, the tokens the database learned again from the quota ledger after a restore. */
  quotaRelearned: number;
  /** Ids of events the server quarantined (kept out of pulls): none may be, in a chaos run. */
  quarantined: string[];
};

/** An enrolled device's credentials. */
export type Enrolled = { deviceId: string; token: string; emergencyTag: string };

function baseDir(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

export class SimServer {
  store!: Store;
  app!: Hono;
  /** Every epoch this server has had, in order. */
  readonly epochs: string[] = [];
  /** Errors the app logged (a generic 500): none may happen. */
  readonly errors: unknown[] = [];
  /** The app's log: access lines dropped, errors kept in `errors`. */
  private readonly log: Logger = {
    info: () => {},
    warn: () => {},
    error: (fields, message) => this.errors.push(fields.err ?? message),
  };
  private readonly backups: string[] = [];
  private readonly dir: string;
  private readonly file: string;

  private constructor(
    private readonly config: ConfigBundle,
    private readonly now: () => number,
  ) {
    this.dir = mkdtempSync(join(baseDir(), 'anjungan-chaos-'));
    this.file = join(this.dir, 'anjungan.sqlite');
  }

  /** Opens a fresh server; the caller enrolls devices before any backup. */
  static async start(config: ConfigBundle, now: () => number): Promise<SimServer> {
    const server = new SimServer(config, now);
    await server.open();
    return server;
  }

  /**
   * The site's admin, made at the first start (so every backup holds it): what reads the
   * visit reports through the admin API.
   */
  private async ensureAdmin(): Promise<void> {
    const at = this.now();
    if (await this.store.hasActiveAdmin(at)) return;
    const code = hashCode('CHAOS-ADMIN-CODE', CHAOS_SECRET_KEY);
    await this.store.setBootstrapCode(code, at);
    await this.store.bootstrapAdmin(
      code,
      { adminId: 'chaos-admin', name: 'Admin', createdAt: at },
      {
        tokenId: 'chaos-admin-token',
        tokenHash: hashSecret(ADMIN_TOKEN),
        createdAt: at,
        expiresAt: at + 10 * 365 * 86_400_000,
      },
    );
  }

  /** A visit's report as the admin API answers it. */
  async visitReport(visitId: string): Promise<VisitReport> {
    const answer = await this.app.request(`/api/v1/admin/visits/${visitId}/report`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    if (answer.status !== 200) throw new Error(`visit report ${visitId}: ${answer.status}`);
    return ((await answer.json()) as { report: VisitReport }).report;
  }

  /** The staff member of a counter device, as an admin would create them. */
  private async createLoketStaff(deviceId: string, at: number): Promise<void> {
    const staffId = `staff-${deviceId}`;
    await this.store.createStaff(
      {
        staffId,
        siteId: this.config.site.id,
        name: `Petugas ${deviceId}`,
        role: 'petugas',
        agencies: this.config.agencies.map((agency) => agency.id),
        setupCode: { codeHash: hashCode(`SETUP-${staffId}`, CHAOS_SECRET_KEY), expiresAt: at },
        createdAt: at,
      },
      'chaos',
    );
  }

  /**
   * Enrolls a device through the store with a one-time code, as an admin would: a kiosk
   * (`kiosk-n`, the first profile) or a counter (`counter-n`, the counter profile — the
   * server quarantines ticket actions of any other surface).
   */
  async enroll(n: number, role: 'kiosk' | 'counter' | 'mobile' = 'kiosk'): Promise<Enrolled> {
    const code = `CHAOS${n}CODE`;
    const token = `chaos-device-${n}-token-000000`;
    const at = this.now();
    await this.store.createEnrollment({
      codeHash: hashCode(code, CHAOS_SECRET_KEY),
      siteId: this.config.site.id,
      label: null,
      createdBy: 'chaos',
      createdAt: at,
      expiresAt: at + 3_600_000,
    });
    const profile =
      role === 'kiosk'
        ? this.config.profiles[0]
        : this.config.profiles.find((p) => p.surface === role);
    if (!profile) throw new Error(`the chaos config has no ${role} profile`);
    const device = await this.store.enrollDevice(hashCode(code, CHAOS_SECRET_KEY), {
      deviceId: `${role}-${n}`,
      name: `${{ kiosk: 'Anjungan', counter: 'Loket', mobile: 'Tablet' }[role]} ${n}`,
      profileId: profile.id,
      tokenHash: hashSecret(token),
      enrolledAt: at,
    });
    if (device === null) throw new Error(`could not enroll ${role}-${n}`);
    // The person who works at the loket (test/chaos/counter.ts names them by the device):
    // of every agency, since a chaos loket serves, calls and transfers any service.
    if (role === 'counter') await this.createLoketStaff(device.deviceId, at);
    return { deviceId: device.deviceId, token, emergencyTag: device.emergencyTag };
  }

  /** Stops and starts again: cleanly (epoch kept) or after a crash (new epoch). */
  async restart(clean: boolean): Promise<void> {
    await this.store.close();
    if (!clean) rmSync(`${this.file}.closed`, { force: true });
    await this.open();
  }

  /** Copies the database as it is now (a consistent snapshot); returns the backup's index. */
  backup(): number {
    const path = join(this.dir, `backup-${this.backups.length}.sqlite`);
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      db.exec(`VACUUM INTO '${path.replaceAll("'", "''")}'`);
    } finally {
      db.close();
    }
    this.backups.push(path);
    return this.backups.length - 1;
  }

  /** How many backups exist. */
  get backupCount(): number {
    return this.backups.length;
  }

  /** Stops, puts backup `index` in place of the database and starts: the tail is lost. */
  async restore(index: number): Promise<void> {
    const backup = this.backups[index];
    if (backup === undefined) throw new Error(`no backup ${index}`);
    await this.store.close();
    for (const suffix of ['-wal', '-shm', '.closed']) {
      rmSync(`${this.file}${suffix}`, { force: true });
    }
    copyFileSync(backup, this.file);
    await this.open();
  }

  /** Reads the database directly. */
  inspect(): ServerView {
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      const siteId = this.config.site.id;
      const rows = db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? ORDER BY site_seq`)
        .all(siteId) as EventRow[];
      const head = db.prepare('SELECT seq FROM site_heads WHERE site_id = ?').get(siteId) as
        | { seq: number }
        | undefined;
      const devices = db.prepare('SELECT device_id, last_seq FROM devices').all() as {
        device_id: string;
        last_seq: number;
      }[];
      const leases = db
        .prepare(
          'SELECT business_day, prefix, start_no, end_no, device_id FROM number_leases ORDER BY business_day, prefix, start_no',
        )
        .all() as {
        business_day: string;
        prefix: string;
        start_no: number;
        end_no: number;
        device_id: string;
      }[];
      const grants = db
        .prepare(
          'SELECT business_day, service_id, pool, SUM(count) AS total FROM quota_grants GROUP BY business_day, service_id, pool',
        )
        .all() as { business_day: string; service_id: string; pool: string; total: number }[];
      const relearned = db
        .prepare('SELECT COALESCE(SUM(count), 0) AS total FROM quota_grants WHERE device_id = ?')
        .get(UNKNOWN_HOLDER) as { total: number };
      return {
        epoch: this.store.epoch,
        head: head?.seq ?? 0,
        events: rows.map((row) => ({ ...toKioskEvent(row), siteSeq: row.site_seq })),
        lastSeq: new Map(devices.map((d) => [d.device_id, d.last_seq])),
        leases: leases.map((l) => ({
          businessDay: l.business_day,
          prefix: l.prefix,
          start: l.start_no,
          end: l.end_no,
          deviceId: l.device_id,
        })),
        quotaGranted: new Map(
          grants.map((g) => [`${g.business_day}|${g.service_id}|${g.pool}`, g.total]),
        ),
        quotaRelearned: relearned.total,
        quarantined: rows.filter((row) => row.quarantined !== 0).map((row) => row.id),
      };
    } finally {
      db.close();
    }
  }

  /** Closes the store and removes the directory. */
  async dispose(): Promise<void> {
    await this.store.close().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async open(): Promise<void> {
    this.store = await openSqliteStore({ file: this.file, now: this.now });
    this.epochs.push(this.store.epoch);
    await this.ensureAdmin();
    this.app = createApp({
      store: this.store,
      config: () => this.config,
      appDir: join(this.dir, 'no-app'),
      version: 'chaos',
      now: this.now,
      log: this.log,
      secretKey: CHAOS_SECRET_KEY,
    });
  }
}
