/**
 * POST /sync/leases (device token): number blocks and quota tokens asked for in advance
 * (ARCHITECTURE.md §5). Must: the whole request is checked before any grant; the store
 * never grants a block twice nor more of a quota than the day has.
 */
import { Hono } from 'hono';
import type { LeaseResponse, NumberLease, QuotaGrant } from '../../domain/protocol';
import { LeaseRequestSchema } from '../../domain/protocol-schema';
import { parseRequest } from '../../domain/request-fields';
import { businessDayOf } from '../../domain/time';
import { requireDevice } from '../auth/guard';
import { planLeases } from '../sync/lease-plan';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { valid } from './validate';

/** POST /leases (mounted under /sync). */
export function leaseRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.post('/leases', requireDevice(deps), async (c) => {
    const { deviceId, profileId } = c.get('device');
    const request = valid(parseRequest(LeaseRequestSchema, await readJsonBody(c)));
    const config = deps.config();
    const today = businessDayOf(deps.now(), config.site.timeZone);
    // A device whose profile is gone draws on the lobby's quotas, like a kiosk.
    const issuer = config.profiles.find((p) => p.id === profileId) ?? { surface: 'kiosk' };
    const plan = valid(planLeases(request, config, today, issuer), 'invalid_lease_request');
    const siteId = config.site.id;
    const numbers: NumberLease[] = [];
    for (const line of plan.numbers) {
      const lease = await deps.store.leaseNumbers({
        siteId,
        deviceId,
        ...line,
        grantedAt: deps.now(),
      });
      // Nothing granted (the queue's numbers are used up, or the device holds its share):
      // the line is left out, and the device issues from its emergency namespace.
      if (lease !== null) numbers.push(lease);
    }
    const quotas: QuotaGrant[] = [];
    for (const { pool, ...line } of plan.quotas) {
      const grant = await deps.store.leaseQuota({
        siteId,
        deviceId,
        ...line,
        pool,
        grantedAt: deps.now(),
      });
      quotas.push({ businessDay: line.businessDay, serviceId: line.serviceId, ...grant });
    }
    const answer: LeaseResponse = {
      businessDay: today,
      numbers,
      quotas,
      epoch: deps.store.epoch,
      serverTime: deps.now(),
    };
    return c.json(answer);
  });
  return api;
}
