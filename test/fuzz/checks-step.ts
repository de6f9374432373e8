/**
 * The checks after every step, cheap enough for 100,000 requests, on the store's SQLite
 * file (read-only): the site's head is what the model stored; each number head is past
 * the blocks granted and no further than they and the fences of unclean restarts took it
 * (pushed numbers never move it), within MAX_TICKET_SEQ + 1; each block stored since the
 * last step is within bounds, one the model was answered, and overlaps neither neighbour
 * of its (day, prefix) (I8); each quota's tokens granted are what the model counted; the
 * staff rows are the model's persons (so a refused staff request changed nothing).
 * Every `checkEvery` steps the periodic checks run too (./checks-periodic.ts).
 */
import { MAX_TICKET_SEQ } from '../../src/domain/numbering';
import { periodicChecks } from './checks-periodic';
import { fault, headBound } from './judge';
import { highestGranted, key, type Model } from './model';
import type { FuzzServer } from './server';
import { staffStored } from './staff-model';
import type { StoreReader } from './store-reader';

type LeaseRow = {
  business_day: string;
  prefix: string;
  start_no: number;
  end_no: number;
  device_id: string;
  at: number;
};

/**
 * Where the blocks not yet checked start: SQLite's rowid (it only grows, also across
 * restarts: the file is the same); on PostgreSQL the grant time, a minute back, with the
 * blocks checked already skipped.
 */
const leaseCursor = (db: StoreReader) =>
  db.dialect === 'sqlite'
    ? { column: 'rowid', margin: 0 }
    : { column: 'granted_at', margin: 60_000 };
const checked = new WeakMap<Model, { at: number; seen: Set<string> }>();

const SQL = {
  head: 'SELECT seq FROM site_heads WHERE site_id = ?',
  heads: 'SELECT business_day, prefix, next_no FROM number_heads WHERE site_id = ?',
  leases: (column: string) =>
    `SELECT business_day, prefix, start_no, end_no, device_id, ${column} AS at FROM number_leases
     WHERE site_id = ? AND ${column} >= ?`,
  before: `SELECT end_no FROM number_leases
    WHERE site_id = ? AND business_day = ? AND prefix = ? AND start_no < ?
    ORDER BY start_no DESC LIMIT 1`,
  after: `SELECT start_no FROM number_leases
    WHERE site_id = ? AND business_day = ? AND prefix = ? AND start_no > ?
    ORDER BY start_no LIMIT 1`,
  quotas: 'SELECT business_day, service_id, granted FROM quota_heads WHERE site_id = ?',
};

/** The checks of every step; then, every `checkEvery` steps, the periodic ones. */
export async function afterStep(model: Model, server: FuzzServer): Promise<void> {
  await stepChecks(model, server);
  if (model.step % model.checkEvery === 0) await periodicChecks(model, server);
}

/** The store against the model: head, number heads, new blocks, quota heads. */
export async function stepChecks(model: Model, server: FuzzServer): Promise<void> {
  model.stats.add('check.step');
  const db = server.db();
  const siteId = model.site.siteId;
  const [row] = await db.all<{ seq: number }>(SQL.head, [siteId]);
  const head = row?.seq ?? 0;
  if (head !== model.stored)
    throw fault(`the store's head is ${head}, the model stored ${model.stored}`);
  const heads = await db.all<{ business_day: string; prefix: string; next_no: number }>(SQL.heads, [
    siteId,
  ]);
  for (const row of heads) {
    const k = key(row.business_day, row.prefix);
    const bound = Math.min(MAX_TICKET_SEQ + 1, headBound(model, k));
    if (row.next_no > bound || row.next_no <= highestGranted(model, k)) {
      throw fault(
        `number head of ${k} at ${row.next_no}: granted up to ${highestGranted(model, k)}, bound ${bound}`,
      );
    }
  }
  await newBlocks(model, db);
  const quotas = await db.all<{ business_day: string; service_id: string; granted: number }>(
    SQL.quotas,
    [siteId],
  );
  for (const row of quotas) {
    const want = model.quotas.get(key(row.business_day, row.service_id)) ?? 0;
    const quota = model.site.services.find((s) => s.serviceId === row.service_id)?.quota ?? 0;
    if (row.granted !== want || row.granted > quota) {
      throw fault(
        `quota ${row.business_day} ${row.service_id}: ${row.granted} granted, model ${want}, quota ${quota}`,
      );
    }
  }
  await staffStored(model, server);
}

/** Each block stored since the last check: within bounds, answered, overlapping no neighbour. */
async function newBlocks(model: Model, db: StoreReader): Promise<void> {
  const siteId = model.site.siteId;
  const cursor = leaseCursor(db);
  const state = checked.get(model) ?? { at: 0, seen: new Set<string>() };
  checked.set(model, state);
  const rows = await db.all<LeaseRow>(SQL.leases(cursor.column), [
    siteId,
    state.at - cursor.margin,
  ]);
  for (const row of rows) {
    const k = key(row.business_day, row.prefix);
    const { start_no: start, end_no: end } = row;
    if (state.seen.has(`${k}|${start}`)) continue;
    state.seen.add(`${k}|${start}`);
    state.at = Math.max(state.at, row.at + (cursor.margin === 0 ? 1 : 0));
    if (
      start < 1 ||
      end < start ||
      end > MAX_TICKET_SEQ ||
      end - start + 1 > model.site.blockSize
    ) {
      throw fault(`stored block ${JSON.stringify(row)} out of bounds`);
    }
    const known = (model.leases.get(k) ?? []).some(
      (b) => b.start === start && b.end === end && b.deviceId === row.device_id,
    );
    if (!known) throw fault(`stored block ${JSON.stringify(row)} was never answered`);
    const [before] = await db.all<{ end_no: number }>(SQL.before, [
      siteId,
      row.business_day,
      row.prefix,
      start,
    ]);
    const [after] = await db.all<{ start_no: number }>(SQL.after, [
      siteId,
      row.business_day,
      row.prefix,
      start,
    ]);
    if (
      (before !== undefined && before.end_no >= start) ||
      (after !== undefined && after.start_no <= end)
    ) {
      throw fault(
        `stored block ${JSON.stringify(row)} overlaps ${JSON.stringify({ before, after })}`,
      );
    }
  }
}
