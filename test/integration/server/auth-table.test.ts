// @vitest-environment node
/**
 * The authorization table, row by row: every endpoint × every kind of caller, with the
 * status each must get. Public endpoints answer the same whoever calls; staff endpoints
 * only counter (and mobile) devices may call, not the kiosk `device`. Each row calls
 * from its own client address, so the attempt limits of /bootstrap and /enroll (tested in
 * attempts.test.ts) do not decide a row.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_SETUP_CODE_TTL_MS } from '../../../src/domain/staff';
import { hashCode, hashSecret, newToken } from '../../../src/server/auth/secrets';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import {
  call,
  type Harness,
  NOW,
  PROFILE_ID,
  SITE_ID,
  seedAdminWithIds,
  seedDevice,
  startHarness,
  TEST_SECRET_KEY,
} from './support';

type Caller =
  | 'none'
  | 'malformed'
  | 'unknown'
  | 'revoked'
  | 'admin'
  | 'staffAdmin'
  | 'supervisor'
  | 'expiredAdmin'
  | 'revokedAdmin'
  | 'device'
  | 'counter'
  | 'otherSite';
const CALLERS: Caller[] = [
  'none',
  'malformed',
  'unknown',
  'revoked',
  'admin',
  'staffAdmin',
  'supervisor',
  'expiredAdmin',
  'revokedAdmin',
  'device',
  'counter',
  'otherSite',
];

type Endpoint = {
  name: string;
  method: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  expect: Record<Caller, number>;
};
type Ids = {
  revokedDeviceId: string;
  revokedTokenId: string;
  /** A person the admin rows change. */
  staffId: string;
  /** The set-up code of another person, for the PIN row. */
  setupCode: string;
};

const publicAnswer = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
/** An admin route that changes nothing: a supervisor's session reads it too. */
const adminOnly = (ok: number): Record<Caller, number> => ({
  none: 401,
  malformed: 401,
  unknown: 401,
  revoked: 403,
  admin: ok,
  staffAdmin: ok,
  supervisor: ok,
  expiredAdmin: 401,
  revokedAdmin: 401,
  device: 403,
  counter: 403,
  otherSite: 403,
});
/** An admin route that changes something: a supervisor reads only (403 read_only). */
const adminWrites = (ok: number): Record<Caller, number> => ({ ...adminOnly(ok), supervisor: 403 });
const deviceOnly: Record<Caller, number> = {
  none: 401,
  malformed: 401,
  unknown: 401,
  revoked: 403,
  admin: 403,
  staffAdmin: 403,
  supervisor: 403,
  expiredAdmin: 403,
  revokedAdmin: 403,
  device: 200,
  counter: 200,
  otherSite: 403,
};
const counterOnly: Record<Caller, number> = { ...deviceOnly, device: 403 };

