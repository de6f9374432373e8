// @vitest-environment node
/**
 * Request time limits, in process: a body that stalls is answered 408 `request_timeout`
 * once the request's limit has passed, and the connection is closed; a client that breaks
 * off mid-body is one info line, not an error. On a real Node server with the same limits
 * (serverLimits, scaled down), a sync stream outlives them.
 */
import { type AddressInfo, connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { serverLimits } from '../../../src/server/http/server-limits';
import { call, eventsOf, type Harness, json, seedDevice, startHarness } from './support';

let h: Harness | undefined;
let server: ServerType | undefined;
afterEach(async () => {
  if (server) {
    const s = server;
    await new Promise<void>((done) => {
      s.close(() => done());
      if ('closeAllConnections' in s) s.closeAllConnections();
    });
  }
  server = undefined;
  await h?.store.close();
});

/** A body that sends `head` and then nothing more, ever (or fails after `failAfterMs`). */
function stalledBody(head: string, failAfterMs?: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
      if (failAfterMs === undefined) return;
      const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      setTimeout(() => controller.error(reset), failAfterMs);
    },
  });
}

describe('request body time limit', () => {
  it('answers 408 request_timeout when the body has not arrived within the limit', async () => {
    h = await startHarness({ bodyTimeoutMs: 200 });
    const kiosk = await seedDevice(h.store);
    const start = performance.now();

    const response = await call(h, 'POST', '/sync/push', {
      token: kiosk.token,
      raw: stalledBody('{"events":['),
      headers: { 'Content-Type': 'application/json' },
    });
    const elapsed = performance.now() - start;

    expect(response.status).toBe(408);
    expect(await json(response)).toMatchObject({ error: 'request_timeout' });
    expect(response.headers.get('Connection')).toBe('close');
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(h.errors).toEqual([]);
    expect(h.log.entries.map((e) => [e.level, e.fields.status, e.fields.error])).toEqual([
      ['info', 408, 'request_timeout'],
    ]);
    expect(await h.store.head(h.config.site.id)).toBe(0);
  });

  it('takes a body that arrives in time, however it is sent', async () => {
    h = await startHarness({ bodyTimeoutMs: 2_000 });
    const kiosk = await seedDevice(h.store);
    const text = '{"events":[]}';
    const slow = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const part of [text.slice(0, 5), text.slice(5)]) {
          await new Promise((r) => setTimeout(r, 100));
          controller.enqueue(new TextEncoder().encode(part));
        }
        controller.close();
      },
    });

    const response = await call(h, 'POST', '/sync/push', {
      token: kiosk.token,
      raw: slow,
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ ackSeq: 0, accepted: 0 });
  });

  it('takes a client that breaks off mid-body as one info line, request_aborted, no error', async () => {
    h = await startHarness();
    const kiosk = await seedDevice(h.store);

    const response = await call(h, 'POST', '/sync/push', {
      token: kiosk.token,
      raw: stalledBody('{"events":[', 20),
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: 'request_aborted' });
    expect(h.errors).toEqual([]);
    expect(h.log.entries.map((e) => [e.level, e.fields.error])).toEqual([
      ['info', 'request_aborted'],
    ]);
  });
});

describe("Node's server limits", () => {
  it('do not cut a sync stream that outlives them; a stalled body is answered 408, stalled headers dropped', async () => {
    h = await startHarness({ bodyTimeoutMs: 150, heartbeatMs: 60_000 });
    const kiosk = await seedDevice(h.store);
    const other = await seedDevice(h.store);
    const limits = serverLimits(150, 100);
    const port = await listen(h, limits);
    const url = `http://127.0.0.1:${port}/api/v1/sync`;
    const auth = { Authorization: `Bearer ${kiosk.token}` };

    const closing = new AbortController();
    const stream = await fetch(`${url}/stream`, { headers: auth, signal: closing.signal });
    const reader = stream.body?.getReader();
    const stalled = await fetch(`${url}/push`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: stalledBody('{"events":['),
      duplex: 'half',
    } as RequestInit);
    const headersDropped = stalledHeaders(port);
    // Eight times Node's request limit, and two of its checks (every 1 s).
    await new Promise((r) => setTimeout(r, 2_200));
    await call(h, 'POST', '/sync/push', {
      token: other.token,
      body: { events: eventsOf(other.deviceId, 1, 1) },
    });
    let received = '';
    while (!received.includes('event: poke')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    closing.abort();

    expect(limits.requestTimeout).toBe(250);
    expect(stalled.status).toBe(408);
    expect(await headersDropped).toEqual({
      ms: expect.toSatisfy((ms: number) => ms < 2_000),
      answer: 'HTTP/1.1 408 Request Timeout',
    });
    expect(stream.status).toBe(200);
    expect(received).toContain('event: hello');
    expect(received).toContain('event: poke');
  });
});

/** Serves the harness's app on a loopback port with Node server `options`. */
async function listen(harness: Harness, options: ReturnType<typeof serverLimits>): Promise<number> {
  server = await new Promise<ServerType>((ready) => {
    const s = serve(
      { fetch: harness.app.fetch, hostname: '127.0.0.1', port: 0, serverOptions: options },
      () => ready(s),
    );
  });
  return (server.address() as AddressInfo).port;
}

/** Sends half a request head and nothing more; resolves with Node's answer and when it came. */
function stalledHeaders(port: number): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const socket = connect(port, '127.0.0.1', () =>
      socket.write('GET /api/v1/health HTTP/1.1\r\n'),
    );
    const done = (answer: string) => {
      resolve({ ms: performance.now() - start, answer });
      socket.destroy();
    };
    socket.on('error', () => done('error'));
    socket.on('data', (data) => done(String(data).split('\r\n')[0] ?? ''));
    socket.on('close', () => done('closed'));
  });
}
