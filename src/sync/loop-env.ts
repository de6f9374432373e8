/**
 * What the sync loop takes from its surroundings — timers, randomness, Web Locks, the
 * window's connectivity events, page visibility, a channel to the leader tab — so tests
 * can give it fake ones.
 */
import type { LockManagerLike } from './leadership';
import { TransportError } from './transport';

export type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** `document`, as far as visibility goes. */
export type VisibilityTarget = EventTarget & { readonly visibilityState: string };

/** A BroadcastChannel, as far as forwarding sync requests to the leader goes. */
export type ChannelLike = EventTarget & { postMessage(message: unknown): void };

export type LoopEnvironment = {
  timers: Timers;
  random: () => number;
  /** Web Locks; null: an in-memory guard (one loop per page). */
  locks: LockManagerLike | null;
  /** Where 'online' and 'offline' fire. */
  window: EventTarget | null;
  document: VisibilityTarget | null;
  isOnline: () => boolean;
  /** Where a tab that is not the leader sends its sync requests; none by default. */
  channel: ChannelLike | null;
};

/** The browser's own timers, locks, window and document, where they exist. */
export function defaultEnvironment(): LoopEnvironment {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return {
    timers: {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) =>
        globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
    },
    random: Math.random,
    locks: nav?.locks ?? null,
    window: typeof window === 'undefined' ? null : window,
    document: typeof document === 'undefined' ? null : document,
    isOnline: () => nav?.onLine !== false,
    channel: null,
  };
}

export type EnvironmentHandlers = {
  online(isOnline: boolean): void;
  visible(): void;
  forwarded(reason: string): void;
};

/** Listens for connectivity, visibility and forwarded requests; returns the unsubscribe. */
export function watchEnvironment(env: LoopEnvironment, on: EnvironmentHandlers): () => void {
  const online = () => on.online(true);
  const offline = () => on.online(false);
  const visibility = () => {
    if (env.document?.visibilityState === 'visible') on.visible();
  };
  const message = (event: Event) => {
    const data = (event as MessageEvent).data;
    if (typeof data === 'string') on.forwarded(data);
  };
  env.window?.addEventListener('online', online);
  env.window?.addEventListener('offline', offline);
  env.document?.addEventListener('visibilitychange', visibility);
  env.channel?.addEventListener('message', message);
  return () => {
    env.window?.removeEventListener('online', online);
    env.window?.removeEventListener('offline', offline);
    env.document?.removeEventListener('visibilitychange', visibility);
    env.channel?.removeEventListener('message', message);
  };
}

/** Waits `ms` on the given timers; resolves early when `signal` aborts. */
export function sleep(timers: Timers, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      timers.clearTimeout(handle);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const handle = timers.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The environment fields the caller set (undefined keeps the default, null means none). */
export function definedOnly(deps: Partial<LoopEnvironment>): Partial<LoopEnvironment> {
  const keys = ['timers', 'random', 'locks', 'window', 'document', 'isOnline', 'channel'] as const;
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (deps[key] !== undefined) picked[key] = deps[key];
  return picked as Partial<LoopEnvironment>;
}

/** A short text for the status: 'offline', 'http 503', or the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof TransportError) {
    return error.kind === 'offline' ? 'offline' : `http ${error.status ?? '?'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
