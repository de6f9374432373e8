// @vitest-environment node
/**
 * The SKM survey through the app: a served ticket's page may answer once (nine scores,
 * optional profile, a suggestion); a waiting ticket, an unknown one, a second answer and a
 * bad body are refused and change nothing; the ticket's status says whether it is answered.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import type { ApiError, TicketStatus } from '../../../src/domain/protocol';
import type { SkmReport } from '../../../src/domain/skm-report';
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

describe('the SKM report of a period', () => {
  it('gives the IKM of the answers, the tickets served and the sample they need, as JSON and CSV', async () => {
    const admin = await seedAdmin(h.store);
    await answer(served.id, ANSWER);
    const query = `/admin/skm?from=${TODAY}&to=${TODAY}`;

    const report = await json<SkmReport>(await call(h, 'GET', query, { token: admin }));
    const csv = await (await call(h, 'GET', `${query}&format=csv`, { token: admin })).text();
    const bad = await call(h, 'GET', `/admin/skm?from=${TODAY}&to=2020-01-01`, { token: admin });
    const long = await call(h, 'GET', '/admin/skm?from=2025-01-01&to=2026-06-30', {
      token: admin,
    });

    // One answer totalling 4+4+3+4+3+3+4+4+3 = 32: IKM 25 × 32 ÷ 9 = 88,89, A. One ticket
    // served of the two: population 1, sample 1.
    expect(report.site).toMatchObject({ respondents: 1, population: 1, target: 1 });
    expect(report.site.ikm).toMatchObject({ total: 32, value: 88.89, mutu: 'A' });
    expect(report.services.map((s) => s.serviceId)).toEqual([served.data.serviceId]);
    expect(csv.split('\r\n')[1]).toMatch(
      /^Mal Pelayanan Publik Kota Contoh;1;1;1;4,00;4,00;3,00;4,00;3,00;3,00;4,00;4,00;3,00;88,89;A;Sangat Baik$/,
    );
    expect(bad.status).toBe(400);
    expect(long.status).toBe(400);
  });
});

describe('the retention of suggestions', () => {
  it('forgets suggestions older than the limit and keeps the scores', async () => {
    await answer(served.id, ANSWER);
    const answeredAt =
      (await h.store.skmResponses(h.config.site.id, TODAY, TODAY))[0]?.answeredAt ?? 0;

    const none = await h.store.forgetSuggestions(h.config.site.id, answeredAt);
    const one = await h.store.forgetSuggestions(h.config.site.id, answeredAt + 1);
    const [kept] = await h.store.skmResponses(h.config.site.id, TODAY, TODAY);

    expect([none, one]).toEqual([0, 1]);
    expect(kept?.suggestion).toBeUndefined();
    expect(kept?.answers).toEqual(ANSWER.answers);
    expect(kept?.ageBand).toBe('30-39');
  });
});
