import { describe, expect, it } from 'vitest';
import {
  BOOKING_CODE,
  type Booking,
  bookingArrival,
  checkInVerdict,
  readBookingScan,
} from '../../../src/domain/bookings';
import { parseEvent, BOOKING_CODE as SCHEMA_CODE } from '../../../src/domain/event-schema';
import { encodeHlc } from '../../../src/domain/hlc';
import { foldState, peopleAhead } from '../../../src/domain/queue-read';
import { localInstant } from '../../fixtures/catalogue';
import { FIXTURE_MS, ticketIssued } from '../../fixtures/events';

const TODAY = '2026-12-07';
const at = (hhmm: string) => localInstant(`${TODAY}T${hhmm}`);
const booked: Booking = {
  code: 'MPPD-0001',
  day: TODAY,
  serviceId: 'ktp',
  from: '10:00',
  to: '10:30',
};

describe('the booking code', () => {
  it('is the one the event schema checks', () => {
    expect(BOOKING_CODE.source).toBe(SCHEMA_CODE.source);
  });
});

describe('readBookingScan', () => {
  it('reads a bare code in any case and spacing, and the documented QR form', () => {
    expect(readBookingScan(' mppd 0001 ')).toEqual({ code: 'MPPD0001' });
    expect(readBookingScan('MPPD-0001')).toEqual({ code: 'MPPD-0001' });
    expect(readBookingScan('BOOKING:mpp-kota-contoh:2026-12-07:mppd-0001')).toEqual({
      code: 'MPPD-0001',
      siteId: 'mpp-kota-contoh',
      day: '2026-12-07',
    });
  });

  it('is null for what cannot be a code', () => {
    expect(readBookingScan('')).toBeNull();
    expect(readBookingScan('ab')).toBeNull();
    expect(readBookingScan('<script>')).toBeNull();
    expect(readBookingScan(`A${'1'.repeat(40)}`)).toBeNull();
    expect(readBookingScan('BOOKING:mpp:2026-12-07:?')).toBeNull();
  });
});

describe('checkInVerdict', () => {
  const held = (checkedIn: Record<string, { ticketId: string; number: string }> = {}) => ({
    siteId: 'mpp-kota-contoh',
    today: TODAY,
    bookings: [booked, { code: 'MPPD-0002', day: '2026-12-08', serviceId: 'ktp' }],
    checkedIn: (code: string) => checkedIn[code],
  });

  it('checks in a booking of today, and shows the ticket of one checked in already', () => {
    const ticket = { ticketId: 't1', number: 'A-012' };
    expect(checkInVerdict({ code: 'MPPD-0001' }, held())).toEqual({ kind: 'ok', booking: booked });
    expect(checkInVerdict({ code: 'MPPD-0001' }, held({ 'MPPD-0001': ticket }))).toEqual({
      kind: 'already',
      ticket,
      booking: booked,
    });
  });

  it('refuses another day, another site, an unknown code and an unreadable scan, each with its reason', () => {
    expect(checkInVerdict({ code: 'MPPD-0002' }, held())).toEqual({
      kind: 'other-day',
      day: '2026-12-08',
    });
    expect(checkInVerdict({ code: 'X-9999', day: '2026-12-20' }, held())).toEqual({
      kind: 'other-day',
      day: '2026-12-20',
    });
    expect(
      checkInVerdict({ code: 'MPPD-0001', siteId: 'mpp-kota-lain', day: TODAY }, held()),
    ).toEqual({ kind: 'other-site', siteId: 'mpp-kota-lain' });
    expect(checkInVerdict({ code: 'X-9999' }, held())).toEqual({ kind: 'unknown' });
    expect(checkInVerdict(null, held())).toEqual({ kind: 'unreadable' });
  });
});

describe('bookingArrival (the fair place)', () => {
  it('is the window start for a check-in before the window ends, else none (a walk-in)', () => {
    expect(bookingArrival(booked, at('09:15'), 'Asia/Jakarta')).toBe(at('10:00'));
    expect(bookingArrival(booked, at('10:30'), 'Asia/Jakarta')).toBe(at('10:00'));
    expect(bookingArrival(booked, at('10:31'), 'Asia/Jakarta')).toBeUndefined();
    expect(bookingArrival({ ...booked, to: undefined }, at('10:29'), 'Asia/Jakarta')).toBe(
      at('10:00'),
    );
    expect(
      bookingArrival({ ...booked, from: undefined, to: undefined }, at('09:00'), 'Asia/Jakarta'),
    ).toBeUndefined();
    expect(
      bookingArrival(booked, localInstant(`${TODAY}T10:10`, 'Asia/Jayapura'), 'Asia/Jayapura'),
    ).toBe(localInstant(`${TODAY}T10:00`, 'Asia/Jayapura'));
  });

  it('places a booked ticket after the walk-ins who came before its window, before those after', () => {
    const hlc = (ms: number) => encodeHlc({ ms, counter: 0 });
    const base = FIXTURE_MS;
    const early = ticketIssued({ hlc: hlc(base + 1_000), data: { seq: 1 } });
    const late = ticketIssued({ hlc: hlc(base + 20 * 60_000), data: { seq: 2 } });
    // Checked in after both, for a window that began between them.
    const booking = ticketIssued({
      hlc: hlc(base + 25 * 60_000),
      data: { seq: 3, booking: { code: 'MPPD-0001', arrivalMs: base + 10 * 60_000 } },
    });
    const walkInAfter = ticketIssued({ hlc: hlc(base + 26 * 60_000), data: { seq: 4 } });

    const state = foldState([walkInAfter, booking, late, early]);

    expect(parseEvent(booking).ok).toBe(true);
    expect(peopleAhead(state, early.id)).toBe(0);
    expect(peopleAhead(state, booking.id)).toBe(1);
    expect(peopleAhead(state, late.id)).toBe(2);
    expect(peopleAhead(state, walkInAfter.id)).toBe(3);
  });

  it('refuses a booked place far from the ticket’s issue (a device jumping the queue)', () => {
    const jump = ticketIssued({
      data: { booking: { code: 'MPPD-0001', arrivalMs: FIXTURE_MS - 24 * 3_600_000 } },
    });
    expect(parseEvent(jump).ok).toBe(false);
  });
});
