// @vitest-environment node
/** Leases through HTTP: the days window, queue prefixes, quotas never exceeded, visits. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeaseResponse } from '../../../src/domain/protocol';
import { kioskBundle, MOBILE_PROFILE_ID, withMobileUnit } from '../../fixtures/kiosk';
import { call, type Harness, json, seedDevice, startHarness, TODAY } from './support';

const SITE = 'mpp-kota-contoh';
const VISIT_DAY = '2025-11-05';

let h: Harness;
let kiosk: { deviceId: string; token: string };
/** An MPP bergerak unit (the default team's, which makes the visit). */
let unit: { deviceId: string; token: string };

beforeEach(async () => {
  h = await startHarness({
    config: withMobileUnit(
      kioskBundle({
        visits: [
          {
            id: 'sukamaju',
            date: VISIT_DAY,
            kelurahan: 'Sukamaju',
            place: 'Balai Kelurahan',
            hours: { from: '08:00', to: '12:00' },
            services: [{ service: 'imigrasi-paspor-baru', quota: 5 }],
          },
        ],
      }),
    ),
  });
  kiosk = await seedDevice(h.store);
  unit = await seedDevice(h.store, { profileId: MOBILE_PROFILE_ID });
  return () => h.store.close();
});

const lease = (body: unknown, token = kiosk.token) =>
  call(h, 'POST', '/sync/leases', { token, body });
const plusDays = (n: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('number leases', () => {
  it("defaults to the server's business day and hands out disjoint blocks", async () => {
    const other = await seedDevice(h.store);

    const first = await json<LeaseResponse>(await lease({ numbers: [{ prefix: 'A', count: 50 }] }));
    const second = await json<LeaseResponse>(
      await lease({ numbers: [{ prefix: 'A', count: 50 }] }, other.token),
    );

    expect(first.businessDay).toBe(TODAY);
    expect(first.numbers).toEqual([{ businessDay: TODAY, prefix: 'A', start: 1, end: 50 }]);
    expect(second.numbers).toEqual([{ businessDay: TODAY, prefix: 'A', start: 51, end: 100 }]);
    expect(first.epoch).toBe(h.store.epoch);
  });

  it("caps a block at the site's deviceBlockSize, so one device cannot drain a queue", async () => {
    const size = h.config.site.numbering.deviceBlockSize;

    const big = await json<LeaseResponse>(await lease({ numbers: [{ prefix: 'A', count: 200 }] }));

    expect(size).toBeLessThan(200);
    expect(big.numbers).toEqual([{ businessDay: TODAY, prefix: 'A', start: 1, end: size }]);
  });

  it(`grants today through today + 14 days, and refuses yesterday and day 15`, async () => {
    const days = [0, 1, 14].map(plusDays);

    const ok = await lease({
      numbers: days.map((businessDay) => ({ businessDay, prefix: 'D', count: 1 })),
    });
    const past = await lease({ numbers: [{ businessDay: plusDays(-1), prefix: 'D', count: 1 }] });
    const far = await lease({ numbers: [{ businessDay: plusDays(15), prefix: 'D', count: 1 }] });

    expect(ok.status).toBe(200);
    expect((await json<LeaseResponse>(ok)).numbers.map((n) => n.businessDay)).toEqual(days);
    expect(past.status).toBe(400);
    expect(far.status).toBe(400);
    expect(await json(far)).toMatchObject({
      error: 'invalid_lease_request',
      issues: [{ path: '$.numbers[0].businessDay' }],
    });
  });

  it('refuses a prefix that is not a queue of the site, granting nothing else either', async () => {
    const response = await lease({
      numbers: [
        { prefix: 'A', count: 10 },
        { prefix: 'Z', count: 10 },
      ],
    });

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ issues: [{ path: '$.numbers[1].prefix' }] });
    expect(await h.store.numberLeases(SITE, TODAY)).toEqual([]);
  });

  it('refuses counts outside 1..200 and days that are not calendar days', async () => {
    const bodies = [
      { numbers: [{ prefix: 'A', count: 0 }] },
      { numbers: [{ prefix: 'A', count: 201 }] },
      { numbers: [{ prefix: 'A', count: 1.5 }] },
      { numbers: [{ prefix: 'A', count: 1, businessDay: '2025-11-31' }] },
    ];

    const statuses = await Promise.all(bodies.map(async (b) => (await lease(b)).status));

    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(await h.store.numberLeases(SITE, TODAY)).toEqual([]);
  });
});

describe('quota leases', () => {
  it('never grants more than the daily quota, across devices', async () => {
    const other = await seedDevice(h.store);
    const ask = { quotas: [{ serviceId: 'imigrasi-paspor-baru', count: 2 }] };

    const first = await json<LeaseResponse>(
      await lease({ quotas: [{ serviceId: 'imigrasi-paspor-baru', count: 1 }] }),
    );
    const second = await json<LeaseResponse>(await lease(ask, other.token));
    const third = await json<LeaseResponse>(await lease(ask));

    expect(first.quotas).toEqual([
      { businessDay: TODAY, serviceId: 'imigrasi-paspor-baru', count: 1, remaining: 1 },
    ]);
    expect(second.quotas[0]).toMatchObject({ count: 1, remaining: 0 });
    expect(third.quotas[0]).toMatchObject({ count: 0, remaining: 0 });
  });

  it('never grants more than the quota to many concurrent requests', async () => {
    const devices = await Promise.all(
      Array.from({ length: 6 }, () => seedDevice(h.store, { profileId: MOBILE_PROFILE_ID })),
    );
    const ask = {
      quotas: [{ businessDay: VISIT_DAY, serviceId: 'imigrasi-paspor-baru', count: 2 }],
    };

    const answers = await Promise.all(
      devices.map(async (d) => json<LeaseResponse>(await lease(ask, d.token))),
    );

    const granted = answers.reduce((sum, a) => sum + (a.quotas[0]?.count ?? 0), 0);
    expect(granted).toBe(5);
  });

  it("gives the mobile unit its visit's quota on its date, and leaves the lobby its daily one", async () => {
    const ask = {
      quotas: [{ businessDay: VISIT_DAY, serviceId: 'imigrasi-paspor-baru', count: 9 }],
    };

    const atVisit = await json<LeaseResponse>(await lease(ask, unit.token));
    const atLobby = await json<LeaseResponse>(await lease(ask, kiosk.token));
    const again = await json<LeaseResponse>(await lease(ask, unit.token));

    // The visit's 5 went to the unit; the lobby's daily 2 stayed the lobby's.
    expect(atVisit.quotas).toEqual([
      { businessDay: VISIT_DAY, serviceId: 'imigrasi-paspor-baru', count: 5, remaining: 0 },
    ]);
    expect(atLobby.quotas).toEqual([
      { businessDay: VISIT_DAY, serviceId: 'imigrasi-paspor-baru', count: 2, remaining: 0 },
    ]);
    expect(again.quotas[0]?.count).toBe(0);
  });

  it('refuses quota lines for services without a quota or unknown to the config', async () => {
    const response = await lease({
      quotas: [
        { serviceId: 'disdukcapil-kk-perubahan', count: 1 },
        { serviceId: 'no-such-service', count: 1 },
      ],
    });

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      issues: [{ path: '$.quotas[0].serviceId' }, { path: '$.quotas[1].serviceId' }],
    });
  });
});
