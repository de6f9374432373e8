/**
 * API errors: every refusal is an `ApiError` body with a 4xx status, thrown as an
 * `ApiFailure` from anywhere in a handler and turned into JSON by `answerError`.
 * Must: anything else thrown becomes a 500 with a generic message, logged without the
 * request body, query or path (they may hold codes, tokens or personal data).
 */
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../domain/protocol';
import type { Logger } from '../log/logger';

declare module 'hono' {
  interface ContextVariableMap {
    /** The ApiError code a request was refused with, for its access line. */
    apiError: string;
  }
}

/** A 4xx answer, thrown to stop a handler. */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ApiError,
  ) {
    super(`${status} ${body.error}`);
  }
}

/** Builds an ApiFailure: `fail(404, 'not_found', 'No such ticket')`. */
export function fail(
  status: ContentfulStatusCode,
  error: string,
  message: string,
  extra: Omit<ApiError, 'error' | 'message'> = {},
): ApiFailure {
  return new ApiFailure(status, { error, message, ...extra });
}

/**
 * The app's onError: ApiFailures as their JSON (their code noted for the access line),
 * anything else as a 500 logged with the request's id and route pattern.
 */
export function answerError(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiFailure) {
      if (error.status === 401) c.header('WWW-Authenticate', 'Bearer realm="anjungan"');
      const wait = error.body.retryAfterSeconds;
      if (wait !== undefined) c.header('Retry-After', String(wait));
      c.set('apiError', error.body.error);
      return c.json(error.body, error.status);
    }
    log.error(
      { reqId: c.var.requestId, method: c.req.method, route: routePath(c), err: error },
      'Permintaan gagal tanpa sebab yang diketahui (unexpected error)',
    );
    const body: ApiError = { error: 'internal', message: 'The server could not answer.' };
    return c.json(body, 500);
  };
}
