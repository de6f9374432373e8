import { describe, expect, it } from 'vitest';
import {
  bucketStart,
  daySummary,
  periodReport,
  quantileMinutes,
  TIME_BUCKETS,
} from '../../../src/domain/day-report';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { foldQueue, ticketsOfDay } from '../../../src/domain/queue-read';
import { FIXTURE_MS, ticketAction, ticketIssued } from '../../fixtures/events';

const minute = 60_000;
const at = (ms: number) => encodeHlc({ ms: FIXTURE_MS + ms, counter: 0 });

/** A ticket issued `issuedMin` minutes after FIXTURE_MS (08.00 WIB) on `day`. */
function ticket(day: string, issuedMin: number, serviceId = 'ktp-el') {
  return ticketIssued({
    businessDay: day,
    hlc: at(issuedMin * minute),
    data: { serviceId, issuedAt: FIXTURE_MS + issuedMin * minute },
  });
}

/** Called after `waitMin`, served, finished `serviceMin` later (or a no-show). */
function handled(
  t: KioskEvent<'ticket.issued'>,
  issuedMin: number,
  waitMin: number,
  serviceMin: number | 'no-show',
): KioskEvent[] {
  const calledAt = (issuedMin + waitMin) * minute;
  const called = ticketAction('ticket.called', t, {}, { hlc: at(calledAt) });
  if (serviceMin === 'no-show') {
    return [called, ticketAction('ticket.no-show', t, {}, { hlc: at(calledAt + minute) })];
  }
  return [
    called,
    ticketAction('ticket.serving', t, {}, { hlc: at(calledAt + 1) }),
    ticketAction('ticket.finished', t, {}, { hlc: at(calledAt + 1 + serviceMin * minute) }),
  ];
}

const MON = '2025-11-03';
const TUE = '2025-11-04';

/** The folded day's summary, as the server makes it. */
function summaryOf(day: string, events: KioskEvent[]) {
  return daySummary(day, ticketsOfDay(foldQueue(events), day), 'Asia/Jakarta');
}

describe('day and period reports, from the queue fold', () => {
  it('counts a day: served, no-shows, waits and service times, tickets by local hour', () => {
    // Arrange, by hand: four KTP tickets at 08.00, 08.10, 08.20 and 09.05 WIB (FIXTURE_MS is
    // 01.00 UTC). Waits 5, 10, 20 min; service 12 and 8 min; the third a no-show; the
    // fourth still waiting.
    const a = ticket(MON, 0);
    const b = ticket(MON, 10);
    const c = ticket(MON, 20);
    const d = ticket(MON, 65);
    const events = [
      a,
      b,
      c,
      d,
      ...handled(a, 0, 5, 12),
      ...handled(b, 10, 10, 8),
      ...handled(c, 20, 20, 'no-show'),
    ];

    // Act
    const report = periodReport(MON, MON, 'day', [summaryOf(MON, events)]);

    // Assert: median of waits 5, 10, 20 is 10 (the 2nd of 3), p90 20 (the 3rd); services
    // 8 and 12: median 8 (the 1st of 2), p90 12.
    expect(report.total).toEqual({
      issued: 4,
      served: 2,
      noShows: 1,
      transferred: 0,
      journeysCompleted: 0,
      medianWait: 10,
      p90Wait: 20,
      medianService: 8,
      p90Service: 12,
    });
    expect(report.hours[8]).toBe(3);
    expect(report.hours[9]).toBe(1);
    expect(report.hours.reduce((x, y) => x + y, 0)).toBe(4);
  });

  it('merges days into weeks and months, and splits by agency and service', () => {
    const mon = ticket(MON, 0);
    const tue = ticket(TUE, 0, 'kk');
    const summaries = [
      summaryOf(MON, [mon, ...handled(mon, 0, 30, 5)]),
      summaryOf(TUE, [tue, ...handled(tue, 0, 300, 5)]),
    ];

    const byDay = periodReport(MON, '2025-11-10', 'day', summaries);
    const byWeek = periodReport(MON, '2025-11-10', 'week', summaries);

    expect(byDay.buckets.map((b) => [b.start, b.issued])).toHaveLength(8);
    expect(byDay.buckets.slice(0, 3).map((b) => [b.start, b.issued])).toEqual([
      [MON, 1],
      [TUE, 1],
      ['2025-11-05', 0],
    ]);
    expect(byWeek.buckets.map((b) => [b.start, b.issued, b.medianWait, b.p90Wait])).toEqual([
      // A wait of five hours counts in the last bucket: "240 minutes or more".
      [MON, 2, 30, TIME_BUCKETS - 1],
      ['2025-11-10', 0, null, null],
    ]);
    expect(byWeek.services.map((s) => [s.serviceId, s.issued, s.served])).toEqual([
      ['kk', 1, 1],
      ['ktp-el', 1, 1],
    ]);
    expect(byWeek.agencies).toEqual([
      expect.objectContaining({ agencyId: 'disdukcapil', issued: 2 }),
    ]);
  });

  it('counts a transfer once and a journey completed on its last step', () => {
    // A counter serving it sends it on (a waiting ticket cannot be).
    const t = ticket(MON, 0);
    const called = ticketAction('ticket.called', t, {}, { hlc: at(minute) });
    const serving = ticketAction('ticket.serving', t, {}, { hlc: at(minute + 1) });
    const transferred = ticketAction('ticket.transferred', t, {}, { hlc: at(2 * minute) });
    const first = ticketIssued({
      businessDay: MON,
      hlc: at(3 * minute),
      data: { serviceId: 'kk', journey: { id: 'j', step: 1, of: 2 } },
    });
    const second = ticketIssued({
      businessDay: MON,
      hlc: at(3 * minute + 1),
      data: {
        prefix: 'E',
        serviceId: 'bpjs',
        journey: { id: 'j', step: 2, of: 2, after: first.id },
      },
    });
    const events = [
      t,
      called,
      serving,
      transferred,
      first,
      second,
      ...handled(first, 3, 1, 2),
      ...handled(second, 3, 10, 2),
    ];

    const report = periodReport(MON, MON, 'day', [summaryOf(MON, events)]);

    expect(report.total).toMatchObject({ issued: 3, transferred: 1, journeysCompleted: 1 });
  });

  it('reads quantiles off a histogram and starts weeks on Monday, months on the 1st', () => {
    expect(quantileMinutes([0, 0, 0], 0.5)).toBeNull();
    expect(quantileMinutes([1, 1, 1, 1], 0.5)).toBe(1);
    expect(quantileMinutes([1, 1, 1, 1], 0.9)).toBe(3);
    expect(bucketStart('2025-11-09', 'week')).toBe(MON); // a Sunday
    expect(bucketStart('2025-11-03', 'week')).toBe(MON);
    expect(bucketStart('2025-11-30', 'month')).toBe('2025-11-01');
  });
});
