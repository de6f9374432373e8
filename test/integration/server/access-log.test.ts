// @vitest-environment node
/**
 * Request ids and the access log, in process: one line per API request with the route
 * pattern, status, duration, request id and the caller's id — never a query, a path's
 * values, a token or a code; an unexpected error logged once with the request's id.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, type Harness, PROFILE_ID, seedAdmin, seedDevice, startHarness } from './support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.store.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('makes one when the client sends none or an unsafe one, and keeps a short safe one', async () => {
    const none = await call(h, 'GET', '/health');
    const safe = await call(h, 'GET', '/health', { headers: { 'X-Request-Id': 'kiosk-1_abc=' } });
    const spaced = await call(h, 'GET', '/health', { headers: { 'X-Request-Id': 'a b' } });
    const long = await call(h, 'GET', '/health', { headers: { 'X-Request-Id': 'x'.repeat(65) } });
    const shell = await h.app.request('/kiosk');

    expect(none.headers.get('X-Request-Id')).toMatch(UUID);
    expect(safe.headers.get('X-Request-Id')).toBe('kiosk-1_abc=');
    expect(spaced.headers.get('X-Request-Id')).toMatch(UUID);
    expect(long.headers.get('X-Request-Id')).toMatch(UUID);
    expect(shell.headers.get('X-Request-Id')).toMatch(UUID);
  });
});

describe('access log', () => {
  it('writes one info line per API request: method, route, status, ms, request id, device id', async () => {
    const kiosk = await seedDevice(h.store, { name: 'Kios Rahasia' });

    const response = await call(h, 'GET', '/sync/pull?cursor=0&limit=10', { token: kiosk.token });
    await h.app.request('/kiosk');

    expect(response.status).toBe(200);
    expect(h.log.entries).toEqual([
      {
        level: 'info',
        message: 'GET /api/v1/sync/pull 200',
        fields: {
          reqId: response.headers.get('X-Request-Id'),
          method: 'GET',
          route: '/api/v1/sync/pull',
          status: 200,
          ms: expect.any(Number),
          deviceId: kiosk.deviceId,
        },
      },
    ]);
    expect(JSON.stringify(h.log.entries)).not.toMatch(/cursor|Rahasia|Bearer/);
    expect(JSON.stringify(h.log.entries)).not.toContain(kiosk.token);
  });

  it("names the admin by id, a refusal by its error code, and a path by its route's pattern", async () => {
    const adminToken = await seedAdmin(h.store);
    const ticketId = randomUUID();

    await call(h, 'GET', '/admin/devices', { token: adminToken });
    await call(h, 'POST', '/enroll', {
      body: { code: 'WXYZ-WXYZ-WXYZ', deviceId: randomUUID(), name: 'Kios', profileId: PROFILE_ID },
    });
    await call(h, 'GET', `/tickets/${ticketId}`);
    await call(h, 'GET', '/no/such/SECRET-PATH?token=abc');
    const [admin, enroll, ticket, unknown] = h.log.entries.map((e) => e.fields);

    expect(admin).toMatchObject({ route: '/api/v1/admin/devices', adminId: expect.any(String) });
    expect(enroll).toMatchObject({ route: '/api/v1/enroll', error: expect.any(String) });
    expect(enroll?.status).toBeGreaterThanOrEqual(400);
    expect(ticket).toMatchObject({ route: '/api/v1/tickets/:id', status: 404 });
    expect(unknown).toMatchObject({ route: '/api/v1/*', status: 404, error: 'not_found' });
    const text = JSON.stringify(h.log.entries);
    for (const secret of [adminToken, 'WXYZ', ticketId, 'SECRET-PATH', 'token=']) {
      expect(text).not.toContain(secret);
    }
  });

  it('logs an unexpected error once, with its request id and route, and its access line as a warning', async () => {
    const kiosk = await seedDevice(h.store);
    h.store.head = () => Promise.reject(new Error('disk on fire'));

    const response = await call(h, 'GET', '/sync/pull?cursor=0&limit=10', { token: kiosk.token });
    const reqId = response.headers.get('X-Request-Id');

    expect(response.status).toBe(500);
    expect(h.errors).toHaveLength(1);
    expect(h.log.entries.map((e) => [e.level, e.fields.reqId, e.fields.route])).toEqual([
      ['error', reqId, '/api/v1/sync/pull'],
      ['warn', reqId, '/api/v1/sync/pull'],
    ]);
    expect(String(h.errors[0])).toContain('disk on fire');
  });
});
