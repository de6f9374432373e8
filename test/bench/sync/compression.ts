/**
 * (d) What compressing pull pages costs, per choice (src/server/http/compression.ts):
 *  - one real 500-event pull page: bytes, ms to compress and to decompress, and the time
 *    to send it over a 100 Mbit/s and a 1 Gbit/s LAN;
 *  - a second device catching up on a 10,000-event backlog: its 20 pull calls through
 *    the real HTTP transport with a browser's Accept-Encoding, server in this process.
 * Alone: npx tsx test/bench/sync/compression.ts (SYNC_BENCH_RUNS=<n>, default 5).
 */
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { businessDayOf } from '../../../src/domain/time';
import {
  type CompressionChoice,
  compress,
  type Encoding,
  PULL_COMPRESSION,
} from '../../../src/server/http/compression';
import type { LogFields, Logger } from '../../../src/server/log/logger';
import { createHttpTransport } from '../../../src/sync/transport';
import { eventsOf, pushOverHttp } from '../../e2e/support/sync-http';
import { kioskBundle } from '../../fixtures/kiosk';
import { BROWSER_ACCEPT_ENCODING, browserFetch } from './backlog-device';
import { type BenchCompression, type BenchServer, startBenchServer } from './servers';
import { median, ms } from './stats';

const only = (encoding: Encoding, level: number): CompressionChoice => ({
  encodings: [encoding],
  brotliQuality: level,
  zlibLevel: level,
  thresholdBytes: 1400,
  skipLoopback: false,
});

/** The choices compared; the server's own is marked. */
export const CHOICES: { name: string; choice: BenchCompression }[] = [
  { name: 'none', choice: null },
  { name: 'hono/compress (before)', choice: 'hono-gzip' },
  { name: 'gzip 1', choice: only('gzip', 1) },
  { name: 'gzip 3', choice: only('gzip', 3) },
  { name: 'gzip 6', choice: only('gzip', 6) },
  { name: 'deflate 1', choice: only('deflate', 1) },
  { name: 'br 1', choice: only('br', 1) },
  { name: 'br 4', choice: only('br', 4) },
  { name: 'server, to a LAN client', choice: { ...PULL_COMPRESSION, skipLoopback: false } },
  { name: 'server, to this machine', choice: PULL_COMPRESSION },
];

const EVENTS = 10_000;

/** Runs both parts; prints one line per choice. */
export async function benchCompression(options: { runs?: number } = {}): Promise<void> {
  const runs = options.runs ?? 5;
  console.log(
    `\n(d) compression of pull pages (src/server/http/compression.ts); Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}`,
  );
  const page = await realPage();
  console.log(`    one pull page of 500 events: ${page.byteLength.toLocaleString('en')} B of JSON`);
  console.log(
    '    choice                      bytes    ratio  compress  decompress  sent at 100 Mbit/s · 1 Gbit/s (+ both)',
  );
  for (const { name, choice } of CHOICES) {
    if (choice === 'hono-gzip') continue;
    console.log(`    ${pageLine(name, choice, page)}`);
  }
  console.log(
    `    catch-up: a second device pulls ${EVENTS.toLocaleString('en')} events (20 pages) through src/sync's HTTP transport, server in this process; ${runs} rounds, choices interleaved`,
  );
  console.log(
    '    wall: from the first pull to the last answer; CPU: what the process (device and server) spent, less swayed by a busy host;',
  );
  console.log(
    '    server: median ms of one pull page from request to answer, compression included (its access line)',
  );
  const { rounds, cpuRounds, serverMs } = await catchUp(runs);
  CHOICES.forEach(({ name }, i) => {
    const wall = rounds.map((round) => round[i] as number);
    const cpu = cpuRounds.map((round) => round[i] as number);
    console.log(
      `    ${name.padEnd(26)} wall ${ms(median(wall)).padStart(7)}, CPU ${ms(median(cpu)).padStart(7)}, server ${ms(serverMs[i] ?? NaN, 1)}/page  (wall ${wall.map((t) => t.toFixed(0)).join(', ')})`,
    );
  });
}

/** A real pull page: 500 events pushed to a server, pulled back uncompressed. */
async function realPage(): Promise<Uint8Array> {
  const server = await startBenchServer('in-process', undefined, { compression: null });
  try {
    const [a, b] = [await server.enroll('A'), await server.enroll('B')];
    const day = businessDayOf(Date.now(), kioskBundle().site.timeZone);
    await pushOverHttp(server.url, a, eventsOf(a, 500, day));
    const response = await fetch(`${server.url}/api/v1/sync/pull?cursor=0&limit=500`, {
      headers: { Authorization: `Bearer ${b.token}`, 'Accept-Encoding': 'identity' },
    });
    return new Uint8Array(await response.arrayBuffer());
  } finally {
    await server.stop();
  }
}

