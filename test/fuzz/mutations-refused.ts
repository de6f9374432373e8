/**
 * Bent events the server must refuse, storing nothing: 400 for what breaks the event
 * schema or a batch rule (a seq past MAX_TICKET_SEQ, a number that disagrees with its
 * seq, an unknown field, another site, a control character…), 403 for another device's
 * event, 409 for a gap after the device's ack or an id stored already.
 */
import type { TicketIssued } from '../../src/domain/events';
import { HLC_MAX_MS } from '../../src/domain/hlc';
import { MAX_TICKET_SEQ } from '../../src/domain/numbering';
import {
  event,
  hostileText,
  type Mutation,
  otherHostile,
  renumber,
  setData,
  type Ticket,
} from './bend';
import { pick } from './model';

/** Every refused bend. */
export const REFUSED: readonly Mutation[] = [
  {
    name: 'seq past the bound',
    expect: 400,
    apply: (b) =>
      setData(b, { seq: [MAX_TICKET_SEQ + 1, 2 ** 31, 1e15, 1e308][b.value % 4] as number }),
  },
  {
    name: 'seq and number disagree',
    expect: 400,
    apply: (b) => setData(b, { seq: event(b).data.seq + 1 }),
  },
  {
    name: 'number of another prefix',
    expect: 400,
    apply: (b) => setData(b, { number: `Q-${String(event(b).data.seq).padStart(3, '0')}` }),
  },
  {
    name: 'seq not whole',
    expect: 400,
    apply: (b) => setData(b, { seq: [0, -1, 1.5][b.value % 3] as number }),
  },
  {
    name: 'issuedAt out of range',
    expect: 400,
    apply: (b) => setData(b, { issuedAt: [1e300, HLC_MAX_MS + 1, -1][b.value % 3] as number }),
  },
  {
    name: 'agencyId too long',
    expect: 400,
    apply: (b) => setData(b, { agencyId: 'a'.repeat(65) }),
  },
  {
    name: 'too many missing',
    expect: 400,
    apply: (b) => setData(b, { missing: Array.from({ length: 51 }, (_, i) => `m${i}`) }),
  },
  {
    name: 'unknown field',
    expect: 400,
    apply: (b) => setData(b, { nik: hostileText(0) } as Partial<TicketIssued>),
  },
  { name: 'lower-case tag', expect: 400, apply: (b) => renumber(b, event(b).data.prefix, 1, 'k') },
  {
    name: 'unknown type',
    expect: 400,
    apply: (b) => Object.assign(event(b), { type: 'ticket.deleted' }),
  },
  { name: 'malformed hlc', expect: 400, apply: (b) => Object.assign(event(b), { hlc: 'zz' }) },
  { name: 'schema version 0', expect: 400, apply: (b) => Object.assign(event(b), { v: 0 }) },
  {
    name: 'another site',
    expect: 400,
    apply: (b) => Object.assign(event(b), { siteId: 'mpp-kota-lain' }),
  },
  {
    name: 'not a calendar day',
    expect: 400,
    apply: (b) => Object.assign(event(b), { businessDay: '2025-02-30' }),
  },
  { name: 'control character', expect: 400, apply: (b) => setData(b, { missing: ['kk\u0007'] }) },
  {
    name: 'id twice in the batch',
    expect: 400,
    apply: (b) => {
      const e = event(b);
      b.events.push({
        ...e,
        data: { ...e.data },
        deviceSeq: (b.events.at(-1) as Ticket).deviceSeq + 1,
      });
    },
  },
  {
    name: 'another device’s event',
    expect: 403,
    apply: (b) => Object.assign(event(b), { deviceId: otherHostile(b)?.deviceId ?? 'kiosk-lain' }),
  },
  {
    name: 'gap after the ack',
    expect: 409,
    apply: (b) => {
      for (const e of b.events) e.deviceSeq += 1;
    },
  },
  {
    name: 'id stored already',
    expect: 409,
    apply: (b) => Object.assign(event(b), { id: pick(b.model.tickets, b.value)?.id }),
    can: (model) => model.tickets.length > 0,
  },
];
