/**
 * Routes anyone may call: health, the site config and a ticket's status.
 * The config holds no secrets — names, services, hours, prefixes, quotas, device profiles
 * — so a kiosk that is not enrolled yet can show its set-up screen and the citizen's
 * phone page can show a service. Tokens, codes and devices live only in the store.
 */
import { Hono } from 'hono';
import { ticketStatus } from '../sync/ticket-status';
import type { ApiDeps } from './deps';
import { fail } from './errors';

/** GET /health, GET /config (ETag), GET /tickets/:id. */
export function publicRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.get('/health', (c) => {
    const config = deps.config();
    return c.json({
      status: 'ok',
      version: deps.version,
      configVersion: config.version,
      siteId: config.site.id,
      epoch: deps.store.epoch,
      time: deps.now(),
    });
  });
  api.get('/config', (c) => {
    const config = deps.config();
    const etag = `"${config.version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.json(config);
  });
  api.get('/tickets/:id', async (c) => {
    const status = await ticketStatus(
      { store: deps.store, config: deps.config(), catalogue: deps.catalogue(), days: deps.days },
      c.req.param('id'),
    );
    if (status === null) throw fail(404, 'unknown_ticket', 'There is no such ticket at this site.');
    return c.json(status);
  });
  return api;
}

/** Whether an If-None-Match header (a list, maybe weak) names the current ETag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
