/**
 * Bent counter events a hostile device (kiosk, loket or board) pushes among valid ones.
 * Accepted ones (a loket may rightly have recorded them): actions on tickets the server
 * has never seen, of another day, on tickets another loket holds, with a clock far behind
 * or ahead, transfers to services or queues the config never had (quarantined), a ticket
 * and its call in one batch (judged where the batch issued it), a loket opened for unknown
 * services, any of these by a person of another agency or by nobody of the staff. Refused ones (400):
 * what breaks the event schema or a batch rule. ./judge.ts predicts every verdict — a
 * kiosk's or board's counter events are quarantined as not allowed.
 */
import { randomUUID } from 'node:crypto';
import type { EventData, KioskEvent, TicketActionType } from '../../src/domain/events';
import { encodeHlc, HLC_MAX_MS } from '../../src/domain/hlc';
import { hostileText } from './bend';
import { dayAhead, type KnownService } from './config';
import { counterEvent } from './counter';
import { honestCounters, type Model, pick } from './model';
import { staffIdFor } from './staff-verdicts';
import { makeTicket, takeNumber } from './tickets';

/** The batch to bend: events of `device`, the one at `at` bent, `value` to choose with. */
export type CounterBatch = {
  model: Model;
  device: Model['devices'][number];
  events: KioskEvent[];
  at: number;
  value: number;
};
export type CounterBend = {
  name: string;
  expect: 'accepted' | 400;
  apply: (b: CounterBatch) => void;
  can?: (model: Model) => boolean;
};

/** Every counter event type a batch is made of. */
export const COUNTER_TYPES = [
  'ticket.called',
  'ticket.recalled',
  'ticket.serving',
  'ticket.finished',
  'ticket.no-show',
  'ticket.transferred',
  'counter.opened',
  'counter.paused',
  'counter.closed',
] as const;
type CounterType = (typeof COUNTER_TYPES)[number];

/** Valid data of `type` on `ticketId` (a transfer to a known service of the site). */
export function dataOf(
  model: Model,
  type: CounterType,
  action: { ticketId: string; loket: string; staffId: string },
  value: number,
): EventData<CounterType> {
  const { loket, staffId } = action;
  const service = model.site.services[value % model.site.services.length] as KnownService;
  switch (type) {
    case 'ticket.called':
      return value % 2 === 0
        ? { ...action, mode: 'next' }
        : { ...action, mode: 'specific', reason: 'returned' };
    case 'ticket.finished':
      return { ...action, outcome: 'done' };
    case 'ticket.transferred':
      return {
        ...action,
        toAgencyId: service.agencyId,
        toServiceId: service.serviceId,
        toPrefix: service.prefix,
      };
    case 'counter.opened':
      return { loket, staffId, serviceIds: [service.serviceId] };
    case 'counter.paused':
    case 'counter.closed':
      return { loket, staffId };
    default:
      return action;
  }
}

const bent = (b: CounterBatch) => b.events[b.at % b.events.length] as KioskEvent;
/** The bent event's data, to change in place. */
const data = (b: CounterBatch) => bent(b).data as unknown as Record<string, unknown>;
/** Makes the bent event one of `type`, on the same ticket, with valid data. */
function retype(b: CounterBatch, type: CounterType): Record<string, unknown> {
  const e = bent(b);
  const old = e.data as Partial<EventData<TicketActionType>>;
  const ticketId = old.ticketId ?? pick(b.model.tickets, b.value)?.id ?? randomUUID();
  const action = { ticketId, loket: old.loket ?? 'H1', staffId: old.staffId ?? 'petugas-h' };
  Object.assign(e, { type, data: dataOf(b.model, type, action, b.value) });
  return e.data as unknown as Record<string, unknown>;
}
const otherPrefix = (b: CounterBatch, prefix: string) =>
  b.model.site.prefixes.find((p, i) => p !== prefix && i >= b.value % 3) ??
  (b.model.site.prefixes.find((p) => p !== prefix) as string);

