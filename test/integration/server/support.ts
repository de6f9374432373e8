/**
 * The site server's app in process for integration tests: createApp over a real SQLite
 * store in a temp file, a fixed clock at 2025-11-03 09:00 WIB, a fixed secret key, the
 * client address taken from a test header (app.request has no socket), and helpers to
 * bootstrap an admin, enroll devices (also revoked ones and ones of another site) and
 * build events.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '../../../src/domain/config/catalogue';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { hashCode, hashSecret, newToken } from '../../../src/server/auth/secrets';
import { createApp } from '../../../src/server/http/app';
import { Pokes } from '../../../src/server/http/pokes';
import { openSqliteStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';
import { ticketIssued } from '../../fixtures/events';
import { kioskBundle } from '../../fixtures/kiosk';
import { memoryLogger } from '../../fixtures/logger';

/** 2025-11-03 09:00 in Jakarta (WIB, UTC+7): a Monday, business day 2025-11-03. */
export const NOW = Date.UTC(2025, 10, 3, 2, 0, 0);
export const TODAY = '2025-11-03';
export const SITE_ID = 'mpp-kota-contoh';
export const PROFILE_ID = 'lobi-utama';

/** The secret key of every test app (one-time codes are HMACs under it). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);
/** The header a test names its client address in, and the address when it names none. */
export const CLIENT_HEADER = 'x-test-client';
export const DEFAULT_CLIENT = '192.0.2.1';

/** A built PWA, as small as the server needs to serve its shell. */
export function writeAppDir(): string {
  const appDir = mkdtempSync(join(tmpdir(), 'anjungan-app-'));
  mkdirSync(join(appDir, 'assets'));
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><div id="app"></div>');
  // The own entries of the phone page, the counter and the board, as the build writes them.
  for (const [surface, title] of [
    ['status', 'Status Tiket'],
    ['counter', 'Loket'],
    ['display', 'Papan Antrean'],
  ] as const) {
    mkdirSync(join(appDir, 'src', 'app', surface), { recursive: true });
    writeFileSync(
      join(appDir, 'src', 'app', surface, 'index.html'),
      `<!doctype html><title>${title}</title><div id="app"></div>`,
    );
  }
  writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(appDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  return appDir;
}

/** A fresh SQLite store in its own temp file. */
export async function tempStore(): Promise<{ store: Store; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'anjungan-store-')), 'anjungan.sqlite');
  return { store: await openSqliteStore({ file }), file };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * The app over a fresh store; `clock.now` may be moved by a test. `log` keeps every log
 * entry; `errors` are the unexpected errors among them (a fuzz asserts there are none).
 */
export async function startHarness(
  options: {
    config?: ConfigBundle;
    heartbeatMs?: number;
    bodyTimeoutMs?: number;
    published?: ConfigBundle[];
    formerSiteIds?: string[];
    /** Wraps the store the app sees (to count its calls, say). */
    wrapStore?: (store: Store) => Store;
    /** Another store than a fresh SQLite file (PostgreSQL, say); `file` is then ''. */
    store?: Store;
  } = {},
) {
  const { store, file } = options.store ? { store: options.store, file: '' } : await tempStore();
  const config = options.config ?? kioskBundle();
  const catalogue = buildCatalogue([...(options.published ?? []), config]);
  const clock = { now: NOW };
  const pokes = new Pokes();
  const log = memoryLogger();
  const app = createApp({
    store: options.wrapStore?.(store) ?? store,
    config: () => config,
    appDir: writeAppDir(),
    version: '9.9.9',
    now: () => clock.now,
    pokes,
    log,
    heartbeatMs: options.heartbeatMs ?? 25_000,
    // Versions published before the active one, as the server reads them from its store.
    ...(options.published ? { catalogue: () => catalogue } : {}),
    ...(options.formerSiteIds ? { formerSiteIds: () => options.formerSiteIds ?? [] } : {}),
    secretKey: TEST_SECRET_KEY,
    clientAddress: (c) => c.req.header(CLIENT_HEADER) ?? DEFAULT_CLIENT,
    ...(options.bodyTimeoutMs === undefined ? {} : { bodyTimeoutMs: options.bodyTimeoutMs }),
  });
  return { app, store, file, config, clock, pokes, log, errors: log.errors };
}

/** Options of one API call: a bearer token, a JSON body (or raw text), extra headers. */
export type CallOptions = {
  token?: string;
  authorization?: string;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** The client address the app sees (DEFAULT_CLIENT when absent). */
  client?: string;
};

