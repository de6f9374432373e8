// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import { OWN_SCAN_LIMIT } from '../../../src/server/store/event-reads';
import {
  deviceEvent,
  deviceEvents,
  enrollDevice,
  pushInput,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

describe.each(storeTargets())('store pull and reads ($kind)', (target) => {
  const { store } = useStore(target);

  it('pages through the log in siteSeq order from any cursor', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 4)));
    await store().push(pushInput(deviceEvents('kiosk-2', 1, 3)));

    const pages = [
      await store().pull(STORE_SITE, 0, 3),
      await store().pull(STORE_SITE, 3, 3),
      await store().pull(STORE_SITE, 6, 3),
      await store().pull(STORE_SITE, 7, 3),
    ];

    expect(pages.map((page) => page.map((e) => e.siteSeq))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7],
      [],
    ]);
    expect(pages[1]?.map((e) => [e.deviceId, e.deviceSeq])).toEqual([
      ['kiosk-1', 4],
      ['kiosk-2', 1],
      ['kiosk-2', 2],
    ]);
    expect(await store().head(STORE_SITE)).toBe(7);
  });

  it("leaves out a device's own events through its seq, reading on past them to fill the page", async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 3)));
    await store().push(pushInput(deviceEvents('kiosk-2', 1, 2)));
    await store().push(pushInput(deviceEvents('kiosk-1', 4, 2)));
    const through4 = { deviceId: 'kiosk-1', throughSeq: 4 };
    const through5 = { deviceId: 'kiosk-1', throughSeq: 5 };
    const seqs = (page: { events: { siteSeq: number }[]; last: number | null }) => ({
      seqs: page.events.map((e) => e.siteSeq),
      last: page.last,
    });

    const pages = [
      await store().pullPage(STORE_SITE, 0, 2, through4),
      await store().pullPage(STORE_SITE, 5, 2, through4),
      await store().pullPage(STORE_SITE, 5, 2, through5),
      await store().pullPage(STORE_SITE, 7, 2, through4),
      await store().pullPage(STORE_SITE, 0, 10, null),
    ];

    expect(pages.map(seqs)).toEqual([
      // 1–3 are its own: read past, not counted; the page is full at 5.
      { seqs: [4, 5], last: 5 },
      // 6 is its own, 7 (its seq 5) is not yet.
      { seqs: [7], last: 7 },
      // Only its own events left: an empty page that still moves the cursor.
      { seqs: [], last: 7 },
      { seqs: [], last: null },
      { seqs: [1, 2, 3, 4, 5, 6, 7], last: 7 },
    ]);
    expect(pages[1]?.events[0]).toMatchObject({ deviceId: 'kiosk-1', deviceSeq: 5 });
  });

  it(`reads at most ${OWN_SCAN_LIMIT.toLocaleString('en')} rows past a device's own events per page`, async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    const own = OWN_SCAN_LIMIT + 1;
    for (let seq = 1; seq <= own; seq += 500) {
      await store().push(pushInput(deviceEvents('kiosk-1', seq, Math.min(500, own - seq + 1))));
    }
    await store().push(pushInput(deviceEvents('kiosk-2', 1, 1)));
    const skip = { deviceId: 'kiosk-1', throughSeq: own };

    const first = await store().pullPage(STORE_SITE, 0, 500, skip);
    const second = await store().pullPage(STORE_SITE, first.last ?? 0, 500, skip);

    expect({ events: first.events.length, last: first.last }).toEqual({
      events: 0,
      last: OWN_SCAN_LIMIT,
    });
    expect(second.events.map((e) => [e.deviceId, e.siteSeq])).toEqual([['kiosk-2', own + 1]]);
    expect(second.last).toBe(own + 1);
  });

  it('keeps each site’s log, head and siteSeqs apart', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-x', { siteId: 'mpp-lain' });
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));

    await store().push(pushInput(deviceEvents('kiosk-x', 1, 3, 'mpp-lain')));

    expect((await store().pull('mpp-lain', 0, 10)).map((e) => e.siteSeq)).toEqual([1, 2, 3]);
    expect(await store().head(STORE_SITE)).toBe(2);
    expect(await store().head('mpp-lain')).toBe(3);
    expect(await store().head('mpp-kosong')).toBe(0);
  });

  it('lists a business day’s events without their siteSeq', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const first = deviceEvent('kiosk-1', 1);
    const otherDay = { ...deviceEvent('kiosk-1', 2), businessDay: '2025-11-04' };
    const third = deviceEvent('kiosk-1', 3);
    await store().push(pushInput([first, otherDay, third]));

    const day = await store().eventsOfDay(STORE_SITE, '2025-11-03');

    expect(day).toEqual([first, third]);
  });

  it('finds one event by id, or null', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const second = deviceEvent('kiosk-1', 2);
    await store().push(pushInput([deviceEvent('kiosk-1', 1), second]));

    const found = await store().findEvent(second.id);
    const missing = await store().findEvent('no-such-event');

    expect(found).toEqual({ event: { ...second, siteSeq: 2 }, quarantined: false });
    expect(missing).toBeNull();
  });

  it('keeps quarantined events out of pages and days, moving the cursor past them', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    const [a, b, c] = deviceEvents('kiosk-1', 1, 3) as [KioskEvent, KioskEvent, KioskEvent];
    const quarantined = new Map([[b.id, ['unknown_service' as const]]]);
    await store().push(pushInput([a, b, c], { quarantined }));
    const tail = deviceEvents('kiosk-2', 1, 1);
    await store().push(
      pushInput(tail, { quarantined: new Map([[tail[0]?.id ?? '', ['unknown_queue' as const]]]) }),
    );

    const page = await store().pullPage(STORE_SITE, 0, 2, null);
    const skipping = await store().pullPage(STORE_SITE, 0, 10, {
      deviceId: 'kiosk-2',
      throughSeq: 5,
    });
    const end = await store().pullPage(STORE_SITE, 3, 10, null);

    expect(page.events.map((e) => e.id)).toEqual([a.id]);
    expect(page.last).toBe(2);
    expect(skipping.events.map((e) => e.id)).toEqual([a.id, c.id]);
    expect(end).toEqual({ events: [], last: 4 });
    expect((await store().eventsOfDay(STORE_SITE, a.businessDay)).map((e) => e.id)).toEqual([
      a.id,
      c.id,
    ]);
    expect(await store().findEvent(b.id)).toMatchObject({ quarantined: true });
    const flagged = await store().flaggedEvents(STORE_SITE);
    expect(flagged.map((f) => [f.eventId, f.reasons, f.quarantined])).toEqual([
      [b.id, ['unknown_service'], true],
      [tail[0]?.id, ['unknown_queue'], true],
    ]);
  });
});
