/**
 * The site server's HTTP surface: the API under /api/v1 and the built PWA.
 * Must: every API answer is JSON (but the stream); unknown API paths are 404, never the
 * app shell; no client input yields a 5xx — unexpected errors are a logged, generic 500.
 */

import { Hono } from 'hono';
import { buildCatalogue, type Catalogue } from '../../domain/config/catalogue';
import type { ConfigBundle } from '../../domain/config/schema';
import { DEFAULT_ADMIN_TOKEN_TTL_DAYS } from '../auth/admin-token';
import { attemptLimiters } from '../auth/attempts';
import { bundleVersion } from '../config/load-config';
import { createLogger } from '../log/logger';
import type { AuditInput } from '../store/audit';
import { Mutex } from '../store/mutex';
import { DayStates } from '../sync/day-states';
import { accessLog, requestIds } from './access-log';
import { BODY_TIMEOUT_MS, bodyDeadline } from './body';
import { socketAddress } from './client-address';
import { compression, PULL_COMPRESSION } from './compression';
import type { ApiDeps, AppDeps } from './deps';
import { answerError, fail } from './errors';
import { Pokes } from './pokes';
import { privacyPage } from './privacy-page';
import { adminRoutes } from './routes-admin';
import { adminAccessRoutes } from './routes-admin-access';
import { adminSessionRoutes } from './routes-admin-session';
import { bookingAdminRoutes, bookingSyncRoutes } from './routes-bookings';
import { catalogueRoutes } from './routes-catalogue';
import { catalogueEditorRoutes, configMoved } from './routes-catalogue-editor';
import { configRoutes } from './routes-config';
import { deviceOrderRoutes } from './routes-device-orders';
import { enrollRoutes } from './routes-enroll';
import { leaseRoutes } from './routes-leases';
import { personalRoutes } from './routes-personal';
import { publicRoutes } from './routes-public';
import { reportRoutes } from './routes-reports';
import { skmRoutes } from './routes-skm';
import { staffRoutes } from './routes-staff';
import { streamRoutes } from './routes-stream';
import { syncRoutes } from './routes-sync';
import { visitRoutes } from './routes-visits';
import { serveApp } from './static';

export type { AppDeps } from './deps';

/** Heartbeat of the sync stream: under the 30–60 s idle timeouts of common proxies. */
export const HEARTBEAT_MS = 25_000;

/** Builds the Hono app; the composition root binds it to a port. */
export function createApp(deps: AppDeps): Hono {
  const api = withDefaults(deps);
  const app = new Hono();
  app.onError(answerError(api.log));
  app.use(requestIds(), accessLog(api.log), bodyDeadline(api.bodyTimeoutMs));
  // Only GET answers (pull pages, config, app files) are worth it: POST answers are a
  // few hundred bytes. What is used, and why: ./compression.ts.
  app.use(compression(api.compression));
  app.route('/api/v1', apiRoutes(api));
  app.get('/privasi', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(privacyPage(api.config()));
  });
  app.route('/', serveApp(deps.appDir));
  return app;
}

function withDefaults(deps: AppDeps): ApiDeps {
  // A version an admin published here wins over the one the server started with.
  let published: ConfigBundle | null = null;
  const config = () => published ?? deps.config();
  // One publish at a time, each checked against the version its content was built from.
  const publishing = new Mutex();
  const publishConfig = (bundle: ConfigBundle, audit: AuditInput, basedOn?: string) =>
    publishing.run(async () => {
      if (basedOn !== undefined && basedOn !== config().version) throw configMoved(config());
      const { version: _before, ...content } = bundle;
      const next = { ...bundle, version: bundleVersion(content) };
      const record = {
        version: next.version,
        source: 'admin' as const,
        bundle: next,
        createdAt: deps.now(),
      };
      await deps.store.saveConfigVersion(next.site.id, record, audit);
      published = next;
      return next;
    });
  return {
    ...deps,
    config,
    publishConfig,
    pokes: deps.pokes ?? new Pokes(),
    log: deps.log ?? createLogger(),
    heartbeatMs: deps.heartbeatMs ?? HEARTBEAT_MS,
    catalogue: deps.catalogue ?? activeCatalogue(config),
    formerSiteIds: deps.formerSiteIds ?? (() => []),
    clientAddress: deps.clientAddress ?? socketAddress,
    attempts: deps.attempts ?? attemptLimiters(deps.now),
    adminTokenTtlMs: deps.adminTokenTtlMs ?? DEFAULT_ADMIN_TOKEN_TTL_DAYS * 86_400_000,
    bodyTimeoutMs: deps.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
    compression: deps.compression === undefined ? PULL_COMPRESSION : deps.compression,
    afterBootstrap: deps.afterBootstrap ?? (() => {}),
    siteId: () => config().site.id,
    days: new DayStates(
      (siteId, day) => deps.store.eventsOfDay(siteId, day),
      () => ({ priorityCap: config().site.priorityCap }),
    ),
  };
}

/** The catalogue of the active config alone, built again when it changes. */
function activeCatalogue(config: () => ConfigBundle): () => Catalogue {
  let built: { bundle: ConfigBundle; catalogue: Catalogue } | null = null;
  return () => {
    const bundle = config();
    if (built?.bundle !== bundle) built = { bundle, catalogue: buildCatalogue([bundle]) };
    return built.catalogue;
  };
}

function apiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.use(async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  api.route('/', publicRoutes(deps));
  api.route('/', enrollRoutes(deps));
  api.route('/admin', adminSessionRoutes(deps));
  api.route('/admin', adminRoutes(deps));
  api.route('/admin', deviceOrderRoutes(deps));
  api.route('/admin', adminAccessRoutes(deps));
  api.route('/admin', visitRoutes(deps));
  api.route('/admin', skmRoutes(deps));
  api.route('/admin', reportRoutes(deps));
  api.route('/admin', configRoutes(deps));
  api.route('/admin', catalogueRoutes(deps));
  api.route('/admin', bookingAdminRoutes(deps));
  api.route('/admin', catalogueEditorRoutes(deps));
  api.route('/', staffRoutes(deps));
  api.route('/sync', syncRoutes(deps));
  api.route('/sync', bookingSyncRoutes(deps));
  api.route('/sync', personalRoutes(deps));
  api.route('/sync', leaseRoutes(deps));
  api.route('/sync', streamRoutes(deps));
  api.all('*', (c) => {
    throw fail(404, 'not_found', `There is no API at ${c.req.path}.`);
  });
  return api;
}
