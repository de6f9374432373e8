/**
 * Who is calling: the bearer token of a device or of an admin, looked up by its hash.
 * Must: no, malformed or unknown token → 401; a revoked or expired admin token → 401
 * token_revoked / token_expired; a revoked device, the other kind of token, a device of
 * another site → 403. Last use is recorded at most every TOUCH_EVERY_MS. A staff member's
 * session holds while they are of an admin role and not locked (401 staff_locked); a
 * supervisor reads and does not write (403 read_only).
 */
import type { MiddlewareHandler } from 'hono';
import type { AdminTokenSummary } from '../../domain/protocol';
import { type AdminRole, signsInAtAdmin } from '../../domain/staff';
import { fail } from '../http/errors';
import type { DeviceRecord } from '../store/records';
import type { AdminAccess, Staff } from '../store/store-access';
import type { Devices } from '../store/store-site';
import { hashSecret } from './secrets';

/** Who called an admin route: the token, its role, and the staff member it is (null: an API admin). */
export type AdminCaller = AdminTokenSummary & { role: AdminRole; staffId: string | null };

/** lastSeenAt is "seen within the last half minute": one write per device per 30 s at most. */
export const TOUCH_EVERY_MS = 30_000;

/** What the guards need: the store, this site's id, and the clock. */
export type GuardDeps = {
  store: AdminAccess & Devices & Pick<Staff, 'staffById'>;
  siteId: () => string;
  now: () => number;
};

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/i;

/** The token of an `Authorization: Bearer <token>` header, or a 401. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw fail(401, 'missing_token', 'This call needs an Authorization: Bearer <token> header.');
  }
  const match = BEARER.exec(header.trim());
  if (!match?.[1])
    throw fail(401, 'malformed_token', 'The Authorization header is not a bearer token.');
  return match[1];
}

/** Lets only enrolled, unrevoked devices of this site through; sets `device`. */
export function requireDevice(
  deps: GuardDeps,
): MiddlewareHandler<{ Variables: { device: DeviceRecord } }> {
  return async (c, next) => {
    const hash = hashSecret(bearerToken(c.req.header('Authorization')));
    const device = await deps.store.deviceByToken(hash);
    if (device === null) {
      if ((await deps.store.adminByToken(hash)) !== null) throw wrongRole('a device');
      throw unknownToken();
    }
    checkDevice(device, deps.siteId());
    const now = deps.now();
    if (device.lastSeenAt === null || now - device.lastSeenAt >= TOUCH_EVERY_MS) {
      await deps.store.touchDevice(device.deviceId, now);
    }
    c.set('device', device);
    await next();
  };
}

/**
 * Lets only admins with a valid token through; sets `admin` (the token, its admin and
 * role). A supervisor gets through on reads (GET), and on the writes that are theirs too
 * (`supervisors`: their own sign-out, reviewing flagged events).
 */
export function requireAdmin(
  deps: GuardDeps,
  options: { supervisors?: boolean } = {},
): MiddlewareHandler<{ Variables: { admin: AdminCaller } }> {
  return async (c, next) => {
    const hash = hashSecret(bearerToken(c.req.header('Authorization')));
    const admin = await deps.store.adminByToken(hash);
    if (admin === null) {
      if ((await deps.store.deviceByToken(hash)) !== null) throw wrongRole('an admin');
      throw unknownToken();
    }
    const now = deps.now();
    checkAdminToken(admin, now);
    const caller = await callerOf(deps, admin);
    const theirs = options.supervisors ?? c.req.method === 'GET';
    if (caller.role === 'supervisor' && !theirs) {
      throw fail(
        403,
        'read_only',
        'Supervisor hanya dapat melihat; minta admin untuk mengubah ' +
          '(a supervisor reads; ask an admin to change this).',
      );
    }
    if (admin.lastUsedAt === null || now - admin.lastUsedAt >= TOUCH_EVERY_MS) {
      await deps.store.touchAdminToken(admin.tokenId, now);
    }
    c.set('admin', caller);
    await next();
  };
}

/** The token's role: its staff member's while they may sign in at /admin; an API admin's else. */
async function callerOf(deps: GuardDeps, admin: AdminTokenSummary): Promise<AdminCaller> {
  const person = await deps.store.staffById(deps.siteId(), admin.adminId);
  // A staff member's session whose person is not found is no API admin's token.
  if (person === null && !(await deps.store.isStaffAdmin(admin.adminId))) {
    return { ...admin, role: 'admin', staffId: null };
  }
  if (person === null || person.locked || !signsInAtAdmin(person.role)) {
    throw fail(
      401,
      'staff_locked',
      'Akun ini dikunci atau tidak lagi boleh masuk ke admin ' +
        '(this account is locked or may no longer sign in to the admin).',
    );
  }
  return { ...admin, role: person.role, staffId: person.staffId };
}

function checkAdminToken(token: AdminTokenSummary, now: number): void {
  if (token.revokedAt !== null) {
    throw fail(
      401,
      'token_revoked',
      'This admin token was revoked. Ask another admin for access, or use a newer token of yours.',
    );
  }
  if (token.expiresAt <= now) {
    throw fail(
      401,
      'token_expired',
      `This admin token expired at ${new Date(token.expiresAt).toISOString()}. Renew tokens before they expire (POST /api/v1/admin/tokens); ask another admin for access, or restart the server for a bootstrap code if no admin has a valid token.`,
    );
  }
}

function checkDevice(device: DeviceRecord, siteId: string): void {
  if (device.revokedAt !== null) {
    throw fail(
      403,
      'device_revoked',
      'This device was revoked. To use it again, clear its browser data and enroll it as a new device with a new code.',
    );
  }
  if (device.siteId !== siteId) {
    throw fail(403, 'wrong_site', 'This device is enrolled at another site.');
  }
}

function wrongRole(needed: string) {
  return fail(403, 'wrong_role', `This call needs the token of ${needed}.`);
}

function unknownToken() {
  return fail(401, 'unknown_token', 'The token is not known at this site.');
}
