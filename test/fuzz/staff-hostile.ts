/**
 * Hostile requests at the staff routes: names with control characters, blank or too long,
 * huge, empty, repeated, malformed or unknown agency lists, unknown roles and fields,
 * bodies that are no object or no JSON; set-up codes and locks of ids that are no UUID or
 * nobody's, with bad bodies; weak PINs with a valid code, wrong, used and malformed codes;
 * the wrong caller for each route. Each must get its 4xx — a wrong code 401, or 429 once
 * the attempt limits step in — and change nothing (the step checks compare the store's
 * staff rows with the model after it: a weak PIN leaves the code unspent).
 */
import { randomUUID } from 'node:crypto';
import { LIMIT_WINDOW_MS } from './admin';
import { hostileText } from './bend';
import type { Request } from './http';
import { fault } from './judge';
import { type Device, hostileDevices, type Model, pick } from './model';
import type { FuzzServer } from './server';
import { GOOD_PINS } from './staff';

type StaffRaw = {
  name: string;
  status: number;
  /** A wrong code: sent from another address, may be limited (429) and limits honest ones. */
  wrongCode?: boolean;
  make: (m: Model, v: number) => Omit<Request, 'kind'>;
  can?: (m: Model) => boolean;
};

const admin = (m: Model) => m.adminTokens[0] as string;
const create = (m: Model, body: unknown, extra: Partial<Request> = {}) => ({
  method: 'POST' as const,
  path: '/admin/staff',
  token: admin(m),
  body,
  ...extra,
});
const person = (name: unknown, agencies: unknown = ['disdukcapil'], role: unknown = 'petugas') => ({
  name,
  role,
  agencies,
});
const someone = (m: Model, v: number) => pick(m.staff, v)?.staffId ?? randomUUID();
const withCode = (m: Model) => m.staff.filter((p) => p.code !== null);
const withSpent = (m: Model) => m.staff.filter((p) => p.spent.length > 0);
/** A loket's token (honest or not), to reach the PIN route's checks. */
const lokets = (m: Model) => m.devices.filter((d) => d.surface === 'counter' && !d.revoked);
const others = (m: Model) => m.devices.filter((d) => d.surface !== 'counter' && !d.revoked);
const token = (devices: Device[], v: number) => (pick(devices, v) as Device).token;
const pin = (m: Model, v: number, body: unknown, from?: string) => ({
  method: 'POST' as const,
  path: '/staff/pin',
  token: token(lokets(m), v),
  body,
  ...(from ? { from } : {}),
});
const NOT_UUID = ['x', '..%2F..%2Fetc', 'a'.repeat(300), '3201234567890001', '%00', 'A-001'];
const WEAK = ['123456', '111111', '987654', '890123', '12345', '1234567890123', 'abcdefgh'];
const ODD = ['１２３４５６７８', '4071 938265', '', '40719382６5', '4071938265\n', '9'.repeat(49)];

