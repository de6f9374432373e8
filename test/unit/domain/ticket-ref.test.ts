import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/domain/event-schema';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { isUuid } from '../../../src/domain/ids';
import { QueueBook } from '../../../src/domain/queue';
import { conflictsOf, foldQueue, queueState } from '../../../src/domain/queue-read';
import {
  canonicalOf,
  isNumberRef,
  numberRefId,
  readTypedNumber,
} from '../../../src/domain/ticket-ref';
import { FIXTURE_MS, ticketAction, ticketIssued } from '../../fixtures/events';

const DAY = '2025-11-03';
const at = (seconds: number) => encodeHlc({ ms: FIXTURE_MS + seconds * 1000, counter: 0 });

describe('a printed number, typed', () => {
  it('reads one canonical form whatever the padding, case, spaces and dash', () => {
    for (const typed of ['A-012', 'a12', 'A 12', 'a-12', ' A012 ']) {
      expect(readTypedNumber(typed, ['A', 'B']), typed).toBe('A-12');
    }
    expect(canonicalOf('A-K007')).toBe('A-K7');
    expect(readTypedNumber('a-k007', ['A'])).toBe('A-K7');
    // Without a dash, the longest prefix of the loket's queues wins.
    expect(readTypedNumber('ak7', ['A', 'AK'])).toBe('AK-7');
    expect(readTypedNumber('ak7', ['A'])).toBe('A-K7');
  });

  it('reads nothing that is not a number of the given queues', () => {
    for (const typed of ['Z12', 'A', 'A-', '12', 'A-12-3', 'A-1234567', '<script>', '']) {
      expect(readTypedNumber(typed, ['A', 'B']), typed).toBeNull();
    }
    expect(canonicalOf('A12')).toBeNull();
  });

  it('names a number on a day by one UUIDv8, the same on every device, unlike any other', () => {
    const id = numberRefId(DAY, 'A-12');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect('89ab').toContain(id[19]);
    expect(numberRefId(DAY, 'A-12')).toBe(id);
    expect(numberRefId(DAY, 'A-13')).not.toBe(id);
    expect(numberRefId('2025-11-04', 'A-12')).not.toBe(id);
    expect(isNumberRef(id, DAY, 'A-12')).toBe(true);
    expect(isNumberRef(id, DAY, 'A-012')).toBe(false);
  });
});

/** A call by typed number, of a ticket the counter's replica has not seen. */
function callByNumber(number: string, second: number, deviceId = 'counter-1', loket = '3') {
  const stand = ticketIssued({ data: { prefix: 'A', seq: 1 } });
  return ticketAction(
    'ticket.called',
    stand,
    {
      ticketId: numberRefId(DAY, number),
      loket,
      mode: 'specific',
      reason: 'other',
      unseen: { number },
    },
    { hlc: at(second), deviceId },
  );
}

describe('a ticket called by its number before its ticket arrives', () => {
  it('is an unseen ticket held by its counter, then joins the ticket of that number', () => {
    const call = callByNumber('A-12', 100);
    expect(parseEvent(call).ok).toBe(true);
    const book = new QueueBook();
    book.apply(call);
    expect(book.ticket(call.data.ticketId)).toBeUndefined();
    expect(book.model().refs.unseenTickets()).toMatchObject([
      { id: call.data.ticketId, number: 'A-12', status: 'called', holder: 'counter-1', loket: '3' },
    ]);

    const issued = ticketIssued({ hlc: at(10), data: { prefix: 'A', seq: 12 } });
    book.apply(issued);
    expect(book.ticket(issued.id)).toMatchObject({ status: 'called', loket: '3', calls: 1 });
    // The reference now reads as the ticket it joined; nothing is unseen any more.
    expect(book.ticket(call.data.ticketId)?.id).toBe(issued.id);
    expect(book.model().refs.unseenTickets()).toEqual([]);

    const finish = ticketAction(
      'ticket.finished',
      issued,
      { ticketId: call.data.ticketId, loket: '3' },
      { hlc: at(200), deviceId: 'counter-1' },
    );
    book.apply(finish);
    expect(book.ticket(issued.id)?.status).toBe('done');
    expect(foldQueue([finish, issued, call]).ticket(issued.id)?.status).toBe('done');
  });

  it('joins the first ticket of a number printed twice, and leaves the other waiting', () => {
    const first = ticketIssued({ hlc: at(5), deviceId: 'kiosk-1', data: { prefix: 'A', seq: 7 } });
    const second = ticketIssued({ hlc: at(6), deviceId: 'kiosk-2', data: { prefix: 'A', seq: 7 } });
    const call = callByNumber('A-7', 50);
    const book = new QueueBook();
    for (const event of [call, second, first]) book.apply(event);
    expect(book.ticket(first.id)?.status).toBe('called');
    expect(book.ticket(second.id)?.status).toBe('waiting');
    expect(queueState(book).duplicates).toHaveLength(1);
  });

  it('meets a call by the QR under the one double-call rule: the call that sorts first holds', () => {
    const issued = ticketIssued({ hlc: at(10), data: { prefix: 'A', seq: 4 } });
    const byQr = ticketAction(
      'ticket.called',
      issued,
      {
        loket: '1',
        mode: 'specific',
        reason: 'other',
        unseen: { number: 'A-4', serviceId: 'ktp-el' },
      },
      { hlc: at(60), deviceId: 'counter-1' },
    );
    const byNumber = callByNumber('A-4', 61, 'counter-2', '2');
    for (const order of [
      [byQr, byNumber, issued],
      [issued, byNumber, byQr],
      [byNumber, issued, byQr],
    ] as KioskEvent[][]) {
      const book = new QueueBook();
      for (const event of order) book.apply(event);
      expect(book.ticket(issued.id)).toMatchObject({ status: 'called', holder: 'counter-1' });
      expect(conflictsOf(book, 'counter-2')).toMatchObject([
        { eventId: byNumber.id, ticketId: issued.id, heldAt: '1' },
      ]);
    }
  });

  it('lists a QR-called ticket as unseen with what its QR said, until it arrives', () => {
    const issued = ticketIssued({ hlc: at(10), data: { prefix: 'A', seq: 9 } });
    const call = ticketAction(
      'ticket.called',
      issued,
      { mode: 'specific', reason: 'returned', unseen: { number: 'A-9', serviceId: 'ktp-el' } },
      { hlc: at(30) },
    );
    const book = new QueueBook();
    book.apply(call);
    expect(book.model().refs.unseenTickets()).toMatchObject([
      { id: issued.id, number: 'A-9', serviceId: 'ktp-el', status: 'called' },
    ]);
    book.apply(issued);
    expect(book.model().refs.unseenTickets()).toEqual([]);
    expect(book.ticket(issued.id)?.status).toBe('called');
  });

  it('refuses a call whose unseen number is not in its canonical form', () => {
    const bad = callByNumber('A-12', 10);
    for (const number of ['A-012', 'a-12', 'A12', '']) {
      expect(parseEvent({ ...bad, data: { ...bad.data, unseen: { number } } }).ok, number).toBe(
        false,
      );
    }
    const next = { ...bad, data: { ...bad.data, mode: 'next', reason: undefined } };
    expect(parseEvent(next).ok).toBe(false);
  });
});
