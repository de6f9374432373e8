import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setServerOffset } from '../../../src/storage/sync-state';
import { DEFAULT_TIMING } from '../../../src/sync/backoff';
import { syncOnce } from '../../../src/sync/engine';
import type { LockManagerLike } from '../../../src/sync/leadership';
import { type SyncLoop, type SyncLoopDeps, startSyncLoop } from '../../../src/sync/loop';
import { runStream } from '../../../src/sync/stream';
import { TransportError } from '../../../src/sync/transport';
import {
  countingSyncReads,
  openDevice,
  serverIds,
  type TestDevice,
} from '../../fixtures/sync-harness';
import { FakeSyncServer } from '../../fixtures/sync-server';
import { ManualTimers, tick, until } from '../../fixtures/sync-timers';

let server: FakeSyncServer;
let timers: ManualTimers;
let loops: SyncLoop[];
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  server = new FakeSyncServer();
  timers = new ManualTimers();
  loops = [];
});
afterEach(async () => {
  await Promise.all(loops.map((loop) => loop.stop()));
});

type Started = { loop: SyncLoop; runs: () => number; settle: () => Promise<void> };

/** Starts a loop for a device on the manual timers; counts its runs. */
async function start(device: TestDevice, overrides: Partial<SyncLoopDeps> = {}): Promise<Started> {
  let runs = 0;
  device.clock.now = timers.now;
  const loop = startSyncLoop({
    ...device.deps,
    now: () => timers.now,
    timers,
    random: () => 1,
    locks: null,
    window: new EventTarget(),
    document: null,
    isOnline: () => true,
    stream: false,
    run: (signal) => {
      runs += 1;
      return syncOnce({ ...device.deps, now: () => timers.now }, signal);
    },
    ...overrides,
  });
  loops.push(loop);
  const settle = async () => {
    await until(() => !loop.status.getSnapshot().syncing);
    for (let i = 0; i < 3; i += 1) await tick();
  };
  await until(() => timers.size > 0 || runs > 0);
  return { loop, runs: () => runs, settle };
}

describe('sync loop: liveness', () => {
  it('drains the outbox after the network heals, driven by the backoff timer alone', async () => {
    const a = await openDevice(server, 1);
    for (let i = 0; i < 3; i += 1) await a.issue();
    server.offline = true;
    const { loop, settle } = await start(a);

    await timers.advance(5 * 60_000, settle);
    const whileDown = loop.status.getSnapshot();
    server.offline = false; // Heals: no write, no 'online' event, no request.
    await timers.advance(60_000, settle);

    expect(whileDown).toMatchObject({ online: false, pending: 3, lastError: 'offline' });
    expect(serverIds(server)).toEqual(await a.eventIds());
    expect(loop.status.getSnapshot()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(loop.status.getSnapshot().lastSyncAt).not.toBeNull();
  });

  it('counts the own events the server quarantined, for the counter to tell its staff', async () => {
    const a = await openDevice(server, 1);
    for (let i = 0; i < 3; i += 1) await a.issue();
    server.quarantines = (event) => event.deviceSeq !== 2;
    const { loop, settle } = await start(a);

    await timers.advance(1_000, settle);
    const first = loop.status.getSnapshot().quarantined;
    await a.issue();
    await timers.advance(60_000, settle);

    expect(first).toBe(2);
    expect(loop.status.getSnapshot()).toMatchObject({ pending: 0, quarantined: 3 });
  });

  it('backs off exponentially up to 60 s, with full jitter, then syncs every 30 s', async () => {
    const a = await openDevice(server, 1);
    server.offline = true;
    const { settle } = await start(a, { random: () => 0.5 });

    await timers.advance(6 * 60_000, settle);
    server.offline = false;
    const failing = timers.delays.slice(1);
    await timers.advance(2 * 60_000, settle);

    expect(failing.slice(0, 8)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(Math.max(...timers.delays)).toBeLessThanOrEqual(60_000);
    expect(timers.delays.slice(-2)).toEqual([30_000, 30_000]);
  });

  it('pulls what others pushed on the periodic timer, without any trigger', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];
    const { settle } = await start(a);
    await timers.advance(0, settle);
    await b.issue();
    await b.sync();

    await timers.advance(30_000, settle);

    expect(await a.eventIds()).toEqual(serverIds(server));
  });
});

describe('sync loop: triggers', () => {
  it('syncs at once when the browser comes back online, cutting a long backoff short', async () => {
    const a = await openDevice(server, 1);
    const window = new EventTarget();
    server.offline = true;
    const { loop, runs, settle } = await start(a, { window });
    await timers.advance(3 * 60_000, settle);
    const before = runs();

    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await timers.advance(0, settle);

    expect(runs()).toBe(before + 1);
    expect(loop.status.getSnapshot().online).toBe(true);
  });

  it('syncs when the page becomes visible, not when it is hidden', async () => {
    const a = await openDevice(server, 1);
    const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    const { runs, settle } = await start(a, { document });
    await timers.advance(0, settle);

    document.dispatchEvent(new Event('visibilitychange'));
    await timers.advance(0, settle);
    const whileHidden = runs();
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await timers.advance(0, settle);

    expect(whileHidden).toBe(1);
    expect(runs()).toBe(2);
  });

  it('debounces requests after local writes into one sync', async () => {
    const a = await openDevice(server, 1);
    const { loop, runs, settle } = await start(a);
    await timers.advance(0, settle);

    for (let i = 0; i < 3; i += 1) {
      await a.issue();
      loop.requestSync('write');
      await timers.advance(100, settle);
    }
    await timers.advance(250, settle);

    expect(runs()).toBe(2);
    expect(serverIds(server)).toHaveLength(3);
  });

  it('syncs when the server stream pokes', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];
    const { runs, settle } = await start(a, { stream: true });
    await timers.advance(0, settle);
    const before = runs();

    await b.issue();
    await b.sync();
    await timers.advance(0, settle);

    expect(runs()).toBeGreaterThan(before);
    expect(await a.eventIds()).toEqual(serverIds(server));
  });
});

