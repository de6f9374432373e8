// @vitest-environment node
/**
 * Compression of GET answers: brotli for browsers, gzip for clients without br, nothing
 * for small answers, the sync stream, encoded answers, refusing clients or loopback ones;
 * what arrives decodes to what was sent.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import {
  type CompressionChoice,
  compression,
  negotiate,
  PULL_COMPRESSION,
} from '../../../src/server/http/compression';

const BIG = JSON.stringify({ events: Array.from({ length: 200 }, (_, i) => ({ seq: i, x: 'A' })) });

function app(choice: CompressionChoice = PULL_COMPRESSION): Hono {
  const a = new Hono();
  a.use(compression(choice));
  a.get('/big', (c) => {
    c.header('ETag', '"v1"');
    return c.json(JSON.parse(BIG));
  });
  a.get('/small', (c) => c.json({ ok: true }));
  a.post('/big', (c) => c.json(JSON.parse(BIG)));
  a.get('/stream', (c) => streamSSE(c, (s) => s.writeSSE({ data: BIG })));
  a.get('/png', (c) => c.body(new Uint8Array(5_000), 200, { 'Content-Type': 'image/png' }));
  return a;
}

const get = (path: string, acceptEncoding?: string, env?: unknown, method = 'GET') =>
  app().request(
    path,
    { method, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
    env,
  );

describe('negotiate', () => {
  it('picks the highest q the client gives among ours, our order on ties; q=0 refuses', () => {
    const ours = ['br', 'gzip'] as const;
    expect(negotiate('gzip, deflate, br, zstd', ours)).toBe('br');
    expect(negotiate('gzip, deflate', ours)).toBe('gzip');
    expect(negotiate('br;q=0.5, gzip', ours)).toBe('gzip');
    expect(negotiate('br;q=0, gzip;q=0', ours)).toBeNull();
    expect(negotiate('*', ours)).toBe('br');
    expect(negotiate('*;q=0.1, br;q=0', ours)).toBe('gzip');
    expect(negotiate('identity', ours)).toBeNull();
    expect(negotiate(undefined, ours)).toBeNull();
  });
});

describe('compression', () => {
  it('sends a browser brotli and a Node fetch gzip, both decoding to the same JSON', async () => {
    const browser = await get('/big', 'gzip, deflate, br, zstd');
    const node = await get('/big', 'gzip, deflate');
    const br = new Uint8Array(await browser.arrayBuffer());
    const gz = new Uint8Array(await node.arrayBuffer());

    expect(browser.headers.get('Content-Encoding')).toBe('br');
    expect(node.headers.get('Content-Encoding')).toBe('gzip');
    expect(browser.headers.get('Vary')).toContain('Accept-Encoding');
    expect(browser.headers.get('ETag')).toBe('W/"v1"');
    expect(browser.headers.get('Content-Type')).toContain('application/json');
    expect(brotliDecompressSync(br).toString()).toBe(BIG);
    expect(gunzipSync(gz).toString()).toBe(BIG);
    expect(br.byteLength).toBeLessThan(BIG.length / 5);
  });

  it('leaves alone small answers, POSTs, the event stream, images, and clients that take none', async () => {
    const small = await get('/small', 'br');
    const post = await get('/big', 'br', undefined, 'POST');
    const stream = await get('/stream', 'br');
    const png = await get('/png', 'br');
    const identity = await get('/big', 'identity');

    for (const response of [small, post, stream, png, identity]) {
      expect(response.headers.get('Content-Encoding')).toBeNull();
    }
    expect(await identity.text()).toBe(BIG);
    expect(identity.headers.get('ETag')).toBe('"v1"');
    expect(await stream.text()).toContain(`data: ${BIG}`);
  });

  it('sends answers as they are to a client on this machine, compressed to one on the LAN', async () => {
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

    const local = await get('/big', 'br', from('127.0.0.1'));
    const mapped = await get('/big', 'br', from('::ffff:127.0.0.1'));
    const six = await get('/big', 'br', from('::1'));
    const lan = await get('/big', 'br', from('192.168.1.20'));

    expect(local.headers.get('Content-Encoding')).toBeNull();
    expect(mapped.headers.get('Content-Encoding')).toBeNull();
    expect(six.headers.get('Content-Encoding')).toBeNull();
    expect(lan.headers.get('Content-Encoding')).toBe('br');
  });

  it('compresses nothing when the choice is null', async () => {
    const response = await app(null).request('/big', { headers: { 'Accept-Encoding': 'br' } });

    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(await response.text()).toBe(BIG);
  });
});
