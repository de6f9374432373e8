// @vitest-environment node
/**
 * The ledger beside the database (src/server/store/ledger.ts): what a database restored
 * from an older copy takes back — quota totals, devices, revocations, spent codes, staff.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPathOf, readLedger } from '../../../src/server/store/ledger-file';
import type { NewStaff } from '../../../src/server/store/staff';
import {
  deviceEvents,
  enrollDevice,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { restoreAfter, sqliteTarget, storeTargets } from '../../fixtures/store-targets';

/** When the tests revoke a device. */
const T_REVOKE = 1_700_000_000_000;

/** A person of the site with a set-up code, as an admin makes them. */
const person = (staffId: string): NewStaff => ({
  staffId,
  siteId: STORE_SITE,
  name: `Petugas ${staffId}`,
  role: 'petugas',
  agencies: ['disdukcapil'],
  setupCode: { codeHash: `code-${staffId}`, expiresAt: Date.now() + 3_600_000 },
  createdAt: Date.now(),
});
const PIN = { salt: 'c2FsdA', hash: 'aGFzaA', iterations: 600_000 };

/** Today (UTC): the ledger keeps recent days of quota only. */
const TODAY = new Date().toISOString().slice(0, 10);

/** A request for `count` tokens of a service whose quota is 10, today. */
const tokens = (deviceId: string, count: number) => ({
  siteId: STORE_SITE,
  deviceId,
  businessDay: TODAY,
  serviceId: 'disdukcapil-ktp-el-cetak-ulang',
  pool: '',
  count,
  quota: 10,
  grantedAt: 1,
});

describe.each(storeTargets())('store ledger ($kind)', (target) => {
  const { store, location } = useStore(target);

  it('keeps every quota grant in the ledger beside the marker, and a database behind it catches up', async () => {
    await store().leaseQuota(tokens('kiosk-1', 4));
    await store().close();
    const ledger = ledgerPathOf(location().markerPath);
    const content = await readLedger(ledger);
    const recorded = content.quotas;
    // Five more were granted after the copy the database came back from.
    writeFileSync(ledger, JSON.stringify({ ...content, quotas: [{ ...recorded[0], granted: 9 }] }));

    const reopened = await location().open();
    const grant = await reopened.leaseQuota(tokens('kiosk-2', 5));

    expect(recorded).toEqual([
      {
        siteId: STORE_SITE,
        businessDay: TODAY,
        serviceId: 'disdukcapil-ktp-el-cetak-ulang',
        pool: '',
        granted: 4,
      },
    ]);
    expect(grant).toEqual({ count: 1, remaining: 0 });
    expect((await readLedger(ledger)).quotas[0]?.granted).toBe(10);
    await reopened.close();
  });

  it('ignores a malformed ledger and drops days before the day before yesterday', async () => {
    const ledger = ledgerPathOf(location().markerPath);
    await store().leaseQuota({ ...tokens('kiosk-1', 3), businessDay: '2025-11-03' });
    await store().close();
    writeFileSync(ledger, '{ not json');

    const reopened = await location().open();
    await reopened.leaseQuota({ ...tokens('kiosk-1', 2), businessDay: '2025-11-03' });
    await reopened.leaseQuota(tokens('kiosk-1', 2));

    expect((await readLedger(ledger)).quotas.map((t) => [t.businessDay, t.granted])).toEqual([
      [TODAY, 2],
    ]);
    await reopened.close();
  });

  it('gives a database that lacks them the ledger’s devices, with token and tag, and revocations', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    await store().revokeDevice('kiosk-2', T_REVOKE);
    await store().close();
    const content = await readLedger(ledgerPathOf(location().markerPath));
    // A database that lost both enrollments: an empty one, with this ledger beside it.
    const empty = await target.create();
    try {
      writeFileSync(ledgerPathOf(empty.markerPath), JSON.stringify(content));

      const restored = await empty.open();
      const back = await restored.deviceByToken('token-kiosk-1');
      const revoked = await restored.deviceByToken('token-kiosk-2');
      const next = await enrollDevice(restored, 'kiosk-3');
      await restored.close();

      expect(back).toMatchObject({ deviceId: 'kiosk-1', emergencyTag: 'A', lastSeq: 0 });
      expect(back?.revokedAt).toBeNull();
      expect(revoked).toMatchObject({ emergencyTag: 'B', revokedAt: T_REVOKE });
      expect(next.emergencyTag).toBe('C');
    } finally {
      await empty.dispose();
    }
  });

  it('refuses to open beside a ledger of another database, changing nothing', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().close();
    const content = await readLedger(ledgerPathOf(location().markerPath));
    const other = await target.create();
    try {
      const otherStore = await other.open();
      await enrollDevice(otherStore, 'kiosk-9');
      await otherStore.close();
      writeFileSync(ledgerPathOf(other.markerPath), JSON.stringify(content));

      await expect(other.open()).rejects.toThrow(/not an older copy/);
      writeFileSync(ledgerPathOf(other.markerPath), '[]');
      const reopened = await other.open();
      expect((await reopened.devices(STORE_SITE)).map((d) => d.deviceId)).toEqual(['kiosk-9']);
      await reopened.close();
    } finally {
      await other.dispose();
    }
  });
});

