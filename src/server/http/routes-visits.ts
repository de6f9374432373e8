/**
 * MPP bergerak visits through the admin API (admin token): list, create or change, remove,
 * and each visit's report (JSON, or CSV with `?format=csv`). A change is validated with the
 * whole config (services in the catalogue and offered by mobile units, quotas ≥ 1, one
 * team in one place a day) and refused for a day already past; it is then published as a
 * new admin config version, which devices pick up as any new version. Every write and
 * refusal is audited.
 */
import { Hono } from 'hono';
import type { ConfigIssue } from '../../domain/config/issues';
import { visitInPast } from '../../domain/config/rules-visits';
import type { Visit } from '../../domain/config/schema';
import { serviceNamer } from '../../domain/config/service-names';
import { validateBundle } from '../../domain/config/validate';
import type { AuditAction } from '../../domain/protocol';
import { ticketsOfDay } from '../../domain/queue-read';
import type { TicketView } from '../../domain/queue-types';
import { businessDayOf } from '../../domain/time';
import { lastDay, visitDays } from '../../domain/visit-days';
import { visitReport, visitReportCsv } from '../../domain/visit-report';
import { requireAdmin } from '../auth/guard';
import { Mutex } from '../store/mutex';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** GET /admin/visits, PUT and DELETE /admin/visits/:id, GET /admin/visits/:id/report. */
export function visitRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  // One change at a time: each starts from the version the one before published.
  const changes = new Mutex();
  const today = () => businessDayOf(deps.now(), deps.config().site.timeZone);

  api.get('/visits', admin, async (c) => {
    await auditRead(deps, c.get('admin').adminId, 'visits.read');
    return c.json({ version: deps.config().version, visits: deps.config().visits });
  });

  api.put('/visits/:id', admin, async (c) => {
    const id = c.req.param('id');
    const by = c.get('admin').adminId;
    const body = await readJsonBody(c);
    return changes.run(async () => {
      const refuse = refusal(deps, by, 'visit.write', SLUG.test(id) ? id : null);
      if (!SLUG.test(id)) throw await refuse(400, 'invalid_request', 'A visit id is a slug.');
      const config = deps.config();
      const before = config.visits.find((v) => v.id === id);
      if (before && lastDay(before) < today()) {
        throw await refuse(409, 'visit_over', 'This visit is over; its record stays as it was.');
      }
      const visit = { ...(isObject(body) ? body : {}), id };
      const others = config.visits.filter((v) => v.id !== id);
      const checked = validateBundle({ ...config, visits: [...others, visit] });
      const past = checked.ok ? visitInPast(entryOf(visit as Visit), today()) : undefined;
      const issues = checked.ok ? (past ? [past] : []) : checked.issues;
      if (!checked.ok || issues.length > 0) {
        throw await refuse(422, 'invalid_visit', 'The visit is not valid; see issues.', issues);
      }
      const published = await deps.publishConfig(
        checked.bundle,
        { at: deps.now(), adminId: by, action: 'visit.write', targetId: id, outcome: 'ok' },
        config.version,
      );
      const saved = published.visits.find((v) => v.id === id);
      return c.json({ version: published.version, visit: saved }, before ? 200 : 201);
    });
  });

  api.delete('/visits/:id', admin, async (c) => {
    const id = c.req.param('id');
    const by = c.get('admin').adminId;
    return changes.run(async () => {
      const config = deps.config();
      const refuse = refusal(deps, by, 'visit.delete', SLUG.test(id) ? id : null);
      const before = config.visits.find((v) => v.id === id);
      if (!before) throw await refuse(404, 'unknown_visit', 'No such visit.');
      if (lastDay(before) < today()) {
        throw await refuse(409, 'visit_over', 'This visit is over; its record stays as it was.');
      }
      const visits = config.visits.filter((v) => v.id !== id);
      const published = await deps.publishConfig(
        { ...config, visits },
        { at: deps.now(), adminId: by, action: 'visit.delete', targetId: id, outcome: 'ok' },
        config.version,
      );
      return c.json({ version: published.version });
    });
  });

  api.get('/visits/:id/report', admin, async (c) => {
    const id = c.req.param('id');
    const config = deps.config();
    const visit = config.visits.find((v) => v.id === id);
    if (!visit) throw fail(404, 'unknown_visit', 'No such visit.');
    const tickets: TicketView[] = [];
    for (const day of visitDays(visit)) {
      const book = await deps.days.state(deps.siteId(), day);
      tickets.push(...ticketsOfDay(book, day));
    }
    const report = visitReport(visit, tickets);
    await auditRead(deps, c.get('admin').adminId, 'visits.read');
    if (c.req.query('format') !== 'csv') return c.json({ visit, report });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kunjungan-${visit.id}.csv"`);
    return c.body(visitReportCsv(report, serviceNamer(config, 'id')));
  });
  return api;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryOf(visit: Visit) {
  return { file: `visits/${visit.id}.json`, value: visit };
}

/** Audits a refused change, then gives the failure to throw (with the config issues, if any). */
function refusal(deps: ApiDeps, adminId: string, action: AuditAction, targetId: string | null) {
  return async (
    status: 400 | 404 | 409 | 422,
    error: string,
    message: string,
    issues?: ConfigIssue[],
  ) => {
    await deps.store.recordAudit({ at: deps.now(), adminId, action, targetId, outcome: error });
    const listed = issues
      ?.slice(0, 50)
      .map((i) => ({ path: `${i.file} ${i.path}`, message: i.message }));
    return fail(status, error, message, listed ? { issues: listed } : {});
  };
}
