/**
 * Staff and their PINs (src/domain/staff.ts). Admins create a person with a one-time set-up
 * code, list the site's staff, give a new code (which clears the PIN) and lock or unlock;
 * counter and mobile devices fetch the verifiers of the staff allowed on them, set a
 * person's PIN with that person's code, and report each PIN they check, so wrong PINs count
 * across the site (`signIn` attempt limits, keyed by person).
 * Must: a code is shown once and stored as an HMAC; a PIN passes `pinIssue` before it is
 * hashed and is never logged; wrong codes count under the `pin` attempt limits; admin
 * calls are audited (writes by the store, reads and refusals here).
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import {
  CreateStaffRequestSchema,
  LockStaffRequestSchema,
  SetPinRequestSchema,
  SetupCodeRequestSchema,
  SignInReportRequestSchema,
} from '../../domain/admin-schema';
import { jsonPath } from '../../domain/config/issues';
import type { Profile } from '../../domain/config/schema';
import { isUuid } from '../../domain/ids';
import type { AuditAction } from '../../domain/protocol';
import { parseRequest } from '../../domain/request-fields';
import {
  type AdminStaffListResponse,
  allowedOnProfile,
  holdsStaff,
  type LockStaffResponse,
  PIN_FREE_FAILURES,
  pinIssue,
  type SetPinResponse,
  type SignInReportResponse,
  STAFF_SETUP_CODE_TTL_MS,
  type StaffListResponse,
  type StaffSetupResponse,
  type StaffSummary,
  type StaffVerifier,
  signInName,
  signsInAtAdmin,
} from '../../domain/staff';
import type { Attempt } from '../auth/attempts';
import { requireAdmin, requireDevice } from '../auth/guard';
import { pinVerifier } from '../auth/pin';
import { ENROLLMENT_CODE_LENGTH, hashCode, newCode } from '../auth/secrets';
import type { DeviceRecord } from '../store/records';
import type { StaffRecord } from '../store/staff';
import { limited } from './attempt-limits';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';
import { valid } from './validate';

/**
 * POST|GET /admin/staff, POST /admin/staff/:id/setup-code|lock, GET /staff, POST /staff/pin,
 * POST /staff/sign-in.
 */
