// @vitest-environment node
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPathOf, readLedger } from '../../../src/server/store/ledger';
import { NUMBER_FENCE } from '../../../src/server/store/number-fence';
import { openSqliteStore } from '../../../src/server/store/open';
import {
  deviceEvents,
  enrollDevice,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { sqliteFileOf, sqliteTarget, storeTargets } from '../../fixtures/store-targets';

const DAY = '2025-11-03';

/** A lease request for `count` numbers of queue A on `businessDay`. */
const numbers = (deviceId: string, count: number, businessDay = DAY) => ({
  siteId: STORE_SITE,
  deviceId,
  businessDay,
  prefix: 'A',
  count,
  grantedAt: 1,
});

/** When the tests revoke a device. */
const T_REVOKE = 1_700_000_000_000;

/** Today (UTC): the quota ledger keeps recent days only. */
const TODAY = new Date().toISOString().slice(0, 10);

/** A request for `count` tokens of a service whose quota is 10, today. */
const tokens = (deviceId: string, count: number) => ({
  siteId: STORE_SITE,
  deviceId,
  businessDay: TODAY,
  serviceId: 'disdukcapil-ktp-el-cetak-ulang',
  count,
  quota: 10,
  grantedAt: 1,
});

/** Copies a SQLite database with its WAL, as a backup tool or a crash would leave it. */
function copyDb(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    rmSync(`${to}${suffix}`, { force: true });
    if (existsSync(`${from}${suffix}`)) copyFileSync(`${from}${suffix}`, `${to}${suffix}`);
  }
  rmSync(`${to}-shm`, { force: true });
}

describe.each(storeTargets())('store epoch ($kind)', (target) => {
  const { store, location } = useStore(target);

  it('keeps the epoch across a clean close and reopen', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 3)));
    const before = store().epoch;
    await store().close();

    const reopened = await location().open();

    expect(reopened.epoch).toBe(before);
    expect(await reopened.head(STORE_SITE)).toBe(3);
  });

  it('takes a new epoch when the last run did not close (a crash)', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));

    const afterCrash = await location().open();

    expect(afterCrash.epoch).not.toBe(store().epoch);
    expect(await afterCrash.head(STORE_SITE)).toBe(2);
  });

  it('takes a new epoch when the clean-close marker is missing', async () => {
    const before = store().epoch;
    await store().close();
    rmSync(location().markerPath);

    const reopened = await location().open();

    expect(reopened.epoch).not.toBe(before);
  });

  it('takes a new epoch when the marker is from another clean close', async () => {
    await store().close();
    const oldMarker = readFileSync(location().markerPath);
    const second = await location().open();
    await second.close();
    writeFileSync(location().markerPath, oldMarker);

    const reopened = await location().open();

    expect(reopened.epoch).not.toBe(second.epoch);
  });

  it('keeps the number heads across a clean close', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 25));
    await store().close();

    const reopened = await location().open();

    expect(await reopened.leaseNumbers(numbers('kiosk-2', 25))).toMatchObject({ start: 26 });
  });

  it('fences the number heads after a crash: old days jump by the fence, new days start above it', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 25));

    const afterCrash = await location().open();
    const sameDay = await afterCrash.leaseNumbers(numbers('kiosk-2', 25));
    const newDay = await afterCrash.leaseNumbers(numbers('kiosk-2', 25, '2025-11-04'));
    const againAfterSecondCrash = await (await location().open()).leaseNumbers(
      numbers('kiosk-2', 25, '2025-11-05'),
    );

    expect(sameDay).toMatchObject({ start: 26 + NUMBER_FENCE, end: 50 + NUMBER_FENCE });
    expect(newDay).toMatchObject({ start: NUMBER_FENCE + 1 });
    expect(againAfterSecondCrash).toMatchObject({ start: 2 * NUMBER_FENCE + 1 });
  });

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

  it('removes the marker while running and survives close() called twice', async () => {
    await store().close();
    const reopened = await location().open();

    expect(existsSync(location().markerPath)).toBe(false);
    await reopened.close();
    await reopened.close();
    expect(existsSync(location().markerPath)).toBe(true);
  });
});

