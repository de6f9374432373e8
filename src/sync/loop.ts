/**
 * The device's sync loop: runs `syncOnce` on every trigger — start, `online`, the page
 * becoming visible, local writes (debounced), the server's stream, and a timer that is
 * periodic when healthy and backs off with jitter after failures.
 * Must:
 * - never sync only on new writes: a failed sync is retried by the timer alone (I9: the
 *   outbox drains within `backoffCapMs` of the network healing, plus one run);
 * - exactly one loop per device (./leadership.ts), one run at a time;
 * - stop() aborts the run in flight and leaves no timer or listener behind.
 */
import { countOutbox } from '../storage/events';
import { readSyncState, recordSyncOutcome } from '../storage/sync-state';
import { backoffDelay, DEFAULT_TIMING, type LoopTiming } from './backoff';
import { type SyncDeps, type SyncResult, syncOnce } from './engine';
import { acquireLeadership } from './leadership';
import {
  defaultEnvironment,
  definedOnly,
  describeError,
  type LoopEnvironment,
  watchEnvironment,
} from './loop-env';
import { createStatusStore, type StatusStore, type SyncStatus } from './status';
import { runStream } from './stream';
import { TransportError } from './transport';

export type { SyncStatus } from './status';

/** Why a sync was asked for; only 'write' is debounced. */
export type SyncReason = 'start' | 'online' | 'visible' | 'write' | 'poke' | 'manual';

export type SyncLoopDeps = SyncDeps &
  Partial<LoopEnvironment> & {
    timing?: Partial<LoopTiming>;
    /** Listen to the server's stream for pokes (default true). */
    stream?: boolean;
    /** One sync run; `syncOnce` unless a test replaces it. */
    run?: (signal: AbortSignal) => Promise<SyncResult>;
  };

export type SyncLoop = {
  status: StatusStore;
  requestSync(reason: SyncReason): void;
  /** Stops every trigger and aborts the run in flight; resolves once it has ended. */
  stop(): Promise<void>;
};

/** Starts the loop; it syncs once it holds the device's sync lock. */
export function startSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const loop = new Loop(deps);
  void loop.start();
  return {
    status: loop.status,
    requestSync: (reason) => loop.request(reason),
    stop: () => loop.stop(),
  };
}

const NEVER = Number.POSITIVE_INFINITY;

class Loop {
  private readonly env: LoopEnvironment;
  private readonly timing: LoopTiming;
  private readonly stopping = new AbortController();
  private readonly update: (change: Partial<SyncStatus>) => void;
  readonly status: StatusStore;
  private leader = false;
  private timer: unknown = null;
  private dueAt = NEVER;
  private running: Promise<void> | null = null;
  private rerunIn = NEVER;
  private failures = 0;
  /**
   * The server's acknowledgement as this loop last knew it: read once at the start, then
   * taken from each run's result (the leader's runs are the only writers of it); null when
   * unknown (the read failed, or a run failed midway), and then read again.
   */
  private ackSeq: number | null = null;
  private stream: Promise<void> = Promise.resolve();
  private unwatch = () => {};

  constructor(private readonly deps: SyncLoopDeps) {
    this.env = { ...defaultEnvironment(), ...definedOnly(deps) };
    this.timing = { ...DEFAULT_TIMING, ...deps.timing };
    const { store, update } = createStatusStore({
      online: this.env.isOnline(),
      pending: 0,
      lastSyncAt: null,
      lastError: null,
      syncing: false,
      flagged: 0,
      quarantined: 0,
      refused: false,
      serverOffsetMs: null,
    });
    this.status = store;
    this.update = update;
  }

  /** Reads the stored status, listens for triggers, waits to lead, then syncs. */
  async start(): Promise<void> {
    this.unwatch = watchEnvironment(this.env, {
      online: (isOnline) => {
        this.update({ online: isOnline });
        if (isOnline) this.request('online');
      },
      visible: () => this.request('visible'),
      forwarded: (reason) => this.request(reason as SyncReason),
    });
    const state = await readSyncState(this.deps.db).catch(() => null);
    if (state) {
      const { lastSyncAt, lastError, serverOffsetMs } = state;
      this.ackSeq = state.ackSeq;
      this.update({ lastSyncAt, lastError, serverOffsetMs });
    }
    await this.refreshPending(state?.ackSeq);
    try {
      await acquireLeadership(this.env.locks, this.stopping.signal);
    } catch {
      return; // Stopped before this loop became the leader.
    }
    this.leader = true;
    if (this.deps.stream !== false) {
      const signal = this.stopping.signal;
      const onMessage = () => this.request('poke');
      const env = { ...this.env, now: this.deps.now };
      this.stream = runStream(this.deps.transport, env, this.timing, signal, onMessage, onMessage);
    }
    this.request('start');
  }

