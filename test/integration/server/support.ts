/**
 * The site server's app in process for integration tests: createApp over a real SQLite
 * store in a temp file, a fixed clock at 2025-11-03 09:00 WIB, and helpers to bootstrap an
 * admin, enroll devices (also revoked ones and ones of another site) and build events.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A built PWA, as small as the server needs to serve its shell. */
export function writeAppDir(): string {
  const appDir = mkdtempSync(join(tmpdir(), 'anjungan-app-'));
  mkdirSync(join(appDir, 'assets'));
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><div id="app"></div>');
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
  options: { config?: ConfigBundle; heartbeatMs?: number; bodyTimeoutMs?: number } = {},
) {
  const { store, file } = await tempStore();
  const config = options.config ?? kioskBundle();
  const clock = { now: NOW };
  const pokes = new Pokes();
  const log = memoryLogger();
  const app = createApp({
    store,
    config: () => config,
    appDir: writeAppDir(),
    version: '9.9.9',
    now: () => clock.now,
    pokes,
    log,
    heartbeatMs: options.heartbeatMs ?? 25_000,
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
};

/** Calls /api/v1<path> on the app. */
export function call(
  h: Pick<Harness, 'app'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
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

/** Bootstraps the first admin straight through the store; returns its token. */
export async function seedAdmin(store: Store, code = 'BOOT-STRA-P234'): Promise<string> {
  await store.setBootstrapCode(hashCode(code), NOW);
  const token = newToken();
  const admin = await store.bootstrapAdmin(hashCode(code), {
    adminId: randomUUID(),
    name: 'Admin',
    createdAt: NOW,
    tokenHash: hashSecret(token),
  });
  if (!admin) throw new Error('bootstrap failed');
  return token;
}

/** Enrolls a device straight through the store (any site); returns its id and token. */
export async function seedDevice(
  store: Store,
  options: { siteId?: string; revoked?: boolean; name?: string } = {},
): Promise<{ deviceId: string; token: string }> {
  const code = `CODE${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  await store.createEnrollment({
    codeHash: hashCode(code),
    siteId: options.siteId ?? SITE_ID,
    label: null,
    createdBy: 'test',
    createdAt: NOW,
    expiresAt: NOW + 3_600_000,
  });
  const deviceId = randomUUID();
  const token = newToken();
  const device = await store.enrollDevice(hashCode(code), {
    deviceId,
    name: options.name ?? 'Kiosk',
    profileId: PROFILE_ID,
    tokenHash: hashSecret(token),
    enrolledAt: NOW,
  });
  if (!device) throw new Error('enroll failed');
  if (options.revoked) await store.revokeDevice(deviceId, NOW);
  return { deviceId, token };
}

/** `count` valid ticket.issued events of a device from `fromSeq`, for today at this site. */
export function eventsOf(
  deviceId: string,
  fromSeq: number,
  count: number,
  overrides: { prefix?: string; serviceId?: string; agencyId?: string; businessDay?: string } = {},
): KioskEvent[] {
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
        agencyId: overrides.agencyId ?? 'disdukcapil',
        serviceId: overrides.serviceId ?? 'disdukcapil-ktp-el-cetak-ulang',
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
