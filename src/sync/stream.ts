/**
 * Listening to the server's stream: each message ('hello' on connect, 'poke' on new
 * events) asks for a sync. The stream is a hint only — syncing never depends on it.
 * Must: reconnect with backoff (never a tight loop) until the signal aborts.
 */
import type { StreamMessage } from '../domain/protocol';
import { backoffDelay, type LoopTiming } from './backoff';
import { type LoopEnvironment, sleep } from './loop-env';
import type { Transport } from './transport';

/** Keeps a stream open until `signal` aborts; calls `onMessage` for each message. */
export async function runStream(
  transport: Transport,
  env: Pick<LoopEnvironment, 'timers' | 'random'>,
  timing: LoopTiming,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    try {
      await transport.stream(signal, (message) => {
        failures = 0;
        onMessage(message);
      });
    } catch {
      // Unreachable or refused: wait and try again, like a closed stream.
    }
    if (signal.aborted) return;
    failures += 1;
    const wait = Math.max(timing.backoffBaseMs, backoffDelay(failures, timing, env.random));
    await sleep(env.timers, wait, signal);
  }
}
