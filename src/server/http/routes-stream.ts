/**
 * GET /sync/stream (device token in the Authorization header; devices read it with
 * fetch, not EventSource, which cannot send headers): server-sent events — `hello` with
 * the epoch, then `poke` with the head whenever a push commits new events for the site,
 * and a comment line every heartbeat so proxies and NATs keep the connection open.
 * Must: a stream ends when its client goes, its device is revoked, or the server stops.
 */
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { StreamMessage } from '../../domain/protocol';
import { requireDevice } from '../auth/guard';
import type { ApiDeps } from './deps';

/** GET /stream (mounted under /sync). */
export function streamRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.get('/stream', requireDevice(deps), (c) => {
    const { deviceId } = c.get('device');
    const siteId = deps.siteId();
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      await send(stream, { type: 'hello', epoch: deps.store.epoch });
      await new Promise<void>((done) => {
        const finish = () => {
          clearInterval(heartbeat);
          unsubscribe();
          done();
        };
        const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), deps.heartbeatMs);
        const unsubscribe = deps.pokes.subscribe(siteId, deviceId, {
          poke: (head) => void send(stream, { type: 'poke', head }),
          close: finish,
        });
        stream.onAbort(finish);
        if (stream.aborted) finish();
      });
    });
  });
  return api;
}

function send(stream: SSEStreamingApi, message: StreamMessage): Promise<void> {
  return stream.writeSSE({ event: message.type, data: JSON.stringify(message) });
}
