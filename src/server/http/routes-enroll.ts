/**
 * Joining the site without a token: an admin with the bootstrap code the server printed,
 * and each device with a one-time enrollment code an admin created.
 * Must: a wrong code changes nothing; a code works once; only hashes are stored; both are
 * under the attempt limits (only a wrong code counts as a failure; a right one clears the
 * address), asked before the body is read.
 */

import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { BootstrapResponse, EnrollResponse } from '../../domain/protocol';
import { BootstrapRequestSchema, EnrollRequestSchema } from '../../domain/protocol-schema';
import { parseRequest } from '../../domain/request-fields';
import { newAdminToken } from '../auth/admin-token';
import type { Attempt } from '../auth/attempts';
import { hashCode, hashSecret, newToken } from '../auth/secrets';
import { StoreError } from '../store/errors';
import { limited } from './attempt-limits';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/** POST /bootstrap and POST /enroll. */
export function enrollRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.post('/bootstrap', limited(deps, 'bootstrap', bootstrap(deps)));
  api.post('/enroll', limited(deps, 'enroll', enroll(deps)));
  return api;
}

/** An admin with the bootstrap code, while no admin holds a valid token. */
function bootstrap(deps: ApiDeps) {
  return async (c: Context, attempt: Attempt): Promise<Response> => {
    const request = valid(parseRequest(BootstrapRequestSchema, await readJsonBody(c)));
    const now = deps.now();
    if (await deps.store.hasActiveAdmin(now)) throw alreadyBootstrapped();
    const made = newAdminToken(randomUUID(), now, deps.adminTokenTtlMs);
    const admin = await deps.store.bootstrapAdmin(
      hashCode(request.code, deps.secretKey),
      { adminId: made.answer.adminId, name: request.name, createdAt: now },
      made.record,
    );
    if (admin === null) {
      if (await deps.store.hasActiveAdmin(now)) throw alreadyBootstrapped();
      attempt.end('failure');
      throw fail(403, 'invalid_code', 'The bootstrap code is not right.');
    }
    attempt.end('success');
    afterBootstrap(deps);
    const body: BootstrapResponse = made.answer;
    return c.json(body, 201);
  };
}

/**
 * Once the first admin exists, the code's file in DATA_DIR goes. The admin is committed by
 * then: a file that cannot be removed is a warning, never a failed bootstrap.
 */
function afterBootstrap(deps: ApiDeps): void {
  try {
    deps.afterBootstrap();
  } catch (error) {
    deps.log.warn({ error: String(error) }, 'bootstrap code file not removed');
  }
}

/** A device, with a one-time enrollment code. */
function enroll(deps: ApiDeps) {
  return async (c: Context, attempt: Attempt): Promise<Response> => {
    const request = valid(parseRequest(EnrollRequestSchema, await readJsonBody(c)));
    if (!deps.config().profiles.some((p) => p.id === request.profileId)) {
      throw fail(400, 'unknown_profile', 'No such device profile in the active config.', {
        issues: [{ path: '$.profileId', message: `unknown profile '${request.profileId}'` }],
      });
    }
    const token = newToken();
    const now = deps.now();
    const device = await deps.store
      .enrollDevice(hashCode(request.code, deps.secretKey), {
        deviceId: request.deviceId,
        name: request.name,
        profileId: request.profileId,
        tokenHash: hashSecret(token),
        enrolledAt: now,
      })
      .catch((error: unknown) => {
        if (error instanceof StoreError && error.code === 'device_exists') {
          throw fail(409, 'device_exists', 'This device id is already enrolled; make a new one.');
        }
        throw error;
      });
    if (device === null) {
      attempt.end('failure');
      throw fail(403, 'invalid_code', 'The enrollment code is wrong, used or expired.');
    }
    attempt.end('success');
    const { deviceId, siteId, emergencyTag } = device;
    const epoch = deps.store.epoch;
    const body: EnrollResponse = { token, deviceId, siteId, emergencyTag, epoch, serverTime: now };
    return c.json(body, 201);
  };
}

function alreadyBootstrapped() {
  return fail(409, 'already_bootstrapped', 'An admin with a valid token exists; ask an admin.');
}
