// @vitest-environment node
/**
 * Admin access through the app: a second admin, the token list, renewal, expiry,
 * revocation (never of the site's last valid token), the way back with a bootstrap code
 * when no admin holds a valid token, and the audit log (newest first, paged, no secrets).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AdminTokenSummary,
  ApiError,
  AuditPage,
  CreateAdminResponse,
  NewAdminTokenResponse,
} from '../../../src/domain/protocol';
import { issueBootstrapCode } from '../../../src/server/auth/bootstrap';
import { hashSecret } from '../../../src/server/auth/secrets';
import {
  call,
  type Harness,
  json,
  NOW,
  SEED_TOKEN_TTL_MS,
  seedAdminWithIds,
  startHarness,
  TEST_SECRET_KEY,
  uuidv7Like,
} from './support';

const DAY = 86_400_000;

let h: Harness;
let first: { adminId: string; tokenId: string; token: string };
beforeEach(async () => {
  h = await startHarness();
  first = await seedAdminWithIds(h.store);
  return () => h.store.close();
});

const tokens = async (token: string) =>
  (await json<{ tokens: AdminTokenSummary[] }>(await call(h, 'GET', '/admin/tokens', { token })))
    .tokens;
const newAdmin = async (token: string, name = 'Pak Budi') =>
  json<CreateAdminResponse>(await call(h, 'POST', '/admin/admins', { token, body: { name } }));
const renew = async (token: string) =>
  json<NewAdminTokenResponse>(await call(h, 'POST', '/admin/tokens', { token }));
const revoke = (token: string, tokenId: string) =>
  call(h, 'POST', `/admin/tokens/${tokenId}/revoke`, { token });
const audit = async (token: string, query = '') =>
  json<AuditPage>(await call(h, 'GET', `/admin/audit${query}`, { token }));

describe('admins and their tokens', () => {
  it('creates a second admin whose token, shown once, works; the list never holds a token', async () => {
    h.clock.now = NOW + 1000;
    const second = await newAdmin(first.token);

    const listed = await tokens(second.token);

    expect(second).toEqual({
      adminId: expect.any(String),
      tokenId: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: NOW + 1000 + 30 * DAY,
    });
    expect(listed).toEqual([
      {
        tokenId: second.tokenId,
        adminId: second.adminId,
        adminName: 'Pak Budi',
        createdAt: NOW + 1000,
        expiresAt: NOW + 1000 + 30 * DAY,
        lastUsedAt: NOW + 1000,
        revokedAt: null,
      },
      expect.objectContaining({
        tokenId: first.tokenId,
        adminId: first.adminId,
        lastUsedAt: NOW + 1000,
      }),
    ]);
    const text = JSON.stringify(listed);
    for (const secret of [first.token, second.token]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashSecret(secret));
    }
  });

  it('renews: an admin makes a new token for itself, then revokes the old one', async () => {
    const renewed = await renew(first.token);

    const revoked = await revoke(renewed.token, first.tokenId);
    const withOld = await call(h, 'GET', '/admin/devices', { token: first.token });
    const withNew = await call(h, 'GET', '/admin/devices', { token: renewed.token });

    expect(renewed.adminId).toBe(first.adminId);
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({
      token: { tokenId: first.tokenId, revokedAt: NOW },
    });
    expect(withOld.status).toBe(401);
    expect(await json<ApiError>(withOld)).toMatchObject({ error: 'token_revoked' });
    expect(withNew.status).toBe(200);
  });

  it('refuses to revoke the site’s last valid token, and allows it once another exists', async () => {
    const alone = await revoke(first.token, first.tokenId);
    const second = await newAdmin(first.token);
    const withSecond = await revoke(first.token, first.tokenId);
    const lastAgain = await revoke(second.token, second.tokenId);

    expect(alone.status).toBe(409);
    expect(await json<ApiError>(alone)).toMatchObject({ error: 'last_admin_token' });
    expect(withSecond.status).toBe(200);
    expect(lastAgain.status).toBe(409);
    expect((await call(h, 'GET', '/admin/tokens', { token: second.token })).status).toBe(200);
  });

  it('answers 404 for a token id that is not known', async () => {
    const unknown = await revoke(first.token, uuidv7Like());
    const junk = await revoke(first.token, 'x%00y');

    expect([unknown.status, junk.status]).toEqual([404, 404]);
    expect(await json<ApiError>(unknown)).toMatchObject({ error: 'no_such_token' });
  });

  it('expires a token after its lifetime (30 days by default) with 401 token_expired', async () => {
    h.clock.now = NOW + SEED_TOKEN_TTL_MS - 1;
    const lastMoment = await call(h, 'GET', '/admin/devices', { token: first.token });
    h.clock.now = NOW + SEED_TOKEN_TTL_MS;
    const expired = await call(h, 'GET', '/admin/devices', { token: first.token });

    expect(lastMoment.status).toBe(200);
    expect(expired.status).toBe(401);
    expect(await json<ApiError>(expired)).toMatchObject({ error: 'token_expired' });
  });

  it('issues a bootstrap code again when every token has expired: the way back, a new admin', async () => {
    const whileValid = await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY);
    const refusedWhileValid = await call(h, 'POST', '/bootstrap', {
      body: { code: 'AAAA-BBBB-CCCC', name: 'X' },
    });
    h.clock.now = NOW + SEED_TOKEN_TTL_MS + DAY;
    const code = await issueBootstrapCode(h.store, h.clock.now, TEST_SECRET_KEY);

    const back = await call(h, 'POST', '/bootstrap', { body: { code, name: 'Bu Sari' } });
    const admin = await json<NewAdminTokenResponse>(back);
    const listed = await tokens(admin.token);

    expect(whileValid).toBeNull();
    expect(refusedWhileValid.status).toBe(409);
    expect(back.status).toBe(201);
    expect(admin.adminId).not.toBe(first.adminId);
    expect(listed.map((t) => [t.adminName, t.expiresAt > h.clock.now])).toEqual([
      ['Bu Sari', true],
      ['Admin', false],
    ]);
    expect(await issueBootstrapCode(h.store, h.clock.now, TEST_SECRET_KEY)).toBeNull();
  });
});

describe('audit log', () => {
  it('records every admin action, newest first: who, what, target, outcome', async () => {
    const code = await call(h, 'POST', '/admin/enrollments', { token: first.token });
    const second = await newAdmin(first.token);
    const renewed = await renew(second.token);
    await revoke(second.token, second.tokenId);
    await revoke(renewed.token, uuidv7Like());
    await call(h, 'GET', '/admin/devices', { token: first.token });
    await call(h, 'GET', '/admin/flagged', { token: first.token });
    await call(h, 'POST', `/admin/devices/${uuidv7Like()}/revoke`, { token: first.token });

    const page = await audit(first.token);

    expect(code.status).toBe(201);
    expect(page.entries.map((e) => [e.action, e.adminId, e.outcome])).toEqual([
      ['device.revoke', first.adminId, 'unknown_device'],
      ['flagged.read', first.adminId, 'ok'],
      ['devices.read', first.adminId, 'ok'],
      ['token.revoke', second.adminId, 'no_such_token'],
      ['token.revoke', second.adminId, 'ok'],
      ['token.renew', second.adminId, 'ok'],
      ['admin.create', first.adminId, 'ok'],
      ['enrollment.create', first.adminId, 'ok'],
      ['bootstrap', first.adminId, 'ok'],
    ]);
    expect(page.entries[4]?.targetId).toBe(second.tokenId);
    expect(page.entries[5]?.targetId).toBe(renewed.tokenId);
    expect(page.entries[6]?.targetId).toBe(second.adminId);
    expect(page.entries.every((e) => e.at === NOW)).toBe(true);
    expect(page.next).toBeNull();
    const text = JSON.stringify(page);
    const { code: enrollmentCode } = await json<{ code: string }>(code);
    for (const secret of [first.token, second.token, renewed.token, enrollmentCode]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashSecret(secret));
    }
  });

  it('pages with before and limit, and records its own reads', async () => {
    for (let i = 0; i < 6; i++) await call(h, 'GET', '/admin/devices', { token: first.token });

    const one = await audit(first.token, '?limit=3');
    const two = await audit(first.token, `?limit=3&before=${one.next}`);
    const three = await audit(first.token, `?limit=3&before=${two.next}`);
    const tooMany = await call(h, 'GET', '/admin/audit?limit=201', { token: first.token });

    expect(one.entries.map((e) => e.seq)).toEqual([7, 6, 5]);
    expect(two.entries.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(three.entries.map((e) => [e.seq, e.action])).toEqual([[1, 'bootstrap']]);
    expect(three.next).toBeNull();
    expect(tooMany.status).toBe(400);
  });
});
