/**
 * Reading the event log: pull pages, heads, a day's events, one event, flagged ones.
 * Must: a quarantined event (src/domain/trust.ts) is never in a pull page nor in a day's
 * events; it is read only by id (`findEvent` says so) and in the flagged list.
 */
import type { KioskEvent } from '../../domain/events';
import type { FlagResolution, FlagReview, SyncedEvent } from '../../domain/protocol';
import { appendAudit } from './audit';
import type { FlaggedEvent, SkipOwn } from './records';
import { EVENT_COLUMNS, type EventRow, toKioskEvent, toSyncedEvent } from './rows';
import { one, type SqlDb, type SqlReader } from './sql';

/** Events of the site with siteSeq > cursor, ascending, at most `limit`, less quarantined ones. */
export async function pull(
  db: SqlDb,
  siteId: string,
  cursor: number,
  limit: number,
): Promise<SyncedEvent[]> {
  return (await readPage(db, siteId, cursor, limit)).events;
}

/** Up to `limit` rows after `cursor`: the ones to send, and the last siteSeq read. */
function readPage(
  db: SqlDb,
  siteId: string,
  cursor: number,
  limit: number,
): Promise<{ events: SyncedEvent[]; last: number | null }> {
  return db.read(async (tx) => {
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND site_seq > ?
       ORDER BY site_seq LIMIT ?`,
      [siteId, cursor, Math.max(0, Math.floor(limit))],
    );
    const kept = rows.filter((row) => row.quarantined === 0);
    return { events: kept.map(toSyncedEvent), last: rows.at(-1)?.site_seq ?? null };
  });
}

/** The most rows one page scans past while leaving out the caller's own events. */
export const OWN_SCAN_LIMIT = 10_000;

/**
 * A pull page: the site's events with siteSeq > cursor, ascending, at most `limit` of them,
 * less `skip`'s and quarantined ones; `last` is the siteSeq of the last row read, kept or
 * not (the next cursor), null when none was. Own events are left out before they are
 * parsed, and do not count towards `limit`: the page reads on past them (up to
 * OWN_SCAN_LIMIT rows), so a device back from a day offline is not sent page after empty
 * page of its own events.
 */
export function pullPage(
  db: SqlDb,
  siteId: string,
  cursor: number,
  limit: number,
  skip: SkipOwn | null,
): Promise<{ events: SyncedEvent[]; last: number | null }> {
  const count = Math.max(0, Math.floor(limit));
  if (skip === null || skip.throughSeq <= 0 || count === 0) {
    return readPage(db, siteId, cursor, count);
  }
  return db.read(async (tx) => {
    const keys = await tx.all<{
      site_seq: number;
      device_id: string;
      device_seq: number;
      quarantined: number;
    }>(
      `SELECT site_seq, device_id, device_seq, quarantined FROM events
       WHERE site_id = ? AND site_seq > ? ORDER BY site_seq LIMIT ?`,
      [siteId, cursor, Math.max(count, OWN_SCAN_LIMIT)],
    );
    // Walk to the `count`-th event to send, or to the end of what was read.
    let last: number | null = null;
    let kept = 0;
    for (const key of keys) {
      last = key.site_seq;
      const own = key.device_id === skip.deviceId && key.device_seq <= skip.throughSeq;
      if (!own && key.quarantined === 0 && ++kept === count) break;
    }
    if (last === null || kept === 0) return { events: [], last };
    // siteSeqs commit in order, so every row up to `last` was already visible above.
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND site_seq > ? AND site_seq <= ?
       AND NOT (device_id = ? AND device_seq <= ?) AND quarantined = 0 ORDER BY site_seq`,
      [siteId, cursor, last, skip.deviceId, skip.throughSeq],
    );
    return { events: rows.map(toSyncedEvent), last };
  });
}

/** The site's highest siteSeq (0 before its first event). */
export function head(db: SqlDb, siteId: string): Promise<number> {
  return db.read((tx) => headIn(tx, siteId));
}

/** The site's head as `tx` sees it (inside a read or a transaction). */
export async function headIn(tx: SqlReader, siteId: string): Promise<number> {
  const row = await one<{ seq: number }>(tx, 'SELECT seq FROM site_heads WHERE site_id = ?', [
    siteId,
  ]);
  return row?.seq ?? 0;
}

