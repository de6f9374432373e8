// @vitest-environment node
/**
 * What an admin asks of a device, in the store (src/server/store/device-orders.ts): its
 * profile, a test print, and a revoked device taken back by a new code — audited, and
 * kept by the ledger so a database restored from an older copy does not forget them.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/store';
import {
  deviceEvents,
  enrollDevice,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { restoreAfter, sqliteTarget, storeTargets } from '../../fixtures/store-targets';

const T0 = 1_700_000_000_000;
const BY = { at: T0 + 1_000, by: 'admin-1' };

/** A new code of the site made by admin-2, then spent by `deviceId` as a new device would. */
async function enrollAgain(store: Store, deviceId: string, code: string, at = T0 + 5_000) {
  await store.createEnrollment({
    codeHash: code,
    siteId: STORE_SITE,
    label: null,
    createdBy: 'admin-2',
    createdAt: at - 1_000,
    expiresAt: at + 3_600_000,
  });
  return store.enrollDevice(code, {
    deviceId,
    name: 'Kiosk lobi baru',
    profileId: 'lobby-2',
    tokenHash: `token-${deviceId}-again`,
    enrolledAt: at,
  });
}

const actions = async (store: Store) =>
  (await store.auditLog(null, 50)).map(({ action, targetId, outcome, adminId }) => ({
    action,
    targetId,
    outcome,
    adminId,
  }));

describe.each(storeTargets())('store device orders ($kind)', (target) => {
  const { store } = useStore(target);

  it('gives a device another profile, audited; an unknown device changes nothing', async () => {
    await enrollDevice(store(), 'kiosk-1');

    const changed = await store().setDeviceProfile(STORE_SITE, 'kiosk-1', 'loket', BY);
    const unknown = await store().setDeviceProfile(STORE_SITE, 'kiosk-x', 'loket', BY);
    const elsewhere = await store().setDeviceProfile('mpp-lain', 'kiosk-1', 'lobby', BY);

    expect(changed).toMatchObject({ deviceId: 'kiosk-1', profileId: 'loket' });
    expect(unknown).toBeNull();
    expect(elsewhere).toBeNull();
    expect((await store().deviceByToken('token-kiosk-1'))?.profileId).toBe('loket');
    expect((await actions(store())).slice(0, 3)).toEqual([
      {
        action: 'device.profile',
        targetId: 'kiosk-1',
        outcome: 'unknown_device',
        adminId: 'admin-1',
      },
      {
        action: 'device.profile',
        targetId: 'kiosk-x',
        outcome: 'unknown_device',
        adminId: 'admin-1',
      },
      { action: 'device.profile', targetId: 'kiosk-1', outcome: 'ok', adminId: 'admin-1' },
    ]);
  });

  it('asks one test print until the device reports that one', async () => {
    await enrollDevice(store(), 'kiosk-1');

    const first = await store().askTestPrint(STORE_SITE, 'kiosk-1', BY);
    const twice = await store().askTestPrint(STORE_SITE, 'kiosk-1', { ...BY, at: BY.at + 9 });
    await store().reportHealth('kiosk-1', '{}', T0 + 2_000, BY.at + 9);
    const stillAsked = (await store().deviceByToken('token-kiosk-1'))?.testPrintAt;
    await store().reportHealth('kiosk-1', '{}', T0 + 3_000, BY.at);
    const done = (await store().deviceByToken('token-kiosk-1'))?.testPrintAt;

    expect(first?.testPrintAt).toBe(BY.at);
    expect(twice?.testPrintAt).toBe(BY.at);
    expect(stillAsked).toBe(BY.at);
    expect(done).toBeNull();
  });

  it('takes a revoked device back with a new code: new token, same id and tag, audited', async () => {
    const before = await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));
    await store().revokeDevice('kiosk-1', T0 + 2_000, 'admin-1');

    const back = await enrollAgain(store(), 'kiosk-1', 'code-again');
    const oldToken = await store().deviceByToken('token-kiosk-1');
    const pushed = await store().push(pushInput(deviceEvents('kiosk-1', 3, 2)));

    expect(back).toMatchObject({
      deviceId: 'kiosk-1',
      emergencyTag: before.emergencyTag,
      name: 'Kiosk lobi baru',
      profileId: 'lobby-2',
      revokedAt: null,
      reenrolledAt: T0 + 5_000,
      lastSeq: 2,
    });
    expect(oldToken).toBeNull();
    expect(await store().deviceByToken('token-kiosk-1-again')).toMatchObject({ revokedAt: null });
    expect(pushed).toMatchObject({ kind: 'ok', ackSeq: 4, accepted: 2 });
    expect((await actions(store()))[0]).toEqual({
      action: 'device.reenroll',
      targetId: 'kiosk-1',
      outcome: 'ok',
      adminId: 'admin-2',
    });
  });

  it('still refuses a live device’s id, leaving the code unspent', async () => {
    await enrollDevice(store(), 'kiosk-1');

    const again = enrollAgain(store(), 'kiosk-1', 'code-live');

    await expect(again).rejects.toMatchObject({ code: 'device_exists' });
    const other = await store().enrollDevice('code-live', {
      deviceId: 'kiosk-2',
      name: 'Kiosk 2',
      profileId: 'lobby',
      tokenHash: 'token-kiosk-2',
      enrolledAt: T0 + 5_000,
    });
    expect(other).not.toBeNull();
  });
});

describe('store device orders after a restore (SQLite file from backup)', () => {
  const { store, location } = useStore(sqliteTarget);

  it('keeps a re-enrolled device enrolled with its new token, and the profile last set', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().revokeDevice('kiosk-1', T0 + 2_000, 'admin-1');
    await store().close();

    const restored = await restoreAfter(location(), async (later) => {
      await enrollAgain(later, 'kiosk-1', 'code-after-backup');
      await later.setDeviceProfile(STORE_SITE, 'kiosk-1', 'loket', BY);
    });

    expect(await restored.deviceByToken('token-kiosk-1-again')).toMatchObject({
      deviceId: 'kiosk-1',
      revokedAt: null,
      profileId: 'loket',
      reenrolledAt: T0 + 5_000,
    });
    expect(await restored.deviceByToken('token-kiosk-1')).toBeNull();
    const reused = await restored.enrollDevice('code-after-backup', {
      deviceId: 'kiosk-9',
      name: 'Kiosk 9',
      profileId: 'lobby',
      tokenHash: 'token-kiosk-9',
      enrolledAt: T0 + 6_000,
    });
    expect(reused).toBeNull();
    await restored.close();
  });

  it('keeps revoked a device revoked again after its re-enrollment', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().revokeDevice('kiosk-1', T0 + 2_000, 'admin-1');
    await store().close();

    const restored = await restoreAfter(location(), async (later) => {
      await enrollAgain(later, 'kiosk-1', 'code-after-backup');
      await later.revokeDevice('kiosk-1', T0 + 9_000, 'admin-1');
    });

    expect(await restored.deviceByToken('token-kiosk-1-again')).toMatchObject({
      revokedAt: T0 + 9_000,
    });
    await restored.close();
  });
});
