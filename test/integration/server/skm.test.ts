// @vitest-environment node
/**
 * The SKM survey through the app: a served ticket's page may answer once (nine scores,
 * optional profile, a suggestion); a waiting ticket, an unknown one, a second answer and a
 * bad body are refused and change nothing; the ticket's status says whether it is answered.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import type { ApiError, TicketStatus } from '../../../src/domain/protocol';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, withCounterProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import { call, eventsOf, type Harness, json, seedDevice, startHarness, TODAY } from './support';

let h: Harness;
let served: KioskEvent<'ticket.issued'>;
let waiting: KioskEvent<'ticket.issued'>;

const ANSWER = {
  answers: [4, 4, 3, 4, 3, 3, 4, 4, 3],
  ageBand: '30-39',
  sex: 'perempuan',
  suggestion: 'Antrean cepat, ruang tunggu agak panas.',
};

beforeEach(async () => {
  h = await startHarness({ config: withCounterProfile(kioskBundle()) });
  const desk = await seedDevice(h.store);
  const counter = await seedDevice(h.store, { profileId: 'loket' });
  await seedStaff(h.store);
  const tickets = eventsOf(desk.deviceId, 1, 2) as KioskEvent<'ticket.issued'>[];
  [served, waiting] = tickets as [KioskEvent<'ticket.issued'>, KioskEvent<'ticket.issued'>];
  await call(h, 'POST', '/sync/push', { token: desk.token, body: { events: tickets } });
  const byCounter = (event: KioskEvent, deviceSeq: number) => ({
    ...event,
    siteId: served.siteId,
    deviceId: counter.deviceId,
    deviceSeq,
  });
  await call(h, 'POST', '/sync/push', {
    token: counter.token,
    body: {
      events: [
        byCounter(ticketAction('ticket.called', served, { loket: '1' }), 1),
        byCounter(ticketAction('ticket.finished', served, { outcome: 'done' }), 2),
      ],
    },
  });
  return () => h.store.close();
});

const answer = (id: string, body: unknown) => call(h, 'POST', `/tickets/${id}/skm`, { body });
const status = async (id: string) => json<TicketStatus>(await call(h, 'GET', `/tickets/${id}`));

describe('the SKM survey of a ticket', () => {
  it('takes one answer of a served ticket, and its page says it is answered', async () => {
    const before = await status(served.id);

    const first = await answer(served.id, ANSWER);
    const again = await answer(served.id, { answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
    const stored = await h.store.skmResponses(h.config.site.id, TODAY, TODAY);

    expect(before.survey).toBe('open');
    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect((await json<ApiError>(again)).error).toBe('already_answered');
    expect(stored).toEqual([
      {
        ticketId: served.id,
        businessDay: TODAY,
        agencyId: served.data.agencyId,
        serviceId: served.data.serviceId,
        answers: ANSWER.answers,
        ageBand: '30-39',
        sex: 'perempuan',
        suggestion: ANSWER.suggestion,
        answeredAt: expect.any(Number),
      },
    ]);
    expect((await status(served.id)).survey).toBe('answered');
  });

  it('refuses a ticket not served yet, an unknown one and bad answers, storing nothing', async () => {
    const bad = [
      { answers: [4, 4, 4, 4, 4, 4, 4, 4] },
      { answers: [4, 4, 4, 4, 4, 4, 4, 4, 5] },
      { ...ANSWER, sex: 'lainnya' },
      { ...ANSWER, suggestion: 'x'.repeat(501) },
      { ...ANSWER, nik: '3171234567890001' },
    ];

    const notServed = await answer(waiting.id, ANSWER);
    const unknown = await answer('0190f5e0-0000-7000-8000-0000000000ff', ANSWER);
    const refused = await Promise.all(bad.map((body) => answer(served.id, body)));

    expect(notServed.status).toBe(409);
    expect((await json<ApiError>(notServed)).error).toBe('not_served');
    expect((await status(waiting.id)).survey).toBeNull();
    expect(unknown.status).toBe(404);
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(await h.store.skmResponses(h.config.site.id, TODAY, TODAY)).toEqual([]);
  });
});
