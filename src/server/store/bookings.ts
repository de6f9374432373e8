/**
 * Bookings made elsewhere, as imported by an admin (src/domain/booking-import.ts): one row
 * a code, replaced by a later import of the same code. Must: nothing of the citizen is
 * stored (a code, a day, a service, a window); an import is stored whole or not at all.
 */
import type { Booking } from '../../domain/bookings';
import type { SqlDb, SqlValue } from './sql';

/** How long bookings of past days are kept (what the admin's day list reads). */
export const KEEP_PAST_BOOKINGS_DAYS = 90;

type Row = {
  code: string;
  business_day: string;
  service_id: string;
  slot_from: string | null;
  slot_to: string | null;
  imported_at: number | string;
};

const bookingOf = (row: Row): Booking => ({
  code: row.code,
  day: row.business_day,
  serviceId: row.service_id,
  ...(row.slot_from === null ? {} : { from: row.slot_from }),
  ...(row.slot_to === null ? {} : { to: row.slot_to }),
});

/**
 * Stores `bookings` (replacing those of the same code) in one transaction, and forgets
 * bookings of days before `forgetBefore`.
 */
export function saveBookings(
  db: SqlDb,
  siteId: string,
  bookings: readonly Booking[],
  at: number,
  forgetBefore: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('DELETE FROM bookings WHERE site_id = ? AND business_day < ?', [
      siteId,
      forgetBefore,
    ]);
    for (const b of bookings) {
      await tx.run('DELETE FROM bookings WHERE site_id = ? AND code = ?', [siteId, b.code]);
    }
    const rows: SqlValue[][] = bookings.map((b) => [
      siteId,
      b.code,
      b.day,
      b.serviceId,
      b.from ?? null,
      b.to ?? null,
      at,
    ]);
    await tx.insertRows(
      'bookings',
      ['site_id', 'code', 'business_day', 'service_id', 'slot_from', 'slot_to', 'imported_at'],
      rows,
    );
  });
}

/** Bookings of days `from`…`to` inclusive, by day and code; and the latest import among them. */
export function bookingsBetween(
  db: SqlDb,
  siteId: string,
  from: string,
  to: string,
): Promise<{ bookings: Booking[]; importedAt: number }> {
  return db.read(async (tx) => {
    const rows = await tx.all<Row>(
      `SELECT code, business_day, service_id, slot_from, slot_to, imported_at FROM bookings
       WHERE site_id = ? AND business_day >= ? AND business_day <= ?
       ORDER BY business_day, code`,
      [siteId, from, to],
    );
    let importedAt = 0;
    for (const row of rows) importedAt = Math.max(importedAt, Number(row.imported_at));
    return { bookings: rows.map(bookingOf), importedAt };
  });
}

/** Those of `codes` that are bookings of the site, whatever their day. */
export function knownBookingCodes(
  db: SqlDb,
  siteId: string,
  codes: readonly string[],
): Promise<Set<string>> {
  return db.read(async (tx) => {
    const known = new Set<string>();
    // A batch holds at most a few hundred events: a few queries of 100 codes each.
    for (let i = 0; i < codes.length; i += 100) {
      const part = codes.slice(i, i + 100);
      const rows = await tx.all<{ code: string }>(
        `SELECT code FROM bookings WHERE site_id = ? AND code IN (${part.map(() => '?').join(', ')})`,
        [siteId, ...part],
      );
      for (const row of rows) known.add(row.code);
    }
    return known;
  });
}
