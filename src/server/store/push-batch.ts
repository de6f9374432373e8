/**
 * One batch of pushes (all of one site) in one transaction: lock the devices' rows; for
 * each push, in arrival order, skip what its device already holds and refuse gaps and id
 * conflicts; flag and quarantine what breaks a rule (src/domain/trust.ts); then take one
 * block of siteSeqs from the site's head row (locked until commit, so siteSeq order is
 * commit order) and insert.
 * Must: a push's outcome depends only on what was stored before it (earlier pushes of the
 * batch included), never on the pushes after it; ackSeq is the device's last_seq after
 * the commit; an event's drift, flags and quarantine are fixed when it is first stored.
 */
import type { KioskEvent } from '../../domain/events';
import { StoreError } from './errors';
import { headIn } from './event-reads';
import { judge, outcome, type Verdict } from './push-verdicts';
import type { PushInput, PushOutcome } from './records';
import { placeholders, type SqlTx, type SqlValue } from './sql';

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
  'flags',
  'quarantined',
] as const;

/** Ids per `IN (…)` list: far below either database's limit on parameters. */
const IDS_PER_QUERY = 1000;

/** A push that is acknowledged: its new ackSeq and the events to store for it (none for a replay). */
export type Accepted = { kind: 'accepted'; input: PushInput; ackSeq: number; events: KioskEvent[] };

/** A device of the batch: its last stored seq (advanced by the batch) and its emergency tag. */
export type DeviceState = { lastSeq: number; tag: string };

/** What a push comes to before the batch's head is known. */
type Checked = Accepted | Exclude<PushOutcome, { kind: 'ok' }> | StoreError;

/** Stores the pushes in the open transaction; one outcome, or error, each. */
export async function pushBatch(
  tx: SqlTx,
  inputs: PushInput[],
): Promise<Array<PushOutcome | StoreError>> {
  const siteId = (inputs[0] as PushInput).siteId;
  const devices = await lockDevices(tx, siteId, inputs);
  const stored = await storedIds(tx, inputs, devices);
  const taken = new Set<string>();
  const checked = inputs.map((input) => checkPush(input, devices, stored, taken));
  const toStore = checked.filter(
    (c): c is Accepted =>
      !(c instanceof StoreError) && c.kind === 'accepted' && c.events.length > 0,
  );
  const verdicts = await judge(tx, siteId, toStore, devices);
  let head: number;
  if (toStore.length === 0) {
    head = await headIn(tx, siteId);
  } else {
    const count = toStore.reduce((sum, c) => sum + c.events.length, 0);
    await setLastSeqs(tx, toStore);
    // Last: the site's head row stays locked until commit and every push of the site
    // waits for it, so as little as possible happens while it is held.
    head = await bumpHead(tx, siteId, count);
    await insertEvents(tx, toStore, verdicts, head - count + 1);
  }
  return checked.map((c) =>
    c instanceof StoreError || c.kind !== 'accepted' ? c : outcome(c, verdicts, head),
  );
}

/**
 * One push checked against its device's last stored seq (advanced by the batch's earlier
 * pushes), the ids stored before the batch and those the batch took so far.
 */
function checkPush(
  input: PushInput,
  devices: Map<string, DeviceState>,
  stored: Set<string>,
  taken: Set<string>,
): Checked {
  const device = devices.get(input.deviceId);
  if (device === undefined) {
    return new StoreError('unknown_device', `No device ${input.deviceId} at ${input.siteId}`);
  }
  const { lastSeq } = device;
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
  device.lastSeq = ackSeq;
  return { kind: 'accepted', input, ackSeq, events };
}

/** Each pushing device of the site, its row locked until commit. */
async function lockDevices(
  tx: SqlTx,
  siteId: string,
  inputs: PushInput[],
): Promise<Map<string, DeviceState>> {
  const ids = [...new Set(inputs.map((input) => input.deviceId))];
  // In id order, so two batches through different connections cannot deadlock.
  const rows = await tx.all<{ device_id: string; last_seq: number; emergency_tag: string }>(
    `SELECT device_id, last_seq, emergency_tag FROM devices
     WHERE site_id = ? AND device_id IN (${placeholders(ids.length)})
     ORDER BY device_id FOR UPDATE`,
    [siteId, ...ids],
  );
  return new Map(
    rows.map((row) => [row.device_id, { lastSeq: row.last_seq, tag: row.emergency_tag }]),
  );
}

/** The ids, of events the batch may store, that are already stored. */
async function storedIds(
  tx: SqlTx,
  inputs: PushInput[],
  devices: Map<string, DeviceState>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const input of inputs) {
    const lastSeq = devices.get(input.deviceId)?.lastSeq ?? Number.POSITIVE_INFINITY;
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
async function insertEvents(
  tx: SqlTx,
  toStore: Accepted[],
  verdicts: Map<string, Verdict>,
  firstSeq: number,
): Promise<void> {
  let siteSeq = firstSeq;
  const rows: SqlValue[][] = [];
  for (const { input, events } of toStore) {
    for (const event of events) {
      const { driftMs, flags, quarantine } = verdicts.get(event.id) as Verdict;
      const reasons = [...quarantine, ...flags];
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
        reasons.length > 0 ? 1 : 0,
        reasons.join(','),
        quarantine.length > 0 ? 1 : 0,
      ]);
    }
  }
  await tx.insertRows('events', EVENT_COLUMNS, rows);
}
