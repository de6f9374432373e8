// @vitest-environment node
/**
 * Attempt limits at /enroll and /bootstrap, through the app with injected client addresses
 * and the harness clock: 429 with Retry-After and too_many_attempts after 5 wrong codes,
 * lockouts growing, the site budget per minute, other addresses unaffected, and a refused
 * request that reads no body and asks the store nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, CreateEnrollmentResponse } from '../../../src/domain/protocol';
import { issueBootstrapCode } from '../../../src/server/auth/bootstrap';
import type { Store } from '../../../src/server/store/store';
import {
  call,
  type Harness,
  json,
  NOW,
  PROFILE_ID,
  seedAdmin,
  startHarness,
  TEST_SECRET_KEY,
  uuidv7Like,
} from './support';

let h: Harness;
let storeCalls: string[];

/** The store, with every method call the app makes written down. */
function counting(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        storeCalls.push(String(key));
        return value.apply(target, args);
      };
    },
  });
}

beforeEach(async () => {
  storeCalls = [];
  h = await startHarness({ wrapStore: counting });
  return () => h.store.close();
});

const enroll = (code: string, client: string) =>
  call(h, 'POST', '/enroll', {
    client,
    body: { code, deviceId: uuidv7Like(), name: 'Kiosk', profileId: PROFILE_ID },
  });

describe('attempt limits', () => {
  it('answers the 6th wrong code from an address with 429, Retry-After and when to retry', async () => {
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push((await enroll('AAAAA-BBBBB', '203.0.113.5')).status);

    const refused = await enroll('AAAAA-BBBBB', '203.0.113.5');
    const body = await json<ApiError>(refused);

    expect(wrong).toEqual([403, 403, 403, 403, 403]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(body).toMatchObject({ error: 'too_many_attempts', retryAfterSeconds: 60 });
    expect(body.message).toContain('60 detik');
  });

  it('locks out longer on each failure after the first lockout', async () => {
    for (let i = 0; i < 5; i++) await enroll('AAAAA-BBBBB', '203.0.113.5');
    h.clock.now = NOW + 60_000;

    const afterFirst = await enroll('AAAAA-BBBBB', '203.0.113.5');
    const second = await enroll('AAAAA-BBBBB', '203.0.113.5');

    expect(afterFirst.status).toBe(403);
    expect(second.status).toBe(429);
    expect(second.headers.get('Retry-After')).toBe('120');
  });

  it('refuses a locked-out request before reading its body or asking the store anything', async () => {
    for (let i = 0; i < 5; i++) await enroll('AAAAA-BBBBB', '203.0.113.5');
    storeCalls = [];
    const reads: string[] = [];
    // highWaterMark 0: pulled only when someone reads it, not when the request is built.
    const body = (client: string) =>
      new ReadableStream(
        {
          pull(controller) {
            reads.push(client);
            controller.enqueue(new TextEncoder().encode('{"code":"AAAAA-BBBBB"}'));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
    const send = (client: string) =>
      call(h, 'POST', '/enroll', {
        client,
        raw: body(client),
        headers: { 'Content-Type': 'application/json' },
      });

    const refused = await send('203.0.113.5');
    const callsWhenRefused = [...storeCalls];
    const other = await send('198.51.100.1');

    expect(refused.status).toBe(429);
    expect(callsWhenRefused).toEqual([]);
    expect(other.status).toBe(400);
    expect(reads).toEqual(['198.51.100.1']);
  });

  it('still enrolls a device with a right code from another address, and from the locked one later', async () => {
    const admin = await seedAdmin(h.store);
    const codes = await Promise.all(
      [1, 2].map(async () =>
        json<CreateEnrollmentResponse>(
          await call(h, 'POST', '/admin/enrollments', { token: admin }),
        ),
      ),
    );
    for (let i = 0; i < 5; i++) await enroll('AAAAA-BBBBB', '203.0.113.5');

    const other = await enroll(codes[0]?.code ?? '', '198.51.100.20');
    const lockedRight = await enroll(codes[1]?.code ?? '', '203.0.113.5');
    h.clock.now = NOW + 60_000;
    const later = await enroll(codes[1]?.code ?? '', '203.0.113.5');

    expect(other.status).toBe(201);
    expect(lockedRight.status).toBe(429);
    expect(later.status).toBe(201);
  });

  it('spends the site budget of 30 wrong enrollment codes a minute across all addresses', async () => {
    h.clock.now = NOW + 20_000;
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await enroll('AAAAA-BBBBB', `10.0.0.${i}`)).status);

    const fresh = await enroll('AAAAA-BBBBB', '192.0.2.200');
    h.clock.now = NOW + 60_000;
    const nextMinute = await enroll('AAAAA-BBBBB', '192.0.2.200');

    expect(new Set(statuses)).toEqual(new Set([403]));
    expect(fresh.status).toBe(429);
    expect(fresh.headers.get('Retry-After')).toBe('40');
    expect((await json<ApiError>(fresh)).message).toContain('server ini');
    expect(nextMinute.status).toBe(403);
  });

  it('counts a malformed request or an unknown profile as no attempt at a code', async () => {
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await call(h, 'POST', '/enroll', { client: 'x', body: { code: 1 } })).status);
      statuses.push(
        (
          await call(h, 'POST', '/enroll', {
            client: 'x',
            body: { code: 'AAAAA-BBBBB', deviceId: uuidv7Like(), name: 'K', profileId: 'nope' },
          })
        ).status,
      );
    }

    expect(new Set(statuses)).toEqual(new Set([400]));
    expect((await enroll('AAAAA-BBBBB', 'x')).status).toBe(403);
  });

  it('limits bootstrap codes the same way, and a right one clears its address', async () => {
    const code = (await issueBootstrapCode(h.store, NOW, TEST_SECRET_KEY)) ?? '';
    const bootstrap = (c: string, name: string) =>
      call(h, 'POST', '/bootstrap', { client: '203.0.113.9', body: { code: c, name } });
    for (let i = 0; i < 4; i++) await bootstrap('AAAA-BBBB-CCCC', 'X');

    const right = await bootstrap(code, 'Bu Sari');
    const afterwards = await bootstrap('AAAA-BBBB-CCCC', 'X');

    expect(right.status).toBe(201);
    expect(afterwards.status).toBe(409);
  });
});
