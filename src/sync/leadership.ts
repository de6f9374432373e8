/**
 * Exactly one sync loop per device: the loop that holds the 'anjungan-sync' Web Lock is
 * the leader, across tabs and workers; the others wait for it to go. Where Web Locks are
 * missing, an in-memory guard gives the same within one page.
 */

/** The part of `navigator.locks` used here. */
export type LockManagerLike = {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
};

/** The lock every sync loop of this origin asks for. */
export const SYNC_LOCK = 'anjungan-sync';

/**
 * Resolves once this caller holds the lock, which it keeps until `signal` aborts;
 * rejects with the abort reason if the signal aborts first.
 */
export function acquireLeadership(
  locks: LockManagerLike | null,
  signal: AbortSignal,
  name: string = SYNC_LOCK,
): Promise<void> {
  return locks ? webLock(locks, name, signal) : memoryLock(name, signal);
}

function webLock(locks: LockManagerLike, name: string, signal: AbortSignal): Promise<void> {
  return new Promise((acquired, failed) => {
    locks
      .request(name, { signal }, () => {
        acquired();
        return new Promise<void>((release) => {
          if (signal.aborted) release();
          signal.addEventListener('abort', () => release(), { once: true });
        });
      })
      .catch(failed);
  });
}

/** Tail of the queue of holders and waiters, by lock name. */
const queues = new Map<string, Promise<void>>();

function memoryLock(name: string, signal: AbortSignal): Promise<void> {
  const before = queues.get(name) ?? Promise.resolve();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  signal.addEventListener('abort', () => release(), { once: true });
  if (signal.aborted) release();
  const tail = before.then(() => held);
  queues.set(name, tail);
  void tail.then(() => {
    if (queues.get(name) === tail) queues.delete(name);
  });
  return before.then(() => signal.throwIfAborted());
}
