/**
 * The fuzz's HTTP client: node:http over keep-alive sockets, any body bytes and headers
 * (malformed ones included), a chosen loopback source address (the server limits wrong
 * codes per client address), and every answer counted by kind and status.
 * Must: a 5xx, or no answer within REQUEST_TIMEOUT_MS, fails the run at once.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { Stats } from './stats';

const REQUEST_TIMEOUT_MS = 30_000;

/** One request: what it is for (its kind in the figures), and what to send. */
export type Request = {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  /** A value is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The loopback address to send from: 127.0.0.1 unless told. */
  from?: string;
};

/** An answer: status, headers and body text (JSON when it parses). */
export type Answer = { status: number; text: string; json: unknown; retryAfter?: string };

/** Thrown for a 5xx or a request without an answer: the run's failure. */
export class ServerFault extends Error {}

/** A client of one server address; `reset` drops its sockets (after a restart). */
/**
 * Idle sockets are closed by the client after this long, before the server's keep-alive
 * timeout (Node's 5 s) closes them: a request written to a socket just as the server
 * closes it gets no answer ("socket hang up") through no fault of the server — seen once
 * in 100,000 requests, on a socket of a rarely used source address. Browsers retry such a
 * request by themselves; this client does not, so it must not reuse a socket that old.
 */
const IDLE_SOCKET_MS = 4_000;

const newAgent = () => new Agent({ keepAlive: true, maxSockets: 16, timeout: IDLE_SOCKET_MS });

export class Client {
  private agent = newAgent();

  constructor(
    private port: number,
    private readonly stats: Stats,
  ) {}

  /** Points the client at a (restarted) server and forgets every open socket. */
  reset(port = this.port): void {
    this.agent.destroy();
    this.agent = newAgent();
    this.port = port;
  }

  close(): void {
    this.agent.destroy();
  }

  /** Sends the request; answers whatever 2xx–4xx came back (every 4xx with an ApiError body). */
  async send(req: Request): Promise<Answer> {
    const answer = await this.raw(req).catch((error: unknown) => {
      throw new ServerFault(`${req.method} ${req.path} (${req.kind}): no answer: ${error}`);
    });
    this.stats.request(req.kind, answer.status);
    if (answer.status >= 500) {
      throw new ServerFault(
        `${req.method} ${req.path} (${req.kind}) answered ${answer.status}: ${answer.text.slice(0, 500)}`,
      );
    }
    const error = answer.json as { error?: unknown; message?: unknown } | undefined;
    if (
      answer.status >= 400 &&
      (typeof error?.error !== 'string' || typeof error.message !== 'string')
    ) {
      throw new ServerFault(
        `${req.method} ${req.path} (${req.kind}): ${answer.status} without an ApiError body`,
      );
    }
    return answer;
  }

  /** Sends without counting or judging: for requests whose answer may be lost on purpose. */
  raw(req: Request): Promise<Answer> {
    const body =
      req.body === undefined
        ? undefined
        : typeof req.body === 'string' || Buffer.isBuffer(req.body)
          ? Buffer.from(req.body)
          : Buffer.from(JSON.stringify(req.body));
    const headers: Record<string, string> = {
      ...(body ? { 'Content-Type': 'application/json', 'Content-Length': `${body.length}` } : {}),
      ...(req.token === undefined ? {} : { Authorization: `Bearer ${req.token}` }),
      ...req.headers,
    };
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method: req.method,
          path: `/api/v1${req.path}`,
          headers,
          agent: this.agent,
          localAddress: req.from ?? '127.0.0.1',
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const retryAfter = response.headers['retry-after'];
            resolve({
              status: response.statusCode ?? 0,
              text,
              json: parseJson(text),
              ...(retryAfter === undefined ? {} : { retryAfter: String(retryAfter) }),
            });
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
