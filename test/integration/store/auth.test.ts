// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emergencyTagAt } from '../../../src/server/store/emergency-tag';
import { enrollDevice, STORE_SITE, useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const admin = (adminId: string, createdAt = T0) => ({ adminId, name: 'Admin', createdAt });
const token = (adminId: string, createdAt = T0, ttl = 30 * DAY) => ({
  tokenId: `tok-${adminId}`,
  tokenHash: `t-${adminId}`,
  createdAt,
  expiresAt: createdAt + ttl,
});
const newDevice = (deviceId: string, enrolledAt = T0) => ({
  deviceId,
  name: 'Kiosk lobi',
  profileId: 'lobby',
  tokenHash: `token-${deviceId}`,
  enrolledAt,
});
const enrollment = (codeHash: string, expiresAt = T0 + 60_000) => ({
  codeHash,
  siteId: STORE_SITE,
  label: 'Lobi',
  createdBy: 'admin-1',
  createdAt: T0 - 1000,
  expiresAt,
});

describe('emergency tags', () => {
  it('run A…Z, then AA, AB, …, ZZ, AAA', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(emergencyTagAt)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe.each(storeTargets())('store auth records ($kind)', (target) => {
  const { store } = useStore(target);

  it('creates the first admin with the bootstrap code, once only', async () => {
    await store().setBootstrapCode('boot-1', T0);

    const wrong = await store().bootstrapAdmin('boot-x', admin('a0'), token('a0'));
    const first = await store().bootstrapAdmin('boot-1', admin('a1'), token('a1'));
    const again = await store().bootstrapAdmin('boot-1', admin('a2'), token('a2'));

    expect(wrong).toBeNull();
    expect(first).toEqual({ adminId: 'a1', name: 'Admin', createdAt: T0 });
    expect(again).toBeNull();
    expect(await store().hasActiveAdmin(T0)).toBe(true);
    expect(await store().adminByToken('t-a1')).toEqual({
      tokenId: 'tok-a1',
      adminId: 'a1',
      adminName: 'Admin',
      createdAt: T0,
      expiresAt: T0 + 30 * DAY,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await store().adminByToken('t-a2')).toBeNull();
  });

  it('makes one admin when the right code is used twice at once', async () => {
    await store().setBootstrapCode('boot-1', T0);

    const results = await Promise.all([
      store().bootstrapAdmin('boot-1', admin('a1'), token('a1')),
      store().bootstrapAdmin('boot-1', admin('a2'), token('a2')),
    ]);

    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('replaces a pending bootstrap code, and ignores a new one once an admin exists', async () => {
    await store().setBootstrapCode('boot-1', T0);
    await store().setBootstrapCode('boot-2', T0 + 1);
    const old = await store().bootstrapAdmin('boot-1', admin('a0'), token('a0'));
    await store().bootstrapAdmin('boot-2', admin('a1'), token('a1'));

    await store().setBootstrapCode('boot-3', T0 + 2);

    expect(old).toBeNull();
    expect(await store().bootstrapAdmin('boot-3', admin('a2'), token('a2'))).toBeNull();
  });

  it('spends an enrollment code once, creating the device with tag A', async () => {
    await store().createEnrollment(enrollment('code-1'));

    const device = await store().enrollDevice('code-1', newDevice('kiosk-1'));
    const reused = await store().enrollDevice('code-1', newDevice('kiosk-2'));

    expect(device).toEqual({
      deviceId: 'kiosk-1',
      siteId: STORE_SITE,
      name: 'Kiosk lobi',
      profileId: 'lobby',
      emergencyTag: 'A',
      enrolledAt: T0,
      revokedAt: null,
      lastSeenAt: T0,
      lastSeq: 0,
      testPrintAt: null,
      reenrolledAt: null,
    });
    expect(reused).toBeNull();
    expect(await store().deviceByToken('token-kiosk-1')).toEqual(device);
    expect(await store().deviceByToken('token-kiosk-2')).toBeNull();
  });

  it('refuses an expired or unknown code', async () => {
    await store().createEnrollment(enrollment('code-1', T0 + 60_000));

    const expired = await store().enrollDevice('code-1', newDevice('kiosk-1', T0 + 60_000));
    const unknown = await store().enrollDevice('code-x', newDevice('kiosk-1'));

    expect(expired).toBeNull();
    expect(unknown).toBeNull();
    expect(await store().devices(STORE_SITE)).toEqual([]);
  });

  it('throws for a device id already enrolled and leaves the code unspent', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().createEnrollment(enrollment('code-1'));

    const again = store().enrollDevice('code-1', newDevice('kiosk-1'));

    await expect(again).rejects.toMatchObject({ code: 'device_exists' });
    expect(await store().enrollDevice('code-1', newDevice('kiosk-2'))).not.toBeNull();
  });

  it('gives devices tags A, B, C … per site, never reusing a revoked device’s tag', async () => {
    const a = await enrollDevice(store(), 'kiosk-1');
    const b = await enrollDevice(store(), 'kiosk-2');
    await store().revokeDevice('kiosk-2', T0);
    const c = await enrollDevice(store(), 'kiosk-3');
    const elsewhere = await enrollDevice(store(), 'kiosk-9', { siteId: 'mpp-lain' });

    expect([a, b, c].map((d) => d.emergencyTag)).toEqual(['A', 'B', 'C']);
    expect(elsewhere.emergencyTag).toBe('A');
  });

  it('gives concurrent enrollments at one site distinct tags', async () => {
    const codes = Array.from({ length: 8 }, (_, i) => `code-${i}`);
    for (const code of codes) await store().createEnrollment(enrollment(code));

    const devices = await Promise.all(
      codes.map((code, i) => store().enrollDevice(code, newDevice(`kiosk-${i}`))),
    );

    const tags = devices.map((d) => d?.emergencyTag).sort();
    expect(tags).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  });

  it('revokes a device, keeping the first time; its token still finds it', async () => {
    await enrollDevice(store(), 'kiosk-1');

    const revoked = await store().revokeDevice('kiosk-1', T0 + 5);
    const again = await store().revokeDevice('kiosk-1', T0 + 9);
    const unknown = await store().revokeDevice('kiosk-x', T0);

    expect([revoked, again, unknown]).toEqual([true, true, false]);
    expect((await store().deviceByToken('token-kiosk-1'))?.revokedAt).toBe(T0 + 5);
  });

  it('records when a device was last seen', async () => {
    await enrollDevice(store(), 'kiosk-1');

    await store().touchDevice('kiosk-1', T0 + 42);

    expect((await store().devices(STORE_SITE))[0]?.lastSeenAt).toBe(T0 + 42);
  });
});
