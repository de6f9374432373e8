/**
 * Admin routes (admin token): enrollment codes, the device list, revoking a device, and
 * the events the server flagged or quarantined (paged by siteSeq). Each call is audited: writes in their own
 * transaction (by the store), reads and refusals after the fact.
 */
import { Hono } from 'hono';
import {
  CreateEnrollmentRequestSchema,
  DEFAULT_ENROLLMENT_TTL_MINUTES,
  FlaggedQuerySchema,
  FlagReviewRequestSchema,
} from '../../domain/admin-schema';
import { isUuid } from '../../domain/ids';
import type {
  AdminDeviceSummary,
  AuditAction,
  CreateEnrollmentResponse,
  DeviceSummary,
} from '../../domain/protocol';
import type { DeviceHealth } from '../../domain/protocol-schema';
import { parseRequest } from '../../domain/request-fields';
import { requireAdmin } from '../auth/guard';
import { ENROLLMENT_CODE_LENGTH, hashCode, newCode } from '../auth/secrets';
import type { DeviceRecord } from '../store/records';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/**
 * POST /admin/enrollments, GET /admin/devices, POST /admin/devices/:id/revoke,
 * GET /admin/flagged, POST /admin/flagged/:id/review.
 */
export function adminRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  api.post('/enrollments', admin, async (c) => {
    const body = await readJsonBody(c, { emptyAs: {} });
    const request = valid(parseRequest(CreateEnrollmentRequestSchema, body));
    const code = newCode(ENROLLMENT_CODE_LENGTH);
    const now = deps.now();
    const expiresAt = now + (request.ttlMinutes ?? DEFAULT_ENROLLMENT_TTL_MINUTES) * 60_000;
    await deps.store.createEnrollment({
      codeHash: hashCode(code, deps.secretKey),
      siteId: deps.siteId(),
      label: request.label ?? null,
      createdBy: c.get('admin').adminId,
      createdAt: now,
      expiresAt,
    });
    const answer: CreateEnrollmentResponse = { code, expiresAt };
    return c.json(answer, 201);
  });
  api.get('/devices', admin, async (c) => {
    const [devices, health] = await Promise.all([
      deps.store.devices(deps.siteId()),
      deps.store.deviceHealth(deps.siteId()),
    ]);
    await auditRead(deps, c.get('admin').adminId, 'devices.read');
    return c.json({ devices: devices.map((d) => withHealth(summary(d), health.get(d.deviceId))) });
  });
  api.post('/devices/:id/revoke', admin, async (c) => {
    const id = c.req.param('id');
    const by = c.get('admin').adminId;
    const known = isUuid(id) ? await findDevice(deps, id) : undefined;
    if (known === undefined) {
      const targetId = isUuid(id) ? id : null;
      const at = deps.now();
      const outcome = 'unknown_device';
      await deps.store.recordAudit({ at, adminId: by, action: 'device.revoke', targetId, outcome });
      throw fail(404, 'unknown_device', 'No such device at this site.');
    }
    await deps.store.revokeDevice(id, deps.now(), by);
    deps.pokes.closeDevice(id);
    return c.json({ device: summary((await findDevice(deps, id)) ?? known) });
  });
  api.get('/flagged', admin, async (c) => {
    const query = valid(parseRequest(FlaggedQuerySchema, c.req.query()));
    const open = query.open === '1';
    const flagged = await deps.store.flaggedEvents(deps.siteId(), query.after, query.limit, open);
    await auditRead(deps, c.get('admin').adminId, 'flagged.read');
    // A full page may have more after it: `next` is the `after` of the next page.
    const next = flagged.length === query.limit ? (flagged.at(-1)?.siteSeq ?? null) : null;
    return c.json({ flagged, next });
  });
  // A supervisor reviews too: looking into what the server flagged is their work.
  api.post('/flagged/:id/review', requireAdmin(deps, { supervisors: true }), async (c) => {
    const { resolution } = valid(parseRequest(FlagReviewRequestSchema, await readJsonBody(c)));
    const id = c.req.param('id');
    const by = c.get('admin').adminId;
    const review = isUuid(id)
      ? await deps.store.reviewFlagged(deps.siteId(), id, {
          at: deps.now(),
          adminId: by,
          resolution,
        })
      : null;
    if (review === null) {
      if (!isUuid(id)) {
        const entry = { at: deps.now(), adminId: by, action: 'flagged.review' as const };
        await deps.store.recordAudit({ ...entry, targetId: null, outcome: 'unknown_event' });
      }
      throw fail(404, 'unknown_event', 'No such flagged event at this site.');
    }
    return c.json({ review });
  });
  return api;
}

/** Audits a read of `action` by `adminId`. */
export function auditRead(deps: ApiDeps, adminId: string, action: AuditAction): Promise<void> {
  return deps.store.recordAudit({ at: deps.now(), adminId, action, targetId: null, outcome: 'ok' });
}

async function findDevice(deps: ApiDeps, id: string): Promise<DeviceRecord | undefined> {
  return (await deps.store.devices(deps.siteId())).find((d) => d.deviceId === id);
}

/** A device with its last health report (stored by the server, so parsed as trusted JSON). */
function withHealth(
  device: DeviceSummary,
  report: { health: string; at: number } | undefined,
): AdminDeviceSummary {
  if (report === undefined) return { ...device, health: null, healthAt: null };
  return { ...device, health: JSON.parse(report.health) as DeviceHealth, healthAt: report.at };
}

/** A device as admins see it: everything but its site (theirs) and its token (never kept). */
function summary(device: DeviceRecord): DeviceSummary {
  const { siteId: _site, ...rest } = device;
  return rest;
}
