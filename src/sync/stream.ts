/**
 * Listening to the server's stream: each message ('hello' on connect, 'poke' on new
 * events) asks for a sync, and so does its end (a device then learns at once that the server
 * is gone: a board says so, a counter shows it). The stream is a hint only — syncing never
 * depends on it.
 * Must: reconnect with backoff until the signal aborts — never a tight loop, also when
 * the server (or a proxy) accepts the stream and closes it at once.
 */
import type { StreamMessage } from '../domain/protocol';
import { backoffDelay, type LoopTiming } from './backoff';
import { type LoopEnvironment, sleep } from './loop-env';
import type { Transport } from './transport';

/** Keeps a stream open until `signal` aborts; calls `onMessage` for each message. */
export async function runStream(
  transport: Transport,
  env: Pick<LoopEnvironment, 'timers' | 'random'> & { now: () => number },
  timing: LoopTiming,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
  /** Told when a stream ends: the server may be gone (a sync finds out at once). */
  onEnd: () => void = () => {},
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    const openedAt = env.now();
    try {
      await transport.stream(signal, onMessage);
    } catch {
      // Unreachable or refused: wait and try again, like a closed stream.
    }
    if (signal.aborted) return;
    onEnd();
    // A stream that stayed open a while was healthy; one that ended at once was not.
    failures = env.now() - openedAt >= timing.periodMs ? 1 : failures + 1;
    const wait = Math.max(timing.backoffBaseMs, backoffDelay(failures, timing, env.random));
    await sleep(env.timers, wait, signal);
  }
}
