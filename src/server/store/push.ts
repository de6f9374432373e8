/**
 * Push (ARCHITECTURE.md §4), in one transaction per request: lock the device's row, skip
 * what it already holds, refuse gaps and id conflicts, then take a block of siteSeqs from
 * the site's head row — locked until commit, so siteSeq order is commit order — and insert.
 * Must: a refused or replayed batch changes nothing; ackSeq is always the device's
 * last_seq after the request; an event's drift and flag are fixed when it is first stored.
 */
import type { KioskEvent } from '../../domain/events';
import { decodeHlc } from '../../domain/hlc';
import { StoreError } from './errors';
import { numberFloor } from './number-fence';
import { one, placeholders, retryOnUniqueViolation, type SqlDb, type SqlTx } from './sql';
import type { PushInput, PushOutcome } from './store';

/** The columns of an events row, in the order of its values. */
const EVENT_COLUMNS = [
  'id',
  'site_id',
  'device_id',
  'device_seq',
  'site_seq',
  'hlc',
  'business_day',
  'type',
  'data',
  'v',
  'received_at',
  'drift_ms',
  'flagged',
] as const;

/** Stores a device's batch; see the module comment. */
export async function push(db: SqlDb, input: PushInput): Promise<PushOutcome> {
  assertOwnEvents(input);
  // A concurrent push of the same event id by another device can only surface as a
  // unique violation on PostgreSQL; the retry then reports it as a conflict.
  return retryOnUniqueViolation(db, () => db.transaction((tx) => pushIn(tx, input)));
}

async function pushIn(tx: SqlTx, input: PushInput): Promise<PushOutcome> {
  const lastSeq = await lockDevice(tx, input);
  const fresh = input.events.filter((event) => event.deviceSeq > lastSeq);
  if (fresh.length === 0) {
    const head = await currentHead(tx, input.siteId);
    return { kind: 'ok', ackSeq: lastSeq, accepted: 0, flagged: 0, head };
  }
  if (!fresh.every((event, i) => event.deviceSeq === lastSeq + 1 + i)) {
    return { kind: 'gap', ackSeq: lastSeq };
  }
  const conflict = await conflictingId(tx, fresh);
  if (conflict !== null) return { kind: 'conflict', ackSeq: lastSeq, eventId: conflict };

  await raiseNumberHeads(tx, input.siteId, fresh);
  const ackSeq = lastSeq + fresh.length;
  await tx.run('UPDATE devices SET last_seq = ? WHERE device_id = ?', [ackSeq, input.deviceId]);
  // Last: the site's head row stays locked until commit and every push of the site
  // waits for it, so as little as possible happens while it is held.
  const head = await bumpHead(tx, input.siteId, fresh.length);
  const flagged = await insertEvents(tx, fresh, head - fresh.length + 1, input);
  return { kind: 'ok', ackSeq, accepted: fresh.length, flagged, head };
}

function assertOwnEvents(input: PushInput): void {
  const foreign = input.events.find(
    (event) => event.deviceId !== input.deviceId || event.siteId !== input.siteId,
  );
  if (foreign !== undefined) {
    throw new StoreError('foreign_event', `Event ${foreign.id} is not of the pushing device`);
  }
}

/** The device's last stored deviceSeq, with its row locked until commit. */
async function lockDevice(tx: SqlTx, input: PushInput): Promise<number> {
  const row = await one<{ last_seq: number }>(
    tx,
    'SELECT last_seq FROM devices WHERE device_id = ? AND site_id = ? FOR UPDATE',
    [input.deviceId, input.siteId],
  );
  if (row === null) {
    throw new StoreError('unknown_device', `No device ${input.deviceId} at ${input.siteId}`);
  }
  return row.last_seq;
}

async function currentHead(tx: SqlTx, siteId: string): Promise<number> {
  const row = await one<{ seq: number }>(tx, 'SELECT seq FROM site_heads WHERE site_id = ?', [
    siteId,
  ]);
  return row?.seq ?? 0;
}

