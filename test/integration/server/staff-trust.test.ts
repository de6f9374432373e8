// @vitest-environment node
/**
 * Who may act on a ticket, through the push endpoint on both stores (src/domain/trust.ts,
 * ./trust-staff.ts): a loket's event naming nobody of the site's staff, or acting on a
 * ticket now of another agency than its person's, is acknowledged, listed for an admin and
 * kept from every other device and the phone page; a locked person's is not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayloads, KioskEvent } from '../../../src/domain/events';
import type { PullResponse, PushResponse, TicketStatus } from '../../../src/domain/protocol';
import { canonicalOf, numberRefId } from '../../../src/domain/ticket-ref';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import { type StoreLocation, storeTargets } from '../../fixtures/store-targets';
import {
  call,
  eventsOf,
  type Harness,
  json,
  NOW,
  SITE_ID,
  seedAdmin,
  seedDevice,
  startHarness,
} from './support';

type Device = { deviceId: string; token: string };
const toPaspor = { toAgencyId: 'imigrasi', toServiceId: 'imigrasi-paspor-baru', toPrefix: 'D' };

describe.each(storeTargets())('who may act on a ticket ($kind)', (target) => {
  let location: StoreLocation;
  let h: Harness;
  let admin: string;
  let kiosk: Device;
  let loket: Device;
  let other: Device;
  let ticket: KioskEvent<'ticket.issued'>;
  const seq = new Map<string, number>();

  beforeEach(async () => {
    location = await target.create();
    h = await startHarness({
      config: withCounterProfile(kioskBundle()),
      store: await location.open(() => NOW),
    });
    admin = await seedAdmin(h.store);
    kiosk = await seedDevice(h.store);
    loket = await seedDevice(h.store, { profileId: 'loket' });
    other = await seedDevice(h.store, { profileId: 'loket' });
    await seedStaff(h.store, { staffId: 'dukcapil', agencies: ['disdukcapil'], at: NOW });
    await seedStaff(h.store, { staffId: 'imigrasi', agencies: ['imigrasi'], at: NOW });
    await seedStaff(h.store, { staffId: 'lain', siteId: 'mpp-kota-lain', at: NOW });
    seq.clear();
    [ticket] = eventsOf(kiosk.deviceId, 1, 1) as [KioskEvent<'ticket.issued'>];
    expect(ticket.data.agencyId).toBe('disdukcapil');
    expect(await push(kiosk, [ticket])).toMatchObject({ accepted: 1, quarantined: 0 });
  });
  afterEach(async () => {
    await h.store.close();
    await location.dispose();
  });

  /** Pushes events made by `act` with the device's next deviceSeqs; the answer. */
  async function push(device: Device, events: KioskEvent[]): Promise<PushResponse> {
    const first = seq.get(device.deviceId) ?? 1;
    const numbered = events.map((event, i) => ({
      ...event,
      deviceId: device.deviceId,
      deviceSeq: first + i,
      siteId: SITE_ID,
    }));
    seq.set(device.deviceId, first + events.length);
    const response = await call(h, 'POST', '/sync/push', {
      token: device.token,
      body: { events: numbered },
    });
    expect(response.status).toBe(200);
    return json<PushResponse>(response);
  }
  const act = <T extends Parameters<typeof ticketAction>[0]>(
    type: T,
    staffId: string,
    data: Record<string, unknown> = {},
  ): KioskEvent => {
    const loket = staffId === 'imigrasi' ? '9' : '3';
    return ticketAction(type, ticket, { staffId, loket, ...data } as Partial<EventPayloads[T]>);
  };
  const pulledIds = async () =>
    (
      await json<PullResponse>(await call(h, 'GET', '/sync/pull?cursor=0', { token: kiosk.token }))
    ).events.map((e) => e.id);
  const page = async () => json<TicketStatus>(await call(h, 'GET', `/tickets/${ticket.id}`));
  const reasons = async () =>
    (
      await json<{ flagged: { eventId: string; reasons: string[]; quarantined: boolean }[] }>(
        await call(h, 'GET', '/admin/flagged', { token: admin }),
      )
    ).flagged.map((f) => [f.eventId, f.reasons, f.quarantined]);

  it('quarantines an id nobody of this site has — also a person of another site', async () => {
    const nobody = act('ticket.called', 'Budi Santoso');
    const elsewhere = act('ticket.called', 'lain');

    const answer = await push(loket, [nobody, elsewhere]);

    expect(answer).toMatchObject({ accepted: 2, quarantined: 2 });
    expect(await reasons()).toEqual([
      [nobody.id, ['unknown_staff'], true],
      [elsewhere.id, ['unknown_staff'], true],
    ]);
    expect(await pulledIds()).toEqual([ticket.id]);
    expect(await page()).toMatchObject({ status: 'waiting', loket: null });
  });

  it('quarantines a person of another agency calling the ticket; its own agency’s call counts', async () => {
    const foreign = act('ticket.called', 'imigrasi');
    const own = act('ticket.called', 'dukcapil');

    expect(await push(other, [foreign])).toMatchObject({ accepted: 1, quarantined: 1 });
    expect(await push(loket, [own])).toMatchObject({ accepted: 1, quarantined: 0 });

    expect(await reasons()).toEqual([[foreign.id, ['other_agency'], true]]);
    expect(await pulledIds()).toEqual([ticket.id, own.id]);
    expect(await page()).toMatchObject({ status: 'called', loket: '3' });
  });

  it('after a transfer to Imigrasi the ticket is Imigrasi’s: its sender may not call it, Imigrasi may', async () => {
    const called = act('ticket.called', 'dukcapil');
    const sent = act('ticket.transferred', 'dukcapil', toPaspor);
    const again = act('ticket.called', 'dukcapil');
    const taken = act('ticket.called', 'imigrasi');

    expect(await push(loket, [called, sent])).toMatchObject({ accepted: 2, quarantined: 0 });
    expect(await push(loket, [again])).toMatchObject({ accepted: 1, quarantined: 1 });
    expect(await push(other, [taken])).toMatchObject({ accepted: 1, quarantined: 0 });

    expect(await reasons()).toEqual([[again.id, ['other_agency'], true]]);
    expect(await page()).toMatchObject({
      status: 'called',
      loket: '9',
      serviceId: 'imigrasi-paspor-baru',
    });
  });

  it('judges a call by typed number (its reference id) by the ticket that number joins', async () => {
    const ref = numberRefId(ticket.businessDay, canonicalOf(ticket.data.number) ?? '');
    const byNumber = (staffId: string) => {
      const unseen = { number: canonicalOf(ticket.data.number) ?? '' };
      const data = { ticketId: ref, mode: 'specific', reason: 'returned', unseen };
      return act('ticket.called', staffId, data);
    };
    const foreign = byNumber('imigrasi');
    const own = byNumber('dukcapil');

    expect(await push(other, [foreign])).toMatchObject({ accepted: 1, quarantined: 1 });
    expect(await push(loket, [own])).toMatchObject({ accepted: 1, quarantined: 0 });
    expect(await reasons()).toEqual([[foreign.id, ['other_agency'], true]]);
    expect(await page()).toMatchObject({ status: 'called', loket: '3' });
  });

  it('keeps a locked person’s actions: made offline before the lock, they were rightful', async () => {
    const own = act('ticket.called', 'dukcapil');
    const later = act('ticket.serving', 'dukcapil');
    await h.store.setStaffLocked(SITE_ID, 'dukcapil', true, NOW, 'test');

    expect(await push(loket, [own, later])).toMatchObject({ accepted: 2, quarantined: 0 });
    expect(await page()).toMatchObject({ status: 'serving', loket: '3' });
  });
});
