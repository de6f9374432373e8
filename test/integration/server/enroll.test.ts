// @vitest-environment node
/** The first admin with the bootstrap code, enrollment codes, devices joining, revocation. */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  BootstrapResponse,
  CreateEnrollmentResponse,
  DeviceSummary,
  EnrollResponse,
} from '../../../src/domain/protocol';
import { issueBootstrapCode } from '../../../src/server/auth/bootstrap';
import { hashSecret } from '../../../src/server/auth/secrets';
import {
  call,
  type Harness,
  json,
  NOW,
  PROFILE_ID,
  seedAdmin,
  startHarness,
  TEST_SECRET_KEY,
  uuidv7Like,
} from './support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  return () => h.store.close();
});

const enroll = (body: Record<string, unknown>) =>
  call(h, 'POST', '/enroll', {
    body: { deviceId: uuidv7Like(), name: 'Kiosk lobi 1', profileId: PROFILE_ID, ...body },
  });

async function newEnrollmentCode(
  adminToken: string,
  body: unknown = {},
): Promise<CreateEnrollmentResponse> {
  return json(await call(h, 'POST', '/admin/enrollments', { token: adminToken, body }));
}

describe('bootstrap', () => {
  it('creates the first admin once with the printed code, whose token then works', async () => {
    const code = await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY);

    const response = await call(h, 'POST', '/bootstrap', {
      body: { code: code?.toLowerCase(), name: 'Bu Sari' },
    });
    const admin = await json<BootstrapResponse>(response);
    const again = await call(h, 'POST', '/bootstrap', { body: { code, name: 'Pak Budi' } });

    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(response.status).toBe(201);
    expect(admin.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await call(h, 'GET', '/admin/devices', { token: admin.token })).status).toBe(200);
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ error: 'already_bootstrapped' });
    expect(await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY)).toBeNull();
  });

  it('refuses a wrong code with 403 and creates no admin', async () => {
    await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY);

    const response = await call(h, 'POST', '/bootstrap', {
      body: { code: 'AAAA-BBBB-CCCC', name: 'X' },
    });

    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: 'invalid_code' });
    expect(await h.store.hasActiveAdmin(NOW)).toBe(false);
  });

  it('makes a fresh code on every start until it is used: the previous one stops working', async () => {
    const old = await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY);
    const fresh = await issueBootstrapCode(h.store, NOW + 1, TEST_SECRET_KEY);

    const withOld = await call(h, 'POST', '/bootstrap', { body: { code: old, name: 'X' } });
    const withFresh = await call(h, 'POST', '/bootstrap', { body: { code: fresh, name: 'X' } });

    expect(withOld.status).toBe(403);
    expect(withFresh.status).toBe(201);
  });
});

describe('enrollment', () => {
  let admin: string;
  beforeEach(async () => {
    admin = await seedAdmin(h.store);
  });

  it('gives a one-time XXXXX-XXXXX code valid 24 h by default', async () => {
    const created = await newEnrollmentCode(admin);

    expect(created.code).toMatch(
      /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}$/,
    );
    expect(created.expiresAt).toBe(NOW + 24 * 3_600_000);
  });

  it('enrolls a device once with the code, as typed by a person, storing only the token hash', async () => {
    const { code } = await newEnrollmentCode(admin, { label: 'Lobi', ttlMinutes: 60 });
    const deviceId = uuidv7Like();

    const response = await enroll({ code: ` ${code.toLowerCase().replace('-', ' ')} `, deviceId });
    const enrolled = await json<EnrollResponse>(response);
    const reuse = await enroll({ code });

    expect(response.status).toBe(201);
    expect(enrolled).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      deviceId,
      siteId: 'mpp-kota-contoh',
      emergencyTag: 'A',
      epoch: h.store.epoch,
      serverTime: NOW,
    });
    expect(await h.store.deviceByToken(hashSecret(enrolled.token))).toMatchObject({ deviceId });
    expect((await call(h, 'GET', '/sync/pull', { token: enrolled.token })).status).toBe(200);
    expect(reuse.status).toBe(403);
  });

  it('refuses an expired code, an unknown profile and a device id already enrolled', async () => {
    const expiring = await newEnrollmentCode(admin, { ttlMinutes: 1 });
    const { code } = await newEnrollmentCode(admin);
    const taken = uuidv7Like();
    await enroll({ code, deviceId: taken });
    const another = await newEnrollmentCode(admin);

    h.clock.now = NOW + 60_000;
    const expired = await enroll({ code: expiring.code });
    const badProfile = await enroll({ code: another.code, profileId: 'no-such-profile' });
    const duplicate = await enroll({ code: another.code, deviceId: taken });
    const stillValid = await enroll({ code: another.code });

    expect(expired.status).toBe(403);
    expect(badProfile.status).toBe(400);
    expect(await json(badProfile)).toMatchObject({ error: 'unknown_profile' });
    expect(duplicate.status).toBe(409);
    expect(stillValid.status).toBe(201);
  });

  it('refuses bodies that are not an enrollment request, with the path of each issue', async () => {
    const response = await call(h, 'POST', '/enroll', {
      body: {
        code: 'AAAA-BBBB',
        deviceId: 'kiosk-1',
        name: 'a\u0000b',
        profileId: PROFILE_ID,
        x: 1,
      },
    });

    expect(response.status).toBe(400);
    const paths = (await json<{ issues: { path: string }[] }>(response)).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.deviceId', '$.name', '$.x']));
  });

  it('lists devices for admins and revokes one, whose token then gets 403', async () => {
    const { code } = await newEnrollmentCode(admin);
    const device = await json<EnrollResponse>(await enroll({ code }));
    await call(h, 'GET', '/sync/pull', { token: device.token });

    const listed = await json<{ devices: DeviceSummary[] }>(
      await call(h, 'GET', '/admin/devices', { token: admin }),
    );
    const revoke = await call(h, 'POST', `/admin/devices/${device.deviceId}/revoke`, {
      token: admin,
    });
    const afterwards = await call(h, 'GET', '/sync/pull', { token: device.token });
    const unknown = await call(h, 'POST', `/admin/devices/${uuidv7Like()}/revoke`, {
      token: admin,
    });

    expect(listed.devices).toEqual([
      {
        deviceId: device.deviceId,
        name: 'Kiosk lobi 1',
        profileId: PROFILE_ID,
        emergencyTag: 'A',
        enrolledAt: NOW,
        revokedAt: null,
        lastSeenAt: NOW,
        lastSeq: 0,
        testPrintAt: null,
        reenrolledAt: null,
        health: null,
        healthAt: null,
      },
    ]);
    expect(revoke.status).toBe(200);
    expect(await json(revoke)).toMatchObject({ device: { revokedAt: NOW } });
    expect(afterwards.status).toBe(403);
    expect(unknown.status).toBe(404);
  });
});
