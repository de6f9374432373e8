import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, StreamMessage } from '../../../src/domain/protocol';
import { createSseParser, type SseEvent } from '../../../src/sync/sse';
import { createHttpTransport, TransportError } from '../../../src/sync/transport';
import { ticketIssued } from '../../fixtures/events';

type Call = {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
  priority?: RequestPriority;
};

/** A fetch that records each call and answers with `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    init.signal?.throwIfAborted();
    const call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: (init.body as string | undefined) ?? null,
      priority: init.priority,
    };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const pushAnswer: PushResponse = {
  ackSeq: 1,
  accepted: 1,
  flagged: 0,
  quarantined: 0,
  epoch: 'e1',
  serverTime: 5,
};
const signal = () => new AbortController().signal;

describe('createHttpTransport', () => {
  it('pushes JSON to /api/v1/sync/push with the current bearer token', async () => {
    let token = 'first';
    const { calls, fetch } = fakeFetch(() => json(pushAnswer));
    const transport = createHttpTransport({
      baseUrl: 'https://mpp.example/',
      token: () => token,
      fetch,
    });
    const event = ticketIssued();

    const answer = await transport.push([event], signal());
    token = 'second';
    await transport.push([], signal());

    expect(answer).toEqual(pushAnswer);
    expect(calls[0]).toMatchObject({ url: 'https://mpp.example/api/v1/sync/push', method: 'POST' });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ events: [event] });
    expect(calls.map((c) => c.headers.get('Authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('gzips a long push (Content-Encoding: gzip), and sends a short one as it is', async () => {
    // Arrange
    const bodies: unknown[] = [];
    const headers: (string | null)[] = [];
    const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      bodies.push(init.body);
      headers.push(new Headers(init.headers).get('Content-Encoding'));
      return json(pushAnswer);
    }) as typeof globalThis.fetch;
    const recorded = createHttpTransport({ baseUrl: 'https://mpp.example', token: 't', fetch });
    const events = Array.from({ length: 20 }, () => ticketIssued());

    // Act
    await recorded.push(events, signal());
    await recorded.push([], signal());

    // Assert
    expect(headers).toEqual(['gzip', null]);
    const sent = new Uint8Array(bodies[0] as ArrayBuffer);
    const inflated = JSON.parse(gunzipSync(sent).toString('utf8'));
    expect(inflated).toEqual({ events });
    expect(sent.length).toBeLessThan(JSON.stringify({ events }).length / 3);
    expect(bodies[1]).toBe('{"events":[]}');
  });

  it('pulls with cursor and limit in the query', async () => {
    const page: PullResponse = {
      events: [],
      cursor: 7,
      head: 7,
      hasMore: false,
      epoch: 'e1',
      serverTime: 1,
    };
    const { calls, fetch } = fakeFetch(() => json(page));
    const transport = createHttpTransport({ baseUrl: '', token: 't', fetch });

    expect(await transport.pull(7, 500, signal())).toEqual(page);
    await transport.pull(7, 500, signal(), 0);
    await transport.pull(7, 500, signal(), 42);
    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/sync/pull?cursor=7&limit=500',
      '/api/v1/sync/pull?cursor=7&limit=500',
      '/api/v1/sync/pull?cursor=7&limit=500&own=42',
    ]);
  });

  it('reports no answer as offline, and an error answer as http with its body', async () => {
    const offline = createHttpTransport({
      baseUrl: '',
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const gap = createHttpTransport({
      baseUrl: '',
      token: 't',
      fetch: fakeFetch(() => json({ error: 'gap', message: 'gap', ackSeq: 3 }, 409)).fetch,
    });
    const broken = createHttpTransport({
      baseUrl: '',
      token: 't',
      fetch: fakeFetch(() => new Response('Bad Gateway', { status: 502 })).fetch,
    });

    await expect(offline.push([], signal())).rejects.toMatchObject({ kind: 'offline' });
    await expect(gap.push([], signal())).rejects.toMatchObject({
      kind: 'http',
      status: 409,
      body: { ackSeq: 3 },
    });
    await expect(broken.pull(0, 10, signal())).rejects.toMatchObject({
      status: 502,
      body: 'Bad Gateway',
    });
  });

  it('refuses an answer that is not what the protocol says', async () => {
    const { fetch } = fakeFetch(() => json({ ackSeq: -1, epoch: 'e1' }));
    const transport = createHttpTransport({ baseUrl: '', token: 't', fetch });

    const pushing = transport.push([], signal());

    await expect(pushing).rejects.toBeInstanceOf(TransportError);
    await expect(pushing).rejects.toMatchObject({ kind: 'http', status: 200 });
  });

  it('rejects with the abort reason, not as a transport failure, when aborted', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(() => json(pushAnswer));
    const transport = createHttpTransport({ baseUrl: '', token: 't', fetch });
    controller.abort(new DOMException('stopped', 'AbortError'));

    await expect(transport.push([], controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('reads the stream with fetch and hands on hello and poke messages', async () => {
    const chunks = [
      'event: hello\r\ndata: {"type":"hello","epoch":"e1"}\r',
      '\n\r\n: heartbeat\n\nevent: poke\ndata: {"type":"po',
      'ke","head":42}\n\ndata: {"type":"later-version"}\n\n',
    ];
    const { calls, fetch } = fakeFetch(() => new Response(streamOf(chunks)));
    const transport = createHttpTransport({ baseUrl: '', token: 't', fetch });
    const messages: StreamMessage[] = [];

    await transport.stream(signal(), (m) => messages.push(m));

    expect(messages).toEqual([
      { type: 'hello', epoch: 'e1' },
      { type: 'poke', head: 42 },
    ]);
    expect(calls[0]?.url).toBe('/api/v1/sync/stream');
    expect(calls[0]?.headers.get('Accept')).toBe('text/event-stream');
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer t');
    // Open all day: the browser must not count it among what a page load waits for.
    expect(calls[0]?.priority).toBe('low');
  });
});

describe('createSseParser', () => {
  it('joins data lines and dispatches only at a blank line', () => {
    const events: SseEvent[] = [];
    const feed = createSseParser((e) => events.push(e));

    feed('data: one\ndata:two\n');
    const beforeBlank = events.length;
    feed('\nevent: x\ndata\n\n:comment\n\n');

    expect(beforeBlank).toBe(0);
    expect(events).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'x', data: '' },
    ]);
  });
});

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}
