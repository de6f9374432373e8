// @vitest-environment node
/** Which site a store belongs to, and renaming it with its devices, on both databases. */
import { describe, expect, it } from 'vitest';
import { checkSite, SiteMismatch } from '../../../src/server/site-guard';
import { ledgerPathOf, readLedger } from '../../../src/server/store/ledger-file';
import {
  deviceEvents,
  enrollDevice,
  granted,
  pushInput,
  RECEIVED_AT,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const NEW_ID = 'mpp-kota-contoh-baru';

describe.each(storeTargets())('store site identity ($kind)', (target) => {
  const { store, location } = useStore(target);

  it('holds no site until one is claimed, then that one', async () => {
    const before = await store().siteIdentity();

    await store().claimSite(STORE_SITE);

    expect(before).toBeNull();
    expect(await store().siteIdentity()).toEqual({ siteId: STORE_SITE, formerIds: [] });
  });

  it('knows the site of a database from before the record by its rows', async () => {
    await enrollDevice(store(), 'kiosk-1');

    expect(await store().siteIdentity()).toEqual({ siteId: STORE_SITE, formerIds: [] });
  });

  it('refuses to guess for a database that holds several sites', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2', { siteId: 'mpp-lain' });

    await expect(store().siteIdentity()).rejects.toThrow(/mpp-kota-contoh, mpp-lain/);
  });

  it('refuses another site unless a rename names the stored one, changing nothing', async () => {
    await enrollDevice(store(), 'kiosk-1');

    const wrong = checkSite(store(), NEW_ID, { where: 'data' });
    const misnamed = checkSite(store(), NEW_ID, { where: 'data', renameFrom: 'mpp-lain' });

    await expect(wrong).rejects.toBeInstanceOf(SiteMismatch);
    await expect(misnamed).rejects.toThrow(/RENAME_SITE_FROM=mpp-kota-contoh/);
    expect((await store().devices(STORE_SITE)).map((d) => d.deviceId)).toEqual(['kiosk-1']);
  });

  it('renames every row, keeps devices with their tokens, and survives a reopen', async () => {
    const device = await enrollDevice(store(), 'kiosk-1', { tokenHash: 'hash-1' });
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));
    const lease = { deviceId: 'kiosk-1', businessDay: '2025-11-03', prefix: 'A', grantedAt: 1 };
    await store().leaseNumbers({ ...lease, siteId: STORE_SITE, count: 10 });
    await store().leaseQuota({
      ...lease,
      siteId: STORE_SITE,
      serviceId: 'x',
      pool: '',
      count: 3,
      quota: 5,
    });

    const renamed = await checkSite(store(), NEW_ID, { where: 'data', renameFrom: STORE_SITE });
    await store().close();
    const reopened = await location().open(() => RECEIVED_AT);

    expect(renamed).toEqual({
      identity: { siteId: NEW_ID, formerIds: [STORE_SITE] },
      renamed: true,
    });
    expect(await reopened.siteIdentity()).toEqual({ siteId: NEW_ID, formerIds: [STORE_SITE] });
    expect(await reopened.deviceByToken('hash-1')).toMatchObject({
      deviceId: 'kiosk-1',
      siteId: NEW_ID,
      emergencyTag: device.emergencyTag,
    });
    expect((await reopened.pull(NEW_ID, 0, 10)).map((e) => [e.siteId, e.deviceSeq])).toEqual([
      [NEW_ID, 1],
      [NEW_ID, 2],
    ]);
    expect(await reopened.head(NEW_ID)).toBe(2);
    expect(await reopened.pull(STORE_SITE, 0, 10)).toEqual([]);
    const next = granted(await reopened.leaseNumbers({ ...lease, siteId: NEW_ID, count: 10 }));
    expect(next.start).toBeGreaterThan(10);
    const quota = await reopened.leaseQuota({
      ...lease,
      siteId: NEW_ID,
      serviceId: 'x',
      pool: '',
      count: 5,
      quota: 5,
    });
    expect(quota.count).toBe(2);
    const ledger = await readLedger(ledgerPathOf(location().markerPath));
    expect(ledger.quotas.map((q) => q.siteId)).toEqual([NEW_ID]);
    expect(ledger.devices.map((d) => d.siteId)).toEqual([NEW_ID]);
  });
});
