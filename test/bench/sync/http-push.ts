/**
 * Pushes for the load generator of the ingest benchmark: node:http with a keep-alive
 * agent rather than fetch. Node's fetch (undici) costs ≈ 4 ms of CPU per request on the
 * 2-core bench machines, against ≈ 1 ms here, so with fetch the one process playing 50
 * devices ran out of CPU before the server did, and its own queueing showed up as push
 * latency. Real devices are separate browsers; the load generator must not be the limit.
 */
import { Agent, request } from 'node:http';
import type { KioskEvent } from '../../../src/domain/events';
import { type HttpDevice, type PushAnswer, pushAnswer } from '../../e2e/support/sync-http';

/** One agent per run: sockets are kept open between a device's pushes. */
export function httpPusher(): {
  push(url: string, device: HttpDevice, events: readonly KioskEvent[]): Promise<PushAnswer>;
  close(): void;
} {
  const agent = new Agent({ keepAlive: true });
  return {
    push(url, device, events) {
      const body = JSON.stringify({ events });
      return new Promise((resolve, reject) => {
        const req = request(
          `${url}/api/v1/sync/push`,
          {
            method: 'POST',
            agent,
            headers: {
              Authorization: `Bearer ${device.token}`,
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve(pushAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
