/**
 * Reports for staff (issue 12): what each business day's queue state says, summed per
 * agency and service — tickets, served, no-shows, transfers, journeys completed, waits and
 * service times (median and p90), and tickets by hour — then merged over a period by day,
 * week or month. A day's summary is small and mergeable (times are kept as minute
 * histograms), so a period of months reads summaries, never tickets.
 */
import type { TicketView } from './queue-types';
import { localParts, type TimeZone } from './time';

/** Minutes a histogram tells apart: 0…239, then "four hours or more" in the last. */
export const TIME_BUCKETS = 241;

/** One unit's counts over a day or a period. */
export type UnitCounts = {
  issued: number;
  /** Finished as done, received or incomplete. */
  served: number;
  noShows: number;
  /** Tickets sent on to another service at least once. */
  transferred: number;
  /** Journeys whose last step was served (counted on that step's service). */
  journeysCompleted: number;
  /** Minutes from issue to first call, as a histogram (TIME_BUCKETS). */
  waits: number[];
  /** Minutes from serving to finish, as a histogram. */
  services: number[];
};

/** A day's summary: each (agency, service) and tickets issued by local hour. */
export type DaySummary = {
  day: string;
  units: { agencyId: string; serviceId: string; counts: UnitCounts }[];
  hours: number[];
};

function emptyCounts(): UnitCounts {
  return {
    issued: 0,
    served: 0,
    noShows: 0,
    transferred: 0,
    journeysCompleted: 0,
    waits: Array(TIME_BUCKETS).fill(0),
    services: Array(TIME_BUCKETS).fill(0),
  };
}

function bump(counts: number[], at: number, by: number): void {
  counts[at] = (counts[at] ?? 0) + by;
}

const minuteBucket = (ms: number) =>
  Math.min(TIME_BUCKETS - 1, Math.max(0, Math.floor(ms / 60_000)));

/** The summary of one day's tickets (`ticketsOfDay`), hours in the site's time zone. */
export function daySummary(
  day: string,
  tickets: readonly TicketView[],
  timeZone: TimeZone,
): DaySummary {
  const units = new Map<string, DaySummary['units'][number]>();
  const hours = Array(24).fill(0) as number[];
  for (const t of tickets) {
    const key = `${t.agencyId}\n${t.serviceId}`;
    let unit = units.get(key);
    if (unit === undefined) {
      unit = { agencyId: t.agencyId, serviceId: t.serviceId, counts: emptyCounts() };
      units.set(key, unit);
    }
    const c = unit.counts;
    c.issued += 1;
    if (t.status === 'done') c.served += 1;
    if (t.status === 'no-show') c.noShows += 1;
    if (t.transfers > 0) c.transferred += 1;
    if (t.status === 'done' && t.journey !== null && t.journey.step === t.journey.of) {
      c.journeysCompleted += 1;
    }
    if (t.waitMs !== null) bump(c.waits, minuteBucket(t.waitMs), 1);
    if (t.serviceMs !== null) bump(c.services, minuteBucket(t.serviceMs), 1);
    bump(hours, localParts(t.issuedAt, timeZone).hour, 1);
  }
  const sorted = [...units.values()].sort(
    (a, b) => a.agencyId.localeCompare(b.agencyId) || a.serviceId.localeCompare(b.serviceId),
  );
  return { day, units: sorted, hours };
}

function addInto(into: UnitCounts, from: UnitCounts): void {
  into.issued += from.issued;
  into.served += from.served;
  into.noShows += from.noShows;
  into.transferred += from.transferred;
  into.journeysCompleted += from.journeysCompleted;
  for (let i = 0; i < TIME_BUCKETS; i++) {
    bump(into.waits, i, from.waits[i] ?? 0);
    bump(into.services, i, from.services[i] ?? 0);
  }
}

/**
 * The minute at quantile `q` (0.5: median, 0.9: p90) of a histogram: the first minute by
 * which at least q of the values lie; null without values. Its last bucket reads "240+".
 */
export function quantileMinutes(histogram: readonly number[], q: number): number | null {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.ceil(q * n);
  let seen = 0;
  for (let m = 0; m < histogram.length; m++) {
    seen += histogram[m] ?? 0;
    if (seen >= rank) return m;
  }
  return histogram.length - 1;
}

/** How a period is cut for its charts. */
export type ReportGrain = 'day' | 'week' | 'month';

/** A unit's figures over a bucket or the period. */
export type ReportFigures = Omit<UnitCounts, 'waits' | 'services'> & {
  medianWait: number | null;
  p90Wait: number | null;
  medianService: number | null;
  p90Service: number | null;
};

export type PeriodReport = {
  from: string;
  to: string;
  grain: ReportGrain;
  /** Each day, week (from its Monday) or month (from its 1st) of the period, in order. */
  buckets: ({ start: string } & ReportFigures)[];
  agencies: ({ agencyId: string } & ReportFigures)[];
  services: ({ agencyId: string; serviceId: string } & ReportFigures)[];
  total: ReportFigures;
  /** Tickets issued by local hour over the period. */
  hours: number[];
};

function figures(c: UnitCounts): ReportFigures {
  const { waits, services, ...counts } = c;
  return {
    ...counts,
    medianWait: quantileMinutes(waits, 0.5),
    p90Wait: quantileMinutes(waits, 0.9),
    medianService: quantileMinutes(services, 0.5),
    p90Service: quantileMinutes(services, 0.9),
  };
}

/** The first day of `day`'s bucket: itself, its week's Monday, or its month's 1st. */
export function bucketStart(day: string, grain: ReportGrain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The period's report from its days' summaries (days without one count as empty). */
export function periodReport(
  from: string,
  to: string,
  grain: ReportGrain,
  summaries: readonly DaySummary[],
): PeriodReport {
  const buckets = new Map<string, UnitCounts>();
  const agencies = new Map<string, UnitCounts>();
  const services = new Map<string, { agencyId: string; serviceId: string; counts: UnitCounts }>();
  const total = emptyCounts();
  const hours = Array(24).fill(0) as number[];
  for (let day = from; day <= to; day = nextDay(day)) {
    const start = bucketStart(day, grain);
    if (!buckets.has(start)) buckets.set(start, emptyCounts());
  }
  for (const summary of summaries) {
    if (summary.day < from || summary.day > to) continue;
    const bucket = buckets.get(bucketStart(summary.day, grain)) as UnitCounts;
    for (const unit of summary.units) {
      addInto(bucket, unit.counts);
      addInto(total, unit.counts);
      let agency = agencies.get(unit.agencyId);
      if (agency === undefined) {
        agency = emptyCounts();
        agencies.set(unit.agencyId, agency);
      }
      addInto(agency, unit.counts);
      const key = `${unit.agencyId}\n${unit.serviceId}`;
      let service = services.get(key);
      if (service === undefined) {
        service = { agencyId: unit.agencyId, serviceId: unit.serviceId, counts: emptyCounts() };
        services.set(key, service);
      }
      addInto(service.counts, unit.counts);
    }
    summary.hours.forEach((n, h) => {
      bump(hours, h, n);
    });
  }
  return {
    from,
    to,
    grain,
    buckets: [...buckets].map(([start, c]) => ({ start, ...figures(c) })),
    agencies: [...agencies]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agencyId, c]) => ({ agencyId, ...figures(c) })),
    services: [...services.values()]
      .sort(
        (a, b) => a.agencyId.localeCompare(b.agencyId) || a.serviceId.localeCompare(b.serviceId),
      )
      .map(({ agencyId, serviceId, counts }) => ({ agencyId, serviceId, ...figures(counts) })),
    total: figures(total),
    hours,
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
