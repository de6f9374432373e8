/**
 * The attempt limits (../auth/attempts.ts) at the HTTP edge: an attempt begins before the
 * body is read, so a refused one costs no parsing, hashing or database query.
 */
import type { Context } from 'hono';
import type { Attempt, PolicyName } from '../auth/attempts';
import { addressKey } from './client-address';
import type { ApiDeps } from './deps';
import { fail } from './errors';

/** Starts an attempt under `policy` for the request's client, or throws a 429 with Retry-After. */
export function beginAttempt(deps: ApiDeps, policy: PolicyName, c: Context): Attempt {
  const result = deps.attempts[policy].begin(addressKey(deps.clientAddress(c)));
  if ('end' in result) return result;
  const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  const where =
    result.scope === 'address'
      ? ['dari alamat ini', 'from this address']
      : ['ke server ini', 'at this server'];
  throw fail(
    429,
    'too_many_attempts',
    `Terlalu banyak percobaan yang salah ${where[0]}; coba lagi dalam ${seconds} detik ` +
      `(too many wrong attempts ${where[1]}; try again in ${seconds} s).`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * A handler under `policy`: it runs only when the attempt is let through, and ends it as a
 * 'failure' or 'success' itself; whatever else happens (a bad body, an error) ends neutral.
 */
export function limited(
  deps: ApiDeps,
  policy: PolicyName,
  handler: (c: Context, attempt: Attempt) => Promise<Response>,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const attempt = beginAttempt(deps, policy, c);
    try {
      return await handler(c, attempt);
    } finally {
      attempt.end('neutral');
    }
  };
}
