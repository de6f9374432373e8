// @vitest-environment node
/**
 * The trust boundary through HTTP (src/domain/trust.ts): what one wrong device pushes is
 * refused, quarantined or flagged, and never hurts another device or a public page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent, TicketIssued } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { MAX_TICKET_SEQ } from '../../../src/domain/numbering';
import type { LeaseResponse, PullResponse, PushResponse } from '../../../src/domain/protocol';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import {
  call,
  eventsOf,
  type Harness,
  json,
  NOW,
  seedAdmin,
  seedDevice,
  startHarness,
  TODAY,
} from './support';

type Device = { deviceId: string; token: string; emergencyTag: string };

let h: Harness;
let hostile: Device;
let honest: Device;
let admin: string;

beforeEach(async () => {
  h = await startHarness({ published: [olderConfig()] });
  hostile = await seedDevice(h.store);
  honest = await seedDevice(h.store);
  admin = await seedAdmin(h.store);
  return () => h.store.close();
});

/** A config version published before the active one, with a service since withdrawn. */
function olderConfig() {
  const bundle = kioskBundle();
  const [first, ...rest] = bundle.agencies;
  if (!first) throw new Error('fixture has no agency');
  const withdrawn = { ...(first.services[0] as (typeof first.services)[number]), id: 'ktp-lama' };
  return {
    ...bundle,
    version: 'test-0',
    agencies: [{ ...first, services: [...first.services, withdrawn] }, ...rest],
  };
}

const push = (device: Device, events: unknown[]) =>
  call(h, 'POST', '/sync/push', { token: device.token, body: { events } });
const pull = async (device: Device) =>
  json<PullResponse>(await call(h, 'GET', '/sync/pull?cursor=0', { token: device.token }));
const lease = async (device: Device, count = 10, prefix = 'A') =>
  call(h, 'POST', '/sync/leases', { token: device.token, body: { numbers: [{ prefix, count }] } });

/** One ticket of `device` with payload fields replaced. */
function ticket(
  device: Device,
  deviceSeq: number,
  data: Partial<KioskEvent<'ticket.issued'>['data']>,
) {
  const [event] = eventsOf(device.deviceId, deviceSeq, 1) as [KioskEvent<'ticket.issued'>];
  return { ...event, data: { ...event.data, ...data } };
}

describe('refused: what no device of ours can have printed', () => {
  it.each([
    [
      'a seq past the numbering bound',
      { seq: MAX_TICKET_SEQ + 1, number: `A-${MAX_TICKET_SEQ + 1}`, emergencyTag: undefined },
    ],
    ['a seq of 1e308', { seq: 1e308, number: 'A-999999' }],
    ['a number that disagrees with its seq', { seq: 5, number: 'A-006', emergencyTag: undefined }],
    [
      'a number of another prefix',
      { prefix: 'D', number: 'A-001', seq: 1, emergencyTag: undefined },
    ],
    ['an issue time past the clock range', { issuedAt: 1e300 }],
  ])('%s: 400, nothing stored, and the queue still leases', async (_label, data) => {
    const response = await push(hostile, [ticket(hostile, 1, data)]);
    const after = await lease(honest);

    expect(response.status).toBe(400);
    expect(await h.store.head('mpp-kota-contoh')).toBe(0);
    expect(after.status).toBe(200);
    expect((await json<LeaseResponse>(after)).numbers).toEqual([
      { businessDay: TODAY, prefix: 'A', start: 1, end: 10 },
    ]);
  });
});

