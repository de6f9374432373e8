/**
 * Push (ARCHITECTURE.md §4), in batches: one transaction stores one or more pushes of a
 * site. It locks the devices' rows; for each push, in arrival order, skips what its device
 * already holds and refuses gaps and id conflicts; then takes one block of siteSeqs from
 * the site's head row (locked until commit, so siteSeq order is commit order) and inserts.
 * On PostgreSQL the pushes that arrive while a batch is being stored wait and form the
 * next one: a batch costs about as many statements as one push did, so under load the
 * database does less per event, not more. On SQLite, whose group commit already shares
 * one COMMIT among the transactions asked for at once, each push is a batch of one.
 * Must: each push keeps its own outcome — a refused or replayed push changes nothing,
 * whatever the others in its batch do; ackSeq is always the device's last_seq after the
 * commit; nothing resolves before the commit; an event's drift and flag are fixed when
 * it is first stored.
 */
import type { KioskEvent } from '../../domain/events';
import { decodeHlc } from '../../domain/hlc';
import { StoreError } from './errors';
import { numberFloor } from './number-fence';
import {
  one,
  placeholders,
  retryOnUniqueViolation,
  type SqlDb,
  type SqlTx,
  type SqlValue,
} from './sql';
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

/**
 * The most events one batch takes (it always takes at least one push, of at most 500 by
 * the protocol): bounds the statements' parameters and how long a batch holds the locks.
 */
const MAX_BATCH_EVENTS = 1000;

/** Ids per `IN (…)` list: far below either database's limit on parameters. */
const IDS_PER_QUERY = 1000;

/** A push waiting for its batch. */
type Waiting = {
  input: PushInput;
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
};

/** A push with events to store: its new ackSeq and those events. */
type Fresh = { kind: 'fresh'; input: PushInput; ackSeq: number; events: KioskEvent[] };

/** What a push came to inside its batch, before the head is known. */
type Checked = PushOutcome | StoreError | Fresh;

/**
 * The push of one store. On a database that commits concurrent transactions together by
 * itself (`groupsCommits`: SQLite), each push is its own transaction and goes straight
 * to it; measured there, queueing pushes into batches gave fewer events/s, not more.
 * Elsewhere (PostgreSQL) the pushes of a site are batched as the module comment says.
 */
export function batchedPush(db: SqlDb): (input: PushInput) => Promise<PushOutcome> {
  if (db.groupsCommits) {
    return (input) =>
      new Promise<PushOutcome>((resolve, reject) => {
        assertOwnEvents(input);
        void storeBatch(db, [{ input, resolve, reject }]);
      });
  }
  const queues = new Map<string, Waiting[]>();
  const drain = async (siteId: string, queue: Waiting[]) => {
    while (queue.length > 0) await storeBatch(db, takeBatch(queue));
    queues.delete(siteId);
  };
  return (input) =>
    new Promise<PushOutcome>((resolve, reject) => {
      assertOwnEvents(input);
      const queue = queues.get(input.siteId);
      if (queue !== undefined) {
        queue.push({ input, resolve, reject });
        return;
      }
      const fresh = [{ input, resolve, reject }];
      queues.set(input.siteId, fresh);
      void drain(input.siteId, fresh);
    });
}

/** The first waiting pushes, in arrival order, up to MAX_BATCH_EVENTS (at least one). */
function takeBatch(queue: Waiting[]): Waiting[] {
  let count = 0;
  let n = 0;
  while (n < queue.length) {
    count += (queue[n] as Waiting).input.events.length;
    if (n > 0 && count > MAX_BATCH_EVENTS) break;
    n++;
  }
  return queue.splice(0, n);
}

/** Stores a batch and settles each of its pushes; never throws. */
async function storeBatch(db: SqlDb, batch: Waiting[]): Promise<void> {
  try {
    // A concurrent push of the same event id through another connection can only surface
    // as a unique violation on PostgreSQL; the retry then reports it as a conflict.
    const outcomes = await retryOnUniqueViolation(db, () =>
      db.transaction((tx) =>
        pushBatch(
          tx,
          batch.map((waiting) => waiting.input),
        ),
      ),
    );
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i] as PushOutcome | StoreError;
      if (outcome instanceof StoreError) waiting.reject(outcome);
      else waiting.resolve(outcome);
    });
  } catch (error) {
    if (batch.length === 1) {
      (batch[0] as Waiting).reject(error);
      return;
    }
    // Nothing of the batch was stored. The database refused something, maybe of one push
    // only: each is tried alone, so no push fails for another's sake.
    for (const waiting of batch) await storeBatch(db, [waiting]);
  }
}

