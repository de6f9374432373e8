import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/domain/event-schema';
import type { KioskEvent, TicketIssued } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { QueueBook } from '../../../src/domain/queue';
import {
  conflictsOf,
  counters,
  foldQueue,
  nextFor,
  recentCalls,
  serviceTimes,
} from '../../../src/domain/queue-read';
import { priorityStreak, servingOrder } from '../../../src/domain/serving-order';
import {
  counterChange,
  FIXTURE_MS,
  fixtureId,
  ticketAction,
  ticketIssued,
} from '../../fixtures/events';

const DAY = '2025-11-03';
const at = (seconds: number) => encodeHlc({ ms: FIXTURE_MS + seconds * 1000, counter: 0 });

/** Tickets of queue A issued at 1 s, 2 s, … */
function tickets(count: number, data: Partial<TicketIssued> = {}) {
  return Array.from({ length: count }, (_, i) =>
    ticketIssued({ hlc: at(i + 1), data: { seq: i + 1, ...data } }),
  );
}

describe('counter events', () => {
  it('are valid events by their schema, and refuse a foreign shape', () => {
    const [ticket] = tickets(1);
    if (!ticket) throw new Error('no ticket');
    const events: KioskEvent[] = [
      ticketAction('ticket.called', ticket),
      ticketAction('ticket.called', ticket, { mode: 'specific', reason: 'returned' }),
      ticketAction('ticket.recalled', ticket),
      ticketAction('ticket.serving', ticket),
      ticketAction('ticket.finished', ticket, { outcome: 'incomplete' }),
      ticketAction('ticket.finished', ticket, { outcome: 'incomplete', missing: ['kk'] }),
      ticketAction('ticket.finished', ticket, {
        outcome: 'received',
        ready: { date: '2025-11-10', place: 'kelurahan' },
      }),
      ticketAction('ticket.no-show', ticket),
      ticketAction('ticket.transferred', ticket),
      counterChange('counter.opened'),
      counterChange('counter.paused'),
      counterChange('counter.closed'),
    ];
    for (const event of events) expect(parseEvent(event).ok, event.type).toBe(true);
    const bad = [
      ticketAction('ticket.called', ticket, { mode: 'specific' } as never),
      ticketAction('ticket.called', ticket, { loket: 'loket tiga' }),
      ticketAction('ticket.finished', ticket, { outcome: 'maybe' as never }),
      ticketAction('ticket.finished', ticket, { outcome: 'done', missing: ['kk'] }),
      ticketAction('ticket.finished', ticket, {
        outcome: 'incomplete',
        ready: { date: '2025-11-10', place: 'mpp' },
      }),
      ticketAction('ticket.finished', ticket, {
        outcome: 'received',
        ready: { date: 'besok', place: 'mpp' },
      }),
      ticketAction('ticket.finished', ticket, {
        outcome: 'received',
        ready: { date: '2025-11-10', place: 'rumah' as never },
      }),
      ticketAction('ticket.serving', ticket, { ticketId: 'A-001' }),
      counterChange('counter.opened', { serviceIds: [] }),
    ];
    for (const event of bad) expect(parseEvent(event).ok, JSON.stringify(event.data)).toBe(false);
  });
});

