// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PushOutcome } from '../../../src/server/store/records';
import {
  deviceEvent,
  deviceEvents,
  enrollDevice,
  granted,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const DEVICES = 20;
const BATCHES = 5;
const BATCH = 10;

describe.each(storeTargets())('store under concurrency ($kind)', (target) => {
  const { store } = useStore(target);

  it('gives concurrent pushes of many devices unique, contiguous siteSeqs', async () => {
    const ids = Array.from({ length: DEVICES }, (_, i) => `kiosk-${i + 1}`);
    for (const id of ids) await enrollDevice(store(), id);
    const pushAll = (id: string) => async () => {
      const outcomes: PushOutcome[] = [];
      for (let b = 0; b < BATCHES; b++) {
        outcomes.push(await store().push(pushInput(deviceEvents(id, 1 + b * BATCH, BATCH))));
      }
      return outcomes;
    };

    const results = await Promise.all(ids.map((id) => pushAll(id)()));

    const total = DEVICES * BATCHES * BATCH;
    expect(results.flat().every((o) => o.kind === 'ok')).toBe(true);
    const log = await store().pull(STORE_SITE, 0, total + 10);
    expect(log.map((e) => e.siteSeq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(log.map((e) => e.id)).size).toBe(total);
    for (const id of ids) {
      const own = log.filter((e) => e.deviceId === id).map((e) => e.deviceSeq);
      expect(own).toEqual(Array.from({ length: BATCHES * BATCH }, (_, i) => i + 1));
    }
  });

  it.each([
    { who: 'a puller', skip: null, seen: 200 },
    {
      who: 'a device pulling past its own events',
      skip: { deviceId: 'kiosk-1', throughSeq: 20 },
      seen: 180,
    },
  ])(
    'lets $who following the head during concurrent pushes miss nothing',
    async ({ skip, seen: expected }) => {
      const ids = Array.from({ length: 10 }, (_, i) => `kiosk-${i + 1}`);
      for (const id of ids) await enrollDevice(store(), id);
      const seen: string[] = [];
      let cursor = 0;
      let pushing = true;
      const follow = async () => {
        while (pushing || cursor < (await store().head(STORE_SITE))) {
          const page = await store().pullPage(STORE_SITE, cursor, 7, skip);
          seen.push(...page.events.map((e) => e.id));
          cursor = page.last ?? cursor;
        }
      };
      const following = follow();

      await Promise.all(
        ids.map(async (id) => {
          for (let b = 0; b < 4; b++) await store().push(pushInput(deviceEvents(id, 1 + b * 5, 5)));
        }),
      );
      pushing = false;
      await following;

      const log = await store().pull(STORE_SITE, 0, 1000);
      expect(seen).toEqual(
        log.filter((e) => skip === null || e.deviceId !== skip.deviceId).map((e) => e.id),
      );
      expect(seen).toHaveLength(expected);
    },
  );

  it('stores an event id pushed by two devices at once for one of them only', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    const a = deviceEvent('kiosk-1', 1);
    const b = { ...deviceEvent('kiosk-2', 1), id: a.id };

    const outcomes = await Promise.all([
      store().push(pushInput([a])),
      store().push(pushInput([b])),
    ]);

    expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'ok']);
    expect(await store().head(STORE_SITE)).toBe(1);
  });

  it('stores a batch once when the same device pushes it twice at the same time', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const events = deviceEvents('kiosk-1', 1, 20);

    const outcomes = await Promise.all([
      store().push(pushInput(events)),
      store().push(pushInput(events)),
      store().push(pushInput(events.slice(0, 10))),
    ]);

    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes.reduce((n, o) => n + (o.kind === 'ok' ? o.accepted : 0), 0)).toBe(20);
    expect(await store().head(STORE_SITE)).toBe(20);
  });

  it('never grants overlapping number blocks, whatever runs at once', async () => {
    const asks = Array.from({ length: 40 }, (_, i) => ({
      siteId: STORE_SITE,
      deviceId: `kiosk-${i % 8}`,
      businessDay: '2025-11-03',
      prefix: 'A',
      count: 1 + (i % 7),
      grantedAt: i,
    }));

    const answers = await Promise.all(asks.map((ask) => store().leaseNumbers(ask)));
    const leases = answers.map((lease) => granted(lease));

    const sorted = [...leases].sort((a, b) => a.start - b.start);
    sorted.forEach((lease, i) => {
      expect(lease.start).toBe(i === 0 ? 1 : (sorted[i - 1]?.end ?? 0) + 1);
    });
    const total = asks.reduce((n, ask) => n + ask.count, 0);
    expect(sorted.at(-1)?.end).toBe(total);
    expect(await store().numberLeases(STORE_SITE, '2025-11-03')).toHaveLength(40);
  });

  it('never grants more quota than the quota, whatever runs at once', async () => {
    const asks = Array.from({ length: 30 }, (_, i) => ({
      siteId: STORE_SITE,
      deviceId: `kiosk-${i}`,
      businessDay: '2025-11-03',
      serviceId: 'ktp-el',
      pool: '',
      count: 7,
      quota: 100,
      grantedAt: i,
    }));

    const grants = await Promise.all(asks.map((ask) => store().leaseQuota(ask)));

    expect(grants.reduce((n, g) => n + g.count, 0)).toBe(100);
    expect(Math.min(...grants.map((g) => g.remaining))).toBe(0);
  });
});
