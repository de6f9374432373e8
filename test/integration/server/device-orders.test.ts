// @vitest-environment node
/**
 * What an admin asks of a device over HTTP: another profile of the active config, a test
 * print (heard by the device in its pull answer, ended by its health report), and a
 * revoked device taken back by a new enrollment code while a live one is refused; the
 * events the device made while refused push with its new token.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AdminDeviceSummary,
  ApiError,
  AuditPage,
  EnrollResponse,
  PullResponse,
} from '../../../src/domain/protocol';
import type { StaffSetupResponse } from '../../../src/domain/staff';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import { type StoreLocation, storeTargets } from '../../fixtures/store-targets';
import {
  call,
  eventsOf,
  type Harness,
  json,
  NOW,
  PROFILE_ID,
  seedAdmin,
  seedDevice,
  startHarness,
} from './support';

describe.each(storeTargets())('device orders over HTTP ($kind)', (target) => {
  let h: Harness;
  let admin: string;
  let kiosk: { deviceId: string; token: string; emergencyTag: string };
  let location: StoreLocation;

  beforeEach(async () => {
    const loket = kioskProfile({ id: 'loket', name: 'Loket', surface: 'counter' });
    location = await target.create();
    h = await startHarness({
      config: kioskBundle({ profiles: [kioskProfile(), loket] }),
      store: await location.open(() => NOW),
    });
    admin = await seedAdmin(h.store);
    kiosk = await seedDevice(h.store);
    return async () => {
      await h.store.close();
      await location.dispose();
    };
  });

  const pulled = async (token = kiosk.token) =>
    json<PullResponse>(await call(h, 'GET', '/sync/pull', { token }));
  const listed = async () =>
    (
      await json<{ devices: AdminDeviceSummary[] }>(
        await call(h, 'GET', '/admin/devices', { token: admin }),
      )
    ).devices.find((d) => d.deviceId === kiosk.deviceId);
  const setProfile = (profileId: string, id = kiosk.deviceId, token = admin) =>
    call(h, 'POST', `/admin/devices/${id}/profile`, { token, body: { profileId } });
  const askPrint = (id = kiosk.deviceId, token = admin) =>
    call(h, 'POST', `/admin/devices/${id}/test-print`, { token });
  const audit = async () =>
    (await json<AuditPage>(await call(h, 'GET', '/admin/audit', { token: admin }))).entries;

  const HEALTH = {
    app: '1.0.0',
    config: 'v1',
    pending: 0,
    oldestPendingAt: null,
    storage: { usage: null, quota: null, persisted: null },
    lastError: null,
  };

  describe('a device’s profile, changed by an admin', () => {
    it('is heard by the device at its next pull, audited', async () => {
      const before = await pulled();

      const answer = await setProfile('loket');
      const after = await pulled();

      expect(before.device).toEqual({ profileId: PROFILE_ID, testPrintAt: null });
      expect(answer.status).toBe(200);
      expect((await json<{ device: AdminDeviceSummary }>(answer)).device.profileId).toBe('loket');
      expect(after.device?.profileId).toBe('loket');
      expect((await listed())?.profileId).toBe('loket');
      expect((await audit()).find((e) => e.action === 'device.profile')).toMatchObject({
        targetId: kiosk.deviceId,
        outcome: 'ok',
      });
    });

    it('takes only a profile of the active config, of a device of the site', async () => {
      const unknownProfile = await setProfile('tidak-ada');
      const unknownDevice = await setProfile('loket', '0190a0b0-0000-7000-8000-000000000000');
      const notAnId = await setProfile('loket', 'bukan-id');
      const fromDevice = await setProfile('loket', kiosk.deviceId, kiosk.token);

      expect(unknownProfile.status).toBe(400);
      expect((await json<ApiError>(unknownProfile)).error).toBe('unknown_profile');
      expect([unknownDevice.status, notAnId.status, fromDevice.status]).toEqual([404, 404, 403]);
      expect((await pulled()).device?.profileId).toBe(PROFILE_ID);
    });

    it('is not a supervisor’s to change (read only)', async () => {
      const made = await call(h, 'POST', '/admin/staff', {
        token: admin,
        body: { name: 'Rina Wati', role: 'supervisor', agencies: ['disdukcapil'] },
      });
      const { setupCode } = await json<StaffSetupResponse>(made);
      const session = await call(h, 'POST', '/admin/first-pin', {
        body: { setupCode, pin: '246813' },
      });
      const { token } = await json<{ token: string }>(session);

      const profile = await setProfile('loket', kiosk.deviceId, token);
      const print = await askPrint(kiosk.deviceId, token);

      expect([profile.status, print.status]).toEqual([403, 403]);
      expect((await json<ApiError>(profile)).error).toBe('read_only');
      expect((await pulled()).device).toEqual({ profileId: PROFILE_ID, testPrintAt: null });
    });
  });

  describe('a test print asked by an admin', () => {
    it('is one print however often asked, until the device reports how it went', async () => {
      await askPrint();
      h.clock.now = NOW + 5_000;
      await askPrint();
      const asked = (await pulled()).device?.testPrintAt;
      const report = {
        ...HEALTH,
        testPrint: { askedAt: NOW, outcome: 'failed', reason: 'kertas habis', at: NOW + 6_000 },
      };

      const answer = await call(h, 'POST', '/sync/health', { token: kiosk.token, body: report });

      expect(asked).toBe(NOW);
      expect(answer.status).toBe(200);
      expect((await pulled()).device?.testPrintAt).toBeNull();
      expect(await listed()).toMatchObject({
        testPrintAt: null,
        health: { testPrint: report.testPrint },
      });
      expect((await audit()).filter((e) => e.action === 'device.test-print')).toHaveLength(2);
    });

    it('refuses an outcome the protocol does not know, or a reason too long', async () => {
      const bad = [
        { askedAt: NOW, outcome: 'smudged', reason: null, at: NOW },
        { askedAt: NOW, outcome: 'failed', reason: 'x'.repeat(201), at: NOW },
      ];

      const answers = await Promise.all(
        bad.map((testPrint) =>
          call(h, 'POST', '/sync/health', { token: kiosk.token, body: { ...HEALTH, testPrint } }),
        ),
      );

      expect(answers.map((a) => a.status)).toEqual([400, 400]);
    });
  });

  describe('a revoked device taken back with a new code', () => {
    const enroll = async (code: string) =>
      call(h, 'POST', '/enroll', {
        body: { code, deviceId: kiosk.deviceId, name: 'Anjungan 1', profileId: PROFILE_ID },
      });
    const newCode = async () =>
      (
        await json<{ code: string }>(
          await call(h, 'POST', '/admin/enrollments', { token: admin, body: {} }),
        )
      ).code;

    it('is refused while live, taken back once revoked, and its refused-time events push', async () => {
      const live = await enroll(await newCode());
      await call(h, 'POST', `/admin/devices/${kiosk.deviceId}/revoke`, { token: admin });
      // Made while the server refused the device: kept on the device, pushed later.
      const whileRefused = eventsOf(kiosk.deviceId, 1, 3);
      const refused = await call(h, 'POST', '/sync/push', {
        token: kiosk.token,
        body: { events: whileRefused },
      });

      const again = await enroll(await newCode());
      const { token } = await json<EnrollResponse>(again);
      const pushed = await call(h, 'POST', '/sync/push', { token, body: { events: whileRefused } });
      const oldToken = await call(h, 'GET', '/sync/pull', { token: kiosk.token });

      expect(live.status).toBe(409);
      expect((await json<ApiError>(live)).error).toBe('device_exists');
      expect(refused.status).toBe(403);
      expect(again.status).toBe(201);
      expect(pushed.status).toBe(200);
      expect(await json(pushed)).toMatchObject({ ackSeq: 3, accepted: 3, flagged: 0 });
      expect(oldToken.status).toBe(401);
      expect(await listed()).toMatchObject({ revokedAt: null, reenrolledAt: NOW, lastSeq: 3 });
      expect((await audit()).map((e) => e.action)).toContain('device.reenroll');
    });
  });
});
