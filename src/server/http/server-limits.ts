/**
 * Node's own HTTP limits, matched to the app's: the app answers a body that is late with
 * a JSON 408 (BODY_TIMEOUT_MS); Node's requestTimeout, a little longer, ends whatever the
 * app does not read, and headersTimeout ends a client that never finishes its headers.
 * Neither cuts a long answer (the sync stream): both stop counting once the request is in.
 */
import { BODY_TIMEOUT_MS } from './body';

/** Headers must be in within this many ms (Node's default is 60 s). */
export const HEADERS_TIMEOUT_MS = 10_000;

/** What Node's server adds to the app's body limit before it drops a request itself. */
export const NODE_MARGIN_MS = 5_000;

/** Options for `http.createServer`/`https.createServer` (through @hono/node-server). */
export function serverLimits(bodyTimeoutMs = BODY_TIMEOUT_MS, marginMs = NODE_MARGIN_MS) {
  return {
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, bodyTimeoutMs + marginMs),
    requestTimeout: bodyTimeoutMs + marginMs,
    // Node checks its timeouts every 30 s by default, which would stretch them by as much.
    connectionsCheckingInterval: 1_000,
  };
}