describe('a ticket through a counter', () => {
  it('goes waiting → called → serving → done, leaving the waiting list when called', () => {
    const [first, second] = tickets(2);
    if (!first || !second) throw new Error('no tickets');
    const call = ticketAction('ticket.called', first, { loket: '3' }, { hlc: at(10) });
    const book = foldQueue([first, second, call]);
    expect(book.ticket(first.id)).toMatchObject({
      status: 'called',
      loket: '3',
      holder: 'counter-1',
    });
    expect(book.waitingIn(DAY, 'A').map((t) => t.id)).toEqual([second.id]);
    expect(book.peopleAhead(second.id)).toBe(0);

    book.apply(ticketAction('ticket.serving', first, {}, { hlc: at(20) }));
    book.apply(ticketAction('ticket.finished', first, {}, { hlc: at(320) }));
    expect(book.ticket(first.id)).toMatchObject({ status: 'done', outcome: 'done', calls: 1 });
    // Five minutes from start of serving to finish.
    expect(serviceTimes(book, DAY, 'ktp-el')).toEqual({ count: 1, meanMs: 300_000 });
  });

  it('gives a ticket two counters called while partitioned to the call that sorts first', () => {
    const [ticket] = tickets(1);
    if (!ticket) throw new Error('no ticket');
    const early = ticketAction(
      'ticket.called',
      ticket,
      { loket: '2' },
      { hlc: at(10), deviceId: 'counter-2' },
    );
    const late = ticketAction(
      'ticket.called',
      ticket,
      { loket: '5' },
      { hlc: at(11), deviceId: 'counter-5' },
    );
    const lateFinish = ticketAction(
      'ticket.finished',
      ticket,
      {},
      { hlc: at(12), deviceId: 'counter-5' },
    );

    for (const order of [
      [ticket, early, late, lateFinish],
      [lateFinish, late, ticket, early],
    ]) {
      const book = new QueueBook();
      for (const event of order) book.apply(event);
      expect(book.ticket(ticket.id)).toMatchObject({
        status: 'called',
        loket: '2',
        holder: 'counter-2',
      });
      // The losing counter sees both of its refused actions; the winner sees none.
      expect(conflictsOf(book, 'counter-5').map((c) => [c.type, c.heldAt])).toEqual([
        ['ticket.called', '2'],
        ['ticket.finished', '2'],
      ]);
      expect(conflictsOf(book, 'counter-2')).toEqual([]);
    }
  });

  it('treats a second call by the holder as a recall, and lets a no-show be called again', () => {
    const [ticket] = tickets(1);
    if (!ticket) throw new Error('no ticket');
    const book = foldQueue([
      ticket,
      ticketAction('ticket.called', ticket, {}, { hlc: at(10) }),
      ticketAction('ticket.called', ticket, {}, { hlc: at(40) }),
      ticketAction('ticket.recalled', ticket, {}, { hlc: at(70) }),
      ticketAction('ticket.no-show', ticket, {}, { hlc: at(100) }),
    ]);
    expect(book.ticket(ticket.id)).toMatchObject({ status: 'no-show', calls: 1, recalls: 2 });
    book.apply(
      ticketAction(
        'ticket.called',
        ticket,
        { mode: 'specific', reason: 'returned' },
        { hlc: at(900), deviceId: 'counter-4' },
      ),
    );
    expect(book.ticket(ticket.id)).toMatchObject({
      status: 'called',
      calls: 2,
      holder: 'counter-4',
    });
  });

  it('refuses actions from a counter that does not hold the ticket, and on a finished ticket', () => {
    const [ticket] = tickets(1);
    if (!ticket) throw new Error('no ticket');
    const serveUncalled = ticketAction('ticket.serving', ticket, {}, { hlc: at(5) });
    const call = ticketAction('ticket.called', ticket, {}, { hlc: at(10) });
    const finish = ticketAction('ticket.finished', ticket, {}, { hlc: at(20) });
    const callAfter = ticketAction(
      'ticket.called',
      ticket,
      {},
      { hlc: at(30), deviceId: 'counter-9' },
    );
    const book = foldQueue([ticket, serveUncalled, call, finish, callAfter]);
    expect(book.ticket(ticket.id)?.status).toBe('done');
    expect(conflictsOf(book, 'counter-1').map((c) => c.type)).toEqual(['ticket.serving']);
    expect(conflictsOf(book, 'counter-9').map((c) => c.type)).toEqual(['ticket.called']);
  });
});

