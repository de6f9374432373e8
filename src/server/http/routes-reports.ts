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
  type PeriodReport,
  periodReport,
  type ReportFigures,
} from '../../domain/day-report';
import { localized } from '../../domain/i18n/local-text';
import { addDays } from '../../domain/lease-days';
import { isCalendarDay, parseRequest } from '../../domain/request-fields';
import { businessDayOf } from '../../domain/time';
import { requireAdmin } from '../auth/guard';
import { daySummaries } from '../sync/day-summaries';
import { daysBetween } from '../sync/push-rules';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';
import { valid } from './validate';

/** The longest period a report covers: a year and a day. */
export const MAX_REPORT_DAYS = 366;

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
  const summaryOf = daySummaries(deps);

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