/** An id of `events` already stored (for another device or seq), or repeated in the batch. */
async function conflictingId(tx: SqlTx, events: KioskEvent[]): Promise<string | null> {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) return event.id;
    seen.add(event.id);
  }
  const rows = await tx.all<{ id: string }>(
    `SELECT id FROM events WHERE id IN (${placeholders(events.length)})`,
    events.map((event) => event.id),
  );
  return rows[0]?.id ?? null;
}

/** Raises the site's head by `count`, locking its row until commit; the new head. */
async function bumpHead(tx: SqlTx, siteId: string, count: number): Promise<number> {
  const rows = await tx.all<{ seq: number }>(
    `INSERT INTO site_heads (site_id, seq) VALUES (?, ?)
     ON CONFLICT (site_id) DO UPDATE SET seq = site_heads.seq + excluded.seq
     RETURNING seq`,
    [siteId, count],
  );
  const head = rows[0]?.seq;
  if (head === undefined) throw new Error('site head upsert returned no row');
  return head;
}

/**
 * Leased numbers seen in pushed tickets are never granted again: each (day, prefix) head
 * moves past the highest one. It matters after the server went back in time — the lease
 * may be lost while the ticket comes back from the device (I3, I8).
 */
async function raiseNumberHeads(tx: SqlTx, siteId: string, events: KioskEvent[]): Promise<void> {
  const highest = new Map<string, { day: string; prefix: string; seq: number }>();
  for (const event of events) {
    if (event.type !== 'ticket.issued') continue;
    const data = event.data as { prefix: string; seq: number; emergencyTag?: string };
    if (data.emergencyTag !== undefined) continue;
    const key = `${event.businessDay} ${data.prefix}`;
    const seen = highest.get(key);
    if (!seen || seen.seq < data.seq) {
      highest.set(key, { day: event.businessDay, prefix: data.prefix, seq: data.seq });
    }
  }
  for (const { day, prefix, seq } of highest.values()) {
    // Usually the lease already moved the head past these numbers: then nothing is written
    // and the row is not locked (heads only ever rise, so the answer cannot go stale). An
    // existing head is above the fence's floor too: the fence raised every head there was,
    // and heads made since start above it.
    const current = await one<{ next_no: number }>(
      tx,
      'SELECT next_no FROM number_heads WHERE site_id = ? AND business_day = ? AND prefix = ?',
      [siteId, day, prefix],
    );
    if (current !== null && current.next_no > seq) continue;
    const target = Math.max(seq, await numberFloor(tx, day)) + 1;
    await tx.run(
      `INSERT INTO number_heads (site_id, business_day, prefix, next_no) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, business_day, prefix) DO UPDATE SET next_no =
         CASE WHEN number_heads.next_no > excluded.next_no
              THEN number_heads.next_no ELSE excluded.next_no END`,
      [siteId, day, prefix, target],
    );
  }
}

/** Inserts `events` with siteSeqs from `firstSeq`; resolves to how many were flagged. */
async function insertEvents(
  tx: SqlTx,
  events: KioskEvent[],
  firstSeq: number,
  input: PushInput,
): Promise<number> {
  let flagged = 0;
  const rows = events.map((event, i) => {
    const driftMs = (decodeHlc(event.hlc)?.ms ?? input.receivedAt) - input.receivedAt;
    const isFlagged = driftMs > input.maxDriftMs ? 1 : 0;
    flagged += isFlagged;
    return [
      event.id,
      event.siteId,
      event.deviceId,
      event.deviceSeq,
      firstSeq + i,
      event.hlc,
      event.businessDay,
      event.type,
      JSON.stringify(event.data),
      event.v,
      input.receivedAt,
      driftMs,
      isFlagged,
    ];
  });
  await tx.insertRows('events', EVENT_COLUMNS, rows);
  return flagged;
}
