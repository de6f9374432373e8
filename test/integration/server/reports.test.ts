// @vitest-environment node
/**
 * Reports through the app: the period's figures equal those folded from the very events
 * pushed; a push to a day already reported changes its figures at once (the day's summary
 * is kept only while its stamp holds); CSV; bad periods refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { daySummary, type PeriodReport, periodReport } from '../../../src/domain/day-report';
import type { KioskEvent } from '../../../src/domain/events';
import { foldQueue, ticketsOfDay } from '../../../src/domain/queue-read';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import {
  call,
  eventsOf,
  type Harness,
  json,
  seedAdmin,
  seedDevice,
  startHarness,
  TODAY,
} from './support';

let h: Harness;
let admin: string;
let desk: { deviceId: string; token: string };
let counter: { deviceId: string; token: string };
const pushed: KioskEvent[] = [];

beforeEach(async () => {
  h = await startHarness({ config: withCounterProfile(kioskBundle()) });
  admin = await seedAdmin(h.store);
  desk = await seedDevice(h.store);
  counter = await seedDevice(h.store, { profileId: 'loket' });
  await seedStaff(h.store);
  pushed.length = 0;
  return () => h.store.close();
});

const push = async (device: { token: string }, events: KioskEvent[]) => {
  const response = await call(h, 'POST', '/sync/push', { token: device.token, body: { events } });
  expect(response.status).toBe(200);
  pushed.push(...events);
};
let counterSeq = 0;
const byCounter = (event: KioskEvent): KioskEvent => ({
  ...event,
  siteId: h.config.site.id,
  deviceId: counter.deviceId,
  deviceSeq: ++counterSeq,
});
const report = async (query: string) =>
  json<PeriodReport>(await call(h, 'GET', `/admin/reports?${query}`, { token: admin }));

/** The report folded here, from the events pushed, as the server must make it. */
function folded(from: string, to: string): PeriodReport {
  const book = foldQueue(pushed);
  return periodReport(from, to, 'day', [
    daySummary(TODAY, ticketsOfDay(book, TODAY), h.config.site.timeZone),
  ]);
}

describe('reports', () => {
  it('equals the fold of the pushed events, and follows a later push to the same day', async () => {
    counterSeq = 0;
    const tickets = eventsOf(desk.deviceId, 1, 3) as KioskEvent<'ticket.issued'>[];
    await push(desk, tickets);
    const [first, second] = tickets as [KioskEvent<'ticket.issued'>, KioskEvent<'ticket.issued'>];
    await push(counter, [
      byCounter(ticketAction('ticket.called', first, { loket: '1' })),
      byCounter(ticketAction('ticket.finished', first, { outcome: 'done' })),
    ]);

    const before = await report(`from=${TODAY}&to=${TODAY}`);
    await push(counter, [
      byCounter(ticketAction('ticket.called', second, { loket: '1' })),
      byCounter(ticketAction('ticket.no-show', second)),
    ]);
    const after = await report(`from=${TODAY}&to=${TODAY}`);

    expect(before.total).toMatchObject({ issued: 3, served: 1, noShows: 0 });
    expect(after.total).toMatchObject({ issued: 3, served: 1, noShows: 1 });
    expect(after).toEqual(folded(TODAY, TODAY));
  });

  it('reads the stored summaries after a restart, folding no day whose events did not move', async () => {
    counterSeq = 0;
    await push(desk, eventsOf(desk.deviceId, 1, 2));
    const first = await report(`from=${TODAY}&to=${TODAY}`);
    // The same store behind a fresh app (a restarted server): count its day reads.
    let dayReads = 0;
    const restarted = await startHarness({
      config: h.config,
      store: h.store,
      wrapStore: (store) =>
        Object.assign(Object.create(store) as typeof store, {
          eventsOfDay: (siteId: string, day: string) => {
            dayReads += 1;
            return store.eventsOfDay(siteId, day);
          },
        }),
    });

    const again = await json<PeriodReport>(
      await call(restarted, 'GET', `/admin/reports?from=${TODAY}&to=${TODAY}`, { token: admin }),
    );

    expect(again).toEqual(first);
    expect(dayReads).toBe(0);
  });

  it('writes a CSV of each bucket then each agency and service, and refuses bad periods', async () => {
    await push(desk, eventsOf(desk.deviceId, 1, 2));

    const csv = await (
      await call(h, 'GET', `/admin/reports?from=${TODAY}&to=${TODAY}&format=csv`, {
        token: admin,
      })
    ).text();
    const backwards = await call(h, 'GET', `/admin/reports?from=${TODAY}&to=2020-01-01`, {
      token: admin,
    });
    const long = await call(h, 'GET', '/admin/reports?from=2024-01-01&to=2025-11-03', {
      token: admin,
    });
    const grain = await call(h, 'GET', `/admin/reports?from=${TODAY}&to=${TODAY}&by=year`, {
      token: admin,
    });

    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]?.startsWith('Periode mulai;Diterbitkan;Dilayani;Tidak hadir')).toBe(true);
    expect(lines[1]).toBe(`${TODAY};2;0;0;0;0;;;;`);
    expect(lines).toContain('Jumlah;2;0;0;0;0;;;;');
    expect([backwards.status, long.status, grain.status]).toEqual([400, 400, 400]);
  });
});
