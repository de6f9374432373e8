// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPathOf } from '../../../src/server/store/ledger-file';
import { fencePathOf, NUMBER_FENCE, readFenceFile } from '../../../src/server/store/number-fence';
import { openSqliteStore } from '../../../src/server/store/open';
import { memoryLogger } from '../../fixtures/logger';
import {
  deviceEvents,
  enrollDevice,
  granted,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import {
  copyDb,
  restoreAfter,
  sqliteFileOf,
  sqliteTarget,
  storeTargets,
} from '../../fixtures/store-targets';

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

  it('ignores a fence file that is no fence of ours, and never keeps a fence for good', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 25));
    const fencePath = fencePathOf(location().markerPath);
    // Duplicate keys, the last winning: a floor past the numbering, an until far ahead.
    writeFileSync(
      fencePath,
      '{"floor":0,"until":"2000-01-01","floor":999998999,"until":"9999-12-31"}',
    );

    const afterCrash = await location().open();
    const next = granted(await afterCrash.leaseNumbers(numbers('kiosk-2', 25)));
    writeFileSync(fencePath, JSON.stringify({ floor: 5000, until: '9999-12-31' }));
    const again = await location().open(); // a crash again: afterCrash never closed
    const fence = await readFenceFile(fencePath);

    expect(next).toMatchObject({ start: 26 + NUMBER_FENCE, end: 50 + NUMBER_FENCE });
    expect(fence?.floor).toBe(5000 + NUMBER_FENCE);
    expect(fence?.until.localeCompare(new Date(Date.now() + 47 * 86_400_000).toISOString())).toBe(
      -1,
    );
    await again.close();
  });

  it('says in one warning line each which DATA_DIR file was damaged, and opens anyway', async () => {
    await store().close();
    const marker = location().markerPath;
    writeFileSync(marker, '{"epoch":');
    writeFileSync(fencePathOf(marker), JSON.stringify({ floor: -5, until: 'gestern' }));
    writeFileSync(ledgerPathOf(marker), JSON.stringify({ quotas: [{ siteId: 'x' }], devices: [] }));
    const log = memoryLogger();

    const reopened = await openSqliteStore({ file: file(), log });

    expect(log.entries.map((e) => [e.level, e.fields.file])).toEqual([
      ['warn', ledgerPathOf(marker)],
      ['warn', marker],
      ['warn', fencePathOf(marker)],
    ]);
    expect(JSON.stringify(log.entries)).not.toContain('gestern');
    await reopened.close();
  });

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
    let laterEpoch = '';

    const restored = await restoreAfter(location(), async (later) => {
      laterEpoch = later.epoch;
      await later.push(pushInput(deviceEvents('kiosk-1', 3, 2)));
    });

    expect(laterEpoch).toBe(store().epoch);
    expect(restored.epoch).not.toBe(laterEpoch);
    expect(await restored.head(STORE_SITE)).toBe(2);
  });

  it('never grants again a block granted after the backup it was restored from (I8)', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 25));
    await store().close();
    let lost = { start: 0, end: 0 };
    const restored = await restoreAfter(location(), async (later) => {
      lost = granted(await later.leaseNumbers(numbers('kiosk-1', 25)));
    });

    const next = granted(await restored.leaseNumbers(numbers('kiosk-2', 25)));

    expect(lost).toMatchObject({ start: 26, end: 50 });
    expect(next.start).toBeGreaterThan(lost.end);
  });

  it('never grants a block again when the same old copy is restored twice (fence file)', async () => {
    await store().close();
    const backup = `${file()}.backup`;
    copyDb(file(), backup);
    const restoreAndLease = async (deviceId: string) => {
      copyDb(backup, file());
      const opened = await location().open();
      const lease = granted(await opened.leaseNumbers(numbers(deviceId, 25)));
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
