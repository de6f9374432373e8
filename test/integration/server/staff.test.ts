// @vitest-environment node
/**
 * Staff and PINs through the app: an admin creates a person with a set-up code, the person
 * sets a PIN with it on a counter, and counters (by their profile's agencies) get the
 * verifier to check PINs offline; codes are single-use and expire; weak PINs, kiosks,
 * unknown ids and bad bodies are refused and change nothing; admin calls are audited.
 */
import { pbkdf2Sync } from 'node:crypto';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import type { ApiError, AuditPage } from '../../../src/domain/protocol';
import {
  type AdminStaffListResponse,
  type LockStaffResponse,
  PIN_FIRST_LOCKOUT_MS,
  PIN_KDF,
  type SetPinResponse,
  type SignInReportResponse,
  STAFF_SETUP_CODE_TTL_MS,
  type StaffListResponse,
  type StaffSetupResponse,
  type StaffVerifier,
} from '../../../src/domain/staff';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import {
  call,
  type Harness,
  json,
  NOW,
  seedAdminWithIds,
  seedDevice,
  startHarness,
  uuidv7Like,
} from './support';

type Device = { deviceId: string; token: string };

/** The test site with counters of one agency and of all, a mobile unit and a display. */
function staffConfig(): ConfigBundle {
  return kioskBundle({
    profiles: [
      kioskProfile(),
      kioskProfile({ id: 'loket-dukcapil', surface: 'counter', agencies: ['disdukcapil'] }),
      kioskProfile({ id: 'loket-umum', surface: 'counter' }),
      kioskProfile({ id: 'keliling', surface: 'mobile', agencies: ['imigrasi'] }),
      kioskProfile({ id: 'layar', surface: 'display' }),
    ],
  });
}

let h: Harness;
let admin: { adminId: string; token: string };
let counter: Device;
let kiosk: Device;

beforeEach(async () => {
  h = await startHarness({ config: staffConfig() });
  admin = await seedAdminWithIds(h.store);
  counter = await seedDevice(h.store, { profileId: 'loket-dukcapil' });
  kiosk = await seedDevice(h.store);
  return () => h.store.close();
});

const person = { name: 'Siti Rahayu', role: 'petugas', agencies: ['disdukcapil'] };

const create = async (body: unknown = person) => {
  const response = await call(h, 'POST', '/admin/staff', { token: admin.token, body });
  expect(response.status).toBe(201);
  return json<StaffSetupResponse>(response);
};
const setPin = (
  setupCode: string,
  pin: string,
  options: { device?: Device; client?: string } = {},
) =>
  call(h, 'POST', '/staff/pin', {
    token: (options.device ?? counter).token,
    body: { setupCode, pin },
    ...(options.client === undefined ? {} : { client: options.client }),
  });
const verifiers = async (device: Device = counter) => {
  const response = await call(h, 'GET', '/staff', { token: device.token });
  expect(response.status).toBe(200);
  return (await json<StaffListResponse>(response)).staff;
};
const adminList = async () =>
  (await json<AdminStaffListResponse>(await call(h, 'GET', '/admin/staff', { token: admin.token })))
    .staff;
const newCode = (staffId: string) =>
  call(h, 'POST', `/admin/staff/${staffId}/setup-code`, { token: admin.token });
const lock = (staffId: string, locked: boolean) =>
  call(h, 'POST', `/admin/staff/${staffId}/lock`, { token: admin.token, body: { locked } });
const audit = async () =>
  (await json<AuditPage>(await call(h, 'GET', '/admin/audit?limit=200', { token: admin.token })))
    .entries;

