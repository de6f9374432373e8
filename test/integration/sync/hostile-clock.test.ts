/**
 * A kiosk with the real sync client and storage (fake-indexeddb) against the real site
 * server app: another device pushes an event whose HLC is at the top of the range; the
 * kiosk pulls it and keeps issuing with strictly increasing HLCs near its own clock (I7).
 * Also the device's own bound, for a server that does not flag (applyPulled alone).
 */
import { describe, expect, it } from 'vitest';
import {
  decodeHlc,
  encodeHlc,
  HLC_MAX_COUNTER,
  HLC_MAX_MS,
  MAX_CLOCK_SKEW_MS,
} from '../../../src/domain/hlc';
import { openAnjunganDb } from '../../../src/storage/db';
import { readAllEvents, readClock } from '../../../src/storage/events';
import { applyPulled } from '../../../src/storage/pull';
import { ticketIssued } from '../../fixtures/events';
import { openKiosk } from '../../fixtures/http-kiosk';
import { call, eventsOf, NOW, seedDevice, startHarness } from '../server/support';

const TOP = encodeHlc({ ms: HLC_MAX_MS, counter: HLC_MAX_COUNTER });

describe('a far-future event pulled by a kiosk', () => {
  it('is stored but never drags the kiosk clock: HLCs keep increasing near physical time', async () => {
    const h = await startHarness();
    const kiosk = await openKiosk(h, await seedDevice(h.store), 'hostile-clock-1');
    const hostile = await seedDevice(h.store);
    const [event] = eventsOf(hostile.deviceId, 1, 1);
    await call(h, 'POST', '/sync/push', {
      token: hostile.token,
      body: { events: [{ ...event, hlc: TOP }] },
    });
    await kiosk.issue();

    const synced = await kiosk.sync();
    const issued = [];
    for (let i = 0; i < 5; i++) {
      h.clock.now += i % 2 === 0 ? 1000 : -3000; // the device clock jumps back too
      issued.push(await kiosk.issue());
    }
    await kiosk.sync();

    expect(synced.pulled.added).toBe(1);
    expect((await readAllEvents(kiosk.db)).some((e) => e.hlc === TOP)).toBe(true);
    const hlcs = issued.map((e) => e.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    for (const hlc of hlcs) {
      expect((decodeHlc(hlc)?.ms ?? 0) - h.clock.now).toBeLessThan(MAX_CLOCK_SKEW_MS);
    }
    await h.store.close();
  });
});

describe('applyPulled, on its own', () => {
  it('adopts a remote HLC within the skew bound and ignores one beyond it', async () => {
    const db = await openAnjunganDb('hostile-clock-2');
    const physicalMs = NOW;
    const near = ticketIssued({
      deviceId: 'other',
      hlc: encodeHlc({ ms: NOW + 60_000, counter: 3 }),
    });
    const far = ticketIssued({
      deviceId: 'other',
      hlc: encodeHlc({ ms: NOW + MAX_CLOCK_SKEW_MS + 1, counter: 0 }),
    });
    const page = { cursor: 2, epoch: 'e', physicalMs, deviceId: 'kiosk-1' };

    await applyPulled(db, [far], { ...page, cursor: 1 });
    const afterFar = await readClock(db);
    await applyPulled(db, [near], page);
    const afterNear = await readClock(db);

    expect(afterFar.hlc).toBeNull();
    expect(afterNear.hlc).toBe(encodeHlc({ ms: NOW + 60_000, counter: 4 }));
    expect(await readAllEvents(db)).toHaveLength(2);
  });

  it('ignores an event the server marked as ahead of its clock, even within the bound', async () => {
    const db = await openAnjunganDb('hostile-clock-3');
    const marked = ticketIssued({
      deviceId: 'other',
      hlc: encodeHlc({ ms: NOW + 1000, counter: 0 }),
    });

    await applyPulled(db, [marked], {
      cursor: 1,
      epoch: 'e',
      physicalMs: NOW,
      deviceId: 'kiosk-1',
      clockAhead: new Set([marked.id]),
    });

    expect((await readClock(db)).hlc).toBeNull();
  });
});
