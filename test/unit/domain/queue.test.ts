import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/domain/event-schema';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { queueKey, serviceDayKey } from '../../../src/domain/queue';
import { foldState, peopleAhead, sortEvents, waitingCount } from '../../../src/domain/queue-read';
import { FIXTURE_MS, fixtureId, ticketIssued } from '../../fixtures/events';

const DAY = '2025-11-03';
const hlcAt = (offsetMs: number, counter = 0) => encodeHlc({ ms: FIXTURE_MS + offsetMs, counter });

describe('ticketIssued fixture', () => {
  it('builds an event that parseEvent accepts, with overrides applied', () => {
    // Arrange
    const event = ticketIssued({ deviceId: 'kiosk-7', data: { prefix: 'PH', seq: 4 } });

    // Act
    const parsed = parseEvent(event);

    // Assert
    expect(parsed).toEqual({ ok: true, event });
    expect(event.data.number).toBe('PH-004');
    expect(event.deviceId).toBe('kiosk-7');
  });

  it('accepts the 27th device tag (AA) and numbers past 999, refuses lower case and longer tags', () => {
    const tagged = ticketIssued({ data: { prefix: 'A', seq: 12, emergencyTag: 'AA' } });
    const fenced = ticketIssued({ data: { prefix: 'PH', seq: 1013 } });
    const lower = ticketIssued({ data: { prefix: 'A', seq: 1, emergencyTag: 'k' } });
    const long = ticketIssued({ data: { prefix: 'A', seq: 1, emergencyTag: 'ABCD' } });

    expect(tagged.data.number).toBe('A-AA012');
    expect(parseEvent(tagged).ok).toBe(true);
    expect(fenced.data.number).toBe('PH-1013');
    expect(parseEvent(fenced).ok).toBe(true);
    expect(parseEvent(lower).ok).toBe(false);
    expect(parseEvent(long).ok).toBe(false);
  });
});

describe('queueKey / serviceDayKey', () => {
  it('keeps days, prefixes and services apart', () => {
    expect(queueKey(DAY, 'A')).not.toBe(queueKey('2025-11-04', 'A'));
    expect(queueKey(DAY, 'A')).not.toBe(queueKey(DAY, 'AB'));
    expect(serviceDayKey(DAY, 'ktp-el')).not.toBe(serviceDayKey(DAY, 'kk'));
    expect(serviceDayKey(DAY, 'ktp-el')).toBe(serviceDayKey(DAY, 'ktp-el'));
  });
});

