/**
 * Joining the site without a token: the first admin with the bootstrap code the server
 * printed, and each device with a one-time enrollment code an admin created.
 * Must: a wrong code changes nothing; a code works once; only hashes are stored.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { BootstrapResponse, EnrollResponse } from '../../domain/protocol';
import {
  BootstrapRequestSchema,
  EnrollRequestSchema,
  parseRequest,
} from '../../domain/protocol-schema';
import { hashCode, hashSecret, newToken } from '../auth/secrets';
import { StoreError } from '../store/errors';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/** POST /bootstrap and POST /enroll. */
export function enrollRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.post('/bootstrap', async (c) => {
    const request = valid(parseRequest(BootstrapRequestSchema, await readJsonBody(c)));
    if (await deps.store.hasAdmin()) throw alreadyBootstrapped();
    const token = newToken();
    const admin = await deps.store.bootstrapAdmin(hashCode(request.code), {
      adminId: randomUUID(),
      name: request.name,
      createdAt: deps.now(),
      tokenHash: hashSecret(token),
    });
    if (admin === null) {
      if (await deps.store.hasAdmin()) throw alreadyBootstrapped();
      throw fail(403, 'invalid_code', 'The bootstrap code is not right.');
    }
    const body: BootstrapResponse = { adminId: admin.adminId, token };
    return c.json(body, 201);
  });
  api.post('/enroll', async (c) => {
    const request = valid(parseRequest(EnrollRequestSchema, await readJsonBody(c)));
    if (!deps.config().profiles.some((p) => p.id === request.profileId)) {
      throw fail(400, 'unknown_profile', 'No such device profile in the active config.', {
        issues: [{ path: '$.profileId', message: `unknown profile '${request.profileId}'` }],
      });
    }
    const token = newToken();
    const now = deps.now();
    const device = await deps.store
      .enrollDevice(hashCode(request.code), {
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
      throw fail(403, 'invalid_code', 'The enrollment code is wrong, used or expired.');
    }
    const body: EnrollResponse = {
      token,
      deviceId: device.deviceId,
      siteId: device.siteId,
      emergencyTag: device.emergencyTag,
      epoch: deps.store.epoch,
      serverTime: now,
    };
    return c.json(body, 201);
  });
  return api;
}

function alreadyBootstrapped() {
  return fail(409, 'already_bootstrapped', 'The first admin exists; ask an admin for access.');
}
