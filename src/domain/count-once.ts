/**
 * Each event id counts once in the queue state: its copy that sorts first (I5). Used by
 * `QueueBook` (./queue.ts); events of a type this code does not know are held here too,
 * counted as nothing but counted once.
 */
import { compareEvents } from './event-order';
import type { KioskEvent } from './events';

/** The first copy of each id in `events`, in log order (a plain sort: a day is thousands). */
export function firstCopies(events: Iterable<KioskEvent>): KioskEvent[] {
  const first = new Map<string, KioskEvent>();
  for (const event of events) {
    const seen = first.get(event.id);
    if (seen === undefined || compareEvents(event, seen) < 0) first.set(event.id, event);
  }
  return [...first.values()].sort(compareEvents);
}

/** Which copy of each id is counted; the index is made on the first `admit`. */
export class CountOnce {
  private seen: Map<string, KioskEvent> | null = null;
  /** Events of a type this code does not know, by id. */
  private readonly unknown = new Map<string, KioskEvent>();

  /** `held`: every event the book counts now, to build the index from on first use. */
  constructor(private readonly held: () => Iterable<KioskEvent>) {}

  /** Whether an event has been admitted one at a time (a book loaded in bulk has none). */
  get started(): boolean {
    return this.seen !== null;
  }

  /**
   * Takes `event` in. 'repeat' when the copy already counted sorts first (nothing changes);
   * otherwise the copy it replaces, for the book to retract, or null.
   */
  admit(event: KioskEvent): KioskEvent | null | 'repeat' {
    const seen = this.index();
    const counted = seen.get(event.id);
    if (counted !== undefined && compareEvents(event, counted) >= 0) return 'repeat';
    seen.set(event.id, event);
    return counted ?? null;
  }

  /** Holds an event of an unknown type (it changes no ticket). */
  hold(event: KioskEvent): void {
    this.unknown.set(event.id, event);
  }

  release(event: KioskEvent): void {
    this.unknown.delete(event.id);
  }

  private index(): Map<string, KioskEvent> {
    if (this.seen !== null) return this.seen;
    const seen = new Map<string, KioskEvent>();
    for (const event of this.held()) seen.set(event.id, event);
    for (const [id, event] of this.unknown) seen.set(id, event);
    this.seen = seen;
    return seen;
  }
}
