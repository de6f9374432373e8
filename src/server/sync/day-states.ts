/**
 * The server's queue state per (site, business day), kept current: a day is folded from the
 * store once, when first read, then every event a push commits is applied to it — so the
 * phone page and the board never fold a day per request (ARCHITECTURE.md §2.1).
 * Quarantined events are never applied (the store keeps them out of a day's read too).
 * Must: a day's state equals the fold of its stored, unquarantined events once every push
 * has called `apply` — events committed while the day was being read are applied after it
 * (the state ignores a copy it holds); a failed read is not kept; at most MAX_DAYS days are
 * held, the least recently read dropped first.
 */
import type { KioskEvent } from '../../domain/events';
import type { QueueBook } from '../../domain/queue';
import { foldQueue } from '../../domain/queue-read';

/** Days held at once: today, a few days of a trip ahead, and yesterday's late readers. */
const MAX_DAYS = 16;

type Held = { book: Promise<QueueBook>; ready: QueueBook | null; pending: KioskEvent[] };

/** The held days of one server, read through `state` and kept current by `apply`. */
export class DayStates {
  private readonly days = new Map<string, Held>();

  constructor(
    private readonly eventsOfDay: (siteId: string, day: string) => Promise<KioskEvent[]>,
    private readonly options: () => { priorityCap?: number } = () => ({}),
  ) {}

  /** The queue state of the site's day. */
  state(siteId: string, day: string): Promise<QueueBook> {
    const key = `${siteId}\n${day}`;
    const held = this.days.get(key);
    if (held !== undefined) {
      this.days.delete(key);
      this.days.set(key, held); // most recently read last
      return held.book;
    }
    const fresh: Held = {
      ready: null,
      pending: [],
      book: this.eventsOfDay(siteId, day).then((events) => {
        const book = foldQueue(events, this.options());
        for (const event of fresh.pending) book.apply(event);
        fresh.pending = [];
        fresh.ready = book;
        return book;
      }),
    };
    fresh.book.catch(() => {
      if (this.days.get(key) === fresh) this.days.delete(key);
    });
    this.days.set(key, fresh);
    this.evict();
    return fresh.book;
  }

  /** Events a push committed (quarantined ones left out): applied to the days held. */
  apply(siteId: string, events: readonly KioskEvent[]): void {
    for (const event of events) {
      const held = this.days.get(`${siteId}\n${event.businessDay}`);
      if (held === undefined) continue;
      if (held.ready) held.ready.apply(event);
      else held.pending.push(event);
    }
  }

  private evict(): void {
    while (this.days.size > MAX_DAYS) {
      const oldest = this.days.keys().next().value;
      if (oldest === undefined) return;
      this.days.delete(oldest);
    }
  }
}
