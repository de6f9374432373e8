/**
 * What an admin asks of one device (admin token; supervisors read only): another profile
 * of the active config, and a test print. The device hears of both at its next pull
 * (PullResponse.device), so the site's streams are poked for it to pull now.
 */
import { Hono } from 'hono';
import { DeviceProfileRequestSchema } from '../../domain/admin-schema';
import { isUuid } from '../../domain/ids';
import type { AuditAction, DeviceSummary } from '../../domain/protocol';
import { parseRequest } from '../../domain/request-fields';
import { requireAdmin } from '../auth/guard';
import type { DeviceRecord } from '../store/records';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/** POST /admin/devices/:id/profile and POST /admin/devices/:id/test-print. */
export function deviceOrderRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  api.post('/devices/:id/profile', admin, async (c) => {
    const { profileId } = valid(parseRequest(DeviceProfileRequestSchema, await readJsonBody(c)));
    const id = c.req.param('id');
    const change = { at: deps.now(), by: c.get('admin').adminId };
    if (!deps.config().profiles.some((p) => p.id === profileId)) {
      const targetId = isUuid(id) ? id : null;
      const entry = { ...change, adminId: change.by, targetId, outcome: 'unknown_profile' };
      await deps.store.recordAudit({ ...entry, action: 'device.profile' });
      throw fail(400, 'unknown_profile', 'No such device profile in the active config.', {
        issues: [{ path: '$.profileId', message: `unknown profile '${profileId}'` }],
      });
    }
    const record = isUuid(id)
      ? await deps.store.setDeviceProfile(deps.siteId(), id, profileId, change)
      : await unknown(deps, 'device.profile', change);
    return answer(deps, record);
  });
  api.post('/devices/:id/test-print', admin, async (c) => {
    const id = c.req.param('id');
    const change = { at: deps.now(), by: c.get('admin').adminId };
    const record = isUuid(id)
      ? await deps.store.askTestPrint(deps.siteId(), id, change)
      : await unknown(deps, 'device.test-print', change);
    return answer(deps, record);
  });
  return api;
}

/** Audits a call naming no device id at all; nothing to change. */
async function unknown(
  deps: ApiDeps,
  action: AuditAction,
  change: { at: number; by: string },
): Promise<null> {
  const entry = { at: change.at, adminId: change.by, targetId: null, outcome: 'unknown_device' };
  await deps.store.recordAudit({ ...entry, action });
  return null;
}

/** The changed device as the admin's list shows it, the device poked to pull; else a 404. */
async function answer(deps: ApiDeps, record: DeviceRecord | null): Promise<Response> {
  if (record === null) throw fail(404, 'unknown_device', 'No such device at this site.');
  const siteId = deps.siteId();
  deps.pokes.poke(siteId, await deps.store.head(siteId));
  const { siteId: _site, ...device } = record;
  return Response.json({ device: device satisfies DeviceSummary });
}