/** Every row of every table of the harness's database, as text. */
function dumpDatabase(): string {
  const db = new Database(h.file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return JSON.stringify(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/** Whether `pin` derives `verifier`'s key, checked the way the browser will (WebCrypto). */
async function webCryptoMatches(verifier: StaffVerifier, pin: string): Promise<boolean> {
  if (verifier.pin === null) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: Buffer.from(verifier.pin.salt, 'base64url'),
      iterations: verifier.pin.iterations,
    },
    key,
    256,
  );
  return Buffer.from(bits).toString('base64url') === verifier.pin.hash;
}

describe('a person from creation to a PIN a counter can check offline', () => {
  it('creates a person with a code, sets the PIN with it, and hands the verifier to a counter', async () => {
    const created = await create();

    const answer = await setPin(created.setupCode, '135790');
    const set = await json<SetPinResponse>(answer);
    const listed = await verifiers();

    expect(created).toEqual({
      staff: {
        staffId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Siti Rahayu',
        role: 'petugas',
        agencies: ['disdukcapil'],
        pinSet: false,
        locked: false,
        createdAt: NOW,
      },
      setupCode: expect.stringMatching(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/),
      setupExpiresAt: NOW + STAFF_SETUP_CODE_TTL_MS,
    });
    expect(answer.status).toBe(200);
    expect(set.staff).toMatchObject({
      staffId: created.staff.staffId,
      locked: false,
      version: 2,
      pin: { iterations: PIN_KDF.iterations },
    });
    expect(listed).toEqual([set.staff]);
    expect((await adminList())[0]).toMatchObject({ staffId: created.staff.staffId, pinSet: true });
  });

  it('stores a PBKDF2-SHA256 verifier that node and WebCrypto derive from the PIN alone', async () => {
    const created = await create();
    await setPin(created.setupCode, '246813');

    const [verifier] = await verifiers();
    const pin = verifier?.pin;
    if (!verifier || !pin) throw new Error('no verifier');
    const salt = Buffer.from(pin.salt, 'base64url');
    const key = pbkdf2Sync(Buffer.from('246813', 'utf8'), salt, pin.iterations, 32, 'sha256');

    expect(salt).toHaveLength(PIN_KDF.saltBytes);
    expect(Buffer.from(pin.hash, 'base64url')).toHaveLength(PIN_KDF.keyBytes);
    expect(pin.iterations).toBe(600_000);
    expect(key.toString('base64url')).toBe(pin.hash);
    expect(await webCryptoMatches(verifier, '246813')).toBe(true);
    expect(await webCryptoMatches(verifier, '246814')).toBe(false);
  });

  it('takes a set-up code once only', async () => {
    const created = await create();
    await setPin(created.setupCode, '135790');
    const before = await verifiers();

    const again = await setPin(created.setupCode, '975318');

    expect(again.status).toBe(401);
    expect(await json<ApiError>(again)).toMatchObject({ error: 'invalid_code' });
    expect(await verifiers()).toEqual(before);
  });

  it('refuses an expired code and keeps the person without a PIN', async () => {
    const created = await create();
    h.clock.now = created.setupExpiresAt;

    const late = await setPin(created.setupCode, '135790');

    expect(late.status).toBe(401);
    expect((await json<ApiError>(late)).message).toContain('kedaluwarsa');
    expect((await verifiers())[0]).toMatchObject({ pin: null, version: 1 });
  });

  it('takes a code as typed: lower case, without its dash', async () => {
    const created = await create();

    const typed = await setPin(created.setupCode.replace('-', ' ').toLowerCase(), '135790');

    expect(typed.status).toBe(200);
  });
});

describe('weak PINs', () => {
  it.each([
    ['one digit repeated', '111111'],
    ['a run', '123456'],
    ['a run down', '987654'],
    ['5 digits', '13579'],
    ['13 digits', '1357913579135'],
    ['letters', '13a579'],
    ['empty', ''],
  ])(
    'refuses %s with 400 weak_pin in Indonesian, English in issues, changing nothing',
    async (_, pin) => {
      const created = await create();
      const before = dumpDatabase();

      const refused = await setPin(created.setupCode, pin);
      const body = await json<ApiError>(refused);

      expect(refused.status).toBe(400);
      expect(body.error).toBe('weak_pin');
      expect(body.message).toMatch(/^PIN /);
      expect(body.issues).toEqual([{ path: '$.pin', message: expect.stringMatching(/PIN/) }]);
      expect(dumpDatabase()).toBe(before);
    },
  );

  it('counts no weak PIN as a wrong code: the code still works after many', async () => {
    const created = await create();
    for (let i = 0; i < 8; i++)
      expect((await setPin(created.setupCode, '000000')).status).toBe(400);

    expect((await setPin(created.setupCode, '135790')).status).toBe(200);
  });
});

describe('which devices get which staff', () => {
  it('refuses kiosks and displays: 403 not_a_counter, on the list and on setting a PIN', async () => {
    const created = await create();
    const display = await seedDevice(h.store, { profileId: 'layar' });

    const answers = [
      await call(h, 'GET', '/staff', { token: kiosk.token }),
      await call(h, 'GET', '/staff', { token: display.token }),
      await setPin(created.setupCode, '135790', { device: kiosk }),
    ];

    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(await json<ApiError>(answer)).toMatchObject({ error: 'not_a_counter' });
    }
    expect((await setPin(created.setupCode, '135790')).status).toBe(200);
  });

  it("gives each counter the staff sharing one of its profile's agencies, all when it names none", async () => {
    const dukcapil = await create({ ...person, name: 'A' });
    const bpjs = await create({ ...person, name: 'B', agencies: ['bpjs-kesehatan'] });
    const both = await create({
      name: 'C',
      role: 'supervisor',
      agencies: ['imigrasi', 'disdukcapil'],
    });
    const general = await seedDevice(h.store, { profileId: 'loket-umum' });
    const mobile = await seedDevice(h.store, { profileId: 'keliling' });
    const ids = async (device: Device) => (await verifiers(device)).map((s) => s.staffId).sort();
    const sorted = (...made: StaffSetupResponse[]) => made.map((m) => m.staff.staffId).sort();

    expect(await ids(counter)).toEqual(sorted(dukcapil, both));
    expect(await ids(general)).toEqual(sorted(dukcapil, bpjs, both));
    expect(await ids(mobile)).toEqual(sorted(both));
  });
});

