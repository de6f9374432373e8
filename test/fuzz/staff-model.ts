/**
 * The site's staff as the fuzz knows them — each person's name, role, agencies, pending
 * set-up code, the codes that no longer work, PIN set or not, lock and version — and the
 * checks that the server holds and lists exactly that: its store's staff rows (after
 * every step, so a refused request is seen to change nothing), the admin's list and a
 * device's list (a loket gets the people of its agencies, a kiosk or board nothing).
 */
import type { StaffRole, StaffSummary, StaffVerifier } from '../../src/domain/staff';
import type { Answer } from './http';
import { fault } from './judge';
import type { Device, Model } from './model';
import type { FuzzServer } from './server';

/** One person as the admins made them. */
export type Person = {
  staffId: string;
  name: string;
  role: StaffRole;
  agencies: string[];
  createdAt: number;
  /** The set-up code that works now (null once spent), and every code that no longer does. */
  code: string | null;
  spent: string[];
  pinSet: boolean;
  locked: boolean;
  /** Grows by one with every change: PIN set, new code, lock or unlock. */
  version: number;
};

/** Whether a person may sign in on the device: a loket of (one of) their agencies. */
export function allowedOn(model: Model, device: Device, person: Person): boolean {
  const agencies = model.site.profiles.get(device.profileId)?.agencies ?? [];
  return person.agencies.some((a) => agencies.includes(a));
}

type StaffRow = {
  staff_id: string;
  name: string;
  role: string;
  agencies: string;
  has_code: unknown;
  has_pin: unknown;
  locked: unknown;
  version: number;
};
const truthy = (x: unknown) => x === true || x === 1 || x === '1';
const SQL = `SELECT staff_id, name, role, agencies, setup_code_hash IS NOT NULL AS has_code,
  pin_hash IS NOT NULL AS has_pin, locked, version FROM staff WHERE site_id = ? ORDER BY staff_id`;

const rowOf = (p: Person) =>
  JSON.stringify([
    p.staffId,
    p.name,
    p.role,
    p.agencies,
    p.code !== null,
    p.pinSet,
    p.locked,
    p.version,
  ]);

/** The store's staff rows are the model's persons (a refused request changed none). */
export async function staffStored(model: Model, server: FuzzServer): Promise<void> {
  const rows = await server.db().all<StaffRow>(SQL, [model.site.siteId]);
  const got = rows.map((r) =>
    JSON.stringify([
      r.staff_id,
      r.name,
      r.role,
      JSON.parse(r.agencies),
      truthy(r.has_code),
      truthy(r.has_pin),
      truthy(r.locked),
      Number(r.version),
    ]),
  );
  const want = [...model.staff].sort((a, b) => (a.staffId < b.staffId ? -1 : 1)).map(rowOf);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const at = got.findIndex((g, i) => g !== want[i]);
    throw fault(
      `staff stored ${got[at] ?? `(${got.length} rows)`}, the model ${want[at] ?? `(${want.length})`}`,
    );
  }
}

/** GET /admin/staff: every person, oldest first, as the model has them (no verifier). */
export function checkAdminList(model: Model, answer: Answer): void {
  const listed = (answer.json as { staff?: StaffSummary[] }).staff ?? [];
  const got = listed.map((s) =>
    JSON.stringify([s.staffId, s.name, s.role, s.agencies, s.pinSet, s.locked, 'pin' in s]),
  );
  const want = [...model.staff]
    .sort((a, b) => a.createdAt - b.createdAt || (a.staffId < b.staffId ? -1 : 1))
    .map((p) => JSON.stringify([p.staffId, p.name, p.role, p.agencies, p.pinSet, p.locked, false]));
  if (answer.status !== 200 || JSON.stringify(got) !== JSON.stringify(want)) {
    throw fault(
      `admin staff list ${answer.status} ${JSON.stringify(got)}, model ${JSON.stringify(want)}`,
    );
  }
}

/** GET /staff on a loket: the verifiers of exactly the people allowed on it. */
export function checkDeviceList(model: Model, device: Device, answer: Answer): void {
  const listed = (answer.json as { staff?: StaffVerifier[] }).staff ?? [];
  const got = listed
    .map((s) =>
      JSON.stringify([s.staffId, s.name, s.role, s.agencies, s.pin !== null, s.locked, s.version]),
    )
    .sort();
  const want = model.staff
    .filter((p) => allowedOn(model, device, p))
    .map((p) =>
      JSON.stringify([p.staffId, p.name, p.role, p.agencies, p.pinSet, p.locked, p.version]),
    )
    .sort();
  const pins = listed.every(
    (s) => s.pin === null || (s.pin.iterations >= 600_000 && s.pin.salt.length >= 16),
  );
  if (answer.status !== 200 || !pins || JSON.stringify(got) !== JSON.stringify(want)) {
    throw fault(
      `staff list on ${device.profileId} ${answer.status} ${JSON.stringify(got)}, model ${JSON.stringify(want)}`,
    );
  }
}