describe('sync stream', () => {
  it('reconnects a stream the server closes at once with growing waits, not a tight loop', async () => {
    let opened = 0;
    const transport = server.transport('kiosk-1');
    const closing = {
      ...transport,
      stream: async () => {
        opened += 1;
      },
    };
    const stop = new AbortController();
    const env = { timers, random: () => 1, now: () => timers.now };

    const running = runStream(closing, env, DEFAULT_TIMING, stop.signal, () => {});
    await until(() => timers.size > 0);
    await timers.advance(60_000, tick);
    stop.abort();
    await running;

    expect(opened).toBe(6); // At 0, 1, 3, 7, 15 and 31 s.
    expect(timers.delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
  });
});

describe('sync loop: one per device, and stop', () => {
  it('lets a second loop sync only once the first has stopped (in-memory guard)', async () => {
    const a = await openDevice(server, 1);
    const first = await start(a);
    await timers.advance(0, first.settle);
    let secondRuns = 0;
    const second = startSyncLoop({
      ...a.deps,
      timers,
      locks: null,
      window: null,
      document: null,
      stream: false,
      run: async () => {
        secondRuns += 1;
        throw new Error('not the leader');
      },
    });
    loops.push(second);

    await timers.advance(60_000, first.settle);
    const whileFirstRuns = secondRuns;
    await first.loop.stop();
    await until(() => timers.size > 0);
    await timers.advance(0, tick);

    expect(whileFirstRuns).toBe(0);
    expect(secondRuns).toBe(1);
  });

  it("asks for the 'anjungan-sync' Web Lock and waits for it", async () => {
    const a = await openDevice(server, 1);
    const asked: string[] = [];
    const locks: LockManagerLike = {
      request: (name, _options, callback) => {
        asked.push(name);
        return callback({ name }); // Granted at once.
      },
    };

    const { runs, settle } = await start(a, { locks });
    await timers.advance(0, settle);

    expect(asked).toEqual(['anjungan-sync']);
    expect(runs()).toBe(1);
  });

  it('aborts the run in flight and leaves no timer or listener behind', async () => {
    const a = await openDevice(server, 1);
    const window = new EventTarget();
    let aborted = false;
    const { loop } = await start(a, {
      window,
      run: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    });
    await timers.advance(0, tick);
    await until(() => loop.status.getSnapshot().syncing);

    await loop.stop();
    window.dispatchEvent(new Event('online'));

    expect(aborted).toBe(true);
    expect(timers.size).toBe(0);
    expect(loop.status.getSnapshot().syncing).toBe(false);
  });

  it('tells subscribers about each change of status', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    const { loop, settle } = await start(a);
    const seen: boolean[] = [];
    loop.status.subscribe(() => seen.push(loop.status.getSnapshot().syncing));

    await timers.advance(0, settle);

    expect(seen).toContain(true);
    expect(seen.at(-1)).toBe(false);
    expect(loop.status.getSnapshot().pending).toBe(0);
  });

  it('says the server refused the device (401/403) until a sync succeeds again', async () => {
    const a = await openDevice(server, 1);
    let refuse = true;
    const { loop, settle } = await start(a, {
      run: (signal) =>
        refuse
          ? Promise.reject(
              new TransportError('http', { status: 403, body: { error: 'device_revoked' } }),
            )
          : syncOnce({ ...a.deps, now: () => timers.now }, signal),
    });

    await timers.advance(0, settle);
    const refused = loop.status.getSnapshot();
    refuse = false;
    loop.requestSync('manual');
    await timers.advance(0, settle);

    expect(refused).toMatchObject({ refused: true, online: true });
    expect(loop.status.getSnapshot()).toMatchObject({ refused: false, lastError: null });
  });
});

describe('sync loop: where sync stands, held in memory', () => {
  it('reads it once at the start, then knows the ack and the offset from its own runs', async () => {
    const a = await openDevice(server, 1);
    await setServerOffset(a.deps.db, 1_234);
    await a.issue();
    server.offline = true;
    server.now = () => timers.now + 5_000;
    const counted = countingSyncReads(a.deps.db);
    // The loop reads through `counted`; its runs (the engine) read once each on their own.
    const { loop, settle } = await start(a, { db: counted.db });

    await timers.advance(0, settle);
    const stored = loop.status.getSnapshot();
    const readsWhileDown = counted.reads();
    server.offline = false;
    loop.requestSync('manual');
    await timers.advance(0, settle);
    const readsAfterRun = counted.reads();
    for (let i = 0; i < 3; i += 1) {
      await a.issue();
      loop.requestSync('write');
      await tick();
    }
    const afterWrites = loop.status.getSnapshot();
    await timers.advance(60_000, settle);

    expect(stored).toMatchObject({ serverOffsetMs: 1_234, pending: 1, online: false });
    // Once at the start, once after the failed run (it may have stored an ack midway).
    expect(readsWhileDown).toBe(2);
    expect(readsAfterRun).toBe(2);
    expect(afterWrites).toMatchObject({ serverOffsetMs: 5_000, pending: 3 });
    expect(loop.status.getSnapshot()).toMatchObject({ serverOffsetMs: 5_000, pending: 0 });
    expect(counted.reads()).toBe(2);
    expect(serverIds(server)).toEqual(await a.eventIds());
  });
});