/** ms of `work`: the lowest of 3 medians of 41 runs each, after 20 untimed (JIT, zlib). */
function timed(work: () => unknown): number {
  for (let i = 0; i < 20; i++) work();
  const medians: number[] = [];
  for (let set = 0; set < 3; set++) {
    const times: number[] = [];
    for (let i = 0; i < 41; i++) {
      const start = performance.now();
      work();
      times.push(performance.now() - start);
    }
    medians.push(median(times));
  }
  return Math.min(...medians);
}

function pageLine(name: string, choice: CompressionChoice, page: Uint8Array): string {
  const encoding = choice?.encodings[0];
  const packed = choice && encoding ? compress(page, encoding, choice) : page;
  const packMs = choice && encoding ? timed(() => compress(page, encoding, choice)) : 0;
  const unpack = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };
  const unpackMs = encoding ? timed(() => unpack[encoding](packed)) : 0;
  const send = (mbit: number) => (packed.byteLength * 8) / (mbit * 1000);
  const both = (mbit: number) => send(mbit) + packMs + unpackMs;
  return [
    name.padEnd(26),
    packed.byteLength.toLocaleString('en').padStart(8),
    `${(page.byteLength / packed.byteLength).toFixed(1)}×`.padStart(7),
    ms(packMs, 2).padStart(9),
    ms(unpackMs, 2).padStart(11),
    `  ${ms(send(100), 1)} · ${ms(send(1000), 2)} (${ms(both(100), 1)} · ${ms(both(1000), 2)})`,
  ].join(' ');
}

/**
 * ms for a fresh device to pull the whole backlog page by page, from one server per
 * choice; each round runs every choice once, so a busy moment of the host hits all alike.
 */
async function catchUp(
  runs: number,
): Promise<{ rounds: number[][]; cpuRounds: number[][]; serverMs: number[] }> {
  const logs = CHOICES.map(() => pullTimes());
  const servers = await Promise.all(
    CHOICES.map(({ choice }, i) =>
      startBenchServer('in-process', undefined, { compression: choice, log: logs[i] }),
    ),
  );
  try {
    const pulls: (() => Promise<void>)[] = [];
    for (const server of servers) pulls.push(await backlogOn(server));
    for (const pull of pulls) await pull(); // warm-up
    for (const log of logs) log.times.length = 0;
    const rounds: number[][] = [];
    const cpuRounds: number[][] = [];
    for (let i = 0; i < runs; i++) {
      const round: number[] = [];
      const cpu: number[] = [];
      for (const pull of pulls) {
        const start = performance.now();
        const startCpu = process.cpuUsage();
        await pull();
        round.push(performance.now() - start);
        const used = process.cpuUsage(startCpu);
        cpu.push((used.user + used.system) / 1000);
      }
      rounds.push(round);
      cpuRounds.push(cpu);
    }
    return { rounds, cpuRounds, serverMs: logs.map((log) => median(log.times)) };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** A logger that keeps the duration of each pull request (its access line's `ms`). */
function pullTimes(): Logger & { times: number[] } {
  const times: number[] = [];
  const info = (fields: LogFields) => {
    if (fields.route === '/api/v1/sync/pull' && typeof fields.ms === 'number')
      times.push(fields.ms);
  };
  return { times, info, warn: info, error: (fields, message) => console.error(message, fields) };
}

/** Pushes the backlog to `server`; answers a function that pulls it all as a new device. */
async function backlogOn(server: BenchServer): Promise<() => Promise<void>> {
  const a = await server.enroll('A');
  const day = businessDayOf(Date.now(), kioskBundle().site.timeZone);
  const events = eventsOf(a, EVENTS, day);
  for (let i = 0; i < EVENTS; i += 500) await pushOverHttp(server.url, a, events.slice(i, i + 500));
  const b = await server.enroll('B');
  const transport = createHttpTransport({
    baseUrl: server.url,
    token: b.token,
    fetch: browserFetch,
  });
  const signal = new AbortController().signal;
  return async () => {
    let cursor = 0;
    for (;;) {
      const page = await transport.pull(cursor, 500, signal);
      cursor = page.cursor;
      if (!page.hasMore) return;
    }
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.env.SYNC_BENCH_RUNS) || undefined;
  benchCompression({ runs }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