describe('sortEvents', () => {
  it('orders by hlc, then deviceId, then id', () => {
    // Arrange
    const late = ticketIssued({ id: fixtureId(1), hlc: hlcAt(2000) });
    const tieB2 = ticketIssued({ id: fixtureId(3), hlc: hlcAt(1000), deviceId: 'kiosk-b' });
    const tieB1 = ticketIssued({ id: fixtureId(2), hlc: hlcAt(1000), deviceId: 'kiosk-b' });
    const tieA = ticketIssued({ id: fixtureId(9), hlc: hlcAt(1000), deviceId: 'kiosk-a' });
    const earliest = ticketIssued({ id: fixtureId(7), hlc: hlcAt(999, 5) });

    // Act
    const sorted = sortEvents([late, tieB2, tieB1, tieA, earliest]);

    // Assert
    expect(sorted.map((e) => e.id)).toEqual([earliest, tieA, tieB1, tieB2, late].map((e) => e.id));
  });

  it('compares plain strings, not by locale', () => {
    // Arrange: 'Z' (0x5a) sorts before 'a' (0x61) in code units, after it by locale.
    const lower = ticketIssued({ hlc: hlcAt(0), deviceId: 'a-kiosk' });
    const upper = ticketIssued({ hlc: hlcAt(0), deviceId: 'Z-kiosk' });

    // Act
    const sorted = sortEvents([lower, upper]);

    // Assert
    expect(sorted.map((e) => e.deviceId)).toEqual(['Z-kiosk', 'a-kiosk']);
  });

  it('orders by counter within one ms even in a log spanning years', () => {
    // Arrange: the far events differ only in their counter; device order says the opposite.
    const years = 2 ** 39; // about 17 years, past the exact numeric key
    const near = ticketIssued({ hlc: hlcAt(0) });
    const farHigh = ticketIssued({ hlc: hlcAt(years, 1), deviceId: 'a-kiosk' });
    const farLow = ticketIssued({ hlc: hlcAt(years, 0), deviceId: 'b-kiosk' });

    // Act
    const sorted = sortEvents([farHigh, farLow, near]);

    // Assert
    expect(sorted.map((e) => e.id)).toEqual([near.id, farLow.id, farHigh.id]);
  });

  it('still sorts by plain string order when an HLC is malformed', () => {
    // Arrange
    const upper = ticketIssued({ hlc: '019A3B2C4D5E-0000' });
    const lower = ticketIssued({ hlc: '019a3b2c4d5e-0000' });
    const early = ticketIssued({ hlc: '000000000001-0000' });

    // Act
    const sorted = sortEvents([lower, upper, early]);

    // Assert: '0' < 'A' < 'a' in code units.
    expect(sorted.map((e) => e.hlc)).toEqual([early.hlc, upper.hlc, lower.hlc]);
  });

  it('keeps one event per id', () => {
    // Arrange
    const a = ticketIssued();
    const b = ticketIssued();

    // Act
    const sorted = sortEvents([a, b, { ...a }, a, { ...b }]);

    // Assert
    expect(sorted.map((e) => e.id)).toEqual([a.id, b.id]);
  });

  it('keeps the same copy of a conflicting duplicate whatever the arrival order', () => {
    // Arrange
    const first = ticketIssued({ hlc: hlcAt(10) });
    const conflicting = { ...first, hlc: hlcAt(5) };

    // Act
    const one = sortEvents([first, conflicting]);
    const other = sortEvents([conflicting, first]);

    // Assert
    expect(one).toEqual(other);
    expect(one).toHaveLength(1);
  });
});