/** Every event of the site's business day but quarantined ones, in siteSeq order. */
export function eventsOfDay(db: SqlDb, siteId: string, businessDay: string): Promise<KioskEvent[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND business_day = ?
       AND quarantined = 0 ORDER BY site_seq`,
      [siteId, businessDay],
    );
    return rows.map(toKioskEvent);
  });
}

/**
 * What changes whenever an event of the day is stored: how many there are and the last
 * siteSeq among them ("count:seq"); a day's report is kept while its stamp holds.
 */
export function dayStamp(db: SqlDb, siteId: string, businessDay: string): Promise<string> {
  return db.read(async (tx) => {
    const row = await one<{ n: number | string; last: number | string | null }>(
      tx,
      `SELECT COUNT(*) AS n, MAX(site_seq) AS last FROM events
       WHERE site_id = ? AND business_day = ?`,
      [siteId, businessDay],
    );
    return `${row?.n ?? 0}:${row?.last ?? 0}`;
  });
}

/** A day's report summary as kept (JSON) with the stamp it was made at, or null. */
export function keptDaySummary(
  db: SqlDb,
  siteId: string,
  businessDay: string,
): Promise<{ stamp: string; summary: string } | null> {
  return db.read((tx) =>
    one<{ stamp: string; summary: string }>(
      tx,
      'SELECT stamp, summary FROM day_summaries WHERE site_id = ? AND business_day = ?',
      [siteId, businessDay],
    ),
  );
}

/** Keeps a day's report summary (JSON) made at `stamp`, replacing the one before. */
export function keepDaySummary(
  db: SqlDb,
  siteId: string,
  businessDay: string,
  stamp: string,
  summary: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO day_summaries (site_id, business_day, stamp, summary) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, business_day) DO UPDATE SET stamp = excluded.stamp, summary = excluded.summary`,
      [siteId, businessDay, stamp, summary],
    );
  });
}

/** The stored event with this id, and whether it is quarantined; null when there is none. */
export function findEvent(
  db: SqlDb,
  eventId: string,
): Promise<{ event: SyncedEvent; quarantined: boolean } | null> {
  return db.read(async (tx) => {
    const row = await one<EventRow>(tx, `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`, [
      eventId,
    ]);
    return row === null ? null : { event: toSyncedEvent(row), quarantined: row.quarantined === 1 };
  });
}

/**
 * The site's flagged or quarantined events after `after` (site order), at most `limit`,
 * each with its review; `open` leaves out the reviewed ones.
 */
export function flaggedEvents(
  db: SqlDb,
  siteId: string,
  after = 0,
  limit = 500,
  open = false,
): Promise<FlaggedEvent[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<{
      id: string;
      device_id: string;
      site_seq: number;
      business_day: string;
      drift_ms: number;
      flags: string;
      quarantined: number;
      reviewed_at: number | null;
      admin_id: string | null;
      resolution: string | null;
    }>(
      `SELECT e.id, e.device_id, e.site_seq, e.business_day, e.drift_ms, e.flags, e.quarantined,
         r.reviewed_at, r.admin_id, r.resolution
       FROM events e LEFT JOIN flag_reviews r ON r.site_id = e.site_id AND r.event_id = e.id
       WHERE e.site_id = ? AND e.flagged = 1 AND e.site_seq > ?${open ? ' AND r.event_id IS NULL' : ''}
       ORDER BY e.site_seq LIMIT ?`,
      [siteId, after, limit],
    );
    return rows.map((row) => ({
      eventId: row.id,
      deviceId: row.device_id,
      siteSeq: Number(row.site_seq),
      businessDay: row.business_day,
      driftMs: Number(row.drift_ms),
      // Events stored before the reasons were kept were flagged for their clock only.
      reasons: (row.flags === ''
        ? ['clock_ahead']
        : row.flags.split(',')) as FlaggedEvent['reasons'],
      quarantined: row.quarantined === 1,
      review:
        row.reviewed_at === null || row.admin_id === null
          ? null
          : {
              at: Number(row.reviewed_at),
              adminId: row.admin_id,
              resolution: row.resolution as FlagResolution,
            },
    }));
  });
}

/**
 * Records a review of a flagged event of the site, audited; the first review stands.
 * Null when the site has no such flagged event.
 */
export function reviewFlagged(
  db: SqlDb,
  siteId: string,
  eventId: string,
  review: FlagReview,
): Promise<FlagReview | null> {
  return db.transaction(async (tx) => {
    const flagged = await one<{ id: string }>(
      tx,
      'SELECT id FROM events WHERE site_id = ? AND id = ? AND flagged = 1',
      [siteId, eventId],
    );
    const outcome = flagged === null ? 'unknown_event' : 'ok';
    await appendAudit(tx, {
      at: review.at,
      adminId: review.adminId,
      action: 'flagged.review',
      targetId: flagged === null ? null : eventId,
      outcome,
    });
    if (flagged === null) return null;
    await tx.run(
      `INSERT INTO flag_reviews (site_id, event_id, reviewed_at, admin_id, resolution)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id, event_id) DO NOTHING`,
      [siteId, eventId, review.at, review.adminId, review.resolution],
    );
    const stored = await one<{ reviewed_at: number; admin_id: string; resolution: string }>(
      tx,
      'SELECT reviewed_at, admin_id, resolution FROM flag_reviews WHERE site_id = ? AND event_id = ?',
      [siteId, eventId],
    );
    return stored === null
      ? null
      : {
          at: Number(stored.reviewed_at),
          adminId: stored.admin_id,
          resolution: stored.resolution as FlagResolution,
        };
  });
}
