// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_TICKET_SEQ } from '../../../src/domain/numbering';
import { ticketIssued } from '../../fixtures/events';
import { enrollDevice, pushInput, STORE_SITE, useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const DAY = '2025-11-03';

function numbers(
  deviceId: string,
  count: number,
  overrides: { prefix?: string; businessDay?: string } = {},
) {
  return {
    siteId: STORE_SITE,
    deviceId,
    businessDay: overrides.businessDay ?? DAY,
    prefix: overrides.prefix ?? 'A',
    count,
    grantedAt: 1,
  };
}

function quota(deviceId: string, count: number, total: number) {
  return {
    siteId: STORE_SITE,
    deviceId,
    businessDay: DAY,
    serviceId: 'ktp-el',
    pool: '',
    count,
    quota: total,
    grantedAt: 1,
  };
}

describe.each(storeTargets())('store leases ($kind)', (target) => {
  const { store } = useStore(target);

  it('grants blocks one after another, starting at 1', async () => {
    const first = await store().leaseNumbers(numbers('kiosk-1', 50));

    const second = await store().leaseNumbers(numbers('kiosk-2', 20));

    expect(first).toEqual({ businessDay: DAY, prefix: 'A', start: 1, end: 50 });
    expect(second).toEqual({ businessDay: DAY, prefix: 'A', start: 51, end: 70 });
  });

  it('numbers each prefix and each day on its own', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 10));

    const otherPrefix = await store().leaseNumbers(numbers('kiosk-1', 5, { prefix: 'B' }));
    const otherDay = await store().leaseNumbers(
      numbers('kiosk-1', 5, { businessDay: '2025-11-04' }),
    );

    expect(otherPrefix).toMatchObject({ prefix: 'B', start: 1, end: 5 });
    expect(otherDay).toMatchObject({ businessDay: '2025-11-04', start: 1, end: 5 });
  });

  it('lists a day’s blocks with their device', async () => {
    await store().leaseNumbers(numbers('kiosk-1', 10, { prefix: 'B' }));
    await store().leaseNumbers(numbers('kiosk-2', 10));
    await store().leaseNumbers(numbers('kiosk-1', 10));

    const leases = await store().numberLeases(STORE_SITE, DAY);

    expect(leases).toEqual([
      { businessDay: DAY, prefix: 'A', start: 1, end: 10, deviceId: 'kiosk-2' },
      { businessDay: DAY, prefix: 'A', start: 11, end: 20, deviceId: 'kiosk-1' },
      { businessDay: DAY, prefix: 'B', start: 1, end: 10, deviceId: 'kiosk-1' },
    ]);
  });

  it('never grants past MAX_TICKET_SEQ: the last block is cut short, then nothing is granted', async () => {
    await store().leaseNumbers(numbers('kiosk-1', MAX_TICKET_SEQ - 5));

    const last = await store().leaseNumbers(numbers('kiosk-2', 10));
    const none = await store().leaseNumbers(numbers('kiosk-2', 10));
    const otherQueue = await store().leaseNumbers(numbers('kiosk-2', 10, { prefix: 'B' }));

    expect(last).toMatchObject({ start: MAX_TICKET_SEQ - 4, end: MAX_TICKET_SEQ });
    expect(none).toBeNull();
    expect(otherQueue).toMatchObject({ start: 1, end: 10 });
  });

  it('grants one device no more than its share of a queue’s day, leaving the rest to others', async () => {
    const share = { deviceShare: 30 };

    const granted = [
      await store().leaseNumbers({ ...numbers('kiosk-1', 20), ...share }),
      await store().leaseNumbers({ ...numbers('kiosk-1', 20), ...share }),
      await store().leaseNumbers({ ...numbers('kiosk-1', 20), ...share }),
      await store().leaseNumbers({ ...numbers('kiosk-2', 20), ...share }),
      await store().leaseNumbers({
        ...numbers('kiosk-1', 20, { businessDay: '2025-11-04' }),
        ...share,
      }),
    ];

    expect(granted.map((l) => l && [l.start, l.end])).toEqual([
      [1, 20],
      [21, 30],
      null,
      [31, 50],
      [1, 20],
    ]);
  });

  it('refuses a count below one', async () => {
    await expect(store().leaseNumbers(numbers('kiosk-1', 0))).rejects.toMatchObject({
      code: 'bad_count',
    });
  });

  it('grants quota up to what is left, then none', async () => {
    const first = await store().leaseQuota(quota('kiosk-1', 30, 50));

    const second = await store().leaseQuota(quota('kiosk-2', 30, 50));
    const third = await store().leaseQuota(quota('kiosk-1', 30, 50));

    expect([first, second, third]).toEqual([
      { count: 30, remaining: 20 },
      { count: 20, remaining: 0 },
      { count: 0, remaining: 0 },
    ]);
  });

  it('grants a device no more unused tokens than its share; tickets it pushed free its share', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const share = { ...quota('kiosk-1', 5, 50), deviceShare: 8 };
    const ticketOf = (deviceSeq: number) =>
      ticketIssued({
        siteId: STORE_SITE,
        deviceId: 'kiosk-1',
        deviceSeq,
        businessDay: DAY,
        data: { serviceId: 'ktp-el' },
      });

    const first = await store().leaseQuota(share);
    const second = await store().leaseQuota(share);
    const third = await store().leaseQuota(share);
    await store().push(pushInput([ticketOf(1), ticketOf(2), ticketOf(3)]));
    const afterUse = await store().leaseQuota(share);
    const other = await store().leaseQuota({ ...quota('kiosk-2', 5, 50), deviceShare: 8 });

    expect([first, second, third, afterUse, other].map((g) => g.count)).toEqual([5, 3, 0, 3, 5]);
  });

  it('grants nothing when the quota was lowered below what is granted', async () => {
    await store().leaseQuota(quota('kiosk-1', 40, 50));

    const lowered = await store().leaseQuota(quota('kiosk-2', 10, 30));

    expect(lowered).toEqual({ count: 0, remaining: 0 });
  });
});
