/**
 * Request time limits of the real server process, through raw sockets: a client that
 * sends the headers and half a body, then stalls, gets a JSON 408 after BODY_TIMEOUT_MS
 * and is hung up on; one that never finishes its headers is dropped by Node; a sync
 * stream opened at the same time outlives Node's request limit. A client that breaks off
 * mid-upload is one info line (`request_aborted`), not a stack trace.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { businessDayOf } from '../../src/domain/time';
import { BODY_TIMEOUT_MS } from '../../src/server/http/body';
import { serverLimits } from '../../src/server/http/server-limits';
import { kioskBundle } from '../fixtures/kiosk';
import { type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from './support/sync-http';

/** A raw connection: what it received, and when the server hung up (ms after opening). */
type Raw = { socket: Socket; received: () => string; closed: Promise<number> };

function open(server: RunningServer, head: string): Raw {
  const start = performance.now();
  let received = '';
  const socket = connect(server.port, '127.0.0.1', () => socket.write(head));
  socket.on('data', (data) => (received += String(data)));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => resolve(performance.now() - start));
  });
  return { socket, received: () => received, closed };
}

/** The head of a push with a 400-byte body, and the first half of that body. */
function halfPush(token: string): string {
  return [
    'POST /api/v1/sync/push HTTP/1.1',
    'Host: 127.0.0.1',
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    'Content-Length: 400',
    '',
    `{"events":[${' '.repeat(189)}`,
  ].join('\r\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('request time limits of the server process', () => {
  it('answers a stalled body 408 and hangs up, drops stalled headers, and keeps a sync stream open past both', async () => {
    const server = await startServer({ configDir: writeConfigDir(kioskBundle()) });
    try {
      const kiosk = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Kiosk');
      const other = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Kiosk 2');
      const stream = open(
        server,
        `GET /api/v1/sync/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${kiosk.token}\r\n\r\n`,
      );
      const body = open(server, halfPush(kiosk.token));
      const headers = open(server, 'POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n');
      const bodyClosedAt = await body.closed;
      const headersClosedAt = await headers.closed;
      // Past Node's own request limit and one of its checks (every second).
      await sleep(serverLimits().requestTimeout + 1_500 - bodyClosedAt);
      const day = businessDayOf(Date.now(), kioskBundle().site.timeZone);
      await pushOverHttp(server.url, other, eventsOf(other, 1, day));
      await sleep(300);
      stream.socket.destroy();

      expect(bodyClosedAt).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 100);
      expect(bodyClosedAt).toBeLessThan(BODY_TIMEOUT_MS + 2_000);
      expect(body.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(body.received()).toMatch(/\r\nconnection: close\r\n/i);
      expect(body.received()).toContain('"error":"request_timeout"');
      expect(headers.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(headersClosedAt).toBeLessThan(serverLimits().headersTimeout + 2_000);
      expect(stream.received()).toContain('event: hello');
      expect(stream.received()).toContain('event: poke');
      const timedOut = lines(server).filter((r) => r.error === 'request_timeout');
      expect(timedOut).toEqual([expect.objectContaining({ level: 'info', status: 408 })]);
    } finally {
      await server.stop();
    }
  });

  it('logs a client that disconnects mid-upload as one info line, no stack trace', async () => {
    const server = await startServer({ configDir: writeConfigDir(kioskBundle()) });
    try {
      const kiosk = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Kiosk');
      const before = server.output().length;
      const upload = open(server, halfPush(kiosk.token));
      await sleep(200);
      upload.socket.destroy();
      await upload.closed;
      await sleep(300);
      await server.stop();

      const after = server.output().slice(before);
      const records = after
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const push = records.filter((r) => r.route === '/api/v1/sync/push');
      expect(push).toEqual([
        expect.objectContaining({ level: 'info', status: 400, error: 'request_aborted' }),
      ]);
      expect(records.filter((r) => r.level !== 'info')).toEqual([]);
      expect(after).not.toContain('ECONNRESET');
    } finally {
      await server.stop();
    }
  });
});

/** The server's stdout as records. */
function lines(server: RunningServer): Record<string, unknown>[] {
  return server
    .stdout()
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
