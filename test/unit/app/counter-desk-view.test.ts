import { describe, expect, it } from 'vitest';
import { deskOf, findTicket, queuesOf, servicesOf } from '../../../src/app/counter/desk-view';
import { encodeHlc } from '../../../src/domain/hlc';
import { type CounterView, QueueBook } from '../../../src/domain/queue';
import { numberRefId } from '../../../src/domain/ticket-ref';
import { FIXTURE_MS, ticketAction, ticketIssued } from '../../fixtures/events';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';

const DAY = '2025-11-03';
const at = (seconds: number) => encodeHlc({ ms: FIXTURE_MS + seconds * 1000, counter: 0 });
const config = kioskBundle();
const SERVICE = 'disdukcapil-ktp-el-cetak-ulang';
const queues = queuesOf(
  config,
  config.agencies.flatMap((a) => a.services.map((s) => s.id)),
);
const loket: CounterView = {
  deviceId: 'counter-1',
  loket: '3',
  state: 'open',
  serviceIds: [SERVICE],
  staffId: 'staff-1',
  businessDay: DAY,
  hlc: at(0),
};

function issued(seq: number, second: number) {
  return ticketIssued({ hlc: at(second), data: { prefix: 'A', seq, serviceId: SERVICE } });
}

describe('the counter finds a ticket to call out of order', () => {
  it('finds a waiting ticket by its typed number in any form', () => {
    const ticket = issued(12, 1);
    const book = new QueueBook();
    book.apply(ticket);
    for (const typed of ['A-012', 'a12', 'A 12']) {
      expect(findTicket(book, DAY, typed, queues)).toEqual({
        kind: 'found',
        id: ticket.id,
        businessDay: DAY,
      });
    }
  });

  it('says a ticket already called is taken, rather than calling it again', () => {
    const ticket = issued(5, 1);
    const book = new QueueBook();
    book.apply(ticket);
    book.apply(ticketAction('ticket.called', ticket, {}, { hlc: at(9), deviceId: 'counter-2' }));
    expect(findTicket(book, DAY, 'a5', queues)).toEqual({ kind: 'taken', number: 'A-005' });
    expect(findTicket(book, DAY, `https://mpp.example/t/${ticket.id}`, queues)).toEqual({
      kind: 'taken',
      number: 'A-005',
    });
  });

  it('finds a typed number no ticket here has by its reference id, saying what it knew', () => {
    const book = new QueueBook();
    expect(findTicket(book, DAY, 'a-007', queues)).toEqual({
      kind: 'found',
      id: numberRefId(DAY, 'A-7'),
      businessDay: DAY,
      unseen: { number: 'A-7' },
    });
    expect(findTicket(book, DAY, 'Z-7', queues)).toEqual({ kind: 'none' });
    expect(findTicket(book, DAY, 'hello', queues)).toEqual({ kind: 'none' });
  });

  it('finds an unseen QR by its id, with the number, service and day it carries', () => {
    const ticket = issued(3, 1);
    const qr = `https://mpp.example/t/${ticket.id}#n=A-003&s=${SERVICE}&d=2025-11-02`;
    expect(findTicket(new QueueBook(), DAY, qr, queues)).toEqual({
      kind: 'found',
      id: ticket.id,
      businessDay: '2025-11-02',
      unseen: { number: 'A-3', serviceId: SERVICE },
    });
    const hostile = `https://mpp.example/t/${ticket.id}#n=%3Cb%3E&s=%00&d=tomorrow`;
    expect(findTicket(new QueueBook(), DAY, hostile, queues)).toEqual({
      kind: 'found',
      id: ticket.id,
      businessDay: DAY,
    });
  });
});

describe('the desk of a counter that called an unseen ticket', () => {
  it('shows it as its current ticket until the ticket arrives, then as that ticket', () => {
    const book = new QueueBook();
    const call = ticketAction(
      'ticket.called',
      issued(1, 0),
      {
        ticketId: numberRefId(DAY, 'A-7'),
        loket: '3',
        mode: 'specific',
        reason: 'other',
        unseen: { number: 'A-7' },
      },
      { hlc: at(50), deviceId: 'counter-1' },
    );
    book.apply(call);
    const before = deskOf(book, config, 'counter-1', loket, 'id', FIXTURE_MS);
    expect(before.current).toMatchObject([
      { id: call.data.ticketId, number: 'A-7', status: 'called', unseen: true },
    ]);
    // Another counter does not hold it.
    expect(deskOf(book, config, 'counter-2', loket, 'id', FIXTURE_MS).current).toEqual([]);

    const ticket = issued(7, 10);
    book.apply(ticket);
    const after = deskOf(book, config, 'counter-1', loket, 'id', FIXTURE_MS);
    expect(after.current).toMatchObject([
      { id: ticket.id, number: 'A-007', status: 'called', unseen: false },
    ]);
    expect(after.waiting).toEqual([]);
  });
});

describe('the services a person may serve at a loket', () => {
  it('are their agencies’ and those another agency serves at their desk (servedAt)', () => {
    const bundle = kioskBundle();
    const [own, desk] = bundle.agencies;
    if (!own || !desk) throw new Error('fixture has two agencies');
    const [first, ...rest] = own.services;
    if (!first) throw new Error('fixture agency has a service');
    const withDesk = {
      ...bundle,
      agencies: [{ ...own, services: [{ ...first, servedAt: desk.id }, ...rest] }, desk],
    };
    const person = (agencies: string[]) => ({
      staffId: 's',
      name: 'Sari',
      role: 'petugas' as const,
      agencies,
      pin: null,
      locked: false,
      version: 1,
    });
    const counter = kioskProfile({ id: 'loket', surface: 'counter' });

    const atDesk = servicesOf(withDesk, counter, person([desk.id]), 'id').map((s) => s.id);
    const atOwn = servicesOf(withDesk, counter, person([own.id]), 'id').map((s) => s.id);
    const before = servicesOf(bundle, counter, person([desk.id]), 'id').map((s) => s.id);

    expect(atDesk).toEqual([first.id, ...desk.services.map((s) => s.id)]);
    expect(atOwn).toEqual(own.services.map((s) => s.id));
    expect(before).toEqual(desk.services.map((s) => s.id));
  });
});