const ACCEPTED: readonly CounterBend[] = [
  { name: 'clean', expect: 'accepted', apply: () => {} },
  {
    name: 'ticket never seen',
    expect: 'accepted',
    apply: (b) => Object.assign(retype(b, 'ticket.called'), { ticketId: randomUUID() }),
  },
  {
    name: 'ticket acted on, never issued',
    expect: 'accepted',
    apply: (b) => {
      const [id, day] = [...b.model.orphans][b.value % b.model.orphans.size] as [string, string];
      retype(b, 'ticket.serving').ticketId = id;
      Object.assign(bent(b), { businessDay: day });
    },
    can: (m) => m.orphans.size > 0,
  },
  {
    name: 'another business day',
    expect: 'accepted',
    apply: (b) =>
      Object.assign(bent(b), {
        businessDay: [dayAhead(b.model.site, 1), '2020-01-01', dayAhead(b.model.site, -1)][
          b.value % 3
        ],
      }),
  },
  {
    name: 'ticket another loket holds',
    expect: 'accepted',
    apply: (b) => {
      const held = pick(
        honestCounters(b.model).flatMap((c) => (c.holding ? [c.holding] : [])),
        b.value,
      );
      if (held === undefined) return;
      const type = (['ticket.called', 'ticket.serving', 'ticket.finished'] as const)[b.value % 3];
      Object.assign(retype(b, type ?? 'ticket.called'), { ticketId: held.id });
      Object.assign(bent(b), { businessDay: held.day });
    },
  },
  {
    name: 'clock far behind',
    expect: 'accepted',
    apply: (b) => Object.assign(bent(b), { hlc: encodeHlc({ ms: b.value % 3, counter: 0 }) }),
  },
  {
    name: 'clock far ahead',
    expect: 'accepted',
    apply: (b) =>
      Object.assign(bent(b), {
        hlc: encodeHlc({
          ms: Math.min(HLC_MAX_MS, Date.now() + 86_400_000 * (1 + (b.value % 400))),
          counter: 0,
        }),
      }),
  },
  {
    name: 'transfer to an unknown service',
    expect: 'accepted',
    apply: (b) =>
      Object.assign(retype(b, 'ticket.transferred'), { toServiceId: hostileText(b.value) }),
  },
  {
    name: 'transfer to another agency’s service',
    expect: 'accepted',
    apply: (b) => {
      const d = retype(b, 'ticket.transferred');
      const other = b.model.site.services.find((s) => s.agencyId !== d.toAgencyId);
      d.toAgencyId = other?.agencyId ?? hostileText(b.value);
    },
  },
  {
    name: 'transfer to another queue',
    expect: 'accepted',
    apply: (b) => {
      const d = retype(b, 'ticket.transferred');
      d.toPrefix = otherPrefix(b, d.toPrefix as string);
    },
  },
  {
    // Quarantined (src/domain/trust.ts, screenServices): no free text reaches other devices,
    // the NIK-shaped kind included.
    name: 'opened for unknown services',
    expect: 'accepted',
    apply: (b) =>
      Object.assign(retype(b, 'counter.opened'), {
        serviceIds: [hostileText(1 + (b.value % 8)), 'x', '3201000283230954'],
      }),
  },
  {
    name: 'a ticket and its call in one batch',
    expect: 'accepted',
    apply: (b) => {
      const { model, device } = b;
      device.seq = device.ackSeq;
      const service = model.site.services[b.value % model.site.services.length] as KnownService;
      const ticket = makeTicket(
        model,
        device,
        service,
        takeNumber(model, device, service.prefix, 0),
      );
      const staffId = staffIdFor(model, device, b.value);
      const action = { ticketId: ticket.id, loket: device.loket || device.tag, staffId };
      const call = counterEvent(model, device, 'ticket.called', ticket.businessDay, {
        ...action,
        mode: 'next',
      });
      b.events.splice(0, b.events.length, ticket, call);
    },
  },
  {
    // Its last stored event sent again, with the same id and deviceSeq but another content:
    // the server holds that seq already, so it skips it — and must not act on what it says
    // (here: a call, sorted before everything, of a ticket no stored event called).
    name: 'its last event again, altered',
    expect: 'accepted',
    apply: (b) => {
      const { device, model } = b;
      const n = model.tickets.length;
      const start = b.value % Math.max(1, n);
      const victim = Array.from(
        { length: Math.min(n, 50) },
        (_, i) => model.tickets[(start + i) % n],
      ).find((t) => t !== undefined && !t.quarantined);
      if (device.ackSeq === 0 || victim === undefined) return;
      const id = device.acked[device.ackSeq - 1] as string;
      const action = { ticketId: victim.id, loket: 'Z9', staffId: 'petugas-z', mode: 'next' };
      b.events.unshift({
        ...(b.events[0] as KioskEvent),
        id,
        deviceSeq: device.ackSeq,
        hlc: encodeHlc({ ms: 1, counter: 0 }),
        businessDay: victim.day,
        type: 'ticket.called',
        data: action as EventData<'ticket.called'>,
      });
    },
  },
];