describe('foldQueue', () => {
  it('is empty for an empty log', () => {
    // Act
    const state = foldState([]);

    // Assert
    expect(state.tickets.size).toBe(0);
    expect(state.waiting.size).toBe(0);
    expect(state.issuedByService.size).toBe(0);
    expect(state.duplicates).toEqual([]);
  });

  it('turns a ticket.issued event into a waiting ticket', () => {
    // Arrange
    const event = ticketIssued({
      deviceId: 'kiosk-3',
      data: { prefix: 'B', seq: 12, serviceId: 'kk', priority: 'lansia', purpose: 'consultation' },
    });

    // Act
    const state = foldState([event]);

    // Assert
    expect(state.tickets.get(event.id)).toEqual({
      id: event.id,
      number: 'B-012',
      prefix: 'B',
      seq: 12,
      agencyId: event.data.agencyId,
      serviceId: 'kk',
      priority: 'lansia',
      purpose: 'consultation',
      businessDay: event.businessDay,
      hlc: event.hlc,
      deviceId: 'kiosk-3',
      issuedAt: event.data.issuedAt,
      status: 'waiting',
      queue: 'B',
      issuedServiceId: 'kk',
      loket: null,
      holder: null,
      calls: 0,
      recalls: 0,
      transfers: 0,
      outcome: null,
      journey: null,
      calledHlc: null,
      channel: 'kiosk',
      waitMs: null,
      serviceMs: null,
      ready: null,
      missingAtFinish: [],
    });
    expect(state.waiting.get(queueKey(event.businessDay, 'B'))).toEqual([event.id]);
  });

  it('lists waiting tickets per (day, prefix) in HLC order, not number or arrival order', () => {
    // Arrange: kiosk-2's block (201…) issues before kiosk-1's block (1…).
    const k2 = ticketIssued({ hlc: hlcAt(1000), deviceId: 'kiosk-2', data: { seq: 201 } });
    const k1 = ticketIssued({ hlc: hlcAt(2000), deviceId: 'kiosk-1', data: { seq: 1 } });
    const k2b = ticketIssued({ hlc: hlcAt(3000), deviceId: 'kiosk-2', data: { seq: 202 } });
    const otherPrefix = ticketIssued({ hlc: hlcAt(1500), data: { prefix: 'B', seq: 1 } });
    const otherDay = ticketIssued({
      hlc: hlcAt(1200),
      businessDay: '2025-11-04',
      data: { seq: 2 },
    });

    // Act
    const state = foldState([k2b, otherDay, k1, otherPrefix, k2]);

    // Assert
    expect(state.waiting.get(queueKey(DAY, 'A'))).toEqual([k2.id, k1.id, k2b.id]);
    expect(state.waiting.get(queueKey(DAY, 'B'))).toEqual([otherPrefix.id]);
    expect(state.waiting.get(queueKey('2025-11-04', 'A'))).toEqual([otherDay.id]);
  });

  it('counts tickets issued per service and day', () => {
    // Arrange
    const events = [
      ticketIssued({ data: { serviceId: 'ktp-el' } }),
      ticketIssued({ data: { serviceId: 'ktp-el' } }),
      ticketIssued({ data: { serviceId: 'kk' } }),
      ticketIssued({ businessDay: '2025-11-04', data: { serviceId: 'ktp-el' } }),
    ];

    // Act
    const state = foldState(events);

    // Assert
    expect(state.issuedByService.get(serviceDayKey(DAY, 'ktp-el'))).toBe(2);
    expect(state.issuedByService.get(serviceDayKey(DAY, 'kk'))).toBe(1);
    expect(state.issuedByService.get(serviceDayKey('2025-11-04', 'ktp-el'))).toBe(1);
  });

  it('counts an event delivered several times once', () => {
    // Arrange
    const a = ticketIssued();
    const b = ticketIssued();

    // Act
    const state = foldState([a, b, a, { ...a }, b]);

    // Assert
    expect(state.tickets.size).toBe(2);
    expect(waitingCount(state, DAY, 'A')).toBe(2);
    expect(state.issuedByService.get(serviceDayKey(DAY, 'ktp-el'))).toBe(2);
    expect(state.duplicates).toEqual([]);
  });

  it('keeps the first copy of an id whose copies differ, from an array or any iterable', () => {
    // Arrange: a corrupt log; the copies sort apart, with another ticket between them.
    const first = ticketIssued({ hlc: hlcAt(1000), data: { seq: 1, serviceId: 'kk' } });
    const between = ticketIssued({ hlc: hlcAt(2000), data: { seq: 2 } });
    const copy = { ...first, hlc: hlcAt(3000), data: { ...first.data, seq: 3, number: 'A-003' } };
    function* arrival() {
      yield copy;
      yield between;
      yield first;
    }

    // Act
    const fromArray = foldState([copy, between, first, copy]);
    const fromIterable = foldState(arrival());

    // Assert
    for (const state of [fromArray, fromIterable]) {
      expect(state.tickets.get(first.id)?.number).toBe('A-001');
      expect(state.waiting.get(queueKey(DAY, 'A'))).toEqual([first.id, between.id]);
      expect(state.issuedByService.get(serviceDayKey(DAY, 'kk'))).toBe(1);
      expect(state.duplicates).toEqual([]);
    }
  });

  it('folds a long log read in id order (the insertion sort) like the same log shuffled', () => {
    // Arrange: ids rise with issue order; HLCs jitter, so the log is only nearly sorted.
    const log = Array.from({ length: 2000 }, (_, i) =>
      ticketIssued({
        id: fixtureId(100_000 + i),
        hlc: hlcAt(i * 50 + ((i * 7919) % 400)),
        deviceId: `kiosk-${i % 5}`,
        data: { seq: i + 1 },
      }),
    );
    const shuffled = [...log].sort((a, b) => (a.data.number < b.data.number ? 1 : -1));

    // Act
    const inIdOrder = foldState(log);
    const fromShuffled = foldState(shuffled);

    // Assert
    const expected = [...log].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).map((e) => e.id);
    expect(inIdOrder.waiting.get(queueKey(DAY, 'A'))).toEqual(expected);
    expect(fromShuffled.waiting.get(queueKey(DAY, 'A'))).toEqual(expected);
  });

  it('surfaces one printed number issued twice in a queue and keeps both tickets', () => {
    // Arrange
    const first = ticketIssued({ hlc: hlcAt(1000), deviceId: 'kiosk-1', data: { seq: 7 } });
    const second = ticketIssued({ hlc: hlcAt(2000), deviceId: 'kiosk-2', data: { seq: 7 } });
    const third = ticketIssued({ hlc: hlcAt(3000), deviceId: 'kiosk-3', data: { seq: 7 } });

    // Act
    const state = foldState([third, second, first]);

    // Assert
    expect(state.duplicates).toEqual([
      { businessDay: DAY, number: 'A-007', ticketIds: [first.id, second.id, third.id] },
    ]);
    expect(state.tickets.size).toBe(3);
    expect(waitingCount(state, DAY, 'A')).toBe(3);
  });

  it('does not call the same number on another day or an emergency number a duplicate', () => {
    // Arrange
    const events = [
      ticketIssued({ data: { seq: 7 } }),
      ticketIssued({ businessDay: '2025-11-04', data: { seq: 7 } }),
      ticketIssued({ data: { seq: 7, emergencyTag: 'K' } }),
      ticketIssued({ data: { prefix: 'B', seq: 7 } }),
    ];

    // Act
    const state = foldState(events);

    // Assert
    expect(state.duplicates).toEqual([]);
  });

  it('folds an event from days in the future like any other', () => {
    // Arrange
    const now = ticketIssued({ hlc: hlcAt(0) });
    const future = ticketIssued({ hlc: hlcAt(3 * 24 * 60 * 60 * 1000) });

    // Act
    const state = foldState([future, now]);

    // Assert
    expect(state.waiting.get(queueKey(DAY, 'A'))).toEqual([now.id, future.id]);
  });

  it('skips event types it does not know', () => {
    // Arrange
    const known = ticketIssued();
    const unknown = { ...ticketIssued(), type: 'ticket.teleported' } as unknown as KioskEvent;

    // Act
    const state = foldState([unknown, known]);

    // Assert
    expect([...state.tickets.keys()]).toEqual([known.id]);
  });
});

describe('peopleAhead / waitingCount', () => {
  const first = ticketIssued({ hlc: hlcAt(1000) });
  const second = ticketIssued({ hlc: hlcAt(2000) });
  const third = ticketIssued({ hlc: hlcAt(3000) });
  const elsewhere = ticketIssued({ hlc: hlcAt(500), data: { prefix: 'C', seq: 1 } });
  const state = foldState([third, elsewhere, first, second]);

  it('counts the waiting tickets before a ticket in its own queue', () => {
    expect(peopleAhead(state, first.id)).toBe(0);
    expect(peopleAhead(state, second.id)).toBe(1);
    expect(peopleAhead(state, third.id)).toBe(2);
    expect(peopleAhead(state, elsewhere.id)).toBe(0);
  });

  it('is 0 for a ticket it does not know', () => {
    expect(peopleAhead(state, fixtureId(999_999))).toBe(0);
  });

  it('counts the waiting tickets of one queue and day', () => {
    expect(waitingCount(state, DAY, 'A')).toBe(3);
    expect(waitingCount(state, DAY, 'C')).toBe(1);
    expect(waitingCount(state, DAY, 'Z')).toBe(0);
    expect(waitingCount(state, '2025-11-04', 'A')).toBe(0);
  });
});