describe('quarantined: a booking the site never imported', () => {
  it('keeps a ticket claiming an unknown booking from every other device; a known one passes', async () => {
    const csv = 'kode;tanggal;layanan\nMPPD-0001;2025-11-04;disdukcapil-ktp-el-cetak-ulang';
    await call(h, 'POST', '/admin/bookings/import', {
      token: admin,
      body: { format: 'csv', text: csv, save: true },
    });
    const claimed = ticket(hostile, 1, {
      booking: { code: 'MPPD-9999', arrivalMs: NOW - 3_600_000 },
    });
    const booked = ticket(hostile, 2, { booking: { code: 'MPPD-0001' } });

    const answer = await json<PushResponse>(await push(hostile, [claimed, booked]));
    const pulled = await pull(honest);

    expect(answer).toMatchObject({ ackSeq: 2, accepted: 2, quarantined: 1 });
    expect(pulled.events.map((e) => e.id)).toEqual([booked.id]);
  });

  it('flags the second ticket of one booking the same day (two kiosks offline), and keeps both', async () => {
    const csv = 'kode;tanggal;layanan\nMPPD-0002;2025-11-04;disdukcapil-ktp-el-cetak-ulang';
    await call(h, 'POST', '/admin/bookings/import', {
      token: admin,
      body: { format: 'csv', text: csv, save: true },
    });
    const first = ticket(hostile, 1, { booking: { code: 'MPPD-0002' } });
    const second = ticket(honest, 1, { booking: { code: 'MPPD-0002' } });

    const a = await json<PushResponse>(await push(hostile, [first]));
    const b = await json<PushResponse>(await push(honest, [second]));
    const flagged = await json<{ flagged: { eventId: string; reasons: string[] }[] }>(
      await call(h, 'GET', '/admin/flagged', { token: admin }),
    );

    expect(a).toMatchObject({ accepted: 1, flagged: 0 });
    expect(b).toMatchObject({ accepted: 1, flagged: 1, quarantined: 0 });
    expect(flagged.flagged).toContainEqual(
      expect.objectContaining({ eventId: second.id, reasons: ['duplicate_booking'] }),
    );
  });
});

describe('quarantined: names the site never published', () => {
  const nik = '3201234567890001';
  it.each([
    ['an unknown service', { serviceId: nik }, 'unknown_service'],
    ['a service of another agency', { agencyId: 'imigrasi' }, 'unknown_service'],
    [
      'a queue that is not the service’s',
      { prefix: 'D', number: 'D-001', seq: 1, emergencyTag: undefined },
      'unknown_queue',
    ],
    ['an unknown missing document', { missing: ['kk', nik] }, 'unknown_requirement'],
  ] satisfies [string, Partial<TicketIssued>, string][])(
    '%s: acknowledged, listed for an admin, kept from every other device and the phone page',
    async (_label, data, reason) => {
      const event = ticket(hostile, 1, data);

      const answer = await json<PushResponse>(await push(hostile, [event]));
      const pulled = await pull(honest);
      const page = await call(h, 'GET', `/tickets/${event.id}`);
      const flagged = await json<{
        flagged: { eventId: string; reasons: string[]; quarantined: boolean }[];
      }>(await call(h, 'GET', '/admin/flagged', { token: admin }));

      expect(answer).toMatchObject({ ackSeq: 1, accepted: 1, quarantined: 1 });
      expect(pulled.events).toEqual([]);
      expect(pulled.cursor).toBe(1);
      expect(JSON.stringify(pulled)).not.toContain(nik);
      expect(page.status).toBe(404);
      expect(flagged.flagged).toEqual([
        expect.objectContaining({ eventId: event.id, reasons: [reason], quarantined: true }),
      ]);
    },
  );

  it('accepts a service of an older published version: an offline kiosk keeps its config', async () => {
    const event = ticket(hostile, 1, { serviceId: 'ktp-lama', missing: ['kk'] });

    const answer = await json<PushResponse>(await push(hostile, [event]));
    const status = await json<{ serviceName: { id: string } }>(
      await call(h, 'GET', `/tickets/${event.id}`),
    );

    expect(answer).toMatchObject({ accepted: 1, quarantined: 0, flagged: 0 });
    expect((await pull(honest)).events.map((e) => e.id)).toEqual([event.id]);
    expect(status.serviceName.id).toBe('Cetak Ulang KTP-el');
  });

  it('shows the phone page names from the config, never the strings a device sent', async () => {
    const [event] = eventsOf(honest.deviceId, 1, 1) as [KioskEvent];
    await push(honest, [event]);

    const text = await (await call(h, 'GET', `/tickets/${event.id}`)).text();

    expect(JSON.parse(text)).toMatchObject({
      agencyName: { id: 'Disdukcapil' },
      serviceName: { id: 'Cetak Ulang KTP-el' },
    });
  });
});

