/**
 * The device's side of the wire protocol (src/domain/protocol.ts) over fetch. The sync
 * engine sees only the `Transport` interface, so tests give it an in-memory server.
 * Must: every call carries the bearer token and the caller's AbortSignal; failures are
 * `TransportError`s ('offline' when no answer came, 'http' for an error answer or one
 * that is not what the protocol says); an abort rejects with the signal's reason.
 */
import type { KioskEvent } from '../domain/events';
import type {
  LeaseRequest,
  LeaseResponse,
  PullResponse,
  PushResponse,
  StreamMessage,
} from '../domain/protocol';
import type { DeviceHealth } from '../domain/protocol-schema';
import { checkLeaseResponse, checkPullResponse, checkPushResponse } from './responses';
import { createSseParser } from './sse';

/** What sync needs from the server. */
export interface Transport {
  push(events: readonly KioskEvent[], signal: AbortSignal): Promise<PushResponse>;
  /** `own`: this device holds its own events through that deviceSeq (they may be left out). */
  pull(cursor: number, limit: number, signal: AbortSignal, own?: number): Promise<PullResponse>;
  leases(request: LeaseRequest, signal: AbortSignal): Promise<LeaseResponse>;
  /** Reads the server's stream until it ends (resolves) or fails (rejects). */
  stream(signal: AbortSignal, onMessage: (message: StreamMessage) => void): Promise<void>;
  /** Tells the server how the device stands (for the admin's device list). */
  health?(report: DeviceHealth, signal: AbortSignal): Promise<void>;
}

/** A failed call: no answer ('offline'), or an error or malformed answer ('http'). */
export class TransportError extends Error {
  readonly kind: 'offline' | 'http';
  readonly status: number | undefined;
  /** The answer's body: an ApiError object when it was JSON, else its text. */
  readonly body: unknown;

  constructor(
    kind: 'offline' | 'http',
    options: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(kind === 'offline' ? 'server unreachable' : `server answered ${options.status ?? '?'}`, {
      cause: options.cause,
    });
    this.name = 'TransportError';
    this.kind = kind;
    this.status = options.status;
    this.body = options.body;
  }
}

export type HttpTransportOptions = {
  /** Origin (and path prefix) of the site server, '' for the page's own origin. */
  baseUrl: string;
  /** The device token, or a function reading the current one (it changes on re-enrollment). */
  token: string | (() => string);
  fetch?: typeof fetch;
};

/** Calls under one path of the site server's API, with the device token; see `Transport`. */
export type HttpCaller = {
  /** The answer when it is 2xx; a TransportError otherwise. */
  call(path: string, init: RequestInit, signal: AbortSignal): Promise<Response>;
  /** The answer's JSON body as `check` reads it; a TransportError when it cannot. */
  json<T>(response: Response, check: (body: unknown) => T | null, signal: AbortSignal): Promise<T>;
  /** A POST of `body` as JSON. */
  post(body: unknown): RequestInit;
};

/** The calls under `prefix` (e.g. '/api/v1/sync') of the server `options` names. */
export function createHttpCaller(options: HttpTransportOptions, prefix: string): HttpCaller {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = `${options.baseUrl.replace(/\/+$/, '')}${prefix}`;
  const token = () => (typeof options.token === 'function' ? options.token() : options.token);
  return {
    async call(path, init, signal) {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token()}`);
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { ...init, headers, signal });
      } catch (error) {
        signal.throwIfAborted();
        throw new TransportError('offline', { cause: error });
      }
      if (!response.ok) {
        const body = await readBody(response).catch(() => '');
        throw new TransportError('http', { status: response.status, body });
      }
      return response;
    },
    async json(response, check, signal) {
      const body = await readBody(response).catch((error: unknown) => {
        signal.throwIfAborted();
        throw new TransportError('offline', { cause: error });
      });
      const value = check(body);
      if (value === null) throw new TransportError('http', { status: response.status, body });
      return value;
    },
    post: (body) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  };
}

/** The Transport over HTTP: /api/v1/sync/{push,pull,leases,stream}. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { call, json, post } = createHttpCaller(options, '/api/v1/sync');
  return {
    push: async (events, signal) =>
      json(await call('/push', await gzipPost({ events }), signal), checkPushResponse, signal),
    pull: async (cursor, limit, signal, own = 0) =>
      json(
        await call(
          `/pull?cursor=${cursor}&limit=${limit}${own > 0 ? `&own=${own}` : ''}`,
          {},
          signal,
        ),
        checkPullResponse,
        signal,
      ),
    leases: async (request, signal) =>
      json(await call('/leases', post(request), signal), checkLeaseResponse, signal),
    stream: async (signal, onMessage) => {
      // Open all day: low priority, so it never counts among what the page waits for.
      const init: RequestInit = { headers: { Accept: 'text/event-stream' }, priority: 'low' };
      const response = await call('/stream', init, signal);
      await readStream(response, signal, onMessage);
    },
    health: async (report, signal) => {
      // The answer carries nothing the device needs: its body is left unread.
      await (await call('/health', post(report), signal)).body?.cancel();
    },
  };
}

/** Bodies below this many characters are sent as they are: gzip would gain little. */
const GZIP_FROM_CHARS = 1_024;

/**
 * A POST of `body` as JSON, gzipped when it is long and the browser can (a push over a
 * slow mobile link is ≈ 6× smaller); the server reads it back (src/server/http/body.ts).
 */
async function gzipPost(body: unknown): Promise<RequestInit> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (text.length < GZIP_FROM_CHARS || typeof CompressionStream === 'undefined') {
    return { method: 'POST', headers, body: text };
  }
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  const gzipped = await new Response(stream).arrayBuffer();
  return { method: 'POST', headers: { ...headers, 'Content-Encoding': 'gzip' }, body: gzipped };
}

/** Feeds the response body through the SSE parser until it ends. */
async function readStream(
  response: Response,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
): Promise<void> {
  if (!response.body)
    throw new TransportError('http', { status: response.status, body: 'no stream' });
  const feed = createSseParser(({ data }) => {
    const message = parseStreamMessage(data);
    if (message) onMessage(message);
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    signal.throwIfAborted();
    throw new TransportError('offline', { cause: error });
  } finally {
    reader.releaseLock();
  }
}

/** A stream message, or null for anything else (unknown types are for newer devices). */
export function parseStreamMessage(data: string): StreamMessage | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const m = value as Record<string, unknown>;
    if (m.type === 'poke' && typeof m.head === 'number') return { type: 'poke', head: m.head };
    if (m.type === 'hello' && typeof m.epoch === 'string') return { type: 'hello', epoch: m.epoch };
    return null;
  } catch {
    return null;
  }
}

/** The body as JSON when it parses, else as text. */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