/** Every API endpoint, with a request that succeeds for the right caller. */
const ENDPOINTS: Endpoint[] = [
  { name: 'GET /health', method: 'GET', path: () => '/health', expect: publicAnswer(200) },
  { name: 'GET /config', method: 'GET', path: () => '/config', expect: publicAnswer(200) },
  {
    name: 'GET /tickets/:id (unknown)',
    method: 'GET',
    path: () => '/tickets/0190f5e0-0000-7000-8000-000000000001',
    expect: publicAnswer(404),
  },
  {
    name: 'POST /bootstrap (admin exists)',
    method: 'POST',
    path: () => '/bootstrap',
    body: () => ({ code: 'AAAA-BBBB-CCCC', name: 'X' }),
    expect: publicAnswer(409),
  },
  {
    name: 'POST /enroll (wrong code)',
    method: 'POST',
    path: () => '/enroll',
    body: () => ({
      code: 'AAAA-BBBB',
      deviceId: '0190f5e0-0000-7000-8000-0000000000aa',
      name: 'Kiosk',
      profileId: PROFILE_ID,
    }),
    expect: publicAnswer(403),
  },
  {
    name: 'POST /admin/enrollments',
    method: 'POST',
    path: () => '/admin/enrollments',
    body: () => ({}),
    expect: adminWrites(201),
  },
  {
    name: 'GET /admin/devices',
    method: 'GET',
    path: () => '/admin/devices',
    expect: adminOnly(200),
  },
  {
    name: 'POST /admin/devices/:id/revoke',
    method: 'POST',
    path: (ids) => `/admin/devices/${ids.revokedDeviceId}/revoke`,
    expect: adminWrites(200),
  },
  {
    name: 'GET /admin/flagged',
    method: 'GET',
    path: () => '/admin/flagged',
    expect: adminOnly(200),
  },
  {
    name: 'POST /admin/flagged/:id/review (unknown)',
    method: 'POST',
    path: () => '/admin/flagged/0190f5e0-0000-7000-8000-0000000000ff/review',
    body: () => ({ resolution: 'expected' }),
    // A supervisor reviews too: past the guard, the event is unknown (404) for both.
    expect: adminOnly(404),
  },
  {
    name: 'POST /admin/admins',
    method: 'POST',
    path: () => '/admin/admins',
    body: () => ({ name: 'Admin Dua' }),
    expect: adminWrites(201),
  },
  { name: 'GET /admin/tokens', method: 'GET', path: () => '/admin/tokens', expect: adminOnly(200) },
  {
    name: 'POST /admin/tokens (renewal)',
    method: 'POST',
    path: () => '/admin/tokens',
    expect: adminWrites(201),
  },
  {
    name: 'POST /admin/tokens/:id/revoke',
    method: 'POST',
    path: (ids) => `/admin/tokens/${ids.revokedTokenId}/revoke`,
    expect: adminWrites(200),
  },
  {
    name: 'GET /admin/audit',
    method: 'GET',
    path: () => '/admin/audit?limit=5',
    expect: adminOnly(200),
  },
  { name: 'GET /admin/visits', method: 'GET', path: () => '/admin/visits', expect: adminOnly(200) },
  {
    name: 'PUT /admin/visits/:id (invalid)',
    method: 'PUT',
    path: () => '/admin/visits/sukamaju',
    body: () => ({ date: 'besok' }),
    expect: adminWrites(422),
  },
  {
    name: 'DELETE /admin/visits/:id (unknown)',
    method: 'DELETE',
    path: () => '/admin/visits/tidak-ada',
    expect: adminWrites(404),
  },
  {
    name: 'GET /admin/visits/:id/report (unknown)',
    method: 'GET',
    path: () => '/admin/visits/tidak-ada/report',
    expect: adminOnly(404),
  },
  {
    name: 'POST /sync/push',
    method: 'POST',
    path: () => '/sync/push',
    body: () => ({ events: [] }),
    expect: deviceOnly,
  },
  { name: 'GET /sync/pull', method: 'GET', path: () => '/sync/pull?cursor=0', expect: deviceOnly },
  {
    name: 'POST /sync/leases',
    method: 'POST',
    path: () => '/sync/leases',
    body: () => ({ numbers: [{ prefix: 'A', count: 1 }], quotas: [] }),
    expect: deviceOnly,
  },
  { name: 'GET /sync/stream', method: 'GET', path: () => '/sync/stream', expect: deviceOnly },
  {
    name: 'POST /sync/health',
    method: 'POST',
    path: () => '/sync/health',
    body: () => ({
      app: 'x',
      config: 'y',
      pending: 0,
      oldestPendingAt: null,
      storage: { usage: null, quota: null, persisted: null },
      lastError: null,
    }),
    expect: deviceOnly,
  },
  {
    name: 'POST /admin/staff',
    method: 'POST',
    path: () => '/admin/staff',
    body: () => ({ name: 'Siti', role: 'petugas', agencies: ['disdukcapil'] }),
    expect: adminWrites(201),
  },
  { name: 'GET /admin/staff', method: 'GET', path: () => '/admin/staff', expect: adminOnly(200) },
  {
    name: 'POST /admin/staff/:id/setup-code',
    method: 'POST',
    path: (ids) => `/admin/staff/${ids.staffId}/setup-code`,
    expect: adminWrites(200),
  },
  {
    name: 'POST /admin/staff/:id/lock',
    method: 'POST',
    path: (ids) => `/admin/staff/${ids.staffId}/lock`,
    body: () => ({ locked: true }),
    expect: adminWrites(200),
  },
  { name: 'GET /staff', method: 'GET', path: () => '/staff', expect: counterOnly },
  {
    name: 'POST /staff/pin',
    method: 'POST',
    path: () => '/staff/pin',
    body: (ids) => ({ setupCode: ids.setupCode, pin: '135790' }),
    expect: counterOnly,
  },
  {
    name: 'POST /staff/sign-in',
    method: 'POST',
    path: () => '/staff/sign-in',
    body: (ids) => ({ staffId: ids.staffId, ok: false }),
    expect: counterOnly,
  },
  {
    name: 'POST /admin/sign-in (wrong PIN)',
    method: 'POST',
    path: () => '/admin/sign-in',
    body: () => ({ name: 'Kepala MPP', pin: '000000' }),
    expect: publicAnswer(401),
  },
  {
    name: 'POST /admin/first-pin (wrong code)',
    method: 'POST',
    path: () => '/admin/first-pin',
    body: () => ({ setupCode: 'AAAAA-BBBBB', pin: '135790' }),
    expect: publicAnswer(401),
  },
  { name: 'GET /admin/me', method: 'GET', path: () => '/admin/me', expect: adminOnly(200) },
  {
    name: 'GET /admin/skm',
    method: 'GET',
    path: () => '/admin/skm?from=2025-11-01&to=2025-11-03',
    expect: adminOnly(200),
  },
  {
    name: 'GET /admin/reports',
    method: 'GET',
    path: () => '/admin/reports?from=2025-11-01&to=2025-11-03&by=week',
    expect: adminOnly(200),
  },
  {
    name: 'GET /admin/config/versions',
    method: 'GET',
    path: () => '/admin/config/versions',
    expect: adminOnly(200),
  },
  {
    name: 'POST /admin/config/versions/:v/restore (unknown)',
    method: 'POST',
    path: () => '/admin/config/versions/tidak-ada/restore',
    expect: adminWrites(404),
  },
  {
    name: 'GET /admin/catalogue/template.csv',
    method: 'GET',
    path: () => '/admin/catalogue/template.csv',
    expect: adminOnly(200),
  },
  {
    name: 'POST /admin/catalogue/import (a check, not published)',
    method: 'POST',
    path: () => '/admin/catalogue/import',
    body: () => ({ csv: 'instansi;layanan\ndisdukcapil;x', publish: false }),
    expect: adminWrites(200),
  },
  {
    name: 'POST /admin/bookings/import (a check, not saved)',
    method: 'POST',
    path: () => '/admin/bookings/import',
    body: () => ({
      format: 'csv',
      text: 'kode;tanggal;layanan\nMPPD-0001;2025-11-04;disdukcapil-ktp-el-cetak-ulang',
    }),
    expect: adminWrites(200),
  },
  {
    name: 'GET /admin/bookings',
    method: 'GET',
    path: () => '/admin/bookings?day=2025-11-03',
    expect: adminOnly(200),
  },
  { name: 'GET /sync/bookings', method: 'GET', path: () => '/sync/bookings', expect: deviceOnly },
  {
    name: 'POST /sync/personal',
    method: 'POST',
    path: () => '/sync/personal',
    body: () => ({
      entries: [
        {
          ref: '0190f5e0-0000-7000-8000-0000000000aa',
          serviceId: 'disdukcapil-ktp-el-cetak-ulang',
          fields: [{ id: 'hp', kind: 'phone', value: '081234567890' }],
          consentedAt: 1,
        },
      ],
    }),
    expect: deviceOnly,
  },
  {
    name: 'PUT /admin/catalogue/agencies/:id (a check, not published)',
    method: 'PUT',
    path: () => '/admin/catalogue/agencies/disdukcapil',
    body: () => ({ agency: h.config.agencies[0], basedOn: h.config.version }),
    expect: adminWrites(200),
  },
  {
    name: 'POST /tickets/:id/skm (unknown)',
    method: 'POST',
    path: () => '/tickets/0190f5e0-0000-7000-8000-000000000001/skm',
    body: () => ({ answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }),
    expect: publicAnswer(404),
  },
  // Last: a sign-out ends the session of the token that calls it.
  {
    name: 'POST /admin/sign-out',
    method: 'POST',
    path: () => '/admin/sign-out',
    expect: adminOnly(200),
  },
];

