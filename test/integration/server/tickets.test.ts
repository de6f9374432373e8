// @vitest-environment node
/** The citizen's ticket status: place in its queue and wait, no personal data, 404 otherwise. */
import { beforeEach, describe, expect, it } from 'vitest';
import { isEventOf } from '../../../src/domain/events';
import type { TicketStatus } from '../../../src/domain/protocol';
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
      status: 'waiting',
      loket: null,
      peopleAhead: 3,
      waitMinutes: expect.any(Number),
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