export function staffRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  const device = requireDevice(deps);
  api.post('/admin/staff', admin, async (c) => {
    const request = valid(parseRequest(CreateStaffRequestSchema, await readJsonBody(c)));
    checkAgencies(deps, request.agencies);
    // People who sign in at /admin sign in by name: no two of them may share one.
    if (signsInAtAdmin(request.role)) {
      const wanted = signInName(request.name);
      const taken = (await deps.store.staffOfSite(deps.siteId())).some(
        (p) => signsInAtAdmin(p.role) && signInName(p.name) === wanted,
      );
      if (taken) {
        throw fail(
          409,
          'name_taken',
          'Nama ini sudah dipakai admin atau supervisor lain; bedakan namanya ' +
            '(an admin or supervisor already has this name; tell them apart).',
          { issues: [{ path: jsonPath('name'), message: 'already taken' }] },
        );
      }
    }
    const at = deps.now();
    const { code, setupCode } = newSetupCode(deps, at);
    const staffId = randomUUID();
    const staff = { ...request, staffId, siteId: deps.siteId(), setupCode, createdAt: at };
    const record = await deps.store.createStaff(staff, c.get('admin').adminId);
    return c.json(setupAnswer(record, code), 201);
  });
  api.get('/admin/staff', admin, async (c) => {
    const staff = await deps.store.staffOfSite(deps.siteId());
    await auditRead(deps, c.get('admin').adminId, 'staff.read');
    return c.json({ staff: staff.map(summaryOf) } satisfies AdminStaffListResponse);
  });
  api.post('/admin/staff/:id/setup-code', admin, async (c) => {
    valid(parseRequest(SetupCodeRequestSchema, await readJsonBody(c, { emptyAs: {} })));
    const by = c.get('admin').adminId;
    const id = await knownId(deps, c.req.param('id'), by, 'staff.setup-code');
    const at = deps.now();
    const { code, setupCode } = newSetupCode(deps, at);
    const record = await deps.store.replaceSetupCode(deps.siteId(), id, setupCode, at, by);
    if (record === null) throw unknownStaff();
    deps.attempts.signIn.forget(signInKey(id));
    return c.json(setupAnswer(record, code));
  });
  api.post('/admin/staff/:id/lock', admin, async (c) => {
    const { locked } = valid(parseRequest(LockStaffRequestSchema, await readJsonBody(c)));
    const action = locked ? 'staff.lock' : 'staff.unlock';
    const by = c.get('admin').adminId;
    const id = await knownId(deps, c.req.param('id'), by, action);
    const record = await deps.store.setStaffLocked(deps.siteId(), id, locked, deps.now(), by);
    if (record === null) throw unknownStaff();
    if (!locked) deps.attempts.signIn.forget(signInKey(id));
    return c.json({ staff: summaryOf(record) } satisfies LockStaffResponse);
  });
  api.get('/staff', device, async (c) => {
    const profile = staffProfile(deps, c.get('device'));
    const staff = (await deps.store.staffOfSite(deps.siteId()))
      .filter((person) => onDevices(person) && allowedOnProfile(profile.agencies, person.agencies))
      .map(verifierOf);
    return c.json({ staff, serverTime: deps.now() } satisfies StaffListResponse);
  });
  api.post('/staff/pin', device, (c) => {
    staffProfile(deps, c.get('device'));
    return limited(deps, 'pin', setPin(deps))(c);
  });
  api.post('/staff/sign-in', device, async (c) => {
    const profile = staffProfile(deps, c.get('device'));
    const { staffId, ok } = valid(parseRequest(SignInReportRequestSchema, await readJsonBody(c)));
    const person = (await deps.store.staffOfSite(deps.siteId())).find((p) => p.staffId === staffId);
    if (
      person === undefined ||
      !onDevices(person) ||
      !allowedOnProfile(profile.agencies, person.agencies)
    ) {
      throw unknownStaff();
    }
    return c.json(reportSignIn(deps, staffId, ok));
  });
  return api;
}

/**
 * Whether a person's verifier may sit on counter and mobile devices: not an admin's. A
 * device's verifiers can be tested offline by whoever takes the device (README, Staff and
 * PINs), and an admin's PIN opens the admin screens.
 */
function onDevices(person: StaffRecord): boolean {
  return person.role !== 'admin';
}

/** The site's lockout key of a person. */
function signInKey(staffId: string): string {
  return `staff:${staffId}`;
}

/**
 * Counts one PIN a counter checked. While the person is locked out the report changes
 * nothing (a right PIN does not lift the lock); a site over its failure budget gets a 429,
 * and the counter keeps its own count.
 */
function reportSignIn(deps: ApiDeps, staffId: string, ok: boolean): SignInReportResponse {
  const limiter = deps.attempts.signIn;
  const key = signInKey(staffId);
  const attempt = limiter.begin(key);
  if ('end' in attempt) attempt.end(ok ? 'success' : 'failure');
  else if (attempt.scope === 'site') {
    const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
    throw fail(
      429,
      'too_many_attempts',
      `Terlalu banyak PIN salah di situs ini; coba lagi dalam ${seconds} detik ` +
        `(too many wrong PINs at this site; try again in ${seconds} s).`,
      { retryAfterSeconds: seconds },
    );
  }
  const { lockedForMs, failures } = limiter.standing(key);
  return { lockedForMs, triesLeft: lockedForMs > 0 ? 0 : PIN_FREE_FAILURES - failures };
}

