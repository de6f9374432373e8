/**
 * The real server process (dist/server/main.js) killed with SIGKILL in the middle of
 * concurrent pushes from several devices (plain HTTP, no IndexedDB), then restarted on
 * the same data: every push it acknowledged is still there exactly once (I1, I2, I6), the
 * store comes back in a new epoch, and the devices re-pushing from their own ackSeq
 * finish with nothing lost or duplicated (I7, I11).
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (required when CI=true),
 * in a fresh schema. The kill moment (the K-th acknowledged push) and the batch sizes
 * come from a seeded PRNG: KILL_SEED=<n> replays a seed; the seed is printed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../src/domain/events';
import type { SyncedEvent } from '../../src/domain/protocol';
import { businessDayOf } from '../../src/domain/time';
import { kioskBundle } from '../fixtures/kiosk';
import { type RunningServer, startServer, writeConfigDir } from './support/server';
import {
  enrollOverHttp,
  eventsOf,
  freshPgSchema,
  type HttpDevice,
  pullAllOverHttp,
  pushOverHttp,
} from './support/sync-http';

const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
const DEVICES = 5;
const EVENTS_PER_DEVICE = 300;
const MAX_BATCH_SIZE = 30;

const pgUrl = process.env.TEST_DATABASE_URL || undefined;
if (pgUrl === undefined && process.env.CI === 'true') {
  throw new Error(
    'TEST_DATABASE_URL is not set: on CI the SIGKILL test must run on PostgreSQL too',
  );
}

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One device as the test drives it: its events, its ack, how far it ever sent. */
type Driven = HttpDevice & {
  events: KioskEvent[];
  /** The highest ackSeq of a 2xx answer. */
  acked: number;
  /** The highest deviceSeq sent in any request (answered or not). */
  sentUpTo: number;
  /** Batches it sent and got a 2xx for, for the replay check. */
  ackedBatches: KioskEvent[][];
  batchSize: () => number;
};

type Store = { kind: 'sqlite' | 'postgres'; env: Record<string, string>; dispose(): Promise<void> };

async function sqliteStore(): Promise<Store> {
  return { kind: 'sqlite', env: {}, dispose: async () => {} };
}

async function postgresStore(url: string): Promise<Store> {
  const schema = await freshPgSchema(url, 'kill_test');
  return { kind: 'postgres', env: { DATABASE_URL: schema.databaseUrl }, dispose: schema.drop };
}

const targets: [string, () => Promise<Store>][] = [['sqlite', sqliteStore]];
if (pgUrl !== undefined) targets.push(['postgres', () => postgresStore(pgUrl)]);
if (pgUrl === undefined) {
  console.warn('!!! TEST_DATABASE_URL is not set: the PostgreSQL SIGKILL test is SKIPPED.');
}

async function epochOf(server: RunningServer): Promise<string> {
  return ((await (await fetch(`${server.url}/api/v1/health`)).json()) as { epoch: string }).epoch;
}

/** Pushes from `acked` until the device is done or no answer comes (the server died). */
async function pushUntilDone(
  server: RunningServer,
  device: Driven,
  onAck: () => void,
): Promise<void> {
  while (device.acked < device.events.length) {
    const batch = device.events.slice(device.acked, device.acked + device.batchSize());
    device.sentUpTo = Math.max(device.sentUpTo, batch.at(-1)?.deviceSeq ?? 0);
    let answer: Awaited<ReturnType<typeof pushOverHttp>>;
    try {
      answer = await pushOverHttp(server.url, device, batch);
    } catch {
      return; // no answer: the server is gone, the batch may or may not be stored
    }
    if (answer.status !== 200 || answer.body.ackSeq === undefined) {
      throw new Error(`${device.deviceId}: push answered ${answer.status}`);
    }
    device.acked = answer.body.ackSeq;
    device.ackedBatches.push(batch);
    onAck();
  }
}

function withoutSiteSeq(event: SyncedEvent): KioskEvent {
  const { siteSeq: _siteSeq, ...rest } = event;
  return rest;
}

