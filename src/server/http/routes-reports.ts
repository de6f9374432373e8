/**
 * GET /admin/reports?from=&to=[&by=day|week|month][&format=csv] (admin or supervisor): the
 * period's figures per bucket, agency and service, and tickets by hour
 * (src/domain/day-report.ts). Each day is folded from the store like every other figure,
 * then kept as its small summary — in memory and in the store — while the day's stamp (its
 * events' count and last siteSeq) holds, so a period of months reads summaries, after a
 * restart too. At most MAX_REPORT_DAYS days.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { csvDocument } from '../../domain/csv';
import {
  type DaySummary,
  daySummary,
  type PeriodReport,
  periodReport,
  type ReportFigures,
} from '../../domain/day-report';
import { localized } from '../../domain/i18n/local-text';
import { addDays } from '../../domain/lease-days';
import { isCalendarDay, parseRequest } from '../../domain/protocol-schema';
import { foldQueue, ticketsOfDay } from '../../domain/queue-read';
import { businessDayOf } from '../../domain/time';
import { requireAdmin } from '../auth/guard';
import { daysBetween } from '../sync/push-rules';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';
import { valid } from './validate';

/** The longest period a report covers: a year and a day. */
export const MAX_REPORT_DAYS = 366;
/** Day summaries kept in memory: a year of a few sites. */
const MAX_SUMMARIES = 2_000;

const day = v.pipe(v.string(), v.check(isCalendarDay, 'must be a calendar day YYYY-MM-DD'));
const ReportQuerySchema = v.pipe(
  v.object({
    from: day,
    to: day,
    by: v.optional(v.picklist(['day', 'week', 'month'], "must be 'day', 'week' or 'month'"), 'day'),
    format: v.optional(v.picklist(['json', 'csv'], "must be 'json' or 'csv'"), 'json'),
  }),
  v.forward(
    v.check((q) => q.from <= q.to, 'must not be after `to`'),
    ['from'],
  ),
);

export function reportRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const summaries = new Map<string, { stamp: string; summary: DaySummary }>();
  // In memory, then in the store, then folded: a day is folded again only when its stamp moved.
  const summaryOf = async (siteId: string, businessDay: string): Promise<DaySummary> => {
    const key = `${siteId}\n${businessDay}`;
    const stamp = await deps.store.dayStamp(siteId, businessDay);
    const held = summaries.get(key);
    if (held?.stamp === stamp) return held.summary;
    const kept = await deps.store.keptDaySummary(siteId, businessDay);
    let summary: DaySummary;
    if (kept?.stamp === stamp) summary = JSON.parse(kept.summary) as DaySummary;
    else {
      const book = foldQueue(await deps.store.eventsOfDay(siteId, businessDay), {
        priorityCap: deps.config().site.priorityCap,
      });
      summary = daySummary(
        businessDay,
        ticketsOfDay(book, businessDay),
        deps.config().site.timeZone,
      );
      await deps.store.keepDaySummary(siteId, businessDay, stamp, JSON.stringify(summary));
    }
    summaries.delete(key);
    summaries.set(key, { stamp, summary });
    while (summaries.size > MAX_SUMMARIES) {
      const oldest = summaries.keys().next().value;
      if (oldest === undefined) break;
      summaries.delete(oldest);
    }
    return summary;
  };

  if (deps.warmReportsAfterMs !== undefined) warm(deps, summaryOf, deps.warmReportsAfterMs);

  api.get('/reports', requireAdmin(deps), async (c) => {
    const query = valid(parseRequest(ReportQuerySchema, c.req.query()));
    if (daysBetween(query.from, query.to) >= MAX_REPORT_DAYS) {
      throw fail(400, 'invalid_request', `A report covers at most ${MAX_REPORT_DAYS} days.`, {
        issues: [{ path: '$.to', message: `must be within ${MAX_REPORT_DAYS} days of \`from\`` }],
      });
    }
    const siteId = deps.siteId();
    const days: DaySummary[] = [];
    for (let d = query.from; d <= query.to; d = addDays(d, 1)) {
      days.push(await summaryOf(siteId, d));
    }
    const report = periodReport(query.from, query.to, query.by, days);
    await auditRead(deps, c.get('admin').adminId, 'reports.read');
    if (query.format === 'json') return c.json(report);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="laporan-${query.from}-${query.to}.csv"`);
    return c.body(reportCsv(report, deps));
  });
  return api;
}

/** Days back the background summarizes: the reports' usual quarter. */
const WARM_DAYS = 92;
/** A pause between two days' folds, so devices' requests are never kept waiting long. */
const WARM_GAP_MS = 250;

/**
 * Summarizes the past WARM_DAYS days that have no summary for their events yet, newest
 * first, one fold at a time with a pause between, starting `afterMs` from now: the first
 * report of months after deploying over history needs no waiting. Errors end the pass
 * quietly (the report folds what it lacks itself).
 */
function warm(
  deps: ApiDeps,
  summaryOf: (siteId: string, day: string) => Promise<DaySummary>,
  afterMs: number,
): void {
  const start = setTimeout(async () => {
    const siteId = deps.siteId();
    const today = businessDayOf(deps.now(), deps.config().site.timeZone);
    for (let back = 1; back <= WARM_DAYS; back++) {
      try {
        await summaryOf(siteId, addDays(today, -back));
      } catch {
        return;
      }
      await new Promise((resume) => setTimeout(resume, WARM_GAP_MS).unref?.());
    }
  }, afterMs);
  start.unref?.();
}

const HEADER = [
  'Diterbitkan',
  'Dilayani',
  'Tidak hadir',
  'Dialihkan',
  'Perjalanan selesai',
  'Median tunggu (menit)',
  'P90 tunggu (menit)',
  'Median layanan (menit)',
  'P90 layanan (menit)',
];

function figuresOf(f: ReportFigures): (string | number)[] {
  const minutes = (m: number | null) => (m === null ? '' : m);
  return [
    f.issued,
    f.served,
    f.noShows,
    f.transferred,
    f.journeysCompleted,
    minutes(f.medianWait),
    minutes(f.p90Wait),
    minutes(f.medianService),
    minutes(f.p90Service),
  ];
}

/** The report as CSV (../../domain/csv.ts): each bucket, then each agency and service. */
function reportCsv(report: PeriodReport, deps: ApiDeps): string {
  const config = deps.config();
  const agencyName = (id: string) => {
    const agency = config.agencies.find((a) => a.id === id);
    return agency ? localized(agency.name, 'id') : id;
  };
  const serviceName = (agencyId: string, id: string) => {
    const service = config.agencies
      .find((a) => a.id === agencyId)
      ?.services.find((s) => s.id === id);
    return service ? localized(service.name, 'id') : id;
  };
  return csvDocument([
    ['Periode mulai', ...HEADER],
    ...report.buckets.map((b) => [b.start, ...figuresOf(b)]),
    ['Jumlah', ...figuresOf(report.total)],
    [],
    ['Instansi', 'Layanan', ...HEADER],
    ...report.agencies.flatMap((a) => [
      [agencyName(a.agencyId), '', ...figuresOf(a)],
      ...report.services
        .filter((s) => s.agencyId === a.agencyId)
        .map((s) => ['', serviceName(s.agencyId, s.serviceId), ...figuresOf(s)]),
    ]),
  ]);
}
