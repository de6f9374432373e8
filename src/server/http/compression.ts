/**
 * Compression of GET answers made on the fly (pull pages, config; app files have .gz
 * beside them), chosen by `npm run bench:sync` (d) — figures in README "Measured figures".
 * Must: never the slowest part of a pull on a LAN; never on the sync stream, an answer
 * already encoded, one that fits a TCP segment, or a client on this machine.
 */
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** The encodings the server can make (Node 20's zlib has no zstd). */
export type Encoding = 'br' | 'gzip' | 'deflate';

/** How answers are compressed. */
export type Compression = {
  /** In order of preference; the first the client accepts (with the highest q) is used. */
  encodings: readonly Encoding[];
  /** Brotli quality, 0–11. */
  brotliQuality: number;
  /** gzip and deflate level, 1–9. */
  zlibLevel: number;
  /** Answers smaller than this many bytes go as they are. */
  thresholdBytes: number;
  /** Send answers to clients on this machine (loopback) as they are. */
  skipLoopback: boolean;
};

/** A compression, or null to send answers as they are. */
export type CompressionChoice = Compression | null;

/**
 * What the server uses. A 500-event pull page (≈ 231 KB of JSON) on this 2 vCPU host:
 * brotli q1 makes 15 KB in 0.2 ms (gzip 1: 19.6 KB in 0.45 ms; gzip 6: 17.9 KB in 0.7 ms;
 * brotli q4: 14.4 KB in 0.65 ms), decoded in ≈ 0.15 ms; sent as it is, the page takes
 * 18.5 ms on 100 Mbit/s and 1.9 ms on 1 Gbit/s, so compressing wins on any LAN. On
 * loopback it only costs (a 10,000-event catch-up: ≈ 150 ms plain, ≈ 180–200 compressed,
 * ≈ 215 with hono/compress), so a client on this machine (a single-box kiosk) gets none.
 * gzip 1 for clients without br (Node's fetch). Below one TCP segment nothing is gained.
 */
export const PULL_COMPRESSION: Compression = {
  encodings: ['br', 'gzip'],
  brotliQuality: 1,
  zlibLevel: 1,
  thresholdBytes: 1400,
  skipLoopback: true,
};

/** Types worth compressing: JSON, text (but the event stream), scripts, SVG. */
const COMPRESSIBLE =
  /^(?:application\/(?:[\w.+-]*json|javascript)|text\/(?!event-stream)|image\/svg)/i;

/** Compresses GET answers as `choice` says. */
export function compression(choice: CompressionChoice): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (choice === null || c.req.method !== 'GET' || c.res.status !== 200) return;
    const headers = c.res.headers;
    if (headers.has('Content-Encoding') || /no-transform/i.test(headers.get('Cache-Control') ?? ''))
      return;
    if (!COMPRESSIBLE.test(headers.get('Content-Type') ?? '')) return;
    headers.append('Vary', 'Accept-Encoding');
    const encoding = negotiate(c.req.header('Accept-Encoding'), choice.encodings);
    if (encoding === null || (choice.skipLoopback && fromLoopback(c.env))) return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    const keep = { status: c.res.status, headers: new Headers(headers) };
    if (body.byteLength < choice.thresholdBytes) {
      c.res = new Response(body, keep);
      return;
    }
    const packed = compress(body, encoding, choice);
    c.res = new Response(packed, keep);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
    // Another representation of the same thing: a strong ETag would promise byte equality.
    const etag = c.res.headers.get('ETag');
    if (etag?.startsWith('"')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

/** Whether @hono/node-server's bindings say the client is on this machine. */
function fromLoopback(env: unknown): boolean {
  const socket = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming?.socket;
  const address = socket?.remoteAddress ?? '';
  return /^(?:::ffff:)?127\.\d+\.\d+\.\d+$|^::1$/i.test(address);
}

/** `body` compressed with `encoding` at the choice's level. */
export function compress(body: Uint8Array, encoding: Encoding, choice: Compression): Uint8Array {
  if (encoding === 'gzip') return gzipSync(body, { level: choice.zlibLevel });
  if (encoding === 'deflate') return deflateSync(body, { level: choice.zlibLevel });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: choice.brotliQuality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/**
 * The encoding to use for an Accept-Encoding header: among `ours`, the one with the
 * highest q the client gives (ties: our order); '*' stands for any not named; q=0 refuses.
 */
export function negotiate(header: string | undefined, ours: readonly Encoding[]): Encoding | null {
  if (header === undefined || header.trim() === '') return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (name !== '') weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of ours) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
