import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/domain/config/schema';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { foldQueue, ticketsOfDay } from '../../../src/domain/queue-read';
import { minutesText, visitReport, visitReportCsv } from '../../../src/domain/visit-report';
import { FIXTURE_MS, ticketAction, ticketIssued } from '../../fixtures/events';

const DAY = '2025-11-03';
const visit: Visit = {
  id: 'sukamaju',
  date: DAY,
  until: '2025-11-04',
  kelurahan: 'Sukamaju',
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '12:00' },
  services: [
    { service: 'ktp-el', quota: 10 },
    { service: 'kk', quota: 5 },
  ],
};

const minute = 60_000;
const at = (ms: number) => encodeHlc({ ms: FIXTURE_MS + ms, counter: 0 });

/** A mobile ticket for `service` issued at `issuedMs` (from FIXTURE_MS) on `day`. */
function issued(service: string, issuedMs: number, day = DAY) {
  return ticketIssued({
    deviceId: 'tablet-1',
    businessDay: day,
    hlc: at(issuedMs),
    data: { serviceId: service, channel: 'mobile' },
  });
}

/** The ticket called `waitMs` after it was issued, then what `then` adds. */
function calledAfter(
  ticket: KioskEvent<'ticket.issued'>,
  issuedMs: number,
  waitMs: number,
  then: 'done' | 'received' | 'incomplete' | 'no-show' | null,
): KioskEvent[] {
  const envelope = { deviceId: 'tablet-1' };
  const called = ticketAction(
    'ticket.called',
    ticket,
    {},
    { ...envelope, hlc: at(issuedMs + waitMs) },
  );
  const later = { ...envelope, hlc: at(issuedMs + waitMs + minute) };
  if (then === null) return [called];
  if (then === 'no-show') return [called, ticketAction('ticket.no-show', ticket, {}, later)];
  const extra =
    then === 'received'
      ? { ready: { date: '2025-11-10', place: 'mpp' as const } }
      : then === 'incomplete'
        ? { missing: ['kk'] }
        : {};
  return [called, ticketAction('ticket.finished', ticket, { outcome: then, ...extra }, later)];
}

describe('visitReport', () => {
  it('counts each outcome, the waits and the quota per service over every day of the visit', () => {
    // Arrange
    const k1 = issued('ktp-el', 0);
    const k2 = issued('ktp-el', minute);
    const k3 = issued('ktp-el', 2 * minute);
    const k4 = issued('ktp-el', 3 * minute, '2025-11-04');
    const k5 = issued('ktp-el', 4 * minute);
    const kk1 = issued('kk', 5 * minute);
    const log = [
      k1,
      ...calledAfter(k1, 0, 10 * minute, 'done'),
      k2,
      ...calledAfter(k2, minute, 20 * minute, 'received'),
      k3,
      ...calledAfter(k3, 2 * minute, 30 * minute, 'no-show'),
      k4,
      ...calledAfter(k4, 3 * minute, 5 * minute, 'incomplete'),
      k5,
      kk1,
      ...calledAfter(kk1, 5 * minute, 7 * minute, null),
    ];
    const book = foldQueue(log);
    const tickets = [...ticketsOfDay(book, DAY), ...ticketsOfDay(book, '2025-11-04')];

    // Act
    const report = visitReport(visit, tickets);

    // Assert
    expect(report.days).toEqual([DAY, '2025-11-04']);
    expect(report.rows).toEqual([
      {
        serviceId: 'ktp-el',
        quota: 20,
        issued: 5,
        served: 1,
        received: 1,
        incomplete: 1,
        noShows: 1,
        open: 1,
        averageWaitMs: ((10 + 20 + 30 + 5) * minute) / 4,
        longestWaitMs: 30 * minute,
      },
      {
        serviceId: 'kk',
        quota: 10,
        issued: 1,
        served: 0,
        received: 0,
        incomplete: 0,
        noShows: 0,
        open: 1,
        averageWaitMs: 7 * minute,
        longestWaitMs: 7 * minute,
      },
    ]);
    expect(report.total).toMatchObject({
      quota: 30,
      issued: 6,
      open: 2,
      longestWaitMs: 30 * minute,
    });
    expect(report.total.averageWaitMs).toBe(((10 + 20 + 30 + 5 + 7) * minute) / 5);
    expect(book.ticket(k2.id)?.ready).toEqual({ date: '2025-11-10', place: 'mpp' });
    expect(book.ticket(k4.id)?.missingAtFinish).toEqual(['kk']);
  });

  it('leaves out lobby tickets, other days and services the visit does not carry', () => {
    // Arrange
    const lobby = ticketIssued({
      businessDay: DAY,
      data: { serviceId: 'ktp-el', channel: 'kiosk' },
    });
    const dayAfter = issued('ktp-el', 0, '2025-11-05');
    const other = issued('paspor', 0);
    const book = foldQueue([lobby, dayAfter, other]);

    // Act
    const report = visitReport(visit, [
      ...ticketsOfDay(book, DAY),
      ...ticketsOfDay(book, '2025-11-05'),
    ]);

    // Assert
    expect(report.total.issued).toBe(0);
  });

  it('writes CSV for an Indonesian spreadsheet: semicolons, decimal commas, quoted names', () => {
    // Arrange
    const k1 = issued('ktp-el', 0);
    const book = foldQueue([k1, ...calledAfter(k1, 0, 12.5 * minute, 'done')]);
    const report = visitReport(visit, ticketsOfDay(book, DAY));

    // Act
    const csv = visitReportCsv(report, (id) => (id === 'kk' ? 'KK; perubahan "data"' : 'KTP-el'));

    // Assert
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('KTP-el;20;1;1;0;0;0;0;12,5;12,5;5');
    expect(lines[2]).toBe('"KK; perubahan ""data""";10;0;0;0;0;0;0;;;0');
    expect(lines[3]).toBe('Jumlah;30;1;1;0;0;0;0;12,5;12,5;3');
    expect(minutesText(null)).toBe('');
  });
});
