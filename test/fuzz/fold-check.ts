/**
 * I5 on what the server sent: a day's pulled log, hostile and flagged events included,
 * folds to the same queue state in siteSeq order, in reverse, and shuffled with
 * duplicates (src/domain/queue.ts foldQueue).
 */
import type { KioskEvent } from '../../src/domain/events';
import type { QueueState } from '../../src/domain/queue';
import { foldState } from '../../src/domain/queue-read';
import { fault } from './judge';

/** The state as comparable text: maps as sorted entries. */
function canonical(state: QueueState): string {
  return JSON.stringify({
    tickets: [...state.tickets.entries()],
    waiting: [...state.waiting.entries()].sort(([a], [b]) => a.localeCompare(b)),
    issued: [...state.issuedByService.entries()].sort(([a], [b]) => a.localeCompare(b)),
    duplicates: [...state.duplicates].sort((a, b) =>
      `${a.businessDay}${a.number}`.localeCompare(`${b.businessDay}${b.number}`),
    ),
  });
}

/** A deterministic shuffle (xorshift on `seed`) with every 7th event repeated. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items, ...items.filter((_, i) => i % 7 === 0)];
  let x = seed | 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Throws when the day's log folds differently in another order. */
export function foldsAlike(events: readonly KioskEvent[], seed: number): void {
  if (events.length === 0) return;
  const reference = canonical(foldState(events));
  const orders = [[...events].reverse(), shuffled(events, seed)];
  for (const order of orders) {
    if (canonical(foldState(order)) !== reference) {
      throw fault(
        `I5: ${events.length} events of ${events[0]?.businessDay} fold differently in another order`,
      );
    }
  }
}
