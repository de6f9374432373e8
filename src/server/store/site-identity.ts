/**
 * Which site a database belongs to, and renaming it. The id is recorded once (meta
 * `site_id`); a database from before that record is claimed by the one site its rows name.
 * Renaming moves every row to the new id in one transaction and keeps the old id as a
 * former one: devices keep their tokens, and events they still hold under the old id are
 * taken as the new site's (ARCHITECTURE.md §8, README "Renaming a site").
 * Must: nothing changes unless the whole rename commits; a database whose rows name more
 * than one site is never claimed silently.
 */
import { readMeta, writeMeta } from './meta';
import type { SqlDb, SqlReader } from './sql';

/** The site a database serves, and the ids it had before. */
export type SiteIdentity = { siteId: string; formerIds: string[] };

/** Tables whose rows carry the site id. */
export const SITE_TABLES = [
  'events',
  'site_heads',
  'devices',
  'number_heads',
  'number_leases',
  'quota_heads',
  'quota_grants',
  'enrollments',
  'config_versions',
  'ticket_numbers',
  'staff',
  'flag_reviews',
  'skm_responses',
  'day_summaries',
  'bookings',
  'ticket_bookings',
  'personal_data',
] as const;

/** The recorded identity; else the one site the rows name; null for an empty database. */
export async function readSiteIdentity(db: SqlDb): Promise<SiteIdentity | null> {
  return db.transaction(async (tx) => {
    const meta = await readMeta(tx, ['site_id', 'former_site_ids']);
    if (meta.site_id !== undefined) {
      return { siteId: meta.site_id, formerIds: parseIds(meta.former_site_ids) };
    }
    const named = await sitesNamed(tx);
    if (named.length === 0) return null;
    if (named.length > 1) {
      throw new Error(
        `Basis data ini berisi data beberapa situs (${named.join(', ')}); ` +
          'pakai DATA_DIR atau DATABASE_URL tersendiri untuk tiap situs. ' +
          `(This database holds several sites' data.)`,
      );
    }
    return { siteId: named[0] as string, formerIds: [] };
  });
}

/** Records `siteId` as the database's site. */
export function claimSite(db: SqlDb, siteId: string): Promise<void> {
  return db.transaction((tx) => writeMeta(tx, { site_id: siteId }));
}

/** Moves every row of site `from` to `to` and records `from` as a former id. */
export function renameSite(db: SqlDb, from: string, to: string): Promise<SiteIdentity> {
  return db.transaction(async (tx) => {
    const meta = await readMeta(tx, ['former_site_ids']);
    for (const table of SITE_TABLES) {
      await tx.run(`UPDATE ${table} SET site_id = ? WHERE site_id = ?`, [to, from]);
    }
    const formerIds = [...new Set([...parseIds(meta.former_site_ids), from])].filter(
      (id) => id !== to,
    );
    await writeMeta(tx, { site_id: to, former_site_ids: JSON.stringify(formerIds) });
    return { siteId: to, formerIds };
  });
}

/** The distinct site ids the rows name. */
async function sitesNamed(tx: SqlReader): Promise<string[]> {
  const rows = await tx.all<{ site_id: string }>(
    `SELECT site_id FROM devices UNION SELECT site_id FROM site_heads
     UNION SELECT site_id FROM config_versions`,
  );
  return [...new Set(rows.map((row) => row.site_id))].sort();
}

function parseIds(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
