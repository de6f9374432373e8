/**
 * Queue state benchmark (not a test): applying one event to a device's queue state on a
 * busy day — 3,000 tickets over 10 queues, 20 lokets open, half the tickets already called
 * and served — p50/p95/max per event type (goal p95 ≤ 1 ms), plus the fold of that day.
 * Run: npx tsx test/bench/queue.bench.ts — or `runQueueBench` from another script.
 */
import { pathToFileURL } from 'node:url';
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc } from '../../src/domain/hlc';
import { QueueBook } from '../../src/domain/queue';
import { foldQueue } from '../../src/domain/queue-read';
import {
  counterChange,
  FIXTURE_MS,
  fixtureId,
  ticketAction,
  ticketIssued,
} from '../fixtures/events';

const TICKETS = 3_000;
const COUNTERS = 20;
const PREFIXES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];
const SAMPLES = 2_000;

let id = 10_000_000;
const nextId = () => fixtureId(id++);
const hlcAt = (ms: number) => encodeHlc({ ms: FIXTURE_MS + ms, counter: 0 });

/** A busy day's log: issues, lokets opened, half the tickets called, served and finished. */
function busyDay(): { log: KioskEvent[]; issued: KioskEvent<'ticket.issued'>[] } {
  const log: KioskEvent[] = [];
  for (let c = 0; c < COUNTERS; c++) {
    log.push(
      counterChange(
        'counter.opened',
        { loket: String(c + 1), serviceIds: ['ktp-el'] },
        { id: nextId(), deviceId: `counter-${c}`, hlc: hlcAt(c) },
      ),
    );
  }
  const issued = Array.from({ length: TICKETS }, (_, i) =>
    ticketIssued({
      id: nextId(),
      hlc: hlcAt(1_000 + i * 5_000),
      deviceId: `kiosk-${i % 4}`,
      data: {
        prefix: PREFIXES[i % PREFIXES.length],
        seq: Math.floor(i / PREFIXES.length) + 1,
        priority: i % 9 === 0 ? 'lansia' : null,
      },
    }),
  );
  log.push(...issued);
  issued.slice(0, TICKETS / 2).forEach((ticket, i) => {
    const deviceId = `counter-${i % COUNTERS}`;
    const at = 2_000 + i * 5_000;
    const env = (ms: number) => ({ id: nextId(), deviceId, hlc: hlcAt(ms) });
    const loket = { loket: String((i % COUNTERS) + 1) };
    log.push(ticketAction('ticket.called', ticket, loket, env(at)));
    log.push(ticketAction('ticket.serving', ticket, loket, env(at + 30_000)));
    log.push(ticketAction('ticket.finished', ticket, loket, env(at + 400_000)));
  });
  return { log, issued };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function runQueueBench(): string[] {
  const { log, issued } = busyDay();
  const lines: string[] = [];
  const folds: number[] = [];
  let folded = foldQueue(log);
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    folded = foldQueue(JSON.parse(JSON.stringify(log)) as KioskEvent[]);
    if (run >= 5) folds.push(performance.now() - start);
  }
  folds.sort((a, b) => a - b);
  lines.push(
    `fold of the busy day (${log.length} events, ${folded.model().issuedOrder.length} tickets): median ${percentile(folds, 50).toFixed(1)} ms over 10 warm runs`,
  );
  const kinds: Record<string, (i: number) => KioskEvent> = {
    'ticket.issued (new, in order)': (i) =>
      ticketIssued({
        id: nextId(),
        hlc: hlcAt(20_000_000 + i * 1000),
        data: { prefix: 'A', seq: 10_000 + i },
      }),
    'ticket.issued (late, out of order)': (i) =>
      ticketIssued({
        id: nextId(),
        hlc: hlcAt(500 + i),
        deviceId: 'kiosk-late',
        data: { prefix: 'B', seq: 20_000 + i },
      }),
    'ticket.called (next waiting)': (i) => {
      const ticket = issued[TICKETS / 2 + (i % (TICKETS / 2))] as KioskEvent<'ticket.issued'>;
      return ticketAction(
        'ticket.called',
        ticket,
        { loket: '7' },
        { id: nextId(), deviceId: `counter-x${i}`, hlc: hlcAt(30_000_000 + i) },
      );
    },
    'ticket.finished': (i) => {
      const ticket = issued[i % (TICKETS / 2)] as KioskEvent<'ticket.issued'>;
      return ticketAction(
        'ticket.finished',
        ticket,
        {},
        { id: nextId(), deviceId: 'counter-y', hlc: hlcAt(40_000_000 + i) },
      );
    },
  };
  for (const [kind, make] of Object.entries(kinds)) {
    const book = new QueueBook();
    book.load(log);
    const events = Array.from({ length: SAMPLES }, (_, i) => make(i));
    // Warm up on a copy of the state, then time each apply plus one read of people ahead.
    for (const event of events.slice(0, 50)) new QueueBook().apply(event);
    const times: number[] = [];
    for (const event of events) {
      const start = performance.now();
      book.apply(event);
      book.peopleAhead(event.id);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `apply one ${kind}: p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms, max ${(times.at(-1) ?? 0).toFixed(3)} ms over ${SAMPLES} (goal p95 ≤ 1 ms)`,
    );
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of runQueueBench()) console.info(line);
}
