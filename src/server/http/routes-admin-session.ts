/**
 * Staff sessions at /admin: a staff member of an admin role (src/domain/staff.ts,
 * ADMIN_ROLES) signs in with their name and PIN — the PIN they use at a counter — and gets
 * an admin token for a working day; a new person sets their first PIN here with the set-up
 * code an admin gave them. GET /admin/me says who holds a token; POST /admin/sign-out ends
 * the session.
 * Must: wrong names and wrong PINs get one answer, counted per address (`pin`) and per
 * person (`signIn`: the counters' lockouts); a PIN is never logged; every session is
 * audited; a person locked or of another role gets no session.
 */
import { Hono } from 'hono';
import { AdminSignInRequestSchema, SetPinRequestSchema } from '../../domain/admin-schema';
import { jsonPath } from '../../domain/config/issues';
import { parseRequest } from '../../domain/request-fields';
import {
  ADMIN_SESSION_TTL_MS,
  type AdminSession,
  type AdminSignInResponse,
  pinIssue,
  signInName,
  signsInAtAdmin,
} from '../../domain/staff';
import { newAdminToken } from '../auth/admin-token';
import type { Attempt } from '../auth/attempts';
import { type AdminCaller, requireAdmin } from '../auth/guard';
import { pinMatches, pinVerifier } from '../auth/pin';
import { hashCode } from '../auth/secrets';
import type { StaffRecord } from '../store/staff';
import { limited } from './attempt-limits';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/** POST /sign-in, POST /first-pin, GET /me, POST /sign-out (mounted under /admin). */
export function adminSessionRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.post(
    '/sign-in',
    limited(deps, 'pin', async (c, attempt) => {
      const request = valid(parseRequest(AdminSignInRequestSchema, await readJsonBody(c)));
      const person = await personNamed(deps, request.name);
      if (person === null || person.pin === null) throw wrongSignIn(attempt);
      const ok = await countedPin(deps, person, () =>
        pinMatches(request.pin, person.pin as NonNullable<StaffRecord['pin']>),
      );
      if (!ok) throw wrongSignIn(attempt);
      attempt.end('success');
      return c.json(await startSession(deps, person));
    }),
  );
  api.post(
    '/first-pin',
    limited(deps, 'pin', async (c, attempt) => {
      const request = valid(parseRequest(SetPinRequestSchema, await readJsonBody(c)));
      const issue = pinIssue(request.pin);
      if (issue !== null) {
        throw fail(400, 'weak_pin', issue.id, {
          issues: [{ path: jsonPath('pin'), message: issue.en }],
        });
      }
      const siteId = deps.siteId();
      const codeHash = hashCode(request.setupCode, deps.secretKey);
      const holder = await deps.store.staffBySetupCode(siteId, codeHash, deps.now());
      // Only a person who may sign in here spends their code here; a counter's own person
      // sets their PIN at their counter.
      if (holder === null || holder.locked || !signsInAtAdmin(holder.role)) {
        throw invalidCode(attempt);
      }
      const record = await deps.store.setPinByCode(
        siteId,
        codeHash,
        await pinVerifier(request.pin),
        deps.now(),
      );
      if (record === null) throw invalidCode(attempt);
      attempt.end('success');
      return c.json(await startSession(deps, record));
    }),
  );
  api.get('/me', requireAdmin(deps), (c) => c.json({ session: sessionOf(c.get('admin')) }));
  api.post('/sign-out', requireAdmin(deps, { supervisors: true }), async (c) => {
    const caller = c.get('admin');
    await deps.store.endStaffSession(caller.tokenId, caller.adminId, deps.now());
    return c.json({ signedOut: true });
  });
  return api;
}

/** The one person of an admin role with this name (case and spaces aside), or null. */
async function personNamed(deps: ApiDeps, name: string): Promise<StaffRecord | null> {
  const wanted = signInName(name);
  const named = (await deps.store.staffOfSite(deps.siteId())).filter(
    (p) => signsInAtAdmin(p.role) && signInName(p.name) === wanted,
  );
  if (named.length > 1) {
    throw fail(
      409,
      'ambiguous_name',
      'Dua akun admin memakai nama ini; minta admin membedakan namanya ' +
        '(two admin accounts share this name; ask an admin to tell them apart).',
    );
  }
  return named[0] ?? null;
}

/**
 * Checks a person's PIN under their lockout (the counters' `signIn` limits): a locked-out
 * or locked person gets a 429 or a wrong sign-in without their PIN being hashed.
 */
async function countedPin(
  deps: ApiDeps,
  person: StaffRecord,
  check: () => Promise<boolean>,
): Promise<boolean> {
  if (person.locked) return false;
  const attempt = deps.attempts.signIn.begin(`staff:${person.staffId}`);
  if (!('end' in attempt)) {
    const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
    throw fail(
      429,
      'too_many_attempts',
      `Terlalu banyak PIN salah; coba lagi dalam ${seconds} detik ` +
        `(too many wrong PINs; try again in ${seconds} s).`,
      { retryAfterSeconds: seconds },
    );
  }
  const ok = await check();
  attempt.end(ok ? 'success' : 'failure');
  return ok;
}

/** A new session of `person`, stored and audited. */
async function startSession(deps: ApiDeps, person: StaffRecord): Promise<AdminSignInResponse> {
  if (!signsInAtAdmin(person.role)) throw new Error('only an admin role gets a session');
  const { record, answer } = newAdminToken(person.staffId, deps.now(), ADMIN_SESSION_TTL_MS);
  await deps.store.startStaffSession(person, record);
  const session: AdminSession = {
    adminId: person.staffId,
    staffId: person.staffId,
    name: person.name,
    role: person.role,
    tokenId: answer.tokenId,
    expiresAt: answer.expiresAt,
  };
  return { session, token: answer.token };
}

function sessionOf(caller: AdminCaller): AdminSession {
  const { adminId, staffId, adminName, role, tokenId, expiresAt } = caller;
  return { adminId, staffId, name: adminName, role, tokenId, expiresAt };
}

function wrongSignIn(attempt: Attempt) {
  attempt.end('failure');
  return fail(401, 'wrong_sign_in', 'Nama atau PIN salah (wrong name or PIN).');
}

function invalidCode(attempt: Attempt) {
  attempt.end('failure');
  return fail(
    401,
    'invalid_code',
    'Kode aktivasi salah, sudah dipakai, atau kedaluwarsa; minta kode baru kepada admin ' +
      '(the set-up code is wrong, used or expired; ask an admin for a new one).',
  );
}
