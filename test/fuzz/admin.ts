/**
 * Everything the fuzz does with one-time codes and admin tokens, in one place: the first
 * admin from the bootstrap code, enrollment codes, enrolling, revoking, and wrong codes.
 * Attempt limits (429 + Retry-After after wrong codes, per client address and per site)
 * and admin token management change only this module: wrong codes are sent from other
 * loopback addresses than the honest requests, and an honest enrollment refused with 429
 * is allowed only shortly after wrong codes were sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer, Client } from './http';
import { fault } from './judge';
import type { FuzzServer } from './server';

/** How long after a wrong code an honest one may still be refused with 429. */
export const LIMIT_WINDOW_MS = 65 * 60_000;

/** A one-time code as the server writes it: groups of letters and digits joined by dashes. */
const CODE = /[A-Z2-9]{4,}(?:-[A-Z2-9]{4,})+/;

/**
 * The bootstrap code the server gave: DATA_DIR/bootstrap-code.txt when it writes one, else
 * the box it printed on its console.
 */
export function bootstrapCode(server: FuzzServer): string | undefined {
  const file = join(server.dataDir, 'bootstrap-code.txt');
  if (existsSync(file)) return CODE.exec(readFileSync(file, 'utf8'))?.[0];
  return new RegExp(`│\\s+(${CODE.source})\\s+│`).exec(server.output())?.[1];
}

/** Creates the first admin; its token. */
export async function bootstrapAdmin(server: FuzzServer): Promise<string> {
  const code = bootstrapCode(server);
  if (code === undefined) throw fault(`no bootstrap code:\n${server.output().slice(-2000)}`);
  const answer = await server.client.send({
    kind: 'admin.bootstrap',
    method: 'POST',
    path: '/bootstrap',
    body: { code, name: 'Admin Fuzz' },
  });
  if (answer.status !== 201) throw fault(`bootstrap answered ${answer.status}: ${answer.text}`);
  return (answer.json as { token: string }).token;
}

/** A fresh enrollment code from an admin. */
export async function enrollmentCode(client: Client, adminToken: string): Promise<string> {
  const answer = await client.send({
    kind: 'admin.enrollments',
    method: 'POST',
    path: '/admin/enrollments',
    token: adminToken,
    body: { label: 'Fuzz' },
  });
  if (answer.status !== 201)
    throw fault(`enrollment code answered ${answer.status}: ${answer.text}`);
  return (answer.json as { code: string }).code;
}

/** An enrolled device's token and emergency tag, or null when attempt limits refused it. */
export async function enroll(
  client: Client,
  code: string,
  deviceId: string,
  lastWrongCodeAt: number,
  profileId = 'lobi-utama',
): Promise<{ token: string; tag: string } | null> {
  const answer = await client.send({
    kind: 'enroll',
    method: 'POST',
    path: '/enroll',
    body: { code, deviceId, name: `Fuzz ${profileId}`, profileId },
  });
  if (answer.status === 429 && Date.now() - lastWrongCodeAt < LIMIT_WINDOW_MS) return null;
  if (answer.status !== 201) throw fault(`enroll answered ${answer.status}: ${answer.text}`);
  const body = answer.json as { token: string; emergencyTag: string };
  return { token: body.token, tag: body.emergencyTag };
}

/** Revokes a device; the answer. */
export function revoke(
  client: Client,
  adminToken: string,
  deviceId: string,
  kind = 'admin.revoke',
): Promise<Answer> {
  return client.send({
    kind,
    method: 'POST',
    path: `/admin/devices/${deviceId}/revoke`,
    token: adminToken,
  });
}

/** Wrong-code requests, each from one of a few loopback addresses other than 127.0.0.1. */
export function wrongCode(
  client: Client,
  which: 'bootstrap' | 'enroll',
  code: string,
  from: number,
  deviceId: string,
): Promise<Answer> {
  const body =
    which === 'bootstrap'
      ? { code, name: 'Tamu' }
      : { code, deviceId, name: 'Tamu', profileId: 'lobi-utama' };
  return client.send({
    kind: `anon.${which}`,
    method: 'POST',
    path: `/${which}`,
    body,
    from: `127.0.0.${2 + (from % 8)}`,
  });
}

/** The statuses a wrong code may get: refused as wrong (or, bootstrap, as done), or limited. */
export function wrongCodeAllowed(which: 'bootstrap' | 'enroll', answer: Answer): boolean {
  if (answer.status === 429) return answer.retryAfter !== undefined;
  return which === 'bootstrap' ? answer.status === 409 : answer.status === 403;
}