/** Calls /api/v1<path> on the app. */
export function call(
  h: Pick<Harness, 'app'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.client !== undefined) headers[CLIENT_HEADER] = options.client;
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  // duplex: a ReadableStream body (a request without Content-Length) needs it in Node.
  const init = { method, headers, body, duplex: 'half' } as RequestInit;
  return Promise.resolve(h.app.request(`/api/v1${path}`, init));
}

/** The JSON of a response, typed by the caller. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Admin tokens made by the helpers are valid this long (30 days, the default). */
export const SEED_TOKEN_TTL_MS = 30 * 86_400_000;

/** Bootstraps the first admin straight through the store; returns its token. */
export async function seedAdmin(store: Store, code = 'BOOT-STRA-P234'): Promise<string> {
  return (await seedAdminWithIds(store, code)).token;
}

/** Bootstraps an admin straight through the store; returns its ids and token. */
export async function seedAdminWithIds(
  store: Store,
  code = 'BOOT-STRA-P234',
): Promise<{ adminId: string; tokenId: string; token: string }> {
  await store.setBootstrapCode(hashCode(code, TEST_SECRET_KEY), NOW);
  const token = newToken();
  const ids = { adminId: randomUUID(), tokenId: randomUUID() };
  const admin = await store.bootstrapAdmin(
    hashCode(code, TEST_SECRET_KEY),
    { adminId: ids.adminId, name: 'Admin', createdAt: NOW },
    {
      tokenId: ids.tokenId,
      tokenHash: hashSecret(token),
      createdAt: NOW,
      expiresAt: NOW + SEED_TOKEN_TTL_MS,
    },
  );
  if (!admin) throw new Error('bootstrap failed');
  return { ...ids, token };
}

/** The emergency tag of each device seeded: `eventsOf` numbers its tickets from it. */
const tags = new Map<string, string>();

/** Enrolls a device straight through the store (any site); returns its id, token and tag. */
export async function seedDevice(
  store: Store,
  options: { siteId?: string; revoked?: boolean; name?: string; profileId?: string } = {},
): Promise<{ deviceId: string; token: string; emergencyTag: string }> {
  const code = `CODE${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  await store.createEnrollment({
    codeHash: hashCode(code, TEST_SECRET_KEY),
    siteId: options.siteId ?? SITE_ID,
    label: null,
    createdBy: 'test',
    createdAt: NOW,
    expiresAt: NOW + 3_600_000,
  });
  const deviceId = randomUUID();
  const token = newToken();
  const device = await store.enrollDevice(hashCode(code, TEST_SECRET_KEY), {
    deviceId,
    name: options.name ?? 'Kiosk',
    profileId: options.profileId ?? PROFILE_ID,
    tokenHash: hashSecret(token),
    enrolledAt: NOW,
  });
  if (!device) throw new Error('enroll failed');
  if (options.revoked) await store.revokeDevice(deviceId, NOW);
  tags.set(deviceId, device.emergencyTag);
  return { deviceId, token, emergencyTag: device.emergencyTag };
}

/**
 * `count` valid ticket.issued events of a device from `fromSeq`, for today at this site,
 * of services in the config. A seeded device numbers them from its own emergency namespace
 * (A-K001…), so they break no rule of src/domain/trust.ts; `leased: true` numbers them as
 * if from leased blocks (then outside its leases unless the test leased them).
 */
export function eventsOf(
  deviceId: string,
  fromSeq: number,
  count: number,
  overrides: {
    prefix?: string;
    serviceId?: string;
    agencyId?: string;
    businessDay?: string;
    leased?: boolean;
    language?: 'id' | 'en';
  } = {},
): KioskEvent[] {
  const emergencyTag = overrides.leased ? undefined : tags.get(deviceId);
  return Array.from({ length: count }, (_, i) => {
    const deviceSeq = fromSeq + i;
    return ticketIssued({
      id: uuidv7Like(),
      siteId: SITE_ID,
      deviceId,
      deviceSeq,
      businessDay: overrides.businessDay ?? TODAY,
      hlc: encodeHlc({ ms: NOW - 60_000 + deviceSeq, counter: 0 }),
      data: {
        prefix: overrides.prefix ?? 'A',
        seq: deviceSeq,
        ...(emergencyTag ? { emergencyTag } : {}),
        agencyId: overrides.agencyId ?? 'disdukcapil',
        serviceId: overrides.serviceId ?? 'disdukcapil-ktp-el-cetak-ulang',
        language: overrides.language ?? 'id',
        issuedAt: NOW - 60_000 + deviceSeq,
      },
    });
  });
}

/** A random id in UUID form (version 7 bits set), unique per call. */
export function uuidv7Like(): string {
  const hex = randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