/** Stores the pushes (all of one site) in one transaction; one outcome or error each. */
async function pushBatch(tx: SqlTx, inputs: PushInput[]): Promise<Array<PushOutcome | StoreError>> {
  const siteId = (inputs[0] as PushInput).siteId;
  const lastSeqs = await lockDevices(tx, siteId, inputs);
  const stored = await storedIds(tx, inputs, lastSeqs);
  const taken = new Set<string>();
  const checked = inputs.map((input) => checkPush(input, lastSeqs, stored, taken));
  const fresh = checked.filter((c): c is Fresh => !(c instanceof StoreError) && c.kind === 'fresh');
  if (fresh.length === 0) {
    const head = await currentHead(tx, siteId);
    return checked.map((c) => settle(c, head, 0));
  }
  const count = fresh.reduce((sum, c) => sum + c.events.length, 0);
  await raiseNumberHeads(
    tx,
    siteId,
    fresh.flatMap((c) => c.events),
  );
  await setLastSeqs(tx, fresh);
  // Last: the site's head row stays locked until commit and every push of the site
  // waits for it, so as little as possible happens while it is held.
  const head = await bumpHead(tx, siteId, count);
  const flagged = await insertEvents(tx, fresh, head - count + 1);
  const flaggedOf = new Map(fresh.map((c, i) => [c, flagged[i] ?? 0]));
  return checked.map((c) => settle(c, head, flaggedOf.get(c as Fresh) ?? 0));
}

/**
 * One push checked against its device's last stored seq (advanced by the batch's earlier
 * pushes), the ids stored before the batch and those the batch took so far.
 */
function checkPush(
  input: PushInput,
  lastSeqs: Map<string, number>,
  stored: Set<string>,
  taken: Set<string>,
): Checked {
  const lastSeq = lastSeqs.get(input.deviceId);
  if (lastSeq === undefined) {
    return new StoreError('unknown_device', `No device ${input.deviceId} at ${input.siteId}`);
  }
  const events = input.events.filter((event) => event.deviceSeq > lastSeq);
  if (events.length === 0) return { kind: 'ok', ackSeq: lastSeq, accepted: 0, flagged: 0, head: 0 };
  if (!events.every((event, i) => event.deviceSeq === lastSeq + 1 + i)) {
    return { kind: 'gap', ackSeq: lastSeq };
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (ids.has(event.id) || stored.has(event.id) || taken.has(event.id)) {
      return { kind: 'conflict', ackSeq: lastSeq, eventId: event.id };
    }
    ids.add(event.id);
  }
  for (const id of ids) taken.add(id);
  const ackSeq = lastSeq + events.length;
  lastSeqs.set(input.deviceId, ackSeq);
  return { kind: 'fresh', input, ackSeq, events };
}

/** A checked push's outcome once the batch's head and its flagged count are known. */
function settle(checked: Checked, head: number, flagged: number): PushOutcome | StoreError {
  if (checked instanceof StoreError || checked.kind === 'gap' || checked.kind === 'conflict') {
    return checked;
  }
  if (checked.kind === 'fresh') {
    const accepted = checked.events.length;
    return { kind: 'ok', ackSeq: checked.ackSeq, accepted, flagged, head };
  }
  return { ...checked, head };
}

function assertOwnEvents(input: PushInput): void {
  const foreign = input.events.find(
    (event) => event.deviceId !== input.deviceId || event.siteId !== input.siteId,
  );
  if (foreign !== undefined) {
    throw new StoreError('foreign_event', `Event ${foreign.id} is not of the pushing device`);
  }
}

