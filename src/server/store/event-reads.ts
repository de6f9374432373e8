/** Reading the event log: pull pages, heads, a day's events, one event, flagged ones. */
import type { KioskEvent } from '../../domain/events';
import type { SyncedEvent } from '../../domain/protocol';
import { EVENT_COLUMNS, type EventRow, toKioskEvent, toSyncedEvent } from './rows';
import { one, type SqlDb, type SqlReader } from './sql';
import type { FlaggedEvent, SkipOwn } from './store';

/** Events of the site with siteSeq > cursor, ascending, at most `limit`. */
export function pull(
  db: SqlDb,
  siteId: string,
  cursor: number,
  limit: number,
): Promise<SyncedEvent[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND site_seq > ?
       ORDER BY site_seq LIMIT ?`,
      [siteId, cursor, Math.max(0, Math.floor(limit))],
    );
    return rows.map(toSyncedEvent);
  });
}

/** The most rows one page scans past while leaving out the caller's own events. */
export const OWN_SCAN_LIMIT = 10_000;

/**
 * A pull page: the site's events with siteSeq > cursor, ascending, at most `limit` of them,
 * less `skip`'s; `last` is the siteSeq of the last row read, kept or not (the next cursor),
 * null when none was. Own events are left out before they are parsed, and do not count
 * towards `limit`: the page reads on past them (up to OWN_SCAN_LIMIT rows), so a device
 * back from a day offline is not sent page after empty page of its own events.
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
    return pull(db, siteId, cursor, count).then((events) => ({
      events,
      last: events.at(-1)?.siteSeq ?? null,
    }));
  }
  return db.read(async (tx) => {
    const keys = await tx.all<{ site_seq: number; device_id: string; device_seq: number }>(
      `SELECT site_seq, device_id, device_seq FROM events WHERE site_id = ? AND site_seq > ?
       ORDER BY site_seq LIMIT ?`,
      [siteId, cursor, Math.max(count, OWN_SCAN_LIMIT)],
    );
    // Walk to the `count`-th event to send, or to the end of what was read.
    let last: number | null = null;
    let kept = 0;
    for (const key of keys) {
      last = key.site_seq;
      const own = key.device_id === skip.deviceId && key.device_seq <= skip.throughSeq;
      if (!own && ++kept === count) break;
    }
    if (last === null || kept === 0) return { events: [], last };
    // siteSeqs commit in order, so every row up to `last` was already visible above.
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND site_seq > ? AND site_seq <= ?
       AND NOT (device_id = ? AND device_seq <= ?) ORDER BY site_seq`,
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

/** Every event of the site's business day, in siteSeq order. */
export function eventsOfDay(db: SqlDb, siteId: string, businessDay: string): Promise<KioskEvent[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE site_id = ? AND business_day = ?
       ORDER BY site_seq`,
      [siteId, businessDay],
    );
    return rows.map(toKioskEvent);
  });
}

/** The stored event with this id, or null. */
export function findEvent(db: SqlDb, eventId: string): Promise<SyncedEvent | null> {
  return db.read(async (tx) => {
    const row = await one<EventRow>(tx, `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`, [
      eventId,
    ]);
    return row === null ? null : toSyncedEvent(row);
  });
}

/** The site's events stored beyond the drift bound, in siteSeq order. */
export function flaggedEvents(db: SqlDb, siteId: string): Promise<FlaggedEvent[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<{ id: string; device_id: string; drift_ms: number }>(
      `SELECT id, device_id, drift_ms FROM events WHERE site_id = ? AND flagged = 1
       ORDER BY site_seq`,
      [siteId],
    );
    return rows.map((row) => ({ eventId: row.id, deviceId: row.device_id, driftMs: row.drift_ms }));
  });
}
