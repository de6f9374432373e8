/**
 * API errors: every refusal is an `ApiError` body with a 4xx status, thrown as an
 * `ApiFailure` from anywhere in a handler and turned into JSON by `answerError`.
 * Must: anything else thrown becomes a 500 with a generic message, logged without the
 * request body or query (they may hold codes, tokens or personal data).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../domain/protocol';

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

/** Where unexpected errors go; the default writes to stderr. */
export type ErrorLog = (message: string, error: unknown) => void;

/** The app's onError: ApiFailures as their JSON, anything else as a logged 500. */
export function answerError(log: ErrorLog) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiFailure) {
      if (error.status === 401) c.header('WWW-Authenticate', 'Bearer realm="anjungan"');
      const wait = error.body.retryAfterSeconds;
      if (wait !== undefined) c.header('Retry-After', String(wait));
      return c.json(error.body, error.status);
    }
    log(`${c.req.method} ${c.req.path} failed`, error);
    const body: ApiError = { error: 'internal', message: 'The server could not answer.' };
    return c.json(body, 500);
  };
}