/** Every hostile staff request, with the status it must get. */
export const STAFF_RAWS: readonly StaffRaw[] = [
  {
    name: 'name with a control character',
    status: 400,
    make: (m, v) =>
      create(
        m,
        person(['Siti\u0000Aminah', 'Budi\u0007', 'A\u009bB', 'Ra\u001bhma', 'x\u007fy'][v % 5]),
      ),
  },
  {
    name: 'name blank',
    status: 400,
    make: (m, v) => create(m, person(['', '   ', '\n\t'][v % 3])),
  },
  { name: 'name too long', status: 400, make: (m) => create(m, person('A'.repeat(81))) },
  {
    name: 'huge agency list',
    status: 400,
    make: (m, v) =>
      create(
        m,
        person(Array.from({ length: [51, 10_000][v % 2] as number }, (_, i) => `instansi-${i}`)),
      ),
  },
  { name: 'no agency', status: 400, make: (m) => create(m, person([])) },
  {
    name: 'unknown agency',
    status: 400,
    make: (m, v) =>
      create(m, person([['polri'], ['disdukcapil', 'kemenkumham'], ['3201234567890001']][v % 3])),
  },
  {
    name: 'agency twice or not a slug',
    status: 400,
    make: (m, v) =>
      create(m, person([['imigrasi', 'imigrasi'], ['Imigrasi'], ['../etc'], ['a b'], [1]][v % 5])),
  },
  {
    name: 'unknown role',
    status: 400,
    make: (m, v) => create(m, person('Siti', ['imigrasi'], ['admin', 'Petugas', null][v % 3])),
  },
  {
    name: 'unknown field',
    status: 400,
    make: (m, v) =>
      create(m, { ...person('Siti'), [['pin', 'staffId', 'nik'][v % 3] as string]: GOOD_PINS[0] }),
  },
  {
    name: 'body no object or no JSON',
    status: 400,
    make: (m, v) => create(m, ['[]', 'null', '"Siti"', '{"name":', ''][v % 5]),
  },
  {
    name: 'body as text/plain',
    status: 415,
    make: (m) =>
      create(m, JSON.stringify(person('Siti')), { headers: { 'Content-Type': 'text/plain' } }),
  },
  {
    name: 'create with a device token',
    status: 403,
    make: (m, v) => create(m, person('Siti'), { token: token(m.devices, v) }),
  },
  {
    name: 'create without a token',
    status: 401,
    make: (m) => ({ ...create(m, person('Siti')), token: undefined }),
  },
  {
    name: 'new code or lock of no UUID',
    status: 404,
    make: (m, v) => ({
      method: 'POST',
      path: `/admin/staff/${NOT_UUID[v % NOT_UUID.length]}/${v % 2 ? 'lock' : 'setup-code'}`,
      token: admin(m),
      body: v % 2 ? { locked: true } : {},
    }),
  },
  {
    name: 'new code or lock of nobody',
    status: 404,
    make: (m, v) => ({
      method: 'POST',
      path: `/admin/staff/${randomUUID()}/${v % 2 ? 'lock' : 'setup-code'}`,
      token: admin(m),
      body: v % 2 ? { locked: false } : {},
    }),
  },
  {
    name: 'new code with a body',
    status: 400,
    make: (m, v) => ({
      method: 'POST',
      path: `/admin/staff/${someone(m, v)}/setup-code`,
      token: admin(m),
      body: [{ staffId: someone(m, v) }, [], { pin: GOOD_PINS[0] }][v % 3],
    }),
    can: (m) => m.staff.length > 0,
  },
  {
    name: 'lock with a bad body',
    status: 400,
    make: (m, v) => ({
      method: 'POST',
      path: `/admin/staff/${someone(m, v)}/lock`,
      token: admin(m),
      body: [{ locked: 'yes' }, {}, { locked: 1 }, { locked: true, until: 0 }, 'null'][v % 5],
    }),
    can: (m) => m.staff.length > 0,
  },
  {
    name: 'new code from a loket',
    status: 403,
    make: (m, v) => ({
      method: 'POST',
      path: `/admin/staff/${someone(m, v)}/setup-code`,
      token: token(lokets(m), v),
      body: {},
    }),
    can: (m) => m.staff.length > 0 && lokets(m).length > 0,
  },
  {
    name: 'weak or malformed PIN with a valid code',
    status: 400,
    make: (m, v) => {
      const code = (pick(withCode(m), v)?.code ?? '') as string;
      return pin(m, v, { setupCode: code, pin: [...WEAK, ...ODD][v % (WEAK.length + ODD.length)] });
    },
    can: (m) => withCode(m).length > 0 && lokets(m).length > 0,
  },
  {
    name: 'wrong code',
    status: 401,
    wrongCode: true,
    make: (m, v) => {
      const code = ['ABCDE-FGHJK', 'abcde fghjk', '22222-22222', 'ZZZZZZZZZZ'][v % 4];
      return pin(m, v, { setupCode: code, pin: GOOD_PINS[v % 4] }, `127.0.0.${2 + (v % 8)}`);
    },
    can: (m) => lokets(m).length > 0,
  },
  {
    name: 'used or replaced code',
    status: 401,
    wrongCode: true,
    make: (m, v) => {
      const spent = pick(withSpent(m), v)?.spent ?? [];
      const code = pick(spent, v) as string;
      return pin(m, v, { setupCode: code, pin: GOOD_PINS[v % 4] }, `127.0.0.${2 + (v % 8)}`);
    },
    can: (m) => withSpent(m).length > 0 && lokets(m).length > 0,
  },
  {
    name: 'code not letters and digits',
    status: 400,
    make: (m, v) =>
      pin(m, v, {
        setupCode: ['zzz!', '', 'A'.repeat(65), 12345, hostileText(4)][v % 5],
        pin: GOOD_PINS[0],
      }),
    can: (m) => lokets(m).length > 0,
  },
  {
    name: 'PIN set from a kiosk or board',
    status: 403,
    make: (m, v) => ({
      method: 'POST',
      path: '/staff/pin',
      token: token(others(m), v),
      body: { setupCode: pick(withCode(m), v)?.code ?? 'ABCDE-FGHJK', pin: GOOD_PINS[0] },
    }),
    can: (m) => others(m).length > 0,
  },
  {
    name: 'staff routes of a device with an admin token',
    status: 403,
    make: (m, v) =>
      v % 2
        ? { method: 'GET', path: '/staff', token: admin(m) }
        : {
            method: 'POST',
            path: '/staff/pin',
            token: admin(m),
            body: { setupCode: 'ABCDE-FGHJK', pin: '4071938265' },
          },
  },
  {
    name: 'staff list of a revoked device',
    status: 403,
    make: (m, v) => ({
      method: 'GET',
      path: '/staff',
      token: (
        pick(
          hostileDevices(m, true).filter((d) => d.revoked),
          v,
        ) as Device
      ).token,
    }),
    can: (m) => hostileDevices(m, true).some((d) => d.revoked),
  },
];

/** Whether the model holds what the request needs. */
export const canStaffRaw = (m: Model, kind: number) =>
  STAFF_RAWS[kind % STAFF_RAWS.length]?.can?.(m) ?? true;

/** Sends one of STAFF_RAWS; checks its status (a 429 only under the attempt limits). */
export async function staffRaw(
  model: Model,
  server: FuzzServer,
  spec: { kind: number; value: number },
): Promise<void> {
  const raw = STAFF_RAWS[spec.kind % STAFF_RAWS.length] as StaffRaw;
  const request = raw.make(model, spec.value);
  if (raw.wrongCode) model.lastWrongPinAt = Date.now();
  const answer = await server.client.send({ kind: `staff.hostile.${raw.status}`, ...request });
  const limited =
    answer.status === 429 &&
    answer.retryAfter !== undefined &&
    request.path === '/staff/pin' &&
    Date.now() - model.lastWrongPinAt < LIMIT_WINDOW_MS;
  if (limited) model.stats.add('staff.pin.limited');
  else if (answer.status !== raw.status) {
    throw fault(
      `'${raw.name}' answered ${answer.status}, not ${raw.status}: ${answer.text.slice(0, 300)}`,
    );
  }
}
