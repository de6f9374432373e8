/**
 * Personal data citizens consented to give for a service (src/domain/personal-data.ts),
 * kept apart from the queue's log under the reference their ticket carries, one row a
 * field, and forgotten after the site's retention. Must: the first copy of a field stands
 * (a kiosk resends until it hears); nothing here is ever logged.
 */
import type { PersonalEntry } from '../../domain/personal-data';
import type { SqlDb, SqlValue } from './sql';

const COLUMNS = [
  'site_id',
  'ref',
  'field_id',
  'kind',
  'value',
  'service_id',
  'consented_at',
  'received_at',
];

/** Stores the entries' fields not stored yet: how many rows it added. */
export function savePersonalData(
  db: SqlDb,
  siteId: string,
  entries: readonly PersonalEntry[],
  receivedAt: number,
): Promise<number> {
  const rows: SqlValue[][] = entries.flatMap((e) =>
    e.fields.map((f) => [
      siteId,
      e.ref,
      f.id,
      f.kind,
      f.value,
      e.serviceId,
      e.consentedAt,
      receivedAt,
    ]),
  );
  return db.transaction(async (tx) => {
    const added = await tx.insertNew('personal_data', COLUMNS, rows, 'ref');
    return rows.filter((row) => added.has(row[1] as string)).length;
  });
}

/** How many fields the site holds (for tests and the privacy figures). */
export function personalDataCount(db: SqlDb, siteId: string): Promise<number> {
  return db.read(async (tx) => {
    const rows = await tx.all<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM personal_data WHERE site_id = ?',
      [siteId],
    );
    return Number(rows[0]?.n ?? 0);
  });
}

/** Forgets the fields received before `before`: how many. */
export function forgetPersonalData(db: SqlDb, siteId: string, before: number): Promise<number> {
  return db.transaction((tx) =>
    tx.run('DELETE FROM personal_data WHERE site_id = ? AND received_at < ?', [siteId, before]),
  );
}