/** Checks the pulled log: ids and siteSeqs unique, siteSeq 1…head, per device 1…n. */
function checkLog(log: SyncedEvent[], head: number, devices: Driven[]): Map<string, number> {
  expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
  expect(log.map((e) => e.siteSeq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
  expect(head).toBe(log.length);
  const held = new Map<string, number>();
  for (const device of devices) {
    const own = log.filter((e) => e.deviceId === device.deviceId);
    expect(own.map((e) => e.deviceSeq)).toEqual(own.map((_, i) => i + 1));
    expect(own.map(withoutSiteSeq)).toEqual(device.events.slice(0, own.length));
    held.set(device.deviceId, own.length);
  }
  expect(log.every((e) => held.has(e.deviceId))).toBe(true);
  return held;
}

async function scenario(makeStore: () => Promise<Store>, seed: number): Promise<void> {
  const store = await makeStore();
  const configDir = writeConfigDir(kioskBundle());
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-data-'));
  const start = () => startServer({ configDir, dataDir, env: store.env });
  const rand = random(seed);
  const server = await start();
  let restarted: RunningServer | null = null;
  try {
    const day = businessDayOf(Date.now(), kioskBundle().site.timeZone);
    const devices: Driven[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const enrolled = await enrollOverHttp(
        server.url,
        await server.enrollmentCode(),
        `Anjungan ${i + 1}`,
      );
      const sizes = random(seed + 1 + i);
      devices.push({
        ...enrolled,
        events: eventsOf(enrolled, EVENTS_PER_DEVICE, day),
        acked: 0,
        sentUpTo: 0,
        ackedBatches: [],
        batchSize: () => 1 + Math.floor(sizes() * MAX_BATCH_SIZE),
      });
    }
    const firstEpoch = await epochOf(server);

    // Kill after the K-th acknowledged push: the other devices' pushes are in flight.
    const killAt = DEVICES + Math.floor(rand() * DEVICES * 6);
    let acks = 0;
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      server.process.once('exit', (_code, signal) => done(signal)),
    );
    const onAck = () => {
      acks += 1;
      if (acks === killAt) server.process.kill('SIGKILL');
    };
    await Promise.all(devices.map((device) => pushUntilDone(server, device, onAck)));
    if (acks < killAt) server.process.kill('SIGKILL'); // all done first: fails below
    expect(await exited).toBe('SIGKILL');
    const unfinished = devices.filter((d) => d.acked < EVENTS_PER_DEVICE).length;
    expect(unfinished).toBeGreaterThan(0);

    restarted = await start();
    const observer = devices[0] as Driven;
    expect(await epochOf(restarted)).not.toBe(firstEpoch); // unclean stop: a new epoch

    // Nothing acknowledged is lost, nothing is there twice.
    const after = await pullAllOverHttp(restarted.url, observer);
    const held = checkLog(after.events, after.head, devices);
    const inFlight = devices.filter((d) => d.sentUpTo > d.acked).length;
    const unacked = devices.reduce((n, d) => n + (held.get(d.deviceId) ?? 0) - d.acked, 0);
    console.info(
      `[${store.kind}] seed ${seed}: SIGKILL after ack #${killAt}; acked ${devices
        .map((d) => d.acked)
        .join('/')}; ${inFlight} push(es) unanswered, ${unacked} of their events stored`,
    );
    for (const device of devices) {
      const n = held.get(device.deviceId) ?? 0;
      expect(n).toBeGreaterThanOrEqual(device.acked);
      expect(n).toBeLessThanOrEqual(device.sentUpTo);
      const probe = await pushOverHttp(restarted.url, device, []);
      expect(probe.status).toBe(200);
      expect(probe.body.ackSeq).toBe(n);
    }

    // Each device re-pushes from its own ackSeq (replays included) until it is done.
    const url = restarted.url;
    await Promise.all(
      devices.map(async (device) => {
        while (device.acked < EVENTS_PER_DEVICE) {
          const batch = device.events.slice(device.acked, device.acked + device.batchSize());
          const answer = await pushOverHttp(url, device, batch);
          expect(answer.status).toBe(200);
          expect(answer.body.ackSeq).toBeGreaterThanOrEqual(batch.at(-1)?.deviceSeq ?? 0);
          device.acked = answer.body.ackSeq ?? 0;
        }
      }),
    );
    // An old acknowledged batch sent again changes nothing.
    const old = observer.ackedBatches[0] ?? [];
    const replay = await pushOverHttp(url, observer, old);
    expect(replay.body).toMatchObject({ ackSeq: EVENTS_PER_DEVICE, accepted: 0 });

    const final = await pullAllOverHttp(url, observer);
    const finalHeld = checkLog(final.events, final.head, devices);
    expect(final.events).toHaveLength(DEVICES * EVENTS_PER_DEVICE);
    for (const device of devices) expect(finalHeld.get(device.deviceId)).toBe(EVENTS_PER_DEVICE);
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) {
      server.process.kill('SIGKILL');
    }
    await restarted?.stop();
    await store.dispose();
  }
}

describe.each(targets)('site server killed with SIGKILL mid-push (%s)', (_kind, makeStore) => {
  it('keeps every acknowledged event exactly once, and devices re-push to completion', async () => {
    await scenario(makeStore, SEED);
  });
});