describe('flagged: counted, listed, never moving a head or a clock', () => {
  it('pages the admin’s list by siteSeq, oldest first, and refuses a bad page', async () => {
    const events = [1, 2, 3, 4, 5].map((seq) => ticket(hostile, seq, { serviceId: `x-${seq}` }));
    await push(hostile, events);
    type Page = { flagged: { eventId: string; siteSeq: number }[]; next: number | null };
    const list = async (query: string) =>
      json<Page>(await call(h, 'GET', `/admin/flagged${query}`, { token: admin }));

    const first = await list('?limit=2');
    const second = await list(`?after=${first.next}&limit=2`);
    const last = await list(`?after=${second.next}&limit=2`);
    const bad = await call(h, 'GET', '/admin/flagged?limit=501', { token: admin });

    const ids = [first, second, last].flatMap((page) => page.flagged.map((f) => f.eventId));
    expect(ids).toEqual(events.map((e) => e.id));
    expect([first.next, second.next, last.next]).toEqual([2, 4, null]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('limit');
  });

  it('records a review of a flagged event once, and lists the open ones apart', async () => {
    const events = [1, 2].map((seq) => ticket(hostile, seq, { serviceId: `x-${seq}` }));
    await push(hostile, events);
    const [first] = events;
    type Page = { flagged: { eventId: string; review: { resolution: string } | null }[] };
    const list = async (query = '') =>
      json<Page>(await call(h, 'GET', `/admin/flagged${query}`, { token: admin }));
    const review = (id: string, body: unknown) =>
      call(h, 'POST', `/admin/flagged/${id}/review`, { token: admin, body });

    const done = await review(first?.id ?? '', { resolution: 'handled' });
    const again = await review(first?.id ?? '', { resolution: 'expected' });
    const bad = await review(first?.id ?? '', { resolution: 'whatever' });
    const unknown = await review('0190f5e0-0000-7000-8000-0000000000ff', { resolution: 'handled' });

    expect(done.status).toBe(200);
    expect((await json<{ review: { resolution: string } }>(again)).review.resolution).toBe(
      'handled',
    );
    expect(bad.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect((await list()).flagged.map((f) => f.review?.resolution ?? null)).toEqual([
      'handled',
      null,
    ]);
    expect((await list('?open=1')).flagged.map((f) => f.eventId)).toEqual([events[1]?.id]);
  });

  it('flags a number outside the device’s leases and keeps the queue’s numbers for others', async () => {
    await json<LeaseResponse>(await lease(hostile, 5));
    const inside = ticket(hostile, 1, { seq: 3, number: 'A-003', emergencyTag: undefined });
    const outside = ticket(hostile, 2, {
      seq: 999_000,
      number: 'A-999000',
      emergencyTag: undefined,
    });

    const answer = await json<PushResponse>(await push(hostile, [inside, outside]));
    const next = await json<LeaseResponse>(await lease(honest, 10));

    expect(answer).toMatchObject({ accepted: 2, flagged: 1, quarantined: 0 });
    expect(next.numbers).toEqual([{ businessDay: TODAY, prefix: 'A', start: 6, end: 15 }]);
    expect((await pull(honest)).events.map((e) => [e.id, e.flags])).toEqual([
      [inside.id, undefined],
      [outside.id, ['outside_lease']],
    ]);
    expect((await call(h, 'GET', `/tickets/${outside.id}`)).status).toBe(200);
  });

  it('flags a number another device printed already, keeping both tickets', async () => {
    const [mine] = eventsOf(honest.deviceId, 1, 1) as [KioskEvent<'ticket.issued'>];
    await push(honest, [mine]);
    const copy = ticket(hostile, 1, { ...mine.data });

    const answer = await json<PushResponse>(await push(hostile, [copy]));
    const reasons = await json<{ flagged: { reasons: string[] }[] }>(
      await call(h, 'GET', '/admin/flagged', { token: admin }),
    );

    expect(answer).toMatchObject({ accepted: 1, flagged: 1 });
    expect(reasons.flagged.map((f) => f.reasons)).toEqual([
      ['foreign_namespace', 'duplicate_number'],
    ]);
    expect((await pull(honest)).events).toHaveLength(2);
  });

  it('flags a far-future HLC and marks it for every device as no clock source', async () => {
    const ahead = {
      ...ticket(hostile, 1, {}),
      hlc: encodeHlc({ ms: 0xffff_ffff_ffff, counter: 0xffff }),
    };

    const answer = await json<PushResponse>(await push(hostile, [ahead]));
    const pulled = await pull(honest);

    expect(answer).toMatchObject({ accepted: 1, flagged: 1 });
    expect(pulled.events.map((e) => e.flags)).toEqual([['clock_ahead']]);
    expect(NOW).toBeLessThan(0xffff_ffff_ffff);
  });
});

describe('leases stay within bounds, whatever was pushed', () => {
  it('answers a queue whose numbers are used up with no block, never a 5xx', async () => {
    await h.store.leaseNumbers({
      siteId: 'mpp-kota-contoh',
      deviceId: honest.deviceId,
      businessDay: TODAY,
      prefix: 'A',
      count: MAX_TICKET_SEQ - 2,
      grantedAt: NOW,
    });

    const first = await lease(hostile, 10);
    const second = await call(h, 'POST', '/sync/leases', {
      token: hostile.token,
      body: {
        numbers: [
          { prefix: 'A', count: 10 },
          { prefix: 'D', count: 10 },
        ],
      },
    });

    expect(first.status).toBe(200);
    expect((await json<LeaseResponse>(first)).numbers).toEqual([
      { businessDay: TODAY, prefix: 'A', start: MAX_TICKET_SEQ - 1, end: MAX_TICKET_SEQ },
    ]);
    expect(second.status).toBe(200);
    expect((await json<LeaseResponse>(second)).numbers).toEqual([
      { businessDay: TODAY, prefix: 'D', start: 1, end: 10 },
    ]);
  });

  it('grants one device at most a share of a daily quota unused, leaving the rest to others', async () => {
    const bundle = kioskBundle();
    const agencies = bundle.agencies.map((a) => ({
      ...a,
      services: a.services.map((s) =>
        s.id === 'imigrasi-paspor-baru' ? { ...s, dailyQuota: 60 } : s,
      ),
    }));
    const site = await startHarness({ config: { ...bundle, agencies } });
    const [greedy, fair] = [await seedDevice(site.store), await seedDevice(site.store)];
    const ask = { quotas: [{ serviceId: 'imigrasi-paspor-baru', count: 5 }] };
    const leaseQuota = async (device: Device) =>
      (
        await json<LeaseResponse>(
          await call(site, 'POST', '/sync/leases', { token: device.token, body: ask }),
        )
      ).quotas[0]?.count ?? 0;
    let hoarded = 0;
    for (let i = 0; i < 10; i++) hoarded += await leaseQuota(greedy);

    const left = await leaseQuota(fair);

    expect(hoarded).toBe(15); // a quarter of the day's 60
    expect(left).toBe(5);
    await site.store.close();
  });

  it('grants one device at most its share of a queue’s day', async () => {
    const size = h.config.site.numbering.deviceBlockSize;
    const share = Math.max(2_000, 20 * size);
    let held = 0;
    for (let i = 0; i < Math.ceil(share / size) + 3; i++) {
      const answer = await json<LeaseResponse>(await lease(hostile, size));
      held += answer.numbers.reduce((n, l) => n + l.end - l.start + 1, 0);
    }

    const other = await json<LeaseResponse>(await lease(honest, size));

    expect(held).toBe(share);
    expect(other.numbers).toHaveLength(1);
  });
});

describe('who may record what: by the device profile (EVENT_AUTHORS)', () => {
  it("quarantines a kiosk's call and keeps a counter's, so a kiosk cannot call tickets", async () => {
    const config = withCounterProfile(kioskBundle());
    const site = await startHarness({ config });
    try {
      const kiosk = await seedDevice(site.store);
      const counter = await seedDevice(site.store, { profileId: 'loket' });
      await seedStaff(site.store);
      const issued = ticket(kiosk, 1, {});
      const send = (device: Device, events: unknown[]) =>
        call(site, 'POST', '/sync/push', { token: device.token, body: { events } });
      const action = (device: Device, deviceSeq: number) => ({
        ...ticketAction('ticket.called', issued),
        deviceId: device.deviceId,
        deviceSeq,
        siteId: issued.siteId,
      });
      const kioskCall = action(kiosk, 2);
      const counterCall = action(counter, 1);

      const fromKiosk = await json<PushResponse>(await send(kiosk, [issued, kioskCall]));
      const fromCounter = await json<PushResponse>(await send(counter, [counterCall]));
      const pulled = await json<PullResponse>(
        await call(site, 'GET', '/sync/pull?cursor=0', { token: counter.token }),
      );

      expect(fromKiosk).toMatchObject({ accepted: 2, quarantined: 1 });
      expect(fromCounter).toMatchObject({ accepted: 1, quarantined: 0 });
      // The kiosk's call reaches no device; the counter's reaches every one.
      expect(pulled.events.map((e) => e.id)).toEqual([issued.id, counterCall.id]);
      const atKiosk = await json<PullResponse>(
        await call(site, 'GET', '/sync/pull?cursor=0', { token: kiosk.token }),
      );
      expect(atKiosk.events.map((e) => e.id)).toEqual([issued.id, counterCall.id]);
    } finally {
      await site.store.close();
    }
  });
});
