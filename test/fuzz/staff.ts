/**
 * Staff as the admin and the lokets handle them: an admin creates a person (a name, a role,
 * agencies of the site) and gets a one-time set-up code; the person sets a PIN with it on
 * a loket (the code as printed, or typed in lower case with spaces); an admin gives a new
 * code (which clears the PIN) and locks or unlocks; admins and devices read the lists.
 * Must (checked here): each answer is the one the model says, each change bumps the
 * person's version by one; a kiosk or board gets no staff; an honest PIN set is refused
 * (429) only shortly after wrong codes were sent.
 */
import type { SetPinResponse, StaffSetupResponse } from '../../src/domain/staff';
import { LIMIT_WINDOW_MS } from './admin';
import type { Answer } from './http';
import { fault } from './judge';
import { honestCounters, type Model, pick } from './model';
import type { FuzzServer } from './server';
import { checkAdminList, checkDeviceList, type Person, staffStored } from './staff-model';

/** Names an admin types: trimmed by the server, any script, up to 80 characters. */
const NAMES = [
  'Siti Rahmawati',
  'Budi Santoso',
  'Ni Luh Putu Sari',
  'Andi Muh. Fadli',
  "Yohanes O'Neil Manurung",
  '  Dewi Lestari  ',
  'Rina Marlina\n',
  'Bùi Thị Ngọc',
  'نور الهدى',
  'Petugas '.repeat(10),
];
/** PINs no rule refuses (10–12 digits, so a log holding one would be seen). */
export const GOOD_PINS = ['4071938265', '720394816253', '5830172946', '91827364501'];
/** A one-time code as the server makes it. */
const CODE = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/;

const admin = (m: Model) => m.adminTokens[0] as string;

/** Records a set-up answer: the person's new pending code (the old one stops working). */
function setUp(person: Person, answer: Answer): void {
  const body = answer.json as StaffSetupResponse;
  if (!CODE.test(body.setupCode) || body.staff.staffId !== person.staffId || body.staff.pinSet) {
    throw fault(`set-up answer for ${person.staffId}: ${answer.text}`);
  }
  if (person.code !== null) person.spent.push(person.code);
  person.code = body.setupCode;
}

/** An admin creates a person of some of the site's agencies. */
export async function createStaff(
  model: Model,
  server: FuzzServer,
  spec: { name: number; supervisor: boolean; agencies: number },
): Promise<void> {
  const ids = model.site.config.agencies.map((a) => a.id);
  const mask = 1 + (spec.agencies % (2 ** ids.length - 1));
  const agencies = ids.filter((_, i) => (mask >> i) & 1);
  const name = NAMES[spec.name % NAMES.length] as string;
  const role = spec.supervisor ? 'supervisor' : 'petugas';
  const answer = await server.client.send({
    kind: 'staff.create',
    method: 'POST',
    path: '/admin/staff',
    token: admin(model),
    body: { name, role, agencies },
  });
  const staff = (answer.json as Partial<StaffSetupResponse>).staff;
  const want = { name: name.trim(), role, agencies, pinSet: false, locked: false } as const;
  const got = staff && {
    name: staff.name,
    role: staff.role,
    agencies: staff.agencies,
    pinSet: staff.pinSet,
    locked: staff.locked,
  };
  if (
    answer.status !== 201 ||
    staff === undefined ||
    JSON.stringify(got) !== JSON.stringify(want)
  ) {
    throw fault(`create staff answered ${answer.status}: ${answer.text}`);
  }
  const person: Person = {
    ...want,
    agencies,
    staffId: staff.staffId,
    createdAt: staff.createdAt,
    code: null,
    spent: [],
    version: 1,
  };
  setUp(person, answer);
  model.staff.push(person);
}

