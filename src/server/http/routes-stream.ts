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
      await holdStream(
        stream,
        deps,
        siteId,
        deviceId,
        (head) => void send(stream, { type: 'poke', head }),
      );
    });
  });
  return api;
}

/**
 * Keeps an event stream open until its client goes or the server closes it: a heartbeat
 * comment every `deps.heartbeatMs`, and `poke` on each push that commits events of the site.
 */
export function holdStream(
  stream: SSEStreamingApi,
  deps: ApiDeps,
  siteId: string,
  owner: string,
  poke: (head: number) => void,
): Promise<void> {
  return new Promise<void>((done) => {
    const finish = () => {
      clearInterval(heartbeat);
      unsubscribe();
      done();
    };
    const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), deps.heartbeatMs);
    const unsubscribe = deps.pokes.subscribe(siteId, owner, { poke, close: finish });
    stream.onAbort(finish);
    if (stream.aborted) finish();
  });
}

function send(stream: SSEStreamingApi, message: StreamMessage): Promise<void> {
  return stream.writeSSE({ event: message.type, data: JSON.stringify(message) });
}
