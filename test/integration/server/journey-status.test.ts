// @vitest-environment node
/**
 * A journey's ticket on the citizen's phone: the server's answer lists every step (number,
 * names, state, loket) and the step the citizen is at now, held to the answer's schema; the
 * phone's stream on step 1 tells it when step 1 is finished and step 2 is its step now.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import type { TicketStatus } from '../../../src/domain/protocol';
import { TicketStatusSchema } from '../../../src/domain/status-schema';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import {
  call,
  eventsOf,
  type Harness,
  json,
  seedDevice,
  startHarness,
  uuidv7Like,
} from './support';

let h: Harness;
let kiosk: { deviceId: string; token: string };
let counter: { deviceId: string; token: string };
let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

beforeEach(async () => {
  h = await startHarness({ config: withCounterProfile(kioskBundle()), heartbeatMs: 50 });
  kiosk = await seedDevice(h.store);
  counter = await seedDevice(h.store, { profileId: 'loket' });
  await seedStaff(h.store); // the person the loket's events name
});
afterEach(async () => {
  await reader?.cancel();
  reader = undefined;
  await h.store.close();
});

/** Perubahan KK at Disdukcapil, then Perubahan data at BPJS Kesehatan, as a kiosk issues them. */
function journeyEvents(): [KioskEvent<'ticket.issued'>, KioskEvent<'ticket.issued'>] {
  const [kk] = eventsOf(kiosk.deviceId, 1, 1, { serviceId: 'disdukcapil-kk-perubahan' });
  const [bpjs] = eventsOf(kiosk.deviceId, 2, 1, {
    prefix: 'E',
    agencyId: 'bpjs-kesehatan',
    serviceId: 'bpjs-kesehatan-perubahan-data',
  });
  if (kk?.type !== 'ticket.issued' || bpjs?.type !== 'ticket.issued') throw new Error('no events');
  const id = uuidv7Like();
  const first = kk as KioskEvent<'ticket.issued'>;
  const second = bpjs as KioskEvent<'ticket.issued'>;
  first.data.journey = { id, step: 1, of: 2 };
  second.data.journey = { id, step: 2, of: 2, after: first.id };
  return [first, second];
}

/** The counter's action on a ticket, as the counter device pushes it. */
function counterEvent(
  type: 'ticket.called' | 'ticket.finished',
  ticket: KioskEvent<'ticket.issued'>,
  deviceSeq: number,
) {
  return {
    ...ticketAction(type, ticket, { loket: '3' }),
    siteId: ticket.siteId,
    deviceId: counter.deviceId,
    deviceSeq,
  };
}

async function status(id: string): Promise<TicketStatus> {
  const answer = await json(await call(h, 'GET', `/tickets/${id}`));
  return v.parse(TicketStatusSchema, answer);
}

describe('a journey on the phone page', () => {
  it('lists every step with its number, names and state, from either ticket', async () => {
    const [kk, bpjs] = journeyEvents();
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events: [kk, bpjs] } });

    const first = await status(kk.id);
    const second = await status(bpjs.id);

    expect(first.journey).toEqual({
      step: 1,
      of: 2,
      current: 1,
      steps: [
        {
          step: 1,
          id: kk.id,
          number: kk.data.number,
          agencyId: 'disdukcapil',
          serviceId: 'disdukcapil-kk-perubahan',
          agencyName: expect.objectContaining({ id: 'Disdukcapil' }),
          serviceName: expect.objectContaining({ id: expect.any(String) }),
          status: 'waiting',
          loket: null,
          peopleAhead: 0,
          waitMinutes: 0,
        },
        expect.objectContaining({
          step: 2,
          id: bpjs.id,
          number: bpjs.data.number,
          agencyId: 'bpjs-kesehatan',
          status: 'held',
        }),
      ],
    });
    expect(second).toMatchObject({ id: bpjs.id, status: 'held' });
    expect(second.journey).toEqual({ ...first.journey, step: 2 });
  });

  it('tells a phone following step 1 when step 1 is finished and step 2 is its step now', async () => {
    const [kk, bpjs] = journeyEvents();
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events: [kk, bpjs] } });
    const response = await call(h, 'GET', `/tickets/${kk.id}/stream`);
    reader = response.body?.getReader();
    const statuses = statusReader();

    expect((await statuses.next())?.journey?.current).toBe(1);
    const push = (events: unknown[]) =>
      call(h, 'POST', '/sync/push', { token: counter.token, body: { events } });
    await push([counterEvent('ticket.called', kk, 1)]);
    const called = await statuses.next();
    expect(called?.journey?.steps.map((s) => [s.status, s.loket])).toEqual([
      ['called', '3'],
      ['held', null],
    ]);
    await push([counterEvent('ticket.finished', kk, 2)]);
    const finished = await statuses.next();

    expect(finished).toMatchObject({ id: kk.id, status: 'done' });
    expect(finished?.journey?.current).toBe(2);
    expect(finished?.journey?.steps.map((s) => s.status)).toEqual(['done', 'waiting']);
  });
});

/** Reads the phone stream's `status` messages one at a time, each held to the schema. */
function statusReader() {
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<TicketStatus | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: status$/m.test(message) && data) {
            return v.parse(TicketStatusSchema, JSON.parse(data));
          }
          continue;
        }
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}
