/**
 * GET /admin/skm?from=&to=[&format=csv] (admin or supervisor): the SKM report of a period
 * (src/domain/skm-report.ts) — IKM, respondents and the sample needed for the site, each
 * agency and each service — from the answers stored and the tickets served in those days
 * (the same queue state as every other figure). At most MAX_SKM_DAYS days. Audited.
 */
import { Hono } from 'hono';
import { MAX_SKM_DAYS, SkmQuerySchema } from '../../domain/admin-schema';
import { localized } from '../../domain/i18n/local-text';
import { addDays } from '../../domain/lease-days';
import { parseRequest } from '../../domain/request-fields';
import { type SkmInput, skmReport, skmReportCsv } from '../../domain/skm-report';
import { requireAdmin } from '../auth/guard';
import { daySummaries } from '../sync/day-summaries';
import { daysBetween } from '../sync/push-rules';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';
import { valid } from './validate';

export function skmRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const summaryOf = daySummaries(deps);
  api.get('/skm', requireAdmin(deps), async (c) => {
    const query = valid(parseRequest(SkmQuerySchema, c.req.query()));
    if (daysBetween(query.from, query.to) >= MAX_SKM_DAYS) {
      throw fail(400, 'invalid_request', `A report covers at most ${MAX_SKM_DAYS} days.`, {
        issues: [{ path: '$.to', message: `must be within ${MAX_SKM_DAYS} days of \`from\`` }],
      });
    }
    const siteId = deps.siteId();
    const responses = await deps.store.skmResponses(siteId, query.from, query.to);
    // Tickets served per service, from the days' report summaries (kept, not refolded).
    const served = new Map<string, SkmInput['served'][number]>();
    for (let day = query.from; day <= query.to; day = addDays(day, 1)) {
      for (const unit of (await summaryOf(siteId, day)).units) {
        const line = served.get(unit.serviceId);
        if (line) line.count += unit.counts.served;
        else {
          const { agencyId, serviceId } = unit;
          served.set(serviceId, { agencyId, serviceId, count: unit.counts.served });
        }
      }
    }
    const report = skmReport({ ...query, responses, served: [...served.values()] });
    await auditRead(deps, c.get('admin').adminId, 'skm.read');
    if (query.format === 'json') return c.json(report);
    const config = deps.config();
    const name = (agencyId: string, serviceId: string) => {
      const agency = config.agencies.find((a) => a.id === agencyId);
      const service = agency?.services.find((s) => s.id === serviceId);
      if (serviceId !== '') return service ? localized(service.name, 'id') : serviceId;
      if (agencyId !== '') return agency ? localized(agency.name, 'id') : agencyId;
      return localized(config.site.name, 'id');
    };
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="skm-${query.from}-${query.to}.csv"`);
    return c.body(skmReportCsv(report, name));
  });
  return api;
}