describe('transfer', () => {
  it('moves a ticket to the other queue with its first arrival time, ahead of later arrivals', () => {
    const early = ticketIssued({ hlc: at(1), data: { seq: 1 } });
    const bpjsLater = ticketIssued({
      hlc: at(5),
      data: {
        prefix: 'E',
        seq: 1,
        agencyId: 'bpjs-kesehatan',
        serviceId: 'bpjs-kesehatan-perubahan-data',
      },
    });
    const book = foldQueue([
      early,
      bpjsLater,
      ticketAction('ticket.called', early, {}, { hlc: at(10) }),
      ticketAction('ticket.transferred', early, {}, { hlc: at(20) }),
    ]);
    const moved = book.ticket(early.id);
    expect(moved).toMatchObject({
      status: 'waiting',
      agencyId: 'bpjs-kesehatan',
      serviceId: 'bpjs-kesehatan-perubahan-data',
      queue: 'E',
      issuedServiceId: 'ktp-el',
      number: 'A-001',
      hlc: early.hlc,
      transfers: 1,
    });
    expect(book.waitingIn(DAY, 'E').map((t) => t.id)).toEqual([early.id, bpjsLater.id]);
    expect(book.waitingIn(DAY, 'A')).toEqual([]);
    // Issued counts (the quota) stay with the service the ticket was issued for.
    expect(book.issuedCount(DAY, 'ktp-el')).toBe(1);
    expect(book.issuedCount(DAY, 'bpjs-kesehatan-perubahan-data')).toBe(1);
  });
});

describe('quota use', () => {
  it('counts the lobby’s tickets and a mobile unit’s apart, each against its own pool', () => {
    // Arrange: three lobby tickets and two of a mobile unit.
    const lobby = tickets(3);
    const units = tickets(2, { channel: 'mobile', prefix: 'M' });
    const book = new QueueBook();

    // Act
    for (const event of [...lobby, ...units]) book.apply(event);

    // Assert
    expect([
      book.issuedCount(DAY, 'ktp-el'),
      book.issuedCount(DAY, 'ktp-el', 'kiosk'),
      book.issuedCount(DAY, 'ktp-el', 'mobile'),
    ]).toEqual([5, 3, 2]);
  });
});

describe('journeys', () => {
  it('holds the second step out of its queue until the first is finished, then keeps its arrival', () => {
    const journey = fixtureId(9_999_001);
    const kk = ticketIssued({
      hlc: at(1),
      data: { seq: 1, serviceId: 'kk', journey: { id: journey, step: 1, of: 2 } },
    });
    const bpjs = ticketIssued({
      hlc: at(2),
      data: {
        prefix: 'E',
        seq: 1,
        agencyId: 'bpjs-kesehatan',
        serviceId: 'bpjs-kesehatan-perubahan-data',
        journey: { id: journey, step: 2, of: 2, after: kk.id },
      },
    });
    const walkIn = ticketIssued({
      hlc: at(30),
      data: {
        prefix: 'E',
        seq: 2,
        agencyId: 'bpjs-kesehatan',
        serviceId: 'bpjs-kesehatan-pendaftaran',
      },
    });
    const book = foldQueue([bpjs, walkIn, kk]);
    expect(book.ticket(bpjs.id)?.status).toBe('held');
    expect(book.waitingIn(DAY, 'E').map((t) => t.id)).toEqual([walkIn.id]);
    expect(book.peopleAhead(bpjs.id)).toBe(0);

    book.apply(ticketAction('ticket.called', kk, {}, { hlc: at(40) }));
    expect(book.ticket(bpjs.id)?.status).toBe('held');
    book.apply(ticketAction('ticket.finished', kk, {}, { hlc: at(50) }));
    expect(book.ticket(bpjs.id)?.status).toBe('waiting');
    expect(book.waitingIn(DAY, 'E').map((t) => t.id)).toEqual([bpjs.id, walkIn.id]);
    expect(book.peopleAhead(walkIn.id)).toBe(1);
  });

  it('refuses a journey step that names no step before it, or a step past the end', () => {
    const journey = fixtureId(9_999_002);
    const noAfter = ticketIssued({ data: { journey: { id: journey, step: 2, of: 2 } } });
    const pastEnd = ticketIssued({
      data: { journey: { id: journey, step: 3, of: 2, after: journey } },
    });
    expect(parseEvent(noAfter).ok).toBe(false);
    expect(parseEvent(pastEnd).ok).toBe(false);
  });
});

