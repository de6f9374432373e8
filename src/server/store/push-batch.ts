/**
 * One batch of pushes (all of one site) in one transaction: lock the devices' rows; for
 * each push, in arrival order, skip what its device already holds and refuse gaps and id
 * conflicts; then take one block of siteSeqs from the site's head row (locked until
 * commit, so siteSeq order is commit order) and insert.
 * Must: a push's outcome depends only on what was stored before it (earlier pushes of the
 * batch included), never on the pushes after it; ackSeq is the device's last_seq after
 * the commit; an event's drift and flag are fixed when it is first stored.
 */
import type { KioskEvent } from '../../domain/events';
import { decodeHlc } from '../../domain/hlc';
import { StoreError } from './errors';
import { headIn } from './event-reads';
import { raiseNumberHeads } from './number-fence';
import { placeholders, type SqlTx, type SqlValue } from './sql';
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

/** Ids per `IN (…)` list: far below either database's limit on parameters. */
const IDS_PER_QUERY = 1000;

/**
 * A push that is acknowledged: its new ackSeq and the events to store for it (none for
 * a replay), each with its drift from the push's arrival.
 */
type Accepted = {
  kind: 'accepted';
  input: PushInput;
  ackSeq: number;
  events: KioskEvent[];
  drifts: number[];
  flagged: number;
};

/** What a push comes to before the batch's head is known. */
type Checked = Accepted | Exclude<PushOutcome, { kind: 'ok' }> | StoreError;

/** Stores the pushes in the open transaction; one outcome, or error, each. */
export async function pushBatch(
  tx: SqlTx,
  inputs: PushInput[],
): Promise<Array<PushOutcome | StoreError>> {
  const siteId = (inputs[0] as PushInput).siteId;
  const lastSeqs = await lockDevices(tx, siteId, inputs);
  const stored = await storedIds(tx, inputs, lastSeqs);
  const taken = new Set<string>();
  const checked = inputs.map((input) => checkPush(input, lastSeqs, stored, taken));
  const toStore = checked.filter(
    (c): c is Accepted =>
      !(c instanceof StoreError) && c.kind === 'accepted' && c.events.length > 0,
  );
  let head: number;
  if (toStore.length === 0) {
    head = await headIn(tx, siteId);
  } else {
    const count = toStore.reduce((sum, c) => sum + c.events.length, 0);
    await raiseNumberHeads(
      tx,
      siteId,
      toStore.flatMap((c) => c.events),
    );
    await setLastSeqs(tx, toStore);
    // Last: the site's head row stays locked until commit and every push of the site
    // waits for it, so as little as possible happens while it is held.
    head = await bumpHead(tx, siteId, count);
    await insertEvents(tx, toStore, head - count + 1);
  }
  return checked.map((c) =>
    c instanceof StoreError || c.kind !== 'accepted'
      ? c
      : { kind: 'ok', ackSeq: c.ackSeq, accepted: c.events.length, flagged: c.flagged, head },
  );
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
  const drifts = events.map(
    (event) => (decodeHlc(event.hlc)?.ms ?? input.receivedAt) - input.receivedAt,
  );
  const flagged = drifts.filter((drift) => drift > input.maxDriftMs).length;
  return { kind: 'accepted', input, ackSeq, events, drifts, flagged };
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

/** Records each storing device's new last seq, in one statement. */
async function setLastSeqs(tx: SqlTx, toStore: Accepted[]): Promise<void> {
  // A device's later push in the batch holds its higher seq.
  const last = new Map(toStore.map(({ input, ackSeq }) => [input.deviceId, ackSeq]));
  const cases = [...last.keys()].map(() => 'WHEN ? THEN CAST(? AS BIGINT)').join(' ');
  await tx.run(
    `UPDATE devices SET last_seq = CASE device_id ${cases} END
     WHERE device_id IN (${placeholders(last.size)})`,
    [...[...last].flat(), ...last.keys()],
  );
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

/** Inserts the pushes' events with siteSeqs from `firstSeq`, in batch order. */
async function insertEvents(tx: SqlTx, toStore: Accepted[], firstSeq: number): Promise<void> {
  let siteSeq = firstSeq;
  const rows: SqlValue[][] = [];
  for (const { input, events, drifts } of toStore) {
    events.forEach((event, i) => {
      const driftMs = drifts[i] as number;
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
        driftMs > input.maxDriftMs ? 1 : 0,
      ]);
    });
  }
  await tx.insertRows('events', EVENT_COLUMNS, rows);
}