/** A person's PIN, set with their set-up code: spends the code, answers their verifier. */
function setPin(deps: ApiDeps) {
  return async (c: Context, attempt: Attempt): Promise<Response> => {
    const request = valid(parseRequest(SetPinRequestSchema, await readJsonBody(c)));
    const issue = pinIssue(request.pin);
    if (issue !== null) {
      throw fail(400, 'weak_pin', issue.id, {
        issues: [{ path: jsonPath('pin'), message: issue.en }],
      });
    }
    const siteId = deps.siteId();
    const codeHash = hashCode(request.setupCode, deps.secretKey);
    // A wrong code is refused before the PIN is hashed: guesses cost no PBKDF2.
    const holder = await deps.store.staffBySetupCode(siteId, codeHash, deps.now());
    if (holder === null) throw invalidCode(attempt);
    if (!onDevices(holder)) {
      throw fail(
        403,
        'admin_pin_at_admin',
        'Admin membuat PIN di halaman /admin, bukan di loket ' +
          '(an admin chooses their PIN at /admin, not at a counter).',
      );
    }
    const pin = await pinVerifier(request.pin);
    const record = await deps.store.setPinByCode(siteId, codeHash, pin, deps.now());
    // Spent by another request, or expired, while the PIN was being hashed.
    if (record === null) throw invalidCode(attempt);
    attempt.end('success');
    return c.json({ staff: verifierOf(record) } satisfies SetPinResponse);
  };
}

/** The calling device's profile, when its surface holds staff; else a 403. */
function staffProfile(deps: ApiDeps, device: DeviceRecord): Profile {
  const profile = deps.config().profiles.find((p) => p.id === device.profileId);
  if (profile === undefined || !holdsStaff(profile.surface)) {
    throw fail(
      403,
      'not_a_counter',
      'Hanya perangkat loket dan layanan keliling yang memuat data petugas ' +
        '(only counter and mobile devices hold staff).',
    );
  }
  return profile;
}

/** A 400 unless every agency is in the active config. */
function checkAgencies(deps: ApiDeps, agencies: readonly string[]): void {
  const known = new Set(deps.config().agencies.map((a) => a.id));
  const issues = agencies.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: jsonPath('agencies', i), message: `unknown agency '${id}'` }],
  );
  if (issues.length > 0) {
    throw fail(400, 'unknown_agency', 'No such agency in the active config; see issues.', {
      issues,
    });
  }
}

/** The id, when it can name a person; else the refusal is audited and answered 404. */
async function knownId(
  deps: ApiDeps,
  id: string,
  adminId: string,
  action: AuditAction,
): Promise<string> {
  if (isUuid(id)) return id;
  const entry = { at: deps.now(), adminId, action, targetId: null, outcome: 'unknown_staff' };
  await deps.store.recordAudit(entry);
  throw unknownStaff();
}

/** A fresh set-up code (shown once) and what is stored of it. */
function newSetupCode(deps: ApiDeps, at: number) {
  const code = newCode(ENROLLMENT_CODE_LENGTH);
  const expiresAt = at + STAFF_SETUP_CODE_TTL_MS;
  return { code, setupCode: { codeHash: hashCode(code, deps.secretKey), expiresAt } };
}

function setupAnswer(record: StaffRecord, code: string): StaffSetupResponse {
  const expiresAt = record.setupExpiresAt;
  if (expiresAt === null) throw new Error('A set-up code just stored was not read back');
  return { staff: summaryOf(record), setupCode: code, setupExpiresAt: expiresAt };
}

/** A person as an admin sees them: never their PIN's verifier. */
function summaryOf(record: StaffRecord): StaffSummary {
  const { staffId, name, role, agencies, locked, createdAt } = record;
  return { staffId, name, role, agencies, pinSet: record.pin !== null, locked, createdAt };
}

/** A person as a counter holds them, to check a PIN offline. */
function verifierOf(record: StaffRecord): StaffVerifier {
  const { staffId, name, role, agencies, pin, locked, version } = record;
  return { staffId, name, role, agencies, pin, locked, version };
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

function unknownStaff() {
  return fail(404, 'unknown_staff', 'No such staff member at this site.');
}
