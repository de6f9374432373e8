/**
 * Fold benchmark (not a test): foldQueue over 100,000 ticket.issued events across
 * 5 devices, 10 prefixes and 3 business days. Budget (issue 3c): median ≤ 150 ms in Node.
 * Run: npx tsx test/bench/fold.bench.ts — or call `runFoldBench` from another script.
 *
 * Measured honestly: every run folds a fresh array parsed from JSON (new objects and
 * strings, as events read from IndexedDB, the store or the network are), after warm-up
 * runs; the parse is not timed. Before each parse a full GC clears the garbage of earlier
 * runs (the kiosk folds once, not 26 times in a row), so runs do not pay for each other;
 * each fold still pays for its own allocation and for the young input it was given.
 * Input shapes:
 * - `id order`: as a device's store returns a day (the byDay index, then the UUIDv7 id),
 *   so roughly time order but interleaved across devices with clock jitter;
 * - `shuffled`: arrival in any order, the worst case for the sort;
 * - `shuffled + resends`: shuffled with 5% of the events delivered twice (sync replays).
 */
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc, type Hlc, nextHlc } from '../../src/domain/hlc';
import { foldQueue } from '../../src/domain/queue-read';
import { FIXTURE_MS, fixtureId, ticketIssued } from '../fixtures/events';

const EVENTS = 100_000;
const DEVICES = 5;
const PREFIXES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];
const DAYS = ['2025-11-03', '2025-11-04', '2025-11-05'];
const RESEND_SHARE = 0.05;
export const FOLD_BUDGET_MS = 150;

export type FoldInputShape = 'id order' | 'shuffled' | 'shuffled + resends';

export type FoldBenchOptions = {
  /** Input order of the log; default `id order`. */
  shape?: FoldInputShape;
  /** Timed runs; default 21. */
  runs?: number;
  /** Untimed runs first; default 5. */
  warmup?: number;
};

export type FoldBenchResult = {
  shape: FoldInputShape;
  events: number;
  /** Events in the input array, resends included. */
  inputLength: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
};

/** Small seeded PRNG (mulberry32) so every run folds the same log. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The log in id order: ids (UUIDv7-like) rise with issue time, HLCs jitter per device. */
function buildLog(rand: () => number): KioskEvent[] {
  const clocks: (Hlc | null)[] = Array.from({ length: DEVICES }, () => null);
  const seqs = new Map<string, number>();
  const log: KioskEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const device = i % DEVICES;
    const day = DAYS[Math.floor((i / EVENTS) * DAYS.length)] as string;
    const prefix = PREFIXES[Math.floor(rand() * PREFIXES.length)] as string;
    const key = `${device}:${day}:${prefix}`;
    const seq = (seqs.get(key) ?? device * 2000) + 1;
    seqs.set(key, seq);
    const clock = nextHlc(clocks[device] ?? null, FIXTURE_MS + i * 50 + Math.floor(rand() * 400));
    clocks[device] = clock;
    log.push(
      ticketIssued({
        id: fixtureId(i + 1),
        deviceId: `kiosk-${device + 1}`,
        deviceSeq: Math.floor(i / DEVICES) + 1,
        hlc: encodeHlc(clock),
        businessDay: day,
        data: { prefix, seq, serviceId: `svc-${prefix.toLowerCase()}-${seq % 3}` },
      }),
    );
  }
  return log;
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The input of one shape, as JSON: each run parses its own fresh copy. */
function inputJson(shape: FoldInputShape): string {
  const rand = random(20251103);
  const log = buildLog(rand);
  if (shape === 'id order') return JSON.stringify(log);
  const resends = shape === 'shuffled + resends' ? log.filter(() => rand() < RESEND_SHARE) : [];
  return JSON.stringify(shuffle([...log, ...resends], rand));
}

/** A full garbage collection, via V8's gc() exposed for this purpose only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

/** Times `foldQueue` over fresh copies of one input shape. */
export async function runFoldBench(options: FoldBenchOptions = {}): Promise<FoldBenchResult> {
  const { shape = 'id order', runs = 21, warmup = 5 } = options;
  const json = inputJson(shape);
  const times: number[] = [];
  let inputLength = 0;
  for (let run = -warmup; run < runs; run++) {
    collectGarbage();
    const log = JSON.parse(json) as KioskEvent[];
    inputLength = log.length;
    const start = performance.now();
    const state = foldQueue(log);
    const ms = performance.now() - start;
    if (state.model().issuedOrder.length !== EVENTS) throw new Error(`expected ${EVENTS} tickets`);
    if (run >= 0) times.push(ms);
    // Let other tasks (and a caller's timers) run between folds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  const mid = runs >> 1;
  const medianMs =
    runs % 2 === 1
      ? (times[mid] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return {
    shape,
    events: EVENTS,
    inputLength,
    runs,
    medianMs,
    p95Ms: percentile(times, 0.95),
    minMs: times[0] as number,
    maxMs: times[runs - 1] as number,
  };
}

/** One line per result, e.g. for a caller's report. */
export function formatFoldBench(r: FoldBenchResult): string {
  const ms = (n: number) => n.toFixed(1);
  const verdict = r.medianMs <= FOLD_BUDGET_MS ? 'within' : 'OVER';
  return (
    `foldQueue [${r.shape}]: ${r.events} events (${r.inputLength} in input), ${r.runs} runs: ` +
    `median ${ms(r.medianMs)} ms, p95 ${ms(r.p95Ms)} ms (min ${ms(r.minMs)}, max ${ms(r.maxMs)}); ` +
    `${verdict} budget ${FOLD_BUDGET_MS} ms`
  );
}

async function main(): Promise<void> {
  const shapes: FoldInputShape[] = ['id order', 'shuffled', 'shuffled + resends'];
  for (const shape of shapes) console.log(formatFoldBench(await runFoldBench({ shape })));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