describe.each(storeTargets())('store ledger: staff ($kind)', (target) => {
  const { store, location } = useStore(target);

  it('keeps each person as last changed, and gives a database behind it the people it lacks or holds older', async () => {
    await store().createStaff(person('s1'), 'admin-1');
    await store().createStaff(person('s2'), 'admin-1');
    await store().setStaffLocked(STORE_SITE, 's2', true, Date.now(), 'admin-1');
    await store().close();
    const ledger = ledgerPathOf(location().markerPath);
    const content = await readLedger(ledger);
    const [s1, s2] = content.staff;
    if (s1 === undefined || s2 === undefined) throw new Error('the ledger holds no staff');
    // Changed after the copy the database came back from: s1's PIN set, s3 made; and an
    // entry older than what the database holds (s2 at version 1), which changes nothing.
    const later = { ...s1, pin: PIN, setupCodeHash: null, setupExpiresAt: null, version: 2 };
    const s3 = { ...s1, staffId: 's3', setupCodeHash: 'code-s3', name: 'Petugas s3' };
    writeFileSync(
      ledger,
      JSON.stringify({ ...content, staff: [later, { ...s2, locked: false, version: 1 }, s3] }),
    );

    const reopened = await location().open();
    const held = (await reopened.staffOfSite(STORE_SITE)).sort((a, b) =>
      a.staffId.localeCompare(b.staffId),
    );

    expect([s1, s2].map((p) => [p.staffId, p.version, p.locked, p.setupCodeHash])).toEqual([
      ['s1', 1, false, 'code-s1'],
      ['s2', 2, true, 'code-s2'],
    ]);
    expect(held.map((p) => [p.staffId, p.version, p.locked, p.pin])).toEqual([
      ['s1', 2, false, PIN],
      ['s2', 2, true, null],
      ['s3', 1, false, null],
    ]);
    expect(await reopened.staffBySetupCode(STORE_SITE, 'code-s1', Date.now())).toBeNull();
    await reopened.close();
  });
});

describe('store ledger (a SQLite file restored from backup)', () => {
  const { store, location } = useStore(sqliteTarget);

  it('never grants again quota tokens granted after the backup it was restored from (I8)', async () => {
    await store().leaseQuota(tokens('kiosk-1', 4));
    await store().close();
    let lost = { count: 0, remaining: 0 };
    const restored = await restoreAfter(location(), async (later) => {
      lost = await later.leaseQuota(tokens('kiosk-1', 4));
    });

    const next = await restored.leaseQuota(tokens('kiosk-2', 10));

    expect(lost).toEqual({ count: 4, remaining: 2 });
    expect(next).toEqual({ count: 2, remaining: 0 });
    await restored.close();
  });

  it('knows again, after a restore, the devices enrolled and revoked and the codes spent after the backup', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().createEnrollment({
      codeHash: 'code-made-before',
      siteId: STORE_SITE,
      label: null,
      createdBy: 'admin-1',
      createdAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
    });
    await store().close();
    const newDevice = (deviceId: string) => ({
      deviceId,
      name: deviceId,
      profileId: 'lobby',
      tokenHash: `token-${deviceId}`,
      enrolledAt: Date.now(),
    });
    let spent: unknown = null;
    const restored = await restoreAfter(location(), async (later) => {
      spent = await later.enrollDevice('code-made-before', newDevice('kiosk-2'));
      await later.push(pushInput(deviceEvents('kiosk-2', 1, 3)));
      await later.revokeDevice('kiosk-1', T_REVOKE);
    });

    const replay = await restored.push(pushInput(deviceEvents('kiosk-2', 1, 3)));
    const reused = await restored.enrollDevice('code-made-before', newDevice('kiosk-4'));
    const next = await enrollDevice(restored, 'kiosk-3');

    expect(spent).not.toBeNull();
    expect(await restored.deviceByToken('token-kiosk-2')).toMatchObject({ emergencyTag: 'B' });
    expect(replay).toMatchObject({ kind: 'ok', ackSeq: 3, accepted: 3 });
    expect((await restored.deviceByToken('token-kiosk-1'))?.revokedAt).toBe(T_REVOKE);
    expect(reused).toBeNull();
    expect(next.emergencyTag).toBe('C');
    await restored.close();
  });
  it('knows again, after a restore, the people made, the PINs set, the codes spent and the locks made after the backup', async () => {
    await store().createStaff(person('s1'), 'admin-1');
    await store().createStaff(person('s2'), 'admin-1');
    await store().close();
    const restored = await restoreAfter(location(), async (later) => {
      await later.setPinByCode(STORE_SITE, 'code-s1', PIN, Date.now());
      await later.setStaffLocked(STORE_SITE, 's2', true, Date.now(), 'admin-1');
      await later.createStaff(person('s3'), 'admin-1');
    });

    const held = await restored.staffOfSite(STORE_SITE);
    const reused = await restored.setPinByCode(STORE_SITE, 'code-s1', PIN, Date.now());

    expect(held.map((p) => [p.staffId, p.pin !== null, p.locked])).toEqual([
      ['s1', true, false],
      ['s2', false, true],
      ['s3', false, false],
    ]);
    expect(reused).toBeNull();
    await restored.close();
  });
});
