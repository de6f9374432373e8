/**
 * The server's queue state per (site, business day): folded from the day's events once,
 * kept until a push changes that day, so public pages (the phone page, later the board)
 * cost no fold per request. Quarantined events are not in it (the store leaves them out).
 * Must: a state folded while a push changed its day is never kept; at most MAX_DAYS states
 * are held, the least recently read dropped first.
 */
import type { KioskEvent } from '../../domain/events';
import { foldQueue, type QueueState } from '../../domain/queue';

/** Days held at once: today, a few days of a trip ahead, and yesterday's late readers. */
const MAX_DAYS = 16;

type Held = { version: number; state: Promise<QueueState> | null };

/** Folded days of one server, read through `state` and invalidated by `changed`. */
export class DayStates {
  private readonly days = new Map<string, Held>();

  constructor(
    private readonly eventsOfDay: (siteId: string, day: string) => Promise<KioskEvent[]>,
  ) {}

  /** The folded state of the site's day. */
  state(siteId: string, day: string): Promise<QueueState> {
    const key = `${siteId}\n${day}`;
    const held = this.days.get(key) ?? { version: 0, state: null };
    this.days.delete(key);
    this.days.set(key, held); // most recently read last
    if (held.state !== null) return held.state;
    const version = held.version;
    const state = this.eventsOfDay(siteId, day).then(foldQueue);
    held.state = state;
    // A fold that fails, or that a push overtook, is not kept.
    state.then(
      () => this.dropIf(key, held, version, false),
      () => this.dropIf(key, held, version, true),
    );
    this.evict();
    return state;
  }

  /** The site's days whose events a commit changed: their states are folded again when read. */
  changed(siteId: string, days: Iterable<string>): void {
    for (const day of days) {
      const held = this.days.get(`${siteId}\n${day}`);
      if (held === undefined) continue;
      held.version += 1;
      held.state = null;
    }
  }

  private dropIf(key: string, held: Held, version: number, failed: boolean): void {
    if ((failed || held.version !== version) && this.days.get(key) === held) held.state = null;
  }

  private evict(): void {
    while (this.days.size > MAX_DAYS) {
      const oldest = this.days.keys().next().value;
      if (oldest === undefined) return;
      this.days.delete(oldest);
    }
  }
}