let h: Harness;
let ids: Ids;
let authorization: Record<Caller, string | undefined>;

/** A further token of `adminId`, made an hour before the fixed clock, valid for `ttl`. */
async function extraToken(h: Harness, adminId: string, ttl: number) {
  const token = newToken();
  const tokenId = randomUUID();
  const createdAt = NOW - 3_600_000;
  const tokenHash = hashSecret(token);
  await h.store.createAdminToken(adminId, {
    tokenId,
    tokenHash,
    createdAt,
    expiresAt: createdAt + ttl,
  });
  return { token, tokenId };
}

/** A person of the site with a set-up code, straight through the store. */
async function seedStaff(h: Harness, adminId: string, setupCode: string): Promise<string> {
  const staffId = randomUUID();
  const codeHash = hashCode(setupCode, TEST_SECRET_KEY);
  const setup = { codeHash, expiresAt: NOW + STAFF_SETUP_CODE_TTL_MS };
  const person = { name: 'Petugas', role: 'petugas' as const, agencies: ['disdukcapil'] };
  await h.store.createStaff(
    { ...person, staffId, siteId: SITE_ID, setupCode: setup, createdAt: NOW },
    adminId,
  );
  return staffId;
}

/** A staff member of `role` with an admin session, straight through the store: its token. */
async function staffSession(h: Harness, adminId: string, role: 'admin' | 'supervisor') {
  const staffId = randomUUID();
  const setup = { codeHash: hashCode(`${role}-CODE`, TEST_SECRET_KEY), expiresAt: NOW + 60_000 };
  const person = { name: `Staf ${role}`, role, agencies: ['disdukcapil'] };
  await h.store.createStaff(
    { ...person, staffId, siteId: SITE_ID, setupCode: setup, createdAt: NOW },
    adminId,
  );
  const token = newToken();
  await h.store.startStaffSession(
    { staffId, name: person.name },
    {
      tokenId: randomUUID(),
      tokenHash: hashSecret(token),
      createdAt: NOW,
      expiresAt: NOW + 3_600_000,
    },
  );
  return token;
}