/** A person sets their PIN with their code on an honest loket; the code is then spent. */
export async function setPin(
  model: Model,
  server: FuzzServer,
  spec: { device: number; person: number; pin: number },
): Promise<boolean> {
  const counter = pick(honestCounters(model), spec.device);
  const person = pick(
    model.staff.filter((p) => p.code !== null),
    spec.person,
  );
  if (counter === undefined || person?.code == null) return false;
  const typed = spec.pin % 2 === 0 ? person.code : person.code.toLowerCase().replace('-', ' ');
  const pin = GOOD_PINS[spec.pin % GOOD_PINS.length] as string;
  const answer = await server.client.send({
    kind: 'staff.pin',
    method: 'POST',
    path: '/staff/pin',
    token: counter.token,
    body: { setupCode: typed, pin },
  });
  if (answer.status === 429 && Date.now() - model.lastWrongPinAt < LIMIT_WINDOW_MS) {
    model.stats.add('staff.pin.limited');
    return false;
  }
  const staff = (answer.json as SetPinResponse).staff;
  if (
    answer.status !== 200 ||
    staff?.staffId !== person.staffId ||
    staff.pin === null ||
    staff.pin.iterations < 600_000 ||
    staff.version !== person.version + 1
  ) {
    throw fault(
      `PIN set of ${person.staffId} (v${person.version}) answered ${answer.status}: ${answer.text}`,
    );
  }
  person.spent.push(person.code);
  Object.assign(person, { code: null, pinSet: true, version: person.version + 1 });
  model.stats.add('staff.pinSet');
  return true;
}

/** An admin gives a person a new set-up code: their PIN is cleared. */
export async function newCode(model: Model, server: FuzzServer, index: number): Promise<void> {
  const person = pick(model.staff, index);
  if (person === undefined) return;
  const answer = await server.client.send({
    kind: 'staff.code',
    method: 'POST',
    path: `/admin/staff/${person.staffId}/setup-code`,
    token: admin(model),
    ...(index % 2 === 0 ? { body: {} } : {}),
  });
  if (answer.status !== 200) throw fault(`new code answered ${answer.status}: ${answer.text}`);
  setUp(person, answer);
  Object.assign(person, { pinSet: false, version: person.version + 1 });
}

/** An admin locks or unlocks a person (the version moves only when the lock does). */
export async function lockStaff(
  model: Model,
  server: FuzzServer,
  spec: { person: number; locked: boolean },
): Promise<void> {
  const person = pick(model.staff, spec.person);
  if (person === undefined) return;
  const answer = await server.client.send({
    kind: 'staff.lock',
    method: 'POST',
    path: `/admin/staff/${person.staffId}/lock`,
    token: admin(model),
    body: { locked: spec.locked },
  });
  const locked = (answer.json as { staff?: { locked?: boolean } }).staff?.locked;
  if (answer.status !== 200 || locked !== spec.locked) {
    throw fault(`lock ${spec.locked} answered ${answer.status}: ${answer.text}`);
  }
  if (person.locked !== spec.locked) person.version += 1;
  person.locked = spec.locked;
}

/** A device reads its staff: a loket those of its agencies; any other device a 403. */
export async function readStaff(model: Model, server: FuzzServer, index: number): Promise<void> {
  const devices = model.devices.filter((d) => !d.revoked);
  const device = pick(devices, index);
  if (device === undefined) return;
  const answer = await server.client.send({
    kind: 'staff.list',
    method: 'GET',
    path: '/staff',
    token: device.token,
  });
  if (device.surface === 'counter') return checkDeviceList(model, device, answer);
  const error = (answer.json as { error?: string }).error;
  if (answer.status !== 403 || error !== 'not_a_counter')
    throw fault(`staff list on a ${device.surface} answered ${answer.status}: ${answer.text}`);
}

/** The admin's list of the site's staff. */
export async function readAdminStaff(model: Model, server: FuzzServer): Promise<void> {
  const answer = await server.client.send({
    kind: 'admin.staff',
    method: 'GET',
    path: '/admin/staff',
    token: admin(model),
  });
  checkAdminList(model, answer);
}

/** The periodic staff checks: the store, the admin's list, each honest loket's list. */
export async function staffChecks(model: Model, server: FuzzServer): Promise<void> {
  await staffStored(model, server);
  await readAdminStaff(model, server);
  for (const counter of honestCounters(model)) {
    const answer = await server.client.send({
      kind: 'staff.list',
      method: 'GET',
      path: '/staff',
      token: counter.token,
    });
    checkDeviceList(model, counter, answer);
  }
}
