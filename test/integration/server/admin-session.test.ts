// @vitest-environment node
/**
 * Staff sessions at /admin: a person of an admin role sets their first PIN with their
 * set-up code and signs in with name and PIN; wrong names and PINs get one answer and
 * count towards the person's lockout; a supervisor reads and does not write; locking a
 * person ends what their session can do; sign-out ends it; each session is audited.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, AuditPage } from '../../../src/domain/protocol';
import {
  type AdminSignInResponse,
  PIN_FREE_FAILURES,
  type StaffSetupResponse,
} from '../../../src/domain/staff';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import { call, type Harness, json, seedAdminWithIds, seedDevice, startHarness } from './support';

let h: Harness;
let admin: { adminId: string; token: string };

beforeEach(async () => {
  const loket = kioskProfile({ id: 'loket', surface: 'counter' });
  h = await startHarness({ config: kioskBundle({ profiles: [kioskProfile(), loket] }) });
  admin = await seedAdminWithIds(h.store);
  return () => h.store.close();
});

const PIN = '246813';

/** A person made by the API admin; their set-up code. */
async function person(name: string, role: string): Promise<StaffSetupResponse> {
  const response = await call(h, 'POST', '/admin/staff', {
    token: admin.token,
    body: { name, role, agencies: ['disdukcapil'] },
  });
  expect(response.status).toBe(201);
  return json<StaffSetupResponse>(response);
}
const firstPin = (setupCode: string, pin = PIN) =>
  call(h, 'POST', '/admin/first-pin', { body: { setupCode, pin } });
const signIn = (name: string, pin = PIN, client?: string) =>
  call(h, 'POST', '/admin/sign-in', {
    body: { name, pin },
    ...(client === undefined ? {} : { client }),
  });
/** A person of `role` with their PIN set here; their session's token. */
async function signedIn(name: string, role: 'admin' | 'supervisor'): Promise<string> {
  const { setupCode } = await person(name, role);
  return (await json<AdminSignInResponse>(await firstPin(setupCode))).token;
}

describe('admin sign-in', () => {
  it('sets the first PIN with the set-up code, then signs in with name and PIN', async () => {
    // Arrange
    const created = await person('Dewi Lestari', 'admin');

    // Act
    const first = await json<AdminSignInResponse>(await firstPin(created.setupCode));
    const again = await signIn('  dewi   LESTARI ');
    const session = await json<AdminSignInResponse>(again);
    const me = await call(h, 'GET', '/admin/me', { token: session.token });
    const devices = await call(h, 'GET', '/admin/devices', { token: session.token });

    // Assert
    expect(first.session).toMatchObject({
      staffId: created.staff.staffId,
      name: 'Dewi Lestari',
      role: 'admin',
    });
    expect(again.status).toBe(200);
    expect(session.token).not.toBe(first.token);
    expect((await json(me)).session).toMatchObject({ name: 'Dewi Lestari', role: 'admin' });
    expect(devices.status).toBe(200);
  });

  it('gives a wrong PIN and an unknown name one answer, and a petugas no session', async () => {
    // Arrange
    await signedIn('Dewi Lestari', 'admin');
    const petugas = await person('Budi Santoso', 'petugas');

    // Act
    const wrongPin = await signIn('Dewi Lestari', '999999');
    const unknown = await signIn('Tidak Ada');
    const petugasCode = await firstPin(petugas.setupCode);
    const petugasSignIn = await signIn('Budi Santoso');

    // Assert
    for (const response of [wrongPin, unknown, petugasSignIn]) {
      expect(response.status).toBe(401);
      expect((await json<ApiError>(response)).error).toBe('wrong_sign_in');
    }
    expect(petugasCode.status).toBe(401);
    // The petugas's code was not spent here: their counter still takes it.
    const staff = await json<{ staff: { staffId: string; pinSet: boolean }[] }>(
      await call(h, 'GET', '/admin/staff', { token: admin.token }),
    );
    expect(staff.staff.find((s) => s.staffId === petugas.staff.staffId)?.pinSet).toBe(false);
  });

  it('locks a person out after their free wrong PINs, from any address', async () => {
    await signedIn('Dewi Lestari', 'admin');

    const answers = [];
    for (let i = 0; i <= PIN_FREE_FAILURES; i++) {
      answers.push((await signIn('Dewi Lestari', '999999', `203.0.113.${i}`)).status);
    }
    const rightPin = await signIn('Dewi Lestari', PIN, '203.0.113.99');

    expect(answers.slice(0, PIN_FREE_FAILURES)).toEqual(Array(PIN_FREE_FAILURES).fill(401));
    expect(answers.at(-1)).toBe(429);
    expect(rightPin.status).toBe(429);
  });

  it('refuses a second admin or supervisor of the same name (they sign in by name)', async () => {
    await signedIn('Dewi Lestari', 'admin');

    const twin = await call(h, 'POST', '/admin/staff', {
      token: admin.token,
      body: { name: ' dewi  lestari', role: 'supervisor', agencies: ['disdukcapil'] },
    });
    const counterPerson = await call(h, 'POST', '/admin/staff', {
      token: admin.token,
      body: { name: 'Dewi Lestari', role: 'petugas', agencies: ['disdukcapil'] },
    });
    const signIn1 = await signIn('Dewi Lestari');

    expect(twin.status).toBe(409);
    expect((await json<ApiError>(twin)).error).toBe('name_taken');
    expect(counterPerson.status).toBe(201);
    expect(signIn1.status).toBe(200);
  });
});

