// @vitest-environment node
/** The citizen's ticket status: place in its queue and wait, no personal data, 404 otherwise. */
import { beforeEach, describe, expect, it } from 'vitest';
import { isEventOf, type KioskEvent } from '../../../src/domain/events';
import type { TicketStatus } from '../../../src/domain/protocol';
import type { Store } from '../../../src/server/store/store';
import { counterChange, ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import { call, eventsOf, type Harness, json, seedDevice, startHarness, TODAY } from './support';

let h: Harness;
let kiosk: { deviceId: string; token: string; emergencyTag: string };

beforeEach(async () => {
  h = await startHarness();
  kiosk = await seedDevice(h.store);
  return () => h.store.close();
});

describe('ticket status', () => {
  it('shows the number, the people ahead in its own queue and the wait, without a token', async () => {
    // Four tickets in queue A (Disdukcapil: 15 min each, 2 counters), one in queue D.
    const events = [
      ...eventsOf(kiosk.deviceId, 1, 4),
      ...eventsOf(kiosk.deviceId, 5, 1, {
        prefix: 'D',
        agencyId: 'imigrasi',
        serviceId: 'imigrasi-paspor-baru',
      }),
    ];
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events } });
    const fourth = events[3];

    const response = await call(h, 'GET', `/tickets/${fourth?.id}`);
    const status = await json<TicketStatus>(response);

    expect(response.status).toBe(200);
    expect(status).toEqual({
      id: fourth?.id,
      number: `A-${kiosk.emergencyTag}004`,
      agencyId: 'disdukcapil',
      serviceId: 'disdukcapil-ktp-el-cetak-ulang',
      agencyName: { id: 'Disdukcapil', en: 'Civil Registry' },
      serviceName: { id: 'Cetak Ulang KTP-el', en: 'KTP-el reprint' },
      businessDay: TODAY,
      issuedAt: fourth && isEventOf(fourth, 'ticket.issued') ? fourth.data.issuedAt : null,
      language: 'id',
      status: 'waiting',
      loket: null,
      transfers: 0,
      journey: null,
      peopleAhead: 3,
      waitMinutes: expect.any(Number),
      finish: null,
      visits: [],
      survey: null,
    });
    expect(status.waitMinutes).toBeGreaterThan(0);
    expect(status.waitMinutes % 5).toBe(0);
  });

  it('has nobody ahead of the first ticket and no wait', async () => {
    const events = eventsOf(kiosk.deviceId, 1, 2);
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events } });

    const status = await json<TicketStatus>(await call(h, 'GET', `/tickets/${events[0]?.id}`));

    expect(status).toMatchObject({ peopleAhead: 0, waitMinutes: 0 });
  });

  it('says which language the ticket was taken in, for its phone page to speak', async () => {
    const english = eventsOf(kiosk.deviceId, 1, 1, { language: 'en' });
    const indonesian = eventsOf(kiosk.deviceId, 2, 1);
    const events = [...english, ...indonesian];
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events } });

    const en = await json<TicketStatus>(await call(h, 'GET', `/tickets/${english[0]?.id}`));
    const id = await json<TicketStatus>(await call(h, 'GET', `/tickets/${indonesian[0]?.id}`));

    expect(en.language).toBe('en');
    expect(id.language).toBe('id');
  });

  it('answers 404 for an unknown ticket and for ids that are not ticket ids', async () => {
    const paths = [
      '/tickets/0190f5e0-0000-7000-8000-000000000001',
      '/tickets/x',
      "/tickets/1'%20OR%201=1",
      `/tickets/${'a'.repeat(5000)}`,
    ];

    const responses = await Promise.all(paths.map((p) => call(h, 'GET', p)));

    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(await responses[0]?.json()).toMatchObject({ error: 'unknown_ticket' });
  });
});

describe('the server keeps each day current (no fold per request)', () => {
  it('follows a counter’s calls on the phone page, reading the day from the store once', async () => {
    const config = withCounterProfile(kioskBundle());
    let dayReads = 0;
    const site = await startHarness({
      config,
      wrapStore: (store) =>
        Object.assign(Object.create(store) as Store, {
          eventsOfDay: (siteId: string, day: string) => {
            dayReads += 1;
            return store.eventsOfDay(siteId, day);
          },
        }),
    });
    try {
      const desk = await seedDevice(site.store);
      const counter = await seedDevice(site.store, { profileId: 'loket' });
      await seedStaff(site.store);
      const tickets = eventsOf(desk.deviceId, 1, 3) as KioskEvent<'ticket.issued'>[];
      const [first, , third] = tickets;
      if (!first || !third) throw new Error('no tickets');
      const status = async (id: string) =>
        json<TicketStatus>(await call(site, 'GET', `/tickets/${id}`));
      const push = (device: { token: string }, events: unknown[]) =>
        call(site, 'POST', '/sync/push', { token: device.token, body: { events } });

      await push(desk, tickets);
      expect((await status(third.id)).peopleAhead).toBe(2);

      const called = {
        ...ticketAction('ticket.called', first, { loket: '3' }),
        siteId: first.siteId,
        deviceId: counter.deviceId,
        deviceSeq: 1,
      };
      await push(counter, [called]);

      expect(await status(first.id)).toMatchObject({
        status: 'called',
        loket: '3',
        peopleAhead: 0,
      });
      expect((await status(third.id)).peopleAhead).toBe(1);
      expect(dayReads).toBe(1);

      // A resend of a stored event, altered, is skipped by the store: it never counts here.
      const altered = {
        ...ticketAction('ticket.called', third, { loket: 'Z9' }),
        id: called.id,
        siteId: first.siteId,
        deviceId: counter.deviceId,
        deviceSeq: 1,
        hlc: '000000000001-0000',
      };
      const paused = {
        ...counterChange('counter.paused', { loket: '3' }),
        siteId: first.siteId,
        deviceId: counter.deviceId,
        deviceSeq: 2,
      };
      await push(counter, [altered, paused]);
      expect(await status(third.id)).toMatchObject({
        status: 'waiting',
        loket: null,
        peopleAhead: 1,
      });
      expect(await status(first.id)).toMatchObject({ status: 'called', loket: '3' });
    } finally {
      await site.store.close();
    }
  });
});
