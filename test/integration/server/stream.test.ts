// @vitest-environment node
/** The sync stream: hello with the epoch, a poke with the head after a push, heartbeats, endings. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, eventsOf, type Harness, seedAdmin, seedDevice, startHarness } from './support';

let h: Harness;
let kiosk: { deviceId: string; token: string };
let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

beforeEach(async () => {
  h = await startHarness({ heartbeatMs: 50 });
  kiosk = await seedDevice(h.store);
});
afterEach(async () => {
  await reader?.cancel();
  reader = undefined;
  await h.store.close();
});

/** Opens the stream and returns a function reading until `text` has arrived. */
async function openStream(token: string) {
  const response = await call(h, 'GET', '/sync/stream', { token });
  reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const until = async (text: string): Promise<string> => {
    while (!received.includes(text)) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return received;
      received += decoder.decode(chunk.value, { stream: true });
    }
    return received;
  };
  return { response, until };
}

describe('sync stream', () => {
  it('says hello with the epoch, then pokes with the head after a push commits', async () => {
    const other = await seedDevice(h.store);
    const stream = await openStream(kiosk.token);

    const hello = await stream.until('\n\n');
    await call(h, 'POST', '/sync/push', {
      token: other.token,
      body: { events: eventsOf(other.deviceId, 1, 3) },
    });
    const afterPush = await stream.until('event: poke');
    const poke = await stream.until('"head":3}\n\n');

    expect(stream.response.headers.get('Content-Type')).toContain('text/event-stream');
    expect(hello).toBe(`event: hello\ndata: {"type":"hello","epoch":"${h.store.epoch}"}\n\n`);
    expect(afterPush).toContain('event: poke');
    expect(poke).toContain('event: poke\ndata: {"type":"poke","head":3}\n\n');
  });

  it('does not poke for a replay that stores nothing', async () => {
    const events = eventsOf(kiosk.deviceId, 1, 1);
    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events } });
    const stream = await openStream(kiosk.token);
    await stream.until('\n\n');

    await call(h, 'POST', '/sync/push', { token: kiosk.token, body: { events } });
    const text = await stream.until(': heartbeat');

    expect(text).not.toContain('event: poke');
  });

  it('sends a heartbeat comment while idle', async () => {
    const stream = await openStream(kiosk.token);

    expect(await stream.until(': heartbeat\n\n')).toContain(': heartbeat\n\n');
  });

  it('ends when the client goes, and when its device is revoked', async () => {
    const admin = await seedAdmin(h.store);
    const first = await openStream(kiosk.token);
    await first.until('\n\n');
    await reader?.cancel();
    const second = await openStream(kiosk.token);
    await second.until('\n\n');
    expect(h.pokes.size).toBe(1);

    await call(h, 'POST', `/admin/devices/${kiosk.deviceId}/revoke`, { token: admin });
    const rest = await second.until('never arrives');

    expect(rest.endsWith('\n\n')).toBe(true);
    expect(h.pokes.size).toBe(0);
  });
});