describe('admin changes', () => {
  it('locks and unlocks: counters see the lock, the version grows only on a change', async () => {
    const created = await create();
    const id = created.staff.staffId;

    const locked = await lock(id, true);
    const afterLock = (await verifiers())[0];
    await lock(id, true);
    const afterSecondLock = (await verifiers())[0];
    await lock(id, false);
    const afterUnlock = (await verifiers())[0];

    expect(locked.status).toBe(200);
    expect((await json<LockStaffResponse>(locked)).staff).toMatchObject({
      staffId: id,
      locked: true,
    });
    expect(afterLock).toMatchObject({ locked: true, version: 2 });
    expect(afterSecondLock).toMatchObject({ locked: true, version: 2 });
    expect(afterUnlock).toMatchObject({ locked: false, version: 3 });
  });

  it('a new set-up code clears the PIN: the old code and PIN are gone, the new code works', async () => {
    const created = await create();
    await setPin(created.setupCode, '135790');

    const reset = await newCode(created.staff.staffId);
    const renewed = await json<StaffSetupResponse>(reset);
    const afterReset = (await verifiers())[0];
    const oldCode = await setPin(created.setupCode, '246813');
    const newPin = await setPin(renewed.setupCode, '246813');

    expect(reset.status).toBe(200);
    expect(renewed.setupCode).not.toBe(created.setupCode);
    expect(renewed.staff).toMatchObject({ pinSet: false });
    expect(afterReset).toMatchObject({ pin: null, version: 3 });
    expect(oldCode.status).toBe(401);
    expect(newPin.status).toBe(200);
    expect((await json<SetPinResponse>(newPin)).staff.version).toBe(4);
  });

  it('answers 404 unknown_staff for an id no person has, UUID or not', async () => {
    const answers = [
      await newCode(uuidv7Like()),
      await lock(uuidv7Like(), true),
      await newCode('not-an-id'),
      await lock('not-an-id', false),
    ];

    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(await json<ApiError>(answer)).toMatchObject({ error: 'unknown_staff' });
    }
  });

  it('audits every admin call with ids only: never a name, code or PIN', async () => {
    const created = await create();
    const id = created.staff.staffId;
    const unknown = uuidv7Like();
    await newCode(id);
    await lock(id, true);
    await lock(id, false);
    await adminList();
    await lock(unknown, true);
    await newCode('nope');

    const entries = await audit();
    const ours = entries
      .filter((e) => e.action.startsWith('staff.'))
      .map((e) => [e.action, e.targetId, e.outcome, e.adminId])
      .reverse();

    expect(ours).toEqual([
      ['staff.create', id, 'ok', admin.adminId],
      ['staff.setup-code', id, 'ok', admin.adminId],
      ['staff.lock', id, 'ok', admin.adminId],
      ['staff.unlock', id, 'ok', admin.adminId],
      ['staff.read', null, 'ok', admin.adminId],
      ['staff.lock', unknown, 'unknown_staff', admin.adminId],
      ['staff.setup-code', null, 'unknown_staff', admin.adminId],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Siti|Rahayu/);
    expect(JSON.stringify(entries)).not.toContain(created.setupCode);
  });
});

