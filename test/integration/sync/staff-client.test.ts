/**
 * The counter's staff calls over HTTP: paths, methods, bearer token and bodies as the
 * server's routes take them (src/server/http/routes-staff.ts); answers that are not what
 * the protocol says, error answers and no answer are TransportErrors the sign-in maps.
 */
import { describe, expect, it } from 'vitest';
import type { StaffVerifier } from '../../../src/domain/staff';
import { createStaffClient } from '../../../src/sync/staff-client';
import { TransportError } from '../../../src/sync/transport';

type Call = { url: string; method: string; auth: string | null; body: string | null };

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      auth: new Headers(init.headers).get('Authorization'),
      body: (init.body as string | undefined) ?? null,
    });
    return respond();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const signal = () => new AbortController().signal;
const sari: StaffVerifier = {
  staffId: '0193a0b0-0000-7000-8000-000000000001',
  name: 'Sari',
  role: 'petugas',
  agencies: ['disdukcapil'],
  pin: { salt: 's', hash: 'h', iterations: 600_000 },
  locked: false,
  version: 2,
};

describe('createStaffClient', () => {
  it('calls the three staff routes with the token and the bodies they take', async () => {
    const answers = [
      json({ staff: [sari], serverTime: 5 }),
      json({ staff: sari }),
      json({ lockedForMs: 0, triesLeft: 4 }),
    ];
    const { calls, fetch } = fakeFetch(() => answers.shift() as Response);
    const client = createStaffClient({ baseUrl: 'https://mpp.example', token: 'tok', fetch });

    const list = await client.list(signal());
    const set = await client.setPin({ setupCode: 'ABCD-EFGH', pin: '480915' }, signal());
    const report = await client.reportSignIn({ staffId: sari.staffId, ok: false }, signal());

    expect(list).toEqual({ staff: [sari], serverTime: 5 });
    expect(set).toEqual({ staff: sari });
    expect(report).toEqual({ lockedForMs: 0, triesLeft: 4 });
    expect(calls.map((c) => [c.method, c.url, c.auth, c.body])).toEqual([
      ['GET', 'https://mpp.example/api/v1/staff', 'Bearer tok', null],
      [
        'POST',
        'https://mpp.example/api/v1/staff/pin',
        'Bearer tok',
        '{"setupCode":"ABCD-EFGH","pin":"480915"}',
      ],
      [
        'POST',
        'https://mpp.example/api/v1/staff/sign-in',
        'Bearer tok',
        `{"staffId":"${sari.staffId}","ok":false}`,
      ],
    ]);
  });

  it('refuses answers that are not what the protocol says', async () => {
    const bad = [
      json({ staff: [{ ...sari, pin: 'hash' }], serverTime: 5 }),
      json({ staff: null }),
      json({ lockedForMs: -1, triesLeft: 4 }),
    ];
    const { fetch } = fakeFetch(() => bad.shift() as Response);
    const client = createStaffClient({ baseUrl: '', token: 't', fetch });

    const errors = await Promise.all([
      client.list(signal()).catch((e: unknown) => e),
      client.setPin({ setupCode: 'A', pin: '1' }, signal()).catch((e: unknown) => e),
      client.reportSignIn({ staffId: sari.staffId, ok: true }, signal()).catch((e: unknown) => e),
    ]);

    for (const error of errors) {
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).kind).toBe('http');
    }
  });

  it('says which failure it was: an error answer with its status, or no answer', async () => {
    const refused = createStaffClient({
      baseUrl: '',
      token: 't',
      fetch: fakeFetch(() => json({ error: 'invalid_code' }, 401)).fetch,
    });
    const down = createStaffClient({
      baseUrl: '',
      token: 't',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });

    const http = await refused.setPin({ setupCode: 'A', pin: '1' }, signal()).catch((e) => e);
    const offline = await down.list(signal()).catch((e) => e);

    expect(http).toMatchObject({ kind: 'http', status: 401, body: { error: 'invalid_code' } });
    expect(offline).toMatchObject({ kind: 'offline' });
  });
});