const REFUSED: readonly CounterBend[] = [
  {
    name: 'loket not 1–4 capitals or digits',
    expect: 400,
    apply: (b) => {
      data(b).loket = ['3a', '12345', '', 'Loket 3', ' 3'][b.value % 5];
    },
  },
  {
    name: 'staffId empty or too long',
    expect: 400,
    apply: (b) => {
      data(b).staffId = ['', 'x'.repeat(65)][b.value % 2];
    },
  },
  {
    name: 'staffId with a control character',
    expect: 400,
    apply: (b) => {
      data(b).staffId = ['petugas\u0007', 'a\u0000b', 'x\u009b'][b.value % 3];
    },
  },
  {
    name: 'ticketId not a UUID',
    expect: 400,
    apply: (b) => {
      retype(b, 'ticket.serving').ticketId = ['A-001', hostileText(0), '', 'x'.repeat(36)][
        b.value % 4
      ];
    },
  },
  {
    name: 'specific call without a reason',
    expect: 400,
    apply: (b) =>
      Object.assign(retype(b, 'ticket.called'), { mode: 'specific', reason: undefined }),
  },
  {
    name: 'unseen number not in its printed form',
    expect: 400,
    apply: (b) =>
      Object.assign(retype(b, 'ticket.called'), {
        mode: 'specific',
        reason: 'other',
        unseen: { number: ['A-012', 'a-12', 'A12', hostileText(1), ''][b.value % 5] },
      }),
  },
  {
    name: 'unseen ticket on a next call, or with a foreign field',
    expect: 400,
    apply: (b) =>
      b.value % 2 === 0
        ? Object.assign(retype(b, 'ticket.called'), { mode: 'next', unseen: { number: 'A-1' } })
        : Object.assign(retype(b, 'ticket.called'), {
            mode: 'specific',
            reason: 'other',
            unseen: { number: 'A-1', nik: '3171010101010001' },
          }),
  },
  {
    name: 'next call with a reason',
    expect: 400,
    apply: (b) => Object.assign(retype(b, 'ticket.called'), { mode: 'next', reason: 'urgent' }),
  },
  {
    name: 'unknown mode or outcome',
    expect: 400,
    apply: (b) =>
      b.value % 2 === 0
        ? Object.assign(retype(b, 'ticket.called'), { mode: 'later' })
        : Object.assign(retype(b, 'ticket.finished'), { outcome: 'selesai' }),
  },
  {
    name: 'transfer to a malformed queue',
    expect: 400,
    apply: (b) => {
      retype(b, 'ticket.transferred').toPrefix = ['a', 'ABCD', '', 'A1'][b.value % 4];
    },
  },
  {
    name: 'transfer target too long',
    expect: 400,
    apply: (b) => {
      retype(b, 'ticket.transferred').toServiceId = 'x'.repeat(65);
    },
  },
  {
    name: 'opened with no, too many or too long services',
    expect: 400,
    apply: (b) => {
      retype(b, 'counter.opened').serviceIds = [
        [],
        Array.from({ length: 51 }, (_, i) => `s${i}`),
        ['x'.repeat(65)],
      ][b.value % 3];
    },
  },
  {
    name: 'unknown field',
    expect: 400,
    apply: (b) => {
      data(b).citizen = hostileText(b.value);
    },
  },
  {
    name: 'action without its ticket',
    expect: 400,
    apply: (b) => {
      delete retype(b, 'ticket.recalled').ticketId;
    },
  },
];

/** Every counter bend: refused, then accepted ones. */
export const COUNTER_BENDS: readonly CounterBend[] = [...REFUSED, ...ACCEPTED];
