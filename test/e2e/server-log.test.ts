/**
 * The log of a full run of the real server process holds no secret: bootstrap an admin,
 * make enrollment codes, enroll kiosks, lease, push, pull, call every admin route, and
 * make failing calls with wrong codes and tokens; then no token, no code (with or without
 * dashes, in either case), no sha256 of one, and no admin, device or label name appears
 * anywhere in stdout + stderr. Every stdout line is JSON; every request line has an id.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { businessDayOf } from '../../src/domain/time';
import { kioskBundle } from '../fixtures/kiosk';
import { bootstrapCodeIn, type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pullAllOverHttp, pushOverHttp } from './support/sync-http';

const NAMES = ['Admin Uji', 'Kios Rahasia Lobi', 'Kios Rahasia Dua', 'Label Rahasia Kiri'];

/** Every way a secret could be written down: as is, without dashes, lower case, hashed. */
function spellings(secret: string): string[] {
  const bare = secret.replaceAll('-', '');
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  return [secret, bare, secret.toLowerCase(), bare.toLowerCase(), sha256(secret), sha256(bare)];
}

/** A well-formed code that was never issued (the alphabet of src/server/auth/secrets.ts). */
function wrongCode(groups: number): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(groups * 4)].map((b) => alphabet[b % alphabet.length]);
  return (chars.join('').match(/.{4}/g) ?? []).join('-');
}

/** One API call; the answer's body is read (so the request is over) and counted. */
function client(server: RunningServer) {
  let calls = 0;
  const call = async (
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> => {
    calls += 1;
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return new Response(text, { status: response.status, headers: response.headers });
  };
  return { call, count: (n = 1) => (calls += n), calls: () => calls };
}

const enrollBody = (code: string, name: string) => ({
  code,
  deviceId: randomUUID(),
  name,
  profileId: 'lobi-utama',
});

describe('server log', () => {
  it('holds no token, code, hash or name after a full run; JSON lines, request ids on every request', async () => {
    const bundle = kioskBundle();
    const server = await startServer({ configDir: writeConfigDir(bundle) });
    const { call, count, calls } = client(server);
    const day = businessDayOf(Date.now(), bundle.site.timeZone);
    try {
      const bootstrapCode = bootstrapCodeIn(server.dataDir) ?? 'no code file';
      const admin = await server.adminToken();
      const codes: string[] = [];
      for (let i = 0; i < 2; i++) {
        const made = await call('/admin/enrollments', {
          token: admin,
          body: { label: 'Label Rahasia Kiri' },
        });
        codes.push(((await made.json()) as { code: string }).code);
      }
      const kiosk = await enrollOverHttp(server.url, codes[0] ?? '', 'Kios Rahasia Lobi');
      const other = await enrollOverHttp(server.url, codes[1] ?? '', 'Kios Rahasia Dua');
      const leases = await call('/sync/leases', {
        token: kiosk.token,
        body: { numbers: [{ prefix: 'A', count: 10 }], quotas: [] },
      });
      const pushed = await pushOverHttp(server.url, kiosk, eventsOf(kiosk, 20, day));
      const pulled = await pullAllOverHttp(server.url, other);
      count(5); // bootstrap, two enrollOverHttp, the push, the pull (one page at least)
      await call('/admin/devices', { token: admin });
      await call('/admin/flagged', { token: admin });
      await call(`/admin/devices/${other.deviceId}/revoke`, { token: admin, body: {} });

      // Wrong, spent and retyped codes; unknown, revoked and misplaced tokens.
      const wrong = [wrongCode(3), wrongCode(2), randomBytes(32).toString('base64url')];
      const retyped = (codes[0] ?? '').replaceAll('-', '').toLowerCase();
      const refused = [
        await call('/bootstrap', { body: { code: wrong[0], name: 'Admin Uji' } }),
        await call('/bootstrap', { body: { code: bootstrapCode, name: 'Admin Uji' } }),
        await call('/enroll', { body: enrollBody(wrong[1] ?? '', 'Kios Rahasia Lobi') }),
        await call('/enroll', { body: enrollBody(retyped, 'Kios Rahasia Dua') }),
        await call('/sync/pull?cursor=0&limit=5', { token: wrong[2] }),
        await call('/sync/pull?cursor=0&limit=5', { token: other.token }),
        await call('/admin/devices', { token: kiosk.token }),
        await call('/sync/push', { token: admin, body: { events: [] } }),
      ];
      const traced = await call('/health', { headers: { 'X-Request-Id': 'e2e-trace-1' } });
      await server.stop();

      expect(leases.status).toBe(200);
      expect(pushed.status).toBe(200);
      expect(pulled.events).toHaveLength(20);
      expect(refused.map((r) => r.status).filter((s) => s < 400 || s >= 500)).toEqual([]);
      expect(traced.headers.get('X-Request-Id')).toBe('e2e-trace-1');

      const output = server.output();
      const secrets = [bootstrapCode, admin, ...codes, kiosk.token, other.token, ...wrong];
      for (const spelled of secrets.flatMap(spellings)) expect(output).not.toContain(spelled);
      for (const name of NAMES) expect(output).not.toContain(name);

      const records = server
        .stdout()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = records.filter((r) => typeof r.route === 'string');
      expect(requests.length).toBeGreaterThanOrEqual(calls());
      expect(requests.filter((r) => typeof r.reqId !== 'string' || r.reqId === '')).toEqual([]);
      expect(requests.map((r) => r.reqId)).toContain('e2e-trace-1');
      expect(requests.filter((r) => r.deviceId === kiosk.deviceId).length).toBeGreaterThan(0);
      expect(records.filter((r) => r.level === 'error')).toEqual([]);
      expect(output.length).toBe(server.stdout().length); // nothing on stderr
    } finally {
      await server.stop();
    }
  });
});
