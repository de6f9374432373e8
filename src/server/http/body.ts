/**
 * Reading a JSON request body safely: refused before parsing when it is too big (by
 * Content-Length, by counting bytes as they arrive when no length is given, and by the
 * bytes read), when it is not JSON by content type, not UTF-8 or not valid JSON.
 */
import type { Context } from 'hono';
import { MAX_BODY_BYTES } from '../../domain/protocol';
import { fail } from './errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The parsed JSON body. With `emptyAs`, a request without a body stands for that value
 * (e.g. `{}` for a POST whose fields are all optional).
 */
export async function readJsonBody(
  c: Context,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES)) {
    throw tooLarge();
  }
  // With a declared length (checked above), Node's HTTP parser delivers at most that many
  // bytes, so the body is read in one go, skipping web streams (a 500-event push reads
  // ≈ 2× faster), and its size checked again (a Request built in memory may say less than
  // it holds). Without one (chunked), bytes are counted as they arrive.
  const bytes =
    declared === undefined
      ? await readLimited(c.req.raw.body, MAX_BODY_BYTES)
      : new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
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

function tooLarge() {
  return fail(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
}