/** The last stored deviceSeq of each pushing device of the site, rows locked until commit. */
async function lockDevices(
  tx: SqlTx,
  siteId: string,
  inputs: PushInput[],
): Promise<Map<string, number>> {
  const ids = [...new Set(inputs.map((input) => input.deviceId))];
  // In id order, so two batches through different connections cannot deadlock.
  const rows = await tx.all<{ device_id: string; last_seq: number }>(
    `SELECT device_id, last_seq FROM devices
     WHERE site_id = ? AND device_id IN (${placeholders(ids.length)})
     ORDER BY device_id FOR UPDATE`,
    [siteId, ...ids],
  );
  return new Map(rows.map((row) => [row.device_id, row.last_seq]));
}

/** The ids, of events the batch may store, that are already stored. */
async function storedIds(
  tx: SqlTx,
  inputs: PushInput[],
  lastSeqs: Map<string, number>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const input of inputs) {
    const lastSeq = lastSeqs.get(input.deviceId) ?? Number.POSITIVE_INFINITY;
    for (const event of input.events) if (event.deviceSeq > lastSeq) ids.add(event.id);
  }
  const all = [...ids];
  const stored = new Set<string>();
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) {
    const chunk = all.slice(i, i + IDS_PER_QUERY);
    const rows = await tx.all<{ id: string }>(
      `SELECT id FROM events WHERE id IN (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const row of rows) stored.add(row.id);
  }
  return stored;
}

/** Records each accepting device's new last seq, in one statement. */
async function setLastSeqs(tx: SqlTx, fresh: Fresh[]): Promise<void> {
  // A device's later push in the batch holds its higher seq.
  const last = new Map(fresh.map(({ input, ackSeq }) => [input.deviceId, ackSeq]));
  const cases = [...last.keys()].map(() => 'WHEN ? THEN CAST(? AS BIGINT)').join(' ');
  await tx.run(
    `UPDATE devices SET last_seq = CASE device_id ${cases} END
     WHERE device_id IN (${placeholders(last.size)})`,
    [...[...last].flat(), ...last.keys()],
  );
}

async function currentHead(tx: SqlTx, siteId: string): Promise<number> {
  const row = await one<{ seq: number }>(tx, 'SELECT seq FROM site_heads WHERE site_id = ?', [
    siteId,
  ]);
  return row?.seq ?? 0;
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
  if (highest.size === 0) return;
  // Usually the leases already moved the heads past these numbers: then nothing is
  // written and no row is locked (heads only ever rise, so the answers cannot go stale).
  // An existing head is above the fence's floor too: the fence raised every head there
  // was, and heads made since start above it.
  const days = [...new Set([...highest.values()].map((h) => h.day))];
  const prefixes = [...new Set([...highest.values()].map((h) => h.prefix))];
  const rows = await tx.all<{ business_day: string; prefix: string; next_no: number }>(
    `SELECT business_day, prefix, next_no FROM number_heads WHERE site_id = ?
     AND business_day IN (${placeholders(days.length)})
     AND prefix IN (${placeholders(prefixes.length)})`,
    [siteId, ...days, ...prefixes],
  );
  const current = new Map(rows.map((row) => [`${row.business_day} ${row.prefix}`, row.next_no]));
  for (const [key, { day, prefix, seq }] of highest) {
    if ((current.get(key) ?? 0) > seq) continue;
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

/**
 * Inserts the fresh pushes' events with siteSeqs from `firstSeq`, in batch order;
 * resolves to how many of each push were flagged.
 */
async function insertEvents(tx: SqlTx, fresh: Fresh[], firstSeq: number): Promise<number[]> {
  let siteSeq = firstSeq;
  const rows: SqlValue[][] = [];
  const flagged = fresh.map(({ input, events }) => {
    let count = 0;
    for (const event of events) {
      const driftMs = (decodeHlc(event.hlc)?.ms ?? input.receivedAt) - input.receivedAt;
      const isFlagged = driftMs > input.maxDriftMs ? 1 : 0;
      count += isFlagged;
      rows.push([
        event.id,
        event.siteId,
        event.deviceId,
        event.deviceSeq,
        siteSeq++,
        event.hlc,
        event.businessDay,
        event.type,
        JSON.stringify(event.data),
        event.v,
        input.receivedAt,
        driftMs,
        isFlagged,
      ]);
    }
    return count;
  });
  await tx.insertRows('events', EVENT_COLUMNS, rows);
  return flagged;
}