describe('store epoch (sqlite files)', () => {
  const { store, location } = useStore(sqliteTarget);
  const file = () => sqliteFileOf(location());

  it('opens a copy taken while running (a crash image) with every pushed event and a new epoch', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 5)));
    const crashed = join(mkdtempSync(join(tmpdir(), 'anjungan-crash-')), 'anjungan.sqlite');
    copyDb(file(), crashed);

    const recovered = await openSqliteStore({ file: crashed });

    expect(recovered.epoch).not.toBe(store().epoch);
    expect(await recovered.head(STORE_SITE)).toBe(5);
    expect((await recovered.devices(STORE_SITE))[0]?.lastSeq).toBe(5);
    await recovered.close();
  });

  it('takes a new epoch when an older copy of the file is restored', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));
    await store().close();
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const later = await location().open();
    await later.push(pushInput(deviceEvents('kiosk-1', 3, 2)));
    await later.close();
    copyDb(backup, file());

    const restored = await location().open();

    expect(later.epoch).toBe(store().epoch);
    expect(restored.epoch).not.toBe(later.epoch);
    expect(await restored.head(STORE_SITE)).toBe(2);
  });

  it('never grants again a block granted after the backup it was restored from (I8)', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 25));
    await store().close();
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const later = await location().open();
    const lost = await later.leaseNumbers(numbers('kiosk-1', 25));
    await later.close();
    copyDb(backup, file());

    const restored = await location().open();
    const next = await restored.leaseNumbers(numbers('kiosk-2', 25));

    expect(lost).toMatchObject({ start: 26, end: 50 });
    expect(next.start).toBeGreaterThan(lost.end);
  });

  it('never grants again quota tokens granted after the backup it was restored from (I8)', async () => {
    await store().leaseQuota(tokens('kiosk-1', 4));
    await store().close();
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const later = await location().open();
    const lost = await later.leaseQuota(tokens('kiosk-1', 4));
    await later.close();
    copyDb(backup, file());

    const restored = await location().open();
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
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const later = await location().open();
    const newDevice = (deviceId: string) => ({
      deviceId,
      name: deviceId,
      profileId: 'lobby',
      tokenHash: `token-${deviceId}`,
      enrolledAt: Date.now(),
    });
    expect(await later.enrollDevice('code-made-before', newDevice('kiosk-2'))).not.toBeNull();
    await later.push(pushInput(deviceEvents('kiosk-2', 1, 3)));
    await later.revokeDevice('kiosk-1', T_REVOKE);
    await later.close();
    copyDb(backup, file());

    const restored = await location().open();
    const replay = await restored.push(pushInput(deviceEvents('kiosk-2', 1, 3)));
    const reused = await restored.enrollDevice('code-made-before', newDevice('kiosk-4'));
    const next = await enrollDevice(restored, 'kiosk-3');

    expect(await restored.deviceByToken('token-kiosk-2')).toMatchObject({ emergencyTag: 'B' });
    expect(replay).toMatchObject({ kind: 'ok', ackSeq: 3, accepted: 3 });
    expect((await restored.deviceByToken('token-kiosk-1'))?.revokedAt).toBe(T_REVOKE);
    expect(reused).toBeNull();
    expect(next.emergencyTag).toBe('C');
    await restored.close();
  });

  it('never grants a block again when the same old copy is restored twice (fence file)', async () => {
    await store().close();
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const restoreAndLease = async (deviceId: string) => {
      copyDb(backup, file());
      const opened = await location().open();
      const lease = await opened.leaseNumbers(numbers(deviceId, 25));
      await opened.close();
      return lease;
    };

    const first = await restoreAndLease('kiosk-1');
    const second = await restoreAndLease('kiosk-2');
    const third = await restoreAndLease('kiosk-3');

    expect(first).toMatchObject({ start: 1, end: 25 });
    expect(second.start).toBeGreaterThan(first.end);
    expect(third.start).toBeGreaterThan(second.end);
  });

  it('gives an in-memory store a new epoch on every open', async () => {
    const first = await openSqliteStore({ file: ':memory:' });
    await first.close();

    const second = await openSqliteStore({ file: ':memory:' });

    expect(second.epoch).not.toBe(first.epoch);
    await second.close();
  });

  it('creates the database’s directory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anjungan-dir-')), 'a', 'b', 'anjungan.sqlite');

    const created = await openSqliteStore({ file });
    await created.close();

    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.closed`)).toBe(true);
  });
});