describe('an admin session', () => {
  it('lets a supervisor read and not write', async () => {
    const token = await signedIn('Rina Wati', 'supervisor');

    const read = await call(h, 'GET', '/admin/staff', { token });
    const write = await call(h, 'POST', '/admin/enrollments', { token, body: {} });

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
    expect((await json<ApiError>(write)).error).toBe('read_only');
  });

  it('ends when the person is locked, and refuses their sign-in while locked', async () => {
    const token = await signedIn('Dewi Lestari', 'admin');
    const { staff } = await json<{ staff: { staffId: string }[] }>(
      await call(h, 'GET', '/admin/staff', { token }),
    );
    const staffId = staff[0]?.staffId ?? '';

    await call(h, 'POST', `/admin/staff/${staffId}/lock`, {
      token: admin.token,
      body: { locked: true },
    });
    const after = await call(h, 'GET', '/admin/devices', { token });
    const signInLocked = await signIn('Dewi Lestari');

    // Locking ends the person's sessions at once.
    expect(after.status).toBe(401);
    expect((await json<ApiError>(after)).error).toBe('token_revoked');
    expect(signInLocked.status).toBe(401);
  });

  it('ends when the person is given a new set-up code (their PIN may have leaked)', async () => {
    const token = await signedIn('Dewi Lestari', 'admin');
    const { staff } = await json<{ staff: { staffId: string }[] }>(
      await call(h, 'GET', '/admin/staff', { token }),
    );

    await call(h, 'POST', `/admin/staff/${staff[0]?.staffId}/setup-code`, { token: admin.token });
    const after = await call(h, 'GET', '/admin/me', { token });

    expect(after.status).toBe(401);
  });

  it('is no admin token once its person is gone from the staff', async () => {
    const token = await signedIn('Dewi Lestari', 'admin');
    const db = new Database(h.file);
    db.prepare('DELETE FROM staff').run();
    db.close();

    const after = await call(h, 'GET', '/admin/devices', { token });
    const apiAdmin = await call(h, 'GET', '/admin/devices', { token: admin.token });

    expect(after.status).toBe(401);
    expect(apiAdmin.status).toBe(200);
  });

  it('ends at sign-out, and every session is in the audit log', async () => {
    const token = await signedIn('Dewi Lestari', 'admin');

    const out = await call(h, 'POST', '/admin/sign-out', { token });
    const after = await call(h, 'GET', '/admin/me', { token });
    const audit = await json<AuditPage>(
      await call(h, 'GET', '/admin/audit?limit=50', { token: admin.token }),
    );

    expect(out.status).toBe(200);
    expect(after.status).toBe(401);
    expect((await json<ApiError>(after)).error).toBe('token_revoked');
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['session.start', 'session.end']),
    );
  });
});

describe("an admin's PIN", () => {
  it('never sits on a counter: not in its staff list, not chosen there', async () => {
    // Arrange: an admin with a PIN, a supervisor with a PIN, an admin with a fresh code.
    const counter = await seedDevice(h.store, { profileId: 'loket' });
    await signedIn('Dewi Lestari', 'admin');
    await signedIn('Rina Wati', 'supervisor');
    const fresh = await person('Agus Salim', 'admin');

    // Act
    const list = await json<{ staff: { name: string }[] }>(
      await call(h, 'GET', '/staff', { token: counter.token }),
    );
    const atCounter = await call(h, 'POST', '/staff/pin', {
      token: counter.token,
      body: { setupCode: fresh.setupCode, pin: PIN },
    });
    const atAdmin = await firstPin(fresh.setupCode);

    // Assert: the supervisor is there (they call tickets); no admin is.
    expect(list.staff.map((s) => s.name)).toEqual(['Rina Wati']);
    expect(atCounter.status).toBe(403);
    expect((await json<ApiError>(atCounter)).error).toBe('admin_pin_at_admin');
    expect(atAdmin.status).toBe(200);
  });
});
