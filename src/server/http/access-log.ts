/**
 * Request ids and the access log. Every request gets an id (the client's X-Request-Id
 * when it is a short safe token, else a new one), echoed on the answer; every API
 * request gives one line: method, route pattern, status, duration, id, and the caller's
 * device or admin id. Must: never the query, a header, a body or a path's own values.
 */
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { LogFields, Logger } from '../log/logger';

/** Longest request id taken from a client (a UUID is 36 characters). */
export const MAX_REQUEST_ID = 64;

/** Sets `requestId` (hono/request-id: word characters, '-' and '=' only) and echoes it. */
export const requestIds = (): MiddlewareHandler => requestId({ limitLength: MAX_REQUEST_ID });

/** One info line per /api/ request once it is answered; a 5xx is a warning. */
export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    if (!c.req.path.startsWith('/api/')) return;
    // The registered pattern ('/api/v1/tickets/:id'), not the path: a path's values
    // (ticket ids, typos, anything a client sends) stay out of the log.
    const route = routePath(c) || '(none)';
    const status = c.res.status;
    const fields: LogFields = {
      reqId: c.var.requestId,
      method: c.req.method,
      route,
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      ...callerIds(c.var as CallerVariables),
    };
    const error: string | undefined = c.var.apiError;
    if (error !== undefined) fields.error = error;
    const message = `${c.req.method} ${route} ${status}`;
    if (status >= 500) log.warn(fields, message);
    else log.info(fields, message);
  };
}

/** What the guards (src/server/auth/guard.ts) set; only the ids are read. */
type CallerVariables = { device?: { deviceId?: unknown }; admin?: { adminId?: unknown } };

function callerIds(vars: CallerVariables): LogFields {
  const ids: LogFields = {};
  if (typeof vars.device?.deviceId === 'string') ids.deviceId = vars.device.deviceId;
  if (typeof vars.admin?.adminId === 'string') ids.adminId = vars.admin.adminId;
  return ids;
}