describe('refusals that change nothing', () => {
  it.each([
    ['an empty name', { ...person, name: '  ' }],
    ['a name of 81 characters', { ...person, name: 'a'.repeat(81) }],
    ['a name with a newline', { ...person, name: 'Siti\nRahayu' }],
    ['an unknown role', { ...person, role: 'kepala' }],
    ['no agency', { ...person, agencies: [] }],
    ['51 agencies', { ...person, agencies: Array.from({ length: 51 }, (_, i) => `a${i}`) }],
    ['an agency twice', { ...person, agencies: ['disdukcapil', 'disdukcapil'] }],
    ['an agency not in the config', { ...person, agencies: ['disdukcapil', 'pajak'] }],
    ['an extra field', { ...person, pin: '135790' }],
    ['no role', { name: 'Siti', agencies: ['disdukcapil'] }],
    ['an array', [person]],
  ])('refuses creating a person with %s: 400 with issues', async (_, body) => {
    await adminList();
    const before = dumpDatabase();

    const refused = await call(h, 'POST', '/admin/staff', { token: admin.token, body });
    const answer = await json<ApiError>(refused);

    expect(refused.status).toBe(400);
    expect(answer.issues?.length).toBeGreaterThan(0);
    expect(dumpDatabase()).toBe(before);
  });

  it('names the unknown agency in its issue', async () => {
    const refused = await call(h, 'POST', '/admin/staff', {
      token: admin.token,
      body: { ...person, agencies: ['disdukcapil', 'pajak'] },
    });

    expect(await json<ApiError>(refused)).toMatchObject({
      error: 'unknown_agency',
      issues: [{ path: '$.agencies[1]', message: "unknown agency 'pajak'" }],
    });
  });

  it('refuses bad lock, set-up code and PIN bodies with 400', async () => {
    const created = await create();
    const id = created.staff.staffId;
    const before = dumpDatabase();

    const answers = [
      await call(h, 'POST', `/admin/staff/${id}/lock`, { token: admin.token, body: {} }),
      await call(h, 'POST', `/admin/staff/${id}/lock`, {
        token: admin.token,
        body: { locked: 'true' },
      }),
      await call(h, 'POST', `/admin/staff/${id}/setup-code`, {
        token: admin.token,
        body: { ttl: 5 },
      }),
      await call(h, 'POST', '/staff/pin', { token: counter.token, body: { pin: '135790' } }),
      await call(h, 'POST', '/staff/pin', {
        token: counter.token,
        body: { setupCode: created.setupCode, pin: 135790 },
      }),
      await call(h, 'POST', '/staff/pin', {
        token: counter.token,
        body: { setupCode: 'ÄÖ!', pin: '135790' },
      }),
    ];

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(dumpDatabase()).toBe(before);
  });
});

