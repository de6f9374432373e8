/**
 * Admins and anonymous callers: enrolling honest and hostile devices (kiosks, lokets and
 * boards), revoking hostile ones, reading the device and flagged lists (checked against the
 * model), wrong one-time codes from other addresses, and the public ticket page for random
 * ids and known tickets.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceSummary } from '../../src/domain/protocol';
import { enroll, enrollmentCode, revoke, wrongCode, wrongCodeAllowed } from './admin';
import { PROFILES, type ProfileId } from './config';
import { fault } from './judge';
import { hostileDevices, type Model, newDevice, pick } from './model';
import { checkTicketPage } from './pages';
import type { FuzzServer } from './server';

/** The emergency tag of the n-th device enrolled (0 → A, 25 → Z, 26 → AA): never reused. */
export function tagAt(index: number): string {
  let tag = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    tag = String.fromCharCode(65 + ((n - 1) % 26)) + tag;
  }
  return tag;
}

/** An admin enrolls a new device of this profile; false when attempt limits made it wait. */
export async function enrollDevice(
  model: Model,
  server: FuzzServer,
  honest: boolean,
  profileId: ProfileId = PROFILES.kiosk,
): Promise<boolean> {
  const admin = model.adminTokens[0] as string;
  const code = await enrollmentCode(server.client, admin);
  const deviceId = randomUUID();
  const enrolled = await enroll(server.client, code, deviceId, model.lastWrongCodeAt, profileId);
  if (enrolled === null) {
    model.stats.add('enroll.limited');
    return false;
  }
  const expected = tagAt(model.devices.length);
  if (enrolled.tag !== expected)
    throw fault(`enrolled with tag ${enrolled.tag}, expected ${expected}`);
  const surface = model.site.profiles.get(profileId)?.surface ?? 'kiosk';
  // Lokets are numbered as they come: 1, 2, … (a hostile one may say any other).
  const loket = String(model.devices.filter((d) => d.surface === 'counter').length + 1);
  model.devices.push(newDevice(honest, { deviceId, ...enrolled }, { surface, profileId, loket }));
  return true;
}

/** An admin revokes a hostile device; its token stops working at once. */
export async function revokeHostile(model: Model, server: FuzzServer, index: number) {
  const device = pick(hostileDevices(model), index);
  if (device === undefined) return;
  const answer = await revoke(server.client, model.adminTokens[0] as string, device.deviceId);
  const summary = (answer.json as { device?: DeviceSummary }).device;
  if (answer.status !== 200 || summary?.revokedAt === null)
    throw fault(`revoke answered ${answer.status}: ${answer.text}`);
  device.revoked = true;
}

/** Revoking a device that does not exist: 404. */
export async function revokeUnknown(model: Model, server: FuzzServer, value: number) {
  const id = [randomUUID(), 'not-a-device', '..%2F..%2Fetc'][value % 3] as string;
  const answer = await revoke(
    server.client,
    model.adminTokens[0] as string,
    id,
    'admin.revoke.unknown',
  );
  if (answer.status !== 404) throw fault(`revoking unknown ${id} answered ${answer.status}`);
}

/** GET /admin/devices lists exactly the model's devices, tags, revocations and acks. */
export async function readDevices(model: Model, server: FuzzServer) {
  const answer = await server.client.send({
    kind: 'admin.devices',
    method: 'GET',
    path: '/admin/devices',
    token: model.adminTokens[0] as string,
  });
  const listed = (answer.json as { devices: DeviceSummary[] }).devices;
  const got = listed
    .map((d) => [d.deviceId, d.emergencyTag, d.profileId, d.revokedAt !== null, d.lastSeq])
    .sort();
  const want = model.devices
    .map((d) => [d.deviceId, d.tag, d.profileId, d.revoked, d.ackSeq])
    .sort();
  if (answer.status !== 200 || JSON.stringify(got) !== JSON.stringify(want)) {
    throw fault(`admin devices ${JSON.stringify(got)}, model ${JSON.stringify(want)}`);
  }
}

/**
 * GET /admin/flagged lists flagged and quarantined events with the model's reasons, page by
 * page (`after`, `limit`, `next`), the page size drawn: every one of them, oldest first.
 */
export async function readFlagged(model: Model, server: FuzzServer, pageSize: number) {
  type Page = {
    flagged: { eventId: string; reasons: string[]; quarantined: boolean }[];
    next: number | null;
  };
  const got: [string, string, boolean][] = [];
  let after: number | null = 0;
  while (after !== null) {
    const answer = await server.client.send({
      kind: 'admin.flagged',
      method: 'GET',
      path: `/admin/flagged?after=${after}&limit=${pageSize}`,
      token: model.adminTokens[0] as string,
    });
    if (answer.status !== 200) throw fault(`admin flagged answered ${answer.status}`);
    const page = answer.json as Page;
    for (const f of page.flagged)
      got.push([f.eventId, [...f.reasons].sort().join(), f.quarantined]);
    if (page.next !== null && page.flagged.length !== pageSize) {
      throw fault(`admin flagged: a page of ${page.flagged.length} of ${pageSize} with a next`);
    }
    after = page.next;
  }
  const want = model.flaggedOrder.map((id) => {
    const v = model.verdicts.get(id) ?? { quarantine: [], flags: [] };
    return [id, [...v.quarantine, ...v.flags].sort().join(), v.quarantine.length > 0];
  });
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const at = got.findIndex((g, i) => JSON.stringify(g) !== JSON.stringify(want[i]));
    throw fault(
      `admin flagged (${got.length}) differs from the model (${want.length}) at ${at}: ${JSON.stringify(got[at])} vs ${JSON.stringify(want[at])}`,
    );
  }
}

/** A wrong bootstrap or enrollment code from one of a few other addresses. */
export async function wrongCodes(
  model: Model,
  server: FuzzServer,
  spec: { bootstrap: boolean; value: number },
) {
  const which = spec.bootstrap ? 'bootstrap' : 'enroll';
  const code = ['ABCD-EFGH-JKLM', 'AAAAA-BBBBB', '2222-3333', 'zzzz zzzz'][
    spec.value % 4
  ] as string;
  const answer = await wrongCode(server.client, which, code, spec.value, randomUUID());
  model.lastWrongCodeAt = Date.now();
  if (!wrongCodeAllowed(which, answer))
    throw fault(`wrong ${which} code answered ${answer.status}: ${answer.text}`);
  if (answer.status === 429) model.stats.add('anon.limited');
}

/** The public page of an id that is no ticket: 404. */
export async function randomTicketPage(_model: Model, server: FuzzServer, value: number) {
  const id = [randomUUID(), 'A-001', `${'9'.repeat(16)}`, '..%2F..%2Fconfig', 'x'.repeat(300)][
    value % 5
  ];
  const answer = await server.client.send({
    kind: 'ticket.page',
    method: 'GET',
    path: `/tickets/${id}`,
  });
  if (answer.status !== 404)
    throw fault(`ticket page of ${id} answered ${answer.status}: ${answer.text}`);
}

/** The public page of a ticket the model knows (quarantined ones: 404). */
export async function knownTicketPage(model: Model, server: FuzzServer, value: number) {
  const ref = pick(model.tickets, value);
  if (ref === undefined) return;
  const answer = await server.client.send({
    kind: 'ticket.page',
    method: 'GET',
    path: `/tickets/${ref.id}`,
  });
  checkTicketPage(model, ref, answer);
}
