/**
 * MPP bergerak benchmarks (figures, not assertions), with the real sync client (src/sync
 * over src/storage on fake-indexeddb, in Node) and the site server's app in this process
 * (SQLite in a temp dir):
 *  (a) prepare — a mobile unit before a 3-day visit (its services, quota 100 each a day) asks
 *      for its whole trip in one sync on loopback: every day's numbers and quota tokens;
 *  (b) drain — a full day's backlog (1,500 events: 300 citizens' tickets and what the
 *      counter did to them, here all ticket events, the heavier kind) pushed after the unit
 *      comes back, over an emulated slow 3G link (400 kbit/s each way, 400 ms round trip),
 *      until converged; then the same over a flaky link that cuts each connection after
 *      16 KB (pushes resume where they stopped). Goal ≤ 20 s, with the bytes on the wire.
 * Run: npx tsx test/bench/mobile.bench.ts (part of `npm run bench`). MOBILE_BENCH_RUNS=<n>.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { leaseNeeds } from '../../src/app/kiosk/lease-needs';
import type { ConfigBundle, Profile } from '../../src/domain/config/schema';
import { businessDayOf } from '../../src/domain/time';
import { openAnjunganDb } from '../../src/storage/db';
import { countOutbox } from '../../src/storage/events';
import { leaseLevels } from '../../src/storage/leases';
import { readSyncState } from '../../src/storage/sync-state';
import { syncOnce } from '../../src/sync/engine';
import { createHttpTransport } from '../../src/sync/transport';
import { kioskBundle, MOBILE_PROFILE_ID, withMobileUnit } from '../fixtures/kiosk';
import { backlogDevice, browserFetch, seedOutbox, serverHead } from './sync/backlog-device';
import { startBenchServer } from './sync/servers';
import { startSlowLink } from './sync/slow-link';
import { machineInfo, median, ms } from './sync/stats';

const RUNS = Number(process.env.MOBILE_BENCH_RUNS) || 3;
const SLOW_3G = { bitsPerSecond: 400_000, rttMs: 400 };
const DRAIN_EVENTS = 1_500;
const DRAIN_GOAL_MS = 20_000;

/** The fixture site with a mobile unit and a visit of `days` days from today. */
function siteWithVisit(days: number): { config: ConfigBundle; profile: Profile; today: string } {
  const base = withMobileUnit(kioskBundle());
  const today = businessDayOf(Date.now(), base.site.timeZone);
  const until = new Date(`${today}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + days - 1);
  const services = base.agencies
    .flatMap((a) => a.services)
    .filter((s) => s.offeredAt.includes('mobile'))
    .slice(0, 3)
    .map((s) => ({ service: s.id, quota: 100 }));
  const config: ConfigBundle = {
    ...base,
    visits: [
      {
        id: 'trip',
        date: today,
        until: until.toISOString().slice(0, 10),
        kelurahan: 'Sukamaju',
        place: 'Balai Kelurahan',
        hours: { from: '00:00', to: '23:59' },
        services,
      },
    ],
  };
  const profile = config.profiles.find((p) => p.id === MOBILE_PROFILE_ID) as Profile;
  return { config, profile, today };
}

async function freshDb() {
  const name = `bench-mobile-${randomUUID()}`;
  return { db: await openAnjunganDb(name), name };
}

function deleteDb(name: string): Promise<void> {
  return new Promise((done) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => done();
  });
}

/** (a) One prepare: a sync with the trip's needs; time, and what the unit then holds. */
async function prepareRun() {
  const { config, profile, today } = siteWithVisit(3);
  const server = await startBenchServer('in-process', undefined, { config });
  const { db, name } = await freshDb();
  try {
    const device = await server.enroll('Tablet', MOBILE_PROFILE_ID);
    const { identity } = backlogDevice(device, 0);
    const needs = leaseNeeds(config, profile, today);
    const transport = createHttpTransport({
      baseUrl: server.url,
      token: device.token,
      fetch: browserFetch,
    });
    const start = performance.now();
    const configAnswer = await browserFetch(`${server.url}/api/v1/config`);
    await configAnswer.arrayBuffer();
    await syncOnce(
      {
        db,
        transport,
        device: { deviceId: identity.deviceId, siteId: identity.siteId },
        now: Date.now,
        needs: () => needs,
      },
      new AbortController().signal,
    );
    const totalMs = performance.now() - start;
    const days = [...new Set(needs.fill?.quotas.map((q) => q.businessDay))];
    const held = await Promise.all(days.map((d) => leaseLevels(db, d)));
    const numbers = held.reduce(
      (n, l) => n + Object.values(l.numbers).reduce((a, b) => a + b, 0),
      0,
    );
    const tokens = held.reduce(
      (n, l) => n + Object.values(l.quotas).reduce((a, q) => a + q.tokens, 0),
      0,
    );
    return { totalMs, days: days.length, numbers, tokens };
  } finally {
    db.close();
    await deleteDb(name);
    await server.stop();
  }
}

/** (b) One drain over the emulated link; syncs again after a cut until converged. */
async function drainRun(cutEvery?: number) {
  const server = await startBenchServer('in-process');
  const link = await startSlowLink(server.url, { ...SLOW_3G, cutEvery });
  const { db, name } = await freshDb();
  try {
    const device = await server.enroll('Tablet');
    const { identity, seed } = backlogDevice(device, DRAIN_EVENTS);
    await seedOutbox(db, identity, seed);
    const transport = createHttpTransport({
      baseUrl: link.url,
      token: device.token,
      fetch: browserFetch,
    });
    const ids = { deviceId: identity.deviceId, siteId: identity.siteId };
    // One set-up for every try, as the device's sync loop keeps one.
    const deps = { db, transport, device: ids, now: Date.now };
    let attempts = 0;
    const start = performance.now();
    for (;;) {
      attempts += 1;
      try {
        await syncOnce(deps, new AbortController().signal);
      } catch {
        // A cut link: the next sync resumes from the server's ack.
      }
      const state = await readSyncState(db);
      const pending = await countOutbox(db, ids.deviceId, state.ackSeq);
      if (pending === 0 && state.cursor >= DRAIN_EVENTS) break;
      if (attempts > 50) throw new Error(`not converged after ${attempts} syncs`);
    }
    const totalMs = performance.now() - start;
    const state = await readSyncState(db);
    const head = await serverHead(server.url, device.token);
    if (state.ackSeq !== DRAIN_EVENTS || head !== DRAIN_EVENTS || state.cursor !== head) {
      throw new Error(`not converged: ack ${state.ackSeq}, head ${head}, cursor ${state.cursor}`);
    }
    return { totalMs, attempts, up: link.bytes.up, down: link.bytes.down, cuts: link.cuts };
  } finally {
    db.close();
    await deleteDb(name);
    await link.close();
    await server.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

console.log(`MPP bergerak benchmarks — ${machineInfo()}`);
console.log(
  '\n(a) prepare: a 3-day visit, every mobile service of the site × quota 100 a day, one sync on loopback',
);
const prepares = [];
for (let i = 0; i < RUNS; i++) {
  const run = await prepareRun();
  prepares.push(run);
  console.log(
    `    run ${i + 1}: ${ms(run.totalMs)} (config + leases + pull): ${run.days} days, ` +
      `${run.numbers} numbers and ${run.tokens} quota tokens held`,
  );
}
console.log(`    median ${ms(median(prepares.map((r) => r.totalMs)))}`);

for (const [label, cut] of [
  ['slow 3G', undefined],
  ['slow 3G, each connection cut after 16 KB', 16 * 1024],
] as const) {
  console.log(
    `\n(b) drain: ${DRAIN_EVENTS.toLocaleString('en')} events over ${label} ` +
      `(${SLOW_3G.bitsPerSecond / 1000} kbit/s each way, ${SLOW_3G.rttMs} ms round trip)`,
  );
  const drains = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await drainRun(cut);
    drains.push(run);
    console.log(
      `    run ${i + 1}: ${ms(run.totalMs)}, ${run.attempts} sync${run.attempts > 1 ? 's' : ''}` +
        `${run.cuts ? `, ${run.cuts} cuts` : ''}; on the wire ${kb(run.up)} up, ${kb(run.down)} down`,
    );
  }
  const total = median(drains.map((r) => r.totalMs));
  console.log(
    `    median ${ms(total)}; goal ≤ ${DRAIN_GOAL_MS / 1000} s: ${total <= DRAIN_GOAL_MS ? 'met' : 'NOT met'}`,
  );
}