  /** Asks for a sync: now, or after the debounce for a write; forwarded if not the leader. */
  request(reason: SyncReason): void {
    if (this.stopping.signal.aborted) return;
    if (reason === 'write') void this.refreshPending();
    if (!this.leader) {
      this.env.channel?.postMessage(reason);
      return;
    }
    this.schedule(reason === 'write' ? this.timing.debounceMs : 0);
  }

  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort(new DOMException('sync loop stopped', 'AbortError'));
    if (this.timer !== null) this.env.timers.clearTimeout(this.timer);
    this.timer = null;
    this.unwatch();
    await Promise.allSettled([this.running, this.stream]);
    this.update({ syncing: false });
  }

  /** Sets the timer for the next run unless an earlier one is set; during a run, remembers. */
  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted || !this.leader) return;
    if (this.running) {
      this.rerunIn = Math.min(this.rerunIn, delayMs);
      return;
    }
    const at = this.deps.now() + delayMs;
    if (this.timer !== null && this.dueAt <= at) return;
    if (this.timer !== null) this.env.timers.clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = this.env.timers.setTimeout(() => this.fire(), delayMs);
  }

  private fire(): void {
    this.timer = null;
    this.dueAt = NEVER;
    this.running = this.runOnce().finally(() => {
      this.running = null;
      const requested = this.rerunIn;
      this.rerunIn = NEVER;
      this.schedule(Math.min(requested, this.nextDelay()));
    });
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.timing.periodMs;
    return backoffDelay(this.failures, this.timing, this.env.random);
  }

  private async runOnce(): Promise<void> {
    this.update({ syncing: true });
    try {
      const result = await (this.deps.run ?? ((s) => syncOnce(this.deps, s)))(this.stopping.signal);
      this.failures = 0;
      this.ackSeq = result.ackSeq;
      const at = this.deps.now();
      await recordSyncOutcome(this.deps.db, { at, error: null }).catch(() => {});
      const seen = result.pushed.flagged + result.pulled.flagged;
      const before = this.status.getSnapshot();
      const flagged = before.flagged + seen;
      const quarantined = before.quarantined + result.pushed.quarantined;
      const fine = { online: true, lastError: null, refused: false };
      const offset = result.serverOffsetMs ?? before.serverOffsetMs;
      this.update({ ...fine, lastSyncAt: at, flagged, quarantined, serverOffsetMs: offset });
    } catch (error) {
      // A run that failed midway may have stored an ack or an offset: read them again below.
      this.ackSeq = null;
      if (this.stopping.signal.aborted) return;
      this.failures += 1;
      const lastError = describeError(error);
      await recordSyncOutcome(this.deps.db, { at: this.deps.now(), error: lastError }).catch(
        () => {},
      );
      const offline = error instanceof TransportError && error.kind === 'offline';
      const refused =
        error instanceof TransportError && (error.status === 401 || error.status === 403);
      this.update({ lastError, refused, ...(offline ? { online: false } : {}) });
    } finally {
      await this.refreshPending();
      this.update({ syncing: false });
    }
  }

  /**
   * Counts the outbox against `known`, or the ack this loop knows; reads the stored state
   * only when it knows none, or when another tab leads (that tab's runs move the ack).
   */
  private async refreshPending(known?: number): Promise<void> {
    try {
      let ackSeq = known ?? (this.leader ? this.ackSeq : null);
      if (ackSeq === null) {
        const state = await readSyncState(this.deps.db);
        ackSeq = state.ackSeq;
        if (this.leader) this.ackSeq = ackSeq;
        this.update({ serverOffsetMs: state.serverOffsetMs });
      }
      this.update({ pending: await countOutbox(this.deps.db, this.deps.device.deviceId, ackSeq) });
    } catch {
      // The badge keeps its last figure; the next run tries again.
    }
  }
}