describe('wrong PINs counted across the site', () => {
  const report = (staffId: string, ok: boolean, device: Device = counter) =>
    call(h, 'POST', '/staff/sign-in', { token: device.token, body: { staffId, ok } });
  const standing = async (staffId: string, ok: boolean, device: Device = counter) => {
    const answer = await report(staffId, ok, device);
    expect(answer.status).toBe(200);
    return json<SignInReportResponse>(answer);
  };

  it('locks a person after 5 wrong PINs on two counters together, a right PIN too while locked', async () => {
    const id = (await create()).staff.staffId;
    const other = await seedDevice(h.store, { profileId: 'loket-umum' });

    const first = [];
    for (let i = 0; i < 3; i++) first.push(await standing(id, false));
    const fourth = await standing(id, false, other);
    const fifth = await standing(id, false, other);
    const rightWhileLocked = await standing(id, true);

    expect(first.map((a) => a.triesLeft)).toEqual([4, 3, 2]);
    expect(fourth).toEqual({ lockedForMs: 0, triesLeft: 1 });
    expect(fifth).toEqual({ lockedForMs: PIN_FIRST_LOCKOUT_MS, triesLeft: 0 });
    expect(rightWhileLocked).toEqual({ lockedForMs: PIN_FIRST_LOCKOUT_MS, triesLeft: 0 });
  });

  it('locks again twice as long after each further wrong PIN; a right one clears the count', async () => {
    const id = (await create()).staff.staffId;
    for (let i = 0; i < 5; i++) await standing(id, false);
    h.clock.now += PIN_FIRST_LOCKOUT_MS;

    const again = await standing(id, false);
    h.clock.now += 2 * PIN_FIRST_LOCKOUT_MS;
    const right = await standing(id, true);
    const afterRight = await standing(id, false);

    expect(again.lockedForMs).toBe(2 * PIN_FIRST_LOCKOUT_MS);
    expect(right).toEqual({ lockedForMs: 0, triesLeft: 5 });
    expect(afterRight).toEqual({ lockedForMs: 0, triesLeft: 4 });
  });

  it('lifts the lock when an admin unlocks the person or gives a new set-up code', async () => {
    const a = (await create()).staff.staffId;
    const b = (await create({ ...person, name: 'B' })).staff.staffId;
    for (let i = 0; i < 5; i++) {
      await standing(a, false);
      await standing(b, false);
    }

    await lock(a, true);
    await lock(a, false);
    await newCode(b);

    expect(await standing(a, false)).toEqual({ lockedForMs: 0, triesLeft: 4 });
    expect(await standing(b, false)).toEqual({ lockedForMs: 0, triesLeft: 4 });
  });

  it('refuses kiosks, people not allowed on the counter and bad bodies, counting nothing', async () => {
    const id = (await create()).staff.staffId;
    const bpjs = (await create({ ...person, name: 'B', agencies: ['bpjs-kesehatan'] })).staff
      .staffId;
    const refusals = [
      [await report(id, false, kiosk), 403, 'not_a_counter'],
      [await report(bpjs, false), 404, 'unknown_staff'],
      [await report(uuidv7Like(), false), 404, 'unknown_staff'],
      [
        await call(h, 'POST', '/staff/sign-in', {
          token: counter.token,
          body: { staffId: 'NIK 3201', ok: false },
        }),
        400,
        'invalid_request',
      ],
      [
        await call(h, 'POST', '/staff/sign-in', {
          token: counter.token,
          body: { staffId: id, ok: 'no' },
        }),
        400,
        'invalid_request',
      ],
      [
        await call(h, 'POST', '/staff/sign-in', {
          token: counter.token,
          body: { staffId: id, ok: false, pin: '1' },
        }),
        400,
        'invalid_request',
      ],
    ] as const;

    for (const [answer, status, error] of refusals) {
      expect(answer.status).toBe(status);
      expect(await json<ApiError>(answer)).toMatchObject({ error });
    }
    expect(await standing(id, false)).toEqual({ lockedForMs: 0, triesLeft: 4 });
  });
});

describe('guessing set-up codes', () => {
  it('answers 429 with Retry-After after 5 wrong codes from an address, the right one too', async () => {
    const created = await create();
    const client = '203.0.113.9';
    const wrong = [];
    for (let i = 0; i < 5; i++)
      wrong.push((await setPin('AAAAA-BBBBB', '135790', { client })).status);

    const refused = await setPin(created.setupCode, '135790', { client });
    const body = await json<ApiError>(refused);
    const elsewhere = await setPin(created.setupCode, '135790', { client: '203.0.113.10' });

    expect(wrong).toEqual([401, 401, 401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(body).toMatchObject({ error: 'too_many_attempts', retryAfterSeconds: 60 });
    expect(elsewhere.status).toBe(200);
  });

  it('never writes a PIN or a code to the log', async () => {
    const created = await create();
    await setPin('AAAAA-BBBBB', '135790');
    await setPin(created.setupCode, '135790');

    const logged = JSON.stringify(h.log.entries);

    expect(logged).not.toContain('135790');
    expect(logged).not.toContain(created.setupCode);
    expect(logged).not.toContain('AAAAA');
  });
});
