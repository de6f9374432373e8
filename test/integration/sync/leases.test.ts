import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeaseRequest } from '../../../src/domain/protocol';
import { leaseLevels } from '../../../src/storage/leases';
import { QuotaReachedError } from '../../../src/storage/tickets';
import { TransportError } from '../../../src/sync/transport';
import { FIXTURE_DAY, FIXTURE_SERVICE } from '../../fixtures/sync-device';
import { openDevice, serverIds } from '../../fixtures/sync-harness';
import { FakeSyncServer } from '../../fixtures/sync-server';

let server: FakeSyncServer;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  server = new FakeSyncServer();
});

/** Records the lease requests a device sends. */
function recordLeases(device: Awaited<ReturnType<typeof openDevice>>): LeaseRequest[] {
  const requests: LeaseRequest[] = [];
  const real = device.deps.transport;
  device.deps.transport = {
    ...real,
    leases: (request, signal) => {
      requests.push(request);
      return real.leases(request, signal);
    },
  };
  return requests;
}

describe('lease top-up', () => {
  it('leases disjoint blocks, and issuing takes numbers from them', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];

    await a.sync();
    await b.sync();
    const numbers = [(await a.issue()).data.number, (await b.issue()).data.number];

    expect(numbers).toEqual(['A-001', 'A-026']);
    expect((await leaseLevels(a.db, FIXTURE_DAY)).numbers).toEqual({ A: 24 });
  });

  it('asks for 25 more only once fewer than 10 numbers are left', async () => {
    const a = await openDevice(server, 1);
    const requests = recordLeases(a);
    await a.sync();
    for (let i = 0; i < 15; i += 1) await a.issue();

    await a.sync(); // 10 left: enough.
    await a.issue();
    await a.sync(); // 9 left: top up.

    expect(requests).toEqual([
      { numbers: [{ businessDay: FIXTURE_DAY, prefix: 'A', count: 25 }], quotas: [] },
      { numbers: [{ businessDay: FIXTURE_DAY, prefix: 'A', count: 25 }], quotas: [] },
    ]);
    expect((await leaseLevels(a.db, FIXTURE_DAY)).numbers.A).toBe(34);
  });

  it('holds numbers but no quota tokens for the days ahead, and issues on them the next day', async () => {
    const next = '2026-11-24';
    const a = await openDevice(server, 1, {
      quotaServices: [FIXTURE_SERVICE],
      deps: {
        needs: () => ({
          days: [FIXTURE_DAY],
          aheadDays: [next, FIXTURE_DAY],
          prefixes: ['A'],
          quotaServices: [FIXTURE_SERVICE],
        }),
      },
    });
    const requests = recordLeases(a);

    await a.sync();

    expect(requests[0]?.numbers).toEqual([
      { businessDay: FIXTURE_DAY, prefix: 'A', count: 25 },
      { businessDay: next, prefix: 'A', count: 25 },
    ]);
    expect(requests[0]?.quotas.map((q) => q.businessDay)).toEqual([FIXTURE_DAY]);
    expect((await leaseLevels(a.db, next)).numbers).toEqual({ A: 25 });
    expect((await leaseLevels(a.db, next)).quotas).toEqual({});
  });

  it('issues from the emergency namespace when no lease ever came', async () => {
    const a = await openDevice(server, 1);
    server.offline = true;

    await expect(a.sync()).rejects.toBeInstanceOf(TransportError);
    const ticket = await a.issue();

    expect(ticket.data.number).toBe('A-K001');
  });

  it('tops up quota tokens below 2 while the server has some, then the quota is reached', async () => {
    server.quotas = { [FIXTURE_SERVICE]: 6 };
    const a = await openDevice(server, 1, { quotaServices: [FIXTURE_SERVICE] });
    const requests = recordLeases(a);
    const quota = { dailyQuota: 6 };
    await a.sync();
    for (let i = 0; i < 4; i += 1) await a.issue(quota);

    await a.sync(); // 1 token left: asks 5, gets the last 1.
    await a.issue(quota);
    await a.issue(quota);
    await a.sync(); // None left, and none left at the server: does not ask.

    expect(requests.map((r) => r.quotas)).toEqual([
      [{ businessDay: FIXTURE_DAY, serviceId: FIXTURE_SERVICE, count: 5 }],
      [{ businessDay: FIXTURE_DAY, serviceId: FIXTURE_SERVICE, count: 5 }],
    ]);
    await expect(a.issue(quota)).rejects.toBeInstanceOf(QuotaReachedError);
    expect((await leaseLevels(a.db, FIXTURE_DAY)).quotas[FIXTURE_SERVICE]).toEqual({
      tokens: 0,
      remaining: 0,
    });
  });

  it('pushes and pulls even when the server refuses the lease request', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    const real = a.deps.transport;
    a.deps.transport = {
      ...real,
      leases: async () => {
        throw new TransportError('http', { status: 400, body: { error: 'invalid' } });
      },
    };

    const result = await a.sync();

    expect(result.leased.error).toBe('server answered 400');
    expect(serverIds(server)).toHaveLength(1);
  });

  it("stocks a mobile unit's whole trip in one sync: each visit day's quota and numbers for all of it", async () => {
    // Arrange: two visit days of 60 tokens and 90 numbers (250 numbers the day after: three lines of the site's block size).
    const days = ['2026-11-24', '2026-11-25'];
    server.quotas[FIXTURE_SERVICE] = 60;
    const fill = {
      blockSize: 100,
      numbers: [
        ...days.map((businessDay) => ({ businessDay, prefix: 'A', count: 90 })),
        { businessDay: '2026-11-26', prefix: 'A', count: 250 },
      ],
      quotas: days.map((businessDay) => ({ businessDay, serviceId: FIXTURE_SERVICE, count: 60 })),
    };
    const a = await openDevice(server, 1, {
      deps: {
        needs: () => ({
          days: [FIXTURE_DAY, ...days],
          prefixes: ['A'],
          quotaServices: [FIXTURE_SERVICE],
          fill,
        }),
      },
    });
    const requests = recordLeases(a);

    // Act: prepare, issue a few online, sync again.
    await a.sync();
    const stocked = await Promise.all(days.map((day) => leaseLevels(a.db, day)));
    const far = await leaseLevels(a.db, '2026-11-26');
    await a.sync();

    // Assert
    expect(stocked.map((l) => [l.numbers.A, l.quotas[FIXTURE_SERVICE]?.tokens])).toEqual([
      [90, 60],
      [90, 60],
    ]);
    expect(far.numbers.A).toBe(250);
    expect(requests[0]?.numbers.filter((l) => l.businessDay === '2026-11-26')).toEqual([
      { businessDay: '2026-11-26', prefix: 'A', count: 100 },
      { businessDay: '2026-11-26', prefix: 'A', count: 100 },
      { businessDay: '2026-11-26', prefix: 'A', count: 50 },
    ]);
    // Stocked: the second sync asks for nothing of the trip (today's low-water top-up only).
    expect(
      requests
        .slice(1)
        .flatMap((r) => r.numbers)
        .filter((l) => l.businessDay !== FIXTURE_DAY),
    ).toEqual([]);
    expect(requests.slice(1).flatMap((r) => r.quotas)).toEqual([]);
  });
});
