/**
 * The store's roles the sync protocol uses (./store.ts composes them): the event log that
 * pushes write and pulls read, and the number blocks and quota tokens leased in advance.
 */
import type { KioskEvent } from '../../domain/events';
import type { FlagReview, NumberLease, SyncedEvent } from '../../domain/protocol';
import type { FlaggedEvent, PushInput, PushOutcome, SkipOwn } from './records';

/** The event log: pushes, pulls, a day's events, flagged ones (ARCHITECTURE.md §3–4). */
export interface EventLog {
  push(input: PushInput): Promise<PushOutcome>;
  /** Events with siteSeq > cursor, ascending, at most `limit`. */
  pull(siteId: string, cursor: number, limit: number): Promise<SyncedEvent[]>;
  /**
   * A pull page: like pull, less `skip`'s device's own events through its seq; `last` is
   * the siteSeq of the last event read, kept or not (the next cursor), null when none.
   */
  pullPage(
    siteId: string,
    cursor: number,
    limit: number,
    skip: SkipOwn | null,
  ): Promise<{ events: SyncedEvent[]; last: number | null }>;
  head(siteId: string): Promise<number>;
  eventsOfDay(siteId: string, businessDay: string): Promise<KioskEvent[]>;
  /** Changes whenever an event of the day is stored (count and last siteSeq). */
  dayStamp(siteId: string, businessDay: string): Promise<string>;
  /** A day's report summary as kept (JSON), with its stamp; null when none is. */
  keptDaySummary(
    siteId: string,
    businessDay: string,
  ): Promise<{ stamp: string; summary: string } | null>;
  keepDaySummary(
    siteId: string,
    businessDay: string,
    stamp: string,
    summary: string,
  ): Promise<void>;
  /** The event with this id, and whether it is quarantined (kept from public pages); null when none. */
  findEvent(eventId: string): Promise<{ event: SyncedEvent; quarantined: boolean } | null>;
  /** Flagged and quarantined events, in siteSeq order: at most `limit` (500) after siteSeq `after`. */
  /** Flagged and quarantined events, with their reviews; `open`: the unreviewed ones. */
  flaggedEvents(
    siteId: string,
    after?: number,
    limit?: number,
    open?: boolean,
  ): Promise<FlaggedEvent[]>;
  /** Records a review of a flagged event (the first stands), audited; null: no such event. */
  reviewFlagged(siteId: string, eventId: string, review: FlagReview): Promise<FlagReview | null>;
}

/** Number blocks and quota tokens granted in advance (ARCHITECTURE.md §5). */
export interface Leases {
  /**
   * A new block of up to `count` numbers after every block ever granted for (site, day,
   * prefix), never past MAX_TICKET_SEQ nor beyond the device's `deviceShare` of the day;
   * null when nothing can be granted.
   */
  leaseNumbers(input: {
    siteId: string;
    deviceId: string;
    businessDay: string;
    prefix: string;
    count: number;
    grantedAt: number;
    /** Unlimited when absent. */
    deviceShare?: number;
  }): Promise<NumberLease | null>;
  /**
   * Up to `count` tokens of the pool's quota of the day, never more than `quota` in all nor
   * more than `deviceShare` unused by the device (none when absent); 0 when none can be granted.
   */
  leaseQuota(input: {
    siteId: string;
    deviceId: string;
    businessDay: string;
    serviceId: string;
    /** LOBBY_POOL (src/domain/quotas.ts), or a visit's id. */
    pool: string;
    count: number;
    quota: number;
    grantedAt: number;
    deviceShare?: number;
  }): Promise<{ count: number; remaining: number }>;
  numberLeases(
    siteId: string,
    businessDay: string,
  ): Promise<(NumberLease & { deviceId: string })[]>;
}
