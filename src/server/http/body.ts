/**
 * Reading a request body safely, as JSON or as bytes (an .xlsx): refused before parsing
 * when it is too big (by Content-Length, by counting bytes as they arrive when no length
 * is given, and by the bytes read), when it does not arrive in full within the request's
 * time limit (408), when the client breaks off (one info line, not an error); as JSON,
 * when it is not JSON by content type, not UTF-8 or not valid JSON. A gzip body is
 * inflated first, within the same size limit.
 */
import { gunzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_BODY_BYTES } from '../../domain/protocol';
import { ApiFailure, fail } from './errors';

/**
 * Seconds, not minutes: a whole body (≤ MAX_BODY_BYTES) must arrive within this many ms
 * of the request's start. A 500-event push is ≈ 250 KB: ten seconds allow 200 kbit/s.
 */
export const BODY_TIMEOUT_MS = 10_000;

declare module 'hono' {
  interface ContextVariableMap {
    /** When (performance.now()) the request's body must have arrived, and the limit. */
    bodyDeadline: { at: number; ms: number };
  }
}

/** Starts each request's body clock (at its start, when the headers are in). */
export function bodyDeadline(ms: number): MiddlewareHandler {
  return async (c, next) => {
    c.set('bodyDeadline', { at: performance.now() + ms, ms });
    await next();
  };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The parsed JSON body. With `emptyAs`, a request without a body stands for that value
 * (e.g. `{}` for a POST whose fields are all optional).
 */
export async function readJsonBody(
  c: Context,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const bytes = await readBodyBytes(c);
  if (bytes.length === 0 && options.emptyAs !== undefined) return options.emptyAs;
  if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
    throw fail(
      415,
      'unsupported_media_type',
      'The body must be JSON (Content-Type: application/json).',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail(400, 'invalid_json', 'The body is not UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/**
 * The body's bytes as sent (gzip read back), whatever its type: refused as too large,
 * late or broken off like a JSON body.
 */
export async function readBodyBytes(c: Context): Promise<Uint8Array> {
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES)) {
    throw tooLarge();
  }
  // With a declared length (checked above), Node's HTTP parser delivers at most that many
  // bytes, so the body is read in one go, skipping web streams (a 500-event push reads
  // ≈ 2× faster), and its size checked again (a Request built in memory may say less than
  // it holds). Without one (chunked), bytes are counted as they arrive.
  const reading =
    declared === undefined
      ? readLimited(c.req.raw.body, MAX_BODY_BYTES)
      : c.req.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  const received = await arrival(c, reading);
  if (received.length > MAX_BODY_BYTES) throw tooLarge();
  return decoded(received, c.req.header('Content-Encoding'));
}

/**
 * The body once it has arrived; a 408 when the request's deadline passes first, and a
 * `request_aborted` 400 (which no one receives: the access line is its only trace) when
 * the client breaks off. Either way the connection is closed after the answer.
 */
async function arrival(c: Context, reading: Promise<Uint8Array>): Promise<Uint8Array> {
  const deadline: { at: number; ms: number } | undefined = c.var.bodyDeadline;
  const { at, ms } = deadline ?? { at: performance.now() + BODY_TIMEOUT_MS, ms: BODY_TIMEOUT_MS };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(ms)), Math.max(0, at - performance.now()));
  });
  // A read still pending at the deadline fails when the connection closes: unheard.
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, timeout]);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 413) throw error;
    if (error instanceof ApiFailure || isClientAbort(c, error)) {
      c.header('Connection', 'close');
      throw error instanceof ApiFailure ? error : aborted();
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A body read failed because the client went (Node's 'aborted', or the request's signal). */
function isClientAbort(c: Context, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || c.req.raw.signal.aborted;
}

/** The whole body, or a 413 as soon as more than `max` bytes have arrived. */
async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

function timedOut(ms: number) {
  return fail(408, 'request_timeout', `The body did not arrive in full within ${ms / 1000} s.`);
}

function aborted() {
  return fail(400, 'request_aborted', 'The client stopped sending the body before its end.');
}

/**
 * The body as sent before its Content-Encoding: gzip is read back (a device on a slow
 * mobile link compresses its pushes), at most MAX_BODY_BYTES once inflated — a small body
 * that would inflate beyond it is refused as too large without inflating the rest.
 */
function decoded(bytes: Uint8Array, encoding: string | undefined): Uint8Array {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return bytes;
  if (name !== 'gzip') {
    throw fail(415, 'unsupported_encoding', 'A body may be sent as is or with gzip only.');
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw fail(400, 'invalid_body', 'The gzip body could not be read.');
  }
}

function tooLarge() {
  return fail(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
}
