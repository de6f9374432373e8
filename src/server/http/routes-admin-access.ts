/**
 * Admin access (admin token): another admin, the site's admin tokens (list, renew,
 * revoke) and the audit log. A token is shown once, when it is made; lists never hold a
 * token or its hash.
 * Must: the site's last valid token cannot be revoked (409 last_admin_token), so nobody
 * locks the site out by accident; every call is audited.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import {
  AuditQuerySchema,
  CreateAdminRequestSchema,
  RenewTokenRequestSchema,
} from '../../domain/admin-schema';
import { isUuid } from '../../domain/ids';
import type { AuditPage, CreateAdminResponse } from '../../domain/protocol';
import { parseRequest } from '../../domain/request-fields';
import { newAdminToken } from '../auth/admin-token';
import { requireAdmin } from '../auth/guard';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';
import { valid } from './validate';

/** POST /admin/admins, GET|POST /admin/tokens, POST /admin/tokens/:id/revoke, GET /admin/audit. */
export function adminAccessRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  api.post('/admins', admin, async (c) => {
    const request = valid(parseRequest(CreateAdminRequestSchema, await readJsonBody(c)));
    const at = deps.now();
    const made = newAdminToken(randomUUID(), at, deps.adminTokenTtlMs);
    const newAdmin = { adminId: made.answer.adminId, name: request.name, createdAt: at };
    await deps.store.createAdmin(newAdmin, made.record, c.get('admin').adminId);
    return c.json(made.answer satisfies CreateAdminResponse, 201);
  });
  api.post('/tokens', admin, async (c) => {
    valid(parseRequest(RenewTokenRequestSchema, await readJsonBody(c, { emptyAs: {} })));
    const made = newAdminToken(c.get('admin').adminId, deps.now(), deps.adminTokenTtlMs);
    await deps.store.createAdminToken(made.answer.adminId, made.record);
    return c.json(made.answer, 201);
  });
  api.get('/tokens', admin, async (c) => {
    const tokens = await deps.store.adminTokens();
    await auditRead(deps, c.get('admin').adminId, 'tokens.read');
    return c.json({ tokens });
  });
  api.post('/tokens/:id/revoke', admin, (c) =>
    revokeToken(deps, c, c.req.param('id'), c.get('admin').adminId),
  );
  api.get('/audit', admin, async (c) => {
    const query = valid(parseRequest(AuditQuerySchema, c.req.query()));
    const entries = await deps.store.auditLog(query.before ?? null, query.limit);
    await auditRead(deps, c.get('admin').adminId, 'audit.read');
    const full = entries.length === query.limit;
    const body: AuditPage = { entries, next: full ? (entries.at(-1)?.seq ?? null) : null };
    return c.json(body);
  });
  return api;
}

/** Revokes token `tokenId` as admin `by`'s action, unless it is the site's last valid one. */
async function revokeToken(
  deps: ApiDeps,
  c: Context,
  tokenId: string,
  by: string,
): Promise<Response> {
  const at = deps.now();
  const outcome = isUuid(tokenId)
    ? await deps.store.revokeAdminToken(tokenId, at, by)
    : await deps.store
        .recordAudit({
          at,
          adminId: by,
          action: 'token.revoke',
          targetId: null,
          outcome: 'no_such_token',
        })
        .then(() => 'unknown' as const);
  if (outcome === 'unknown') throw fail(404, 'no_such_token', 'No admin token has this id.');
  if (outcome === 'last_valid') {
    throw fail(
      409,
      'last_admin_token',
      'This is the last valid admin token of the site: revoking it would lock every admin out. Create another admin or renew a token first.',
    );
  }
  const token = (await deps.store.adminTokens()).find((t) => t.tokenId === tokenId);
  return c.json({ token });
}
