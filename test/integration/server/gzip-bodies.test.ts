// @vitest-environment node
/**
 * Gzipped request bodies (a mobile unit's pushes over a slow link): read back and stored
 * like any push; refused with a clear error, storing nothing, when they would inflate past
 * the body limit (a gzip bomb), are not gzip, or name an encoding the server does not read.
 * The next request is served as usual.
 */
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/domain/protocol';
import { call, eventsOf, type Harness, json, seedDevice, startHarness } from './support';

let h: Harness;
let kiosk: { deviceId: string; token: string };
beforeEach(async () => {
  h = await startHarness();
  kiosk = await seedDevice(h.store);
  return () => h.store.close();
});

const push = (raw: BodyInit, encoding: string) =>
  call(h, 'POST', '/sync/push', {
    token: kiosk.token,
    raw,
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
  });

describe('gzip request bodies', () => {
  it('reads a gzipped push and stores its events', async () => {
    // Arrange
    const events = eventsOf(kiosk.deviceId, 1, 50);
    const body = gzipSync(JSON.stringify({ events }));

    // Act
    const response = await push(body, 'gzip');

    // Assert
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ ackSeq: 50 });
  });

  it.each([
    [
      'a gzip bomb (20 MB of zeros in a few KB)',
      () => gzipSync(Buffer.alloc(20 * MAX_BODY_BYTES)),
      'gzip',
      413,
      'payload_too_large',
    ],
    ['bytes that are not gzip', () => Buffer.from('{"events":[]}'), 'gzip', 400, 'invalid_body'],
    [
      'an encoding the server does not read',
      () => Buffer.from('{"events":[]}'),
      'br',
      415,
      'unsupported_encoding',
    ],
  ])(
    'refuses %s, stores nothing, and serves the next push',
    async (_name, body, encoding, status, error) => {
      // Arrange
      const events = eventsOf(kiosk.deviceId, 1, 3);

      // Act
      const refused = await push(body(), encoding);
      const next = await push(gzipSync(JSON.stringify({ events })), 'gzip');

      // Assert
      expect(refused.status).toBe(status);
      expect(await json(refused)).toMatchObject({ error });
      expect(next.status).toBe(200);
      expect(await json(next)).toMatchObject({ ackSeq: 3 });
    },
  );
});
