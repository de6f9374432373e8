/**
 * Fold benchmark (not a test): 100,000 ticket.issued events across 5 devices, 10 prefixes
 * and 3 business days, in shuffled order; prints the median of 10 foldQueue runs.
 * Budget: ≤ 150 ms in Node. Run: npx tsx test/bench/fold.bench.ts
 * The log goes through JSON once, as events do when read from storage or the network.
 * A second line folds the same log as read from a store's HLC index, for comparison.
 */
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc, type Hlc, nextHlc } from '../../src/domain/hlc';
import { foldQueue, sortEvents } from '../../src/domain/queue';
import { FIXTURE_MS, fixtureId, ticketIssued } from '../fixtures/events';

const EVENTS = 100_000;
const DEVICES = 5;
const PREFIXES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];
const DAYS = ['2025-11-03', '2025-11-04', '2025-11-05'];
const RUNS = 10;
const BUDGET_MS = 150;

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

/** Median, min and max of `RUNS` timed folds of `log`. */
function measure(log: KioskEvent[]): { median: number; min: number; max: number } {
  foldQueue(log); // warm-up
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const state = foldQueue(log);
    times.push(performance.now() - start);
    if (state.tickets.size !== EVENTS) throw new Error(`expected ${EVENTS} tickets`);
  }
  times.sort((a, b) => a - b);
  const median = ((times[RUNS / 2 - 1] as number) + (times[RUNS / 2] as number)) / 2;
  return { median, min: times[0] as number, max: times[RUNS - 1] as number };
}

function report(label: string, { median, min, max }: ReturnType<typeof measure>): void {
  const ms = (n: number) => n.toFixed(1);
  console.log(
    `foldQueue ${label}: ${EVENTS} events, median of ${RUNS} runs ${ms(median)} ms ` +
      `(min ${ms(min)}, max ${ms(max)}; budget ${BUDGET_MS} ms)`,
  );
}

const rand = random(20251103);
const shuffled = JSON.parse(JSON.stringify(shuffle(buildLog(rand), rand))) as KioskEvent[];
report('shuffled', measure(shuffled));
const inHlcOrder = JSON.parse(JSON.stringify(sortEvents(shuffled))) as KioskEvent[];
report('in HLC order', measure(inHlcOrder));
