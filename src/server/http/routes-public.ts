/**
 * Routes anyone may call: health, the site config and a ticket's status, once or live
 * (server-sent events: the status again whenever a push changes it, for the citizen's
 * phone; at most MAX_PHONE_STREAMS at once — beyond, 503 and the page polls).
 * The config holds no secrets — names, services, hours, prefixes, quotas, device profiles
 * — so a kiosk that is not enrolled yet can show its set-up screen and the citizen's
 * phone page can show a service. Tokens, codes and devices live only in the store.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { SkmAnswerRequestSchema } from '../../domain/protocol-schema';
import { parseRequest } from '../../domain/request-fields';
import { businessDayOf } from '../../domain/time';
import { findTicket, type StatusSources, statusOf, ticketStatus } from '../sync/ticket-status';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { holdStream } from './routes-stream';
import { valid } from './validate';

/** Phones following their tickets at once, at most (each a held connection). */
export const MAX_PHONE_STREAMS = 2_000;
let phoneStreams = 0;

/**
 * GET /health, GET /config (ETag), GET /tickets/:id, GET /tickets/:id/stream,
 * POST /tickets/:id/skm.
 */
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
  // The phone page, live: the status now, then again whenever a push changes it.
  api.get('/tickets/:id/stream', async (c) => {
    const sources = statusSources(deps);
    const found = await findTicket(sources, c.req.param('id'));
    if (found === null) throw fail(404, 'unknown_ticket', 'There is no such ticket at this site.');
    if (phoneStreams >= MAX_PHONE_STREAMS) {
      c.header('Retry-After', '20');
      throw fail(503, 'busy', 'Too many phones follow tickets now; the page polls instead.');
    }
    const siteId = deps.siteId();
    c.header('X-Accel-Buffering', 'no');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      phoneStreams += 1;
      let last = '';
      const sendIfChanged = async () => {
        const status = await statusOf(statusSources(deps), found).catch(() => null);
        const text = JSON.stringify(status);
        if (text === last || stream.aborted) return;
        last = text;
        await stream.writeSSE({ event: status ? 'status' : 'gone', data: text });
      };
      await sendIfChanged();
      await holdStream(stream, deps, siteId, `phone:${found.id}`, () => void sendIfChanged());
      phoneStreams -= 1;
    });
  });
  // The SKM survey of a served ticket: whoever holds the ticket's page may answer, once.
  api.post('/tickets/:id/skm', async (c) => {
    const request = valid(parseRequest(SkmAnswerRequestSchema, await readJsonBody(c)));
    const sources = statusSources(deps);
    const found = await findTicket(sources, c.req.param('id'));
    if (found === null) throw fail(404, 'unknown_ticket', 'There is no such ticket at this site.');
    const siteId = sources.config.site.id;
    const ticket = (await deps.days.state(siteId, found.businessDay)).ticket(found.id);
    if (ticket?.status !== 'done') {
      throw fail(
        409,
        'not_served',
        'Survei dibuka setelah layanan selesai (the survey opens once the service is finished).',
      );
    }
    const stored = await deps.store.recordSkm(siteId, {
      ...request,
      ticketId: ticket.id,
      businessDay: ticket.businessDay,
      agencyId: ticket.agencyId,
      serviceId: ticket.serviceId,
      answeredAt: deps.now(),
    });
    if (!stored) {
      throw fail(
        409,
        'already_answered',
        'Survei tiket ini sudah diisi; terima kasih (this ticket’s survey is answered already).',
      );
    }
    return c.json({ answered: true }, 201);
  });
  api.get('/tickets/:id', async (c) => {
    const status = await ticketStatus(statusSources(deps), c.req.param('id'));
    if (status === null) throw fail(404, 'unknown_ticket', 'There is no such ticket at this site.');
    return c.json(status);
  });
  return api;
}

/** What a ticket's status is read from, now. */
function statusSources(deps: ApiDeps): StatusSources {
  const config = deps.config();
  const today = businessDayOf(deps.now(), config.site.timeZone);
  return { store: deps.store, config, catalogue: deps.catalogue(), days: deps.days, today };
}

/** Whether an If-None-Match header (a list, maybe weak) names the current ETag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
