/**
 * Requests no client of ours sends: malformed bodies and queries, wrong content types,
 * oversized bodies, and missing, malformed, unknown, revoked or wrong-role tokens, at the
 * device and admin endpoints. Each must get its 4xx and change nothing (the step checks
 * compare the store with the model after it).
 */
import { randomBytes } from 'node:crypto';
import { MAX_BODY_BYTES } from '../../src/domain/protocol';
import type { Request } from './http';
import { fault } from './judge';
import { hostileDevices, type Model, pick } from './model';
import type { FuzzServer } from './server';

type Raw = {
  name: string;
  status: number;
  /** The request, from a hostile device's token (or null when none is needed). */
  make: (token: string, m: Model, v: number) => Omit<Request, 'kind'>;
  can?: (m: Model) => boolean;
};

const push = (token: string, body: unknown, headers?: Record<string, string>) => ({
  method: 'POST' as const,
  path: '/sync/push',
  token,
  body,
  ...(headers ? { headers } : {}),
});
const revoked = (m: Model) => hostileDevices(m, true).find((d) => d.revoked);
const ENDPOINTS = [
  { method: 'POST' as const, path: '/sync/push', body: { events: [] } },
  { method: 'GET' as const, path: '/sync/pull?cursor=0' },
  { method: 'POST' as const, path: '/sync/leases', body: { numbers: [{ prefix: 'A', count: 1 }] } },
];
const ADMIN = ['/admin/devices', '/admin/flagged'];

/** Every malformed or unauthorized request, with the status it must get. */
export const RAWS: readonly Raw[] = [
  { name: 'push not JSON', status: 400, make: (t) => push(t, '{"events": [') },
  {
    name: 'push as text/plain',
    status: 415,
    make: (t) => push(t, '{"events":[]}', { 'Content-Type': 'text/plain' }),
  },
  { name: 'push body an array', status: 400, make: (t) => push(t, []) },
  {
    name: 'push events not a list',
    status: 400,
    make: (t, _m, v) => push(t, { events: ['x', 1e308, null, {}][v % 4] }),
  },
  {
    name: 'push over 1 MB',
    status: 413,
    make: (t) => push(t, `{"events":["${'x'.repeat(MAX_BODY_BYTES)}"]}`),
  },
  { name: 'push empty body', status: 400, make: (t) => push(t, '') },
  {
    name: 'push nested deep',
    status: 400,
    make: (t) => push(t, `{"events":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  },
  {
    name: 'push not UTF-8',
    status: 400,
    make: (t) => push(t, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
  },
  {
    name: 'lease body null',
    status: 400,
    make: (t) => ({ method: 'POST', path: '/sync/leases', token: t, body: 'null' }),
  },
  {
    name: 'pull bad query',
    status: 400,
    make: (t, _m, v) => ({
      method: 'GET',
      path: `/sync/pull?${['cursor=-1', 'limit=0', 'limit=501', 'cursor=abc', 'cursor=1e308', 'own=-5'][v % 6]}`,
      token: t,
    }),
  },
  { name: 'no token', status: 401, make: (_t, _m, v) => ({ ...(ENDPOINTS[v % 3] as Request) }) },
  {
    name: 'malformed token',
    status: 401,
    make: (_t, _m, v) => ({
      ...(ENDPOINTS[v % 3] as Request),
      headers: {
        Authorization: ['Bearer !!', 'Basic YTpi', 'Bearer', `Bearer ${'a'.repeat(300)}`][
          v % 4
        ] as string,
      },
    }),
  },
  {
    name: 'unknown token',
    status: 401,
    make: (_t, _m, v) => ({
      ...(ENDPOINTS[v % 3] as Request),
      token: randomBytes(32).toString('base64url'),
    }),
  },
  {
    name: 'admin token on a device call',
    status: 403,
    make: (_t, m, v) => ({ ...(ENDPOINTS[v % 3] as Request), token: m.adminTokens[0] as string }),
  },
  {
    name: 'device token on an admin call',
    status: 403,
    make: (t, _m, v) => ({ method: 'GET', path: ADMIN[v % 2] as string, token: t }),
  },
  {
    name: 'unknown token on an admin call',
    status: 401,
    make: (_t, _m, v) => ({
      method: 'GET',
      path: ADMIN[v % 2] as string,
      token: randomBytes(32).toString('base64url'),
    }),
  },
  {
    name: 'revoked device',
    status: 403,
    make: (_t, m, v) => ({ ...(ENDPOINTS[v % 3] as Request), token: revoked(m)?.token as string }),
    can: (m) => revoked(m) !== undefined,
  },
];

/** Whether the model holds what the request needs (a hostile token, a revoked one). */
export const canRaw = (m: Model, kind: number) =>
  hostileDevices(m).length > 0 && (RAWS[kind % RAWS.length]?.can?.(m) ?? true);

/** Sends one of RAWS; checks its status. */
export async function rawRequest(
  model: Model,
  server: FuzzServer,
  spec: { kind: number; device: number; value: number },
) {
  const raw = RAWS[spec.kind % RAWS.length] as Raw;
  const device = pick(hostileDevices(model), spec.device);
  const request = raw.make(device?.token ?? '', model, spec.value);
  const answer = await server.client.send({ kind: `raw.${raw.status}`, ...request });
  if (answer.status !== raw.status) {
    throw fault(
      `'${raw.name}' answered ${answer.status}, not ${raw.status}: ${answer.text.slice(0, 300)}`,
    );
  }
}