beforeAll(async () => {
  const loket = kioskProfile({ id: 'loket', surface: 'counter' });
  h = await startHarness({ config: kioskBundle({ profiles: [kioskProfile(), loket] }) });
  const admin = await seedAdminWithIds(h.store);
  const expired = await extraToken(h, admin.adminId, 60_000);
  const revokedAdmin = await extraToken(h, admin.adminId, 86_400_000);
  await h.store.revokeAdminToken(revokedAdmin.tokenId, NOW - 1000, admin.adminId);
  const device = await seedDevice(h.store);
  const revoked = await seedDevice(h.store, { revoked: true });
  const otherSite = await seedDevice(h.store, { siteId: 'mpp-kota-lain' });
  const counter = await seedDevice(h.store, { profileId: 'loket' });
  const setupCode = 'PINAB-CDEFG';
  ids = {
    revokedDeviceId: revoked.deviceId,
    revokedTokenId: revokedAdmin.tokenId,
    staffId: await seedStaff(h, admin.adminId, 'STAFF-CODE2'),
    setupCode,
  };
  await seedStaff(h, admin.adminId, setupCode);
  const staffAdmin = await staffSession(h, admin.adminId, 'admin');
  const supervisor = await staffSession(h, admin.adminId, 'supervisor');
  authorization = {
    none: undefined,
    malformed: 'Basic YWRtaW46YWRtaW4=',
    unknown: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    revoked: `Bearer ${revoked.token}`,
    admin: `Bearer ${admin.token}`,
    staffAdmin: `Bearer ${staffAdmin}`,
    supervisor: `Bearer ${supervisor}`,
    expiredAdmin: `Bearer ${expired.token}`,
    revokedAdmin: `Bearer ${revokedAdmin.token}`,
    device: `Bearer ${device.token}`,
    counter: `Bearer ${counter.token}`,
    otherSite: `Bearer ${otherSite.token}`,
  };
});
afterAll(() => h.store.close());

const ROWS = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => ({ endpoint, caller, status: endpoint.expect[caller] })),
).map((row, i) => ({ ...row, client: `198.51.100.${i % 250}` }));

describe('authorization table', () => {
  it.each(ROWS)(
    '$endpoint.name as $caller → $status',
    async ({ endpoint, caller, status, client }) => {
      const response = await call(h, endpoint.method, endpoint.path(ids), {
        authorization: authorization[caller],
        body: endpoint.body?.(ids),
        client,
      });
      const type = response.headers.get('Content-Type') ?? '';
      const isStream = type.startsWith('text/event-stream');
      // A CSV download answers its rows, not JSON.
      const body = isStream
        ? null
        : type.startsWith('text/csv')
          ? await response.text()
          : await response.json();
      if (isStream) await response.body?.cancel();

      expect(response.status).toBe(status);
      if (status >= 400)
        expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      if (status === 401) expect(response.headers.get('WWW-Authenticate')).toContain('Bearer');
    },
  );

  it('tells a malformed header, an unknown token, a revoked device and the wrong role apart', async () => {
    const codes = await Promise.all(
      (['none', 'malformed', 'unknown', 'revoked', 'admin', 'otherSite'] as const).map(
        async (caller) => {
          const response = await call(h, 'GET', '/sync/pull', {
            authorization: authorization[caller],
          });
          return [caller, (await response.json()).error];
        },
      ),
    );

    expect(Object.fromEntries(codes)).toEqual({
      none: 'missing_token',
      malformed: 'malformed_token',
      unknown: 'unknown_token',
      revoked: 'device_revoked',
      admin: 'wrong_role',
      otherSite: 'wrong_site',
    });
  });

  it('tells an expired admin token from a revoked one', async () => {
    const codes = await Promise.all(
      (['expiredAdmin', 'revokedAdmin', 'device'] as const).map(async (caller) => {
        const response = await call(h, 'GET', '/admin/tokens', {
          authorization: authorization[caller],
        });
        return [caller, (await response.json()).error];
      }),
    );

    expect(Object.fromEntries(codes)).toEqual({
      expiredAdmin: 'token_expired',
      revokedAdmin: 'token_revoked',
      device: 'wrong_role',
    });
  });
});