describe('serving order', () => {
  it('calls priority groups first, at most `cap` in a row while regular tickets wait', () => {
    const order = servingOrder(
      ['r1', 'p1', 'r2', 'p2', 'p3', 'p4', 'r3'],
      (t) => t.startsWith('p'),
      0,
      3,
    );
    expect(order).toEqual(['p1', 'p2', 'p3', 'r1', 'p4', 'r2', 'r3']);
    // Two priority calls just made: one more, then a regular ticket.
    expect(servingOrder(['r1', 'p1', 'p2'], (t) => t.startsWith('p'), 2, 3)).toEqual([
      'p1',
      'r1',
      'p2',
    ]);
    expect(servingOrder(['p1', 'p2'], (t) => t.startsWith('p'), 9, 3)).toEqual(['p1', 'p2']);
    expect(priorityStreak([true, true, false, true])).toBe(2);
  });

  it("in the book: the priority streak comes from the queue's calls", () => {
    const regular = ticketIssued({ hlc: at(1), data: { seq: 1 } });
    const priority = [2, 3, 4, 5].map((s) =>
      ticketIssued({ hlc: at(s), data: { seq: s, priority: 'lansia' } }),
    );
    const book = foldQueue([regular, ...priority], { priorityCap: 2 });
    expect(book.waitingIn(DAY, 'A').map((t) => t.seq)).toEqual([2, 3, 1, 4, 5]);
    expect(nextFor(book, DAY, ['ktp-el'])?.seq).toBe(2);
    // Two priority calls: the regular ticket is next.
    book.apply(
      ticketAction(
        'ticket.called',
        priority[0] as KioskEvent<'ticket.issued'>,
        {},
        { hlc: at(10) },
      ),
    );
    book.apply(
      ticketAction(
        'ticket.called',
        priority[1] as KioskEvent<'ticket.issued'>,
        {},
        { hlc: at(11), deviceId: 'counter-2' },
      ),
    );
    expect(nextFor(book, DAY, ['ktp-el'])?.seq).toBe(1);
    expect(book.peopleAhead(regular.id)).toBe(0);
    expect(book.peopleAhead(priority[3]?.id ?? '')).toBe(2);
    // A loket that does not serve the service sees nothing.
    expect(nextFor(book, DAY, ['kk'])).toBeNull();
  });
});

describe('lokets and the board', () => {
  it('tells each loket by its last change, keeping its services through a pause', () => {
    const book = foldQueue([
      counterChange('counter.opened', { loket: '3', serviceIds: ['ktp-el', 'kk'] }, { hlc: at(1) }),
      counterChange('counter.paused', { loket: '3' }, { hlc: at(2) }),
      counterChange('counter.opened', { loket: '10' }, { hlc: at(3), deviceId: 'counter-10' }),
    ]);
    expect(counters(book, DAY).map((c) => [c.loket, c.state, c.serviceIds])).toEqual([
      ['3', 'paused', ['ktp-el', 'kk']],
      ['10', 'open', ['ktp-el']],
    ]);
    expect(counters(book, '2025-11-04')).toEqual([]);
  });

  it("lists the day's calls newest first, a recall moving its ticket to the top", () => {
    const [a, b] = tickets(2);
    if (!a || !b) throw new Error('no tickets');
    const book = foldQueue([
      a,
      b,
      ticketAction('ticket.called', a, { loket: '1' }, { hlc: at(10) }),
      ticketAction('ticket.called', b, { loket: '2' }, { hlc: at(20), deviceId: 'counter-2' }),
    ]);
    expect(recentCalls(book, DAY, 5).map((t) => t.loket)).toEqual(['2', '1']);
    book.apply(ticketAction('ticket.recalled', a, { loket: '1' }, { hlc: at(30) }));
    expect(recentCalls(book, DAY, 5).map((t) => t.loket)).toEqual(['1', '2']);
    expect(recentCalls(book, DAY, 1)).toHaveLength(1);
  });
});
