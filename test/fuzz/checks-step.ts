/**
 * The checks after every step, cheap enough for 100,000 requests, on the store's SQLite
 * file (read-only): the site's head is what the model stored; each number head is past
 * the blocks granted and no further than they and the fences of unclean restarts took it
 * (pushed numbers never move it), within MAX_TICKET_SEQ + 1; each block stored since the
 * last step is within bounds, one the model was answered, and overlaps neither neighbour
 * of its (day, prefix) (I8); each quota's tokens granted are what the model counted.
 * Every `checkEvery` steps the periodic checks run too (./checks-periodic.ts).
 */
import type Database from 'better-sqlite3';
import { MAX_TICKET_SEQ } from '../../src/domain/numbering';
import { periodicChecks } from './checks-periodic';
import { fault, headBound } from './judge';
import { highestGranted, key, type Model } from './model';
import type { FuzzServer } from './server';

type LeaseRow = {
  rowid: number;
  business_day: string;
  prefix: string;
  start_no: number;
  end_no: number;
  device_id: string;
};

/** Lease rows already checked, per run (rowids survive restarts: the file is the same). */
const checkedLeases = new WeakMap<Model, number>();
const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    head: db.prepare('SELECT seq FROM site_heads WHERE site_id = ?'),
    heads: db.prepare('SELECT business_day, prefix, next_no FROM number_heads WHERE site_id = ?'),
    newLeases: db.prepare(
      `SELECT rowid, business_day, prefix, start_no, end_no, device_id FROM number_leases
       WHERE rowid > ? ORDER BY rowid`,
    ),
    before: db.prepare(
      `SELECT end_no FROM number_leases WHERE site_id = ? AND business_day = ? AND prefix = ? AND start_no < ?
       ORDER BY start_no DESC LIMIT 1`,
    ),
    after: db.prepare(
      `SELECT start_no FROM number_leases WHERE site_id = ? AND business_day = ? AND prefix = ? AND start_no > ?
       ORDER BY start_no LIMIT 1`,
    ),
    quotas: db.prepare('SELECT business_day, service_id, granted FROM quota_heads'),
  };
}

/** The checks of every step; then, every `checkEvery` steps, the periodic ones. */
export async function afterStep(model: Model, server: FuzzServer): Promise<void> {
  stepChecks(model, server);
  if (model.step % model.checkEvery === 0) await periodicChecks(model, server);
}

/** The store against the model: head, number heads, new blocks, quota heads. */
export function stepChecks(model: Model, server: FuzzServer): void {
  model.stats.add('check.step');
  const db = server.db();
  let q = statements.get(db);
  if (q === undefined) {
    q = prepare(db);
    statements.set(db, q);
  }
  const siteId = model.site.siteId;
  const head = (q.head.get(siteId) as { seq: number } | undefined)?.seq ?? 0;
  if (head !== model.stored)
    throw fault(`the store's head is ${head}, the model stored ${model.stored}`);
  for (const row of q.heads.all(siteId) as {
    business_day: string;
    prefix: string;
    next_no: number;
  }[]) {
    const k = key(row.business_day, row.prefix);
    const bound = Math.min(MAX_TICKET_SEQ + 1, headBound(model, k));
    if (row.next_no > bound || row.next_no <= highestGranted(model, k)) {
      throw fault(
        `number head of ${k} at ${row.next_no}: granted up to ${highestGranted(model, k)}, bound ${bound}`,
      );
    }
  }
  const rows = q.newLeases.all(checkedLeases.get(model) ?? 0) as LeaseRow[];
  for (const row of rows) {
    const k = key(row.business_day, row.prefix);
    const { start_no: start, end_no: end } = row;
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
    const before = q.before.get(siteId, row.business_day, row.prefix, start) as
      | { end_no: number }
      | undefined;
    const after = q.after.get(siteId, row.business_day, row.prefix, start) as
      | { start_no: number }
      | undefined;
    if (
      (before !== undefined && before.end_no >= start) ||
      (after !== undefined && after.start_no <= end)
    ) {
      throw fault(
        `stored block ${JSON.stringify(row)} overlaps ${JSON.stringify({ before, after })}`,
      );
    }
    checkedLeases.set(model, row.rowid);
  }
  for (const row of q.quotas.all() as {
    business_day: string;
    service_id: string;
    granted: number;
  }[]) {
    const want = model.quotas.get(key(row.business_day, row.service_id)) ?? 0;
    const quota = model.site.services.find((s) => s.serviceId === row.service_id)?.quota ?? 0;
    if (row.granted !== want || row.granted > quota) {
      throw fault(
        `quota ${row.business_day} ${row.service_id}: ${row.granted} granted, model ${want}, quota ${quota}`,
      );
    }
  }
}
