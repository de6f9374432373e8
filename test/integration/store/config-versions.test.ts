// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ConfigVersionRecord } from '../../../src/server/store/records';
import { kioskBundle } from '../../fixtures/kiosk';
import { STORE_SITE, useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

function version(v: string, source: 'dir' | 'admin', createdAt: number): ConfigVersionRecord {
  return { version: v, source, bundle: { ...kioskBundle(), version: v }, createdAt };
}

describe.each(storeTargets())('store config versions ($kind)', (target) => {
  const { store } = useStore(target);

  it('has no active config before one is saved', async () => {
    expect(await store().activeConfig(STORE_SITE)).toBeNull();
  });

  it('serves the newest dir version while no admin version exists', async () => {
    await store().saveConfigVersion(STORE_SITE, version('d1', 'dir', 1));
    await store().saveConfigVersion(STORE_SITE, version('d2', 'dir', 2));

    const active = await store().activeConfig(STORE_SITE);

    expect(active).toEqual(version('d2', 'dir', 2));
  });

  it('prefers the newest admin version over any newer dir version', async () => {
    await store().saveConfigVersion(STORE_SITE, version('a1', 'admin', 10));
    await store().saveConfigVersion(STORE_SITE, version('a2', 'admin', 20));
    await store().saveConfigVersion(STORE_SITE, version('d9', 'dir', 30));

    const active = await store().activeConfig(STORE_SITE);

    expect(active?.version).toBe('a2');
  });

  it('never stores a version twice: the seed again changes nothing, an admin publishing it makes it the newest', async () => {
    await store().saveConfigVersion(STORE_SITE, version('v1', 'dir', 1));
    await store().saveConfigVersion(STORE_SITE, version('a1', 'admin', 5));

    await store().saveConfigVersion(STORE_SITE, version('v1', 'dir', 50));
    const afterSeed = await store().activeConfig(STORE_SITE);
    // Restoring the seed's version from the admin screen.
    await store().saveConfigVersion(STORE_SITE, version('v1', 'admin', 99));

    expect(afterSeed?.version).toBe('a1');
    expect(await store().activeConfig(STORE_SITE)).toEqual(version('v1', 'admin', 99));
    expect(await store().configVersionList(STORE_SITE)).toEqual([
      { version: 'v1', source: 'admin', createdAt: 99 },
      { version: 'a1', source: 'admin', createdAt: 5 },
    ]);
    expect(await store().activeConfig('mpp-lain')).toBeNull();
  });

  it('takes an admin version published again (a change undone) as the newest, with its audit entry', async () => {
    await store().saveConfigVersion(STORE_SITE, version('a1', 'admin', 10));
    await store().saveConfigVersion(STORE_SITE, version('a2', 'admin', 20));
    const audit = {
      at: 30,
      adminId: 'admin-1',
      action: 'visit.write' as const,
      targetId: 'x',
      outcome: 'ok',
    };

    await store().saveConfigVersion(STORE_SITE, version('a1', 'admin', 30), audit);

    expect(await store().activeConfig(STORE_SITE)).toEqual(version('a1', 'admin', 30));
    expect((await store().auditLog(null, 5))[0]).toMatchObject({
      action: 'visit.write',
      targetId: 'x',
    });
  });

  it('lists every version of the site, oldest first, for the catalogue', async () => {
    await store().saveConfigVersion(STORE_SITE, version('b', 'admin', 20));
    await store().saveConfigVersion(STORE_SITE, version('a', 'dir', 10));
    await store().saveConfigVersion('mpp-lain', version('x', 'dir', 5));

    const history = await store().configHistory(STORE_SITE);

    expect(history.map((bundle) => bundle.version)).toEqual(['a', 'b']);
  });
});
