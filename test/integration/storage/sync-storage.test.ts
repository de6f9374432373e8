import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import { decodeHlc, encodeHlc } from '../../../src/domain/hlc';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { saveIdentity } from '../../../src/storage/device';
import { countOutbox, readAllEvents, readClock, readOutbox } from '../../../src/storage/events';
import { addLeases } from '../../../src/storage/leases';
import { pruneAcknowledged, retentionCutoff } from '../../../src/storage/prune';
import { applyPulled } from '../../../src/storage/pull';
import {
  readSyncState,
  recordSyncOutcome,
  resetForNewEpoch,
  setAckSeq,
  setServerOffset,
} from '../../../src/storage/sync-state';
import { appendTicketIssued } from '../../../src/storage/tickets';
import { armCrash } from '../../chaos/crash';
import { ticketIssued } from '../../fixtures/events';
import {
  deviceIdentity,
  FIXTURE_NOW,
  numberLease,
  quotaGrant,
  ticketDraft,
} from '../../fixtures/sync-device';

const me = deviceIdentity(1);
const page = { cursor: 0, epoch: 'e1', physicalMs: FIXTURE_NOW, deviceId: me.deviceId };
const other = (deviceSeq: number, overrides: Partial<KioskEvent<'ticket.issued'>> = {}) =>
  ticketIssued({ deviceId: 'kiosk-9', deviceSeq, siteId: me.siteId, ...overrides });

let db: AnjunganDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
  await saveIdentity(db, me);
});

async function issue(count: number): Promise<KioskEvent[]> {
  const events = [];
  for (let i = 0; i < count; i += 1) events.push(await appendTicketIssued(db, me, ticketDraft()));
  return events;
}

describe('outbox and ack', () => {
  it('reads own events after the ack, ascending, up to the limit', async () => {
    const own = await issue(4);
    await applyPulled(db, [other(1), other(2)], { ...page, cursor: 2 });

    const outbox = await readOutbox(db, me.deviceId, 1, 2);

    expect(outbox.map((e) => e.deviceSeq)).toEqual([2, 3]);
    expect(outbox.map((e) => e.id)).toEqual([own[1]?.id, own[2]?.id]);
    expect(await countOutbox(db, me.deviceId, 1)).toBe(3);
  });

  it('moves the ack down when the server says it holds less', async () => {
    await issue(3);
    await setAckSeq(db, 3, 'e1');

    await setAckSeq(db, 1, 'e2');

    expect(await readSyncState(db)).toMatchObject({ ackSeq: 1, ackEpoch: 'e2' });
    expect((await readOutbox(db, me.deviceId, 1, 10)).map((e) => e.deviceSeq)).toEqual([2, 3]);
  });

  it('moves deviceSeq past what the server holds, so no sequence is issued twice', async () => {
    await issue(1);

    await setAckSeq(db, 5, 'e1');
    const next = await appendTicketIssued(db, me, ticketDraft());

    expect(next.deviceSeq).toBe(6);
  });

  it('keeps the offset and the outcome of the last sync', async () => {
    await setServerOffset(db, -1234);
    await recordSyncOutcome(db, { at: 10, error: null });
    await recordSyncOutcome(db, { at: 20, error: 'offline' });

    expect(await readSyncState(db)).toMatchObject({
      serverOffsetMs: -1234,
      lastSyncAt: 10,
      lastError: 'offline',
    });
  });
});

describe('applyPulled', () => {
  it('adds the events not yet present and sets cursor and epoch in one go', async () => {
    const [mine] = await issue(1);
    const events = [other(1), other(2)];

    const first = await applyPulled(db, [...events, mine as KioskEvent], { ...page, cursor: 3 });
    const again = await applyPulled(db, events, { ...page, cursor: 3 });

    expect(first.added).toBe(2);
    expect(again.added).toBe(0);
    expect(await readAllEvents(db)).toHaveLength(3);
    expect(await readSyncState(db)).toMatchObject({ cursor: 3, epoch: 'e1' });
  });

  it('keeps out an event whose device and sequence it holds under another id', async () => {
    await applyPulled(db, [other(1)], { ...page, cursor: 1 });

    const result = await applyPulled(db, [other(1)], { ...page, cursor: 2 });

    expect(result.conflicts).toBe(1);
    expect(await readAllEvents(db)).toHaveLength(1);
  });

  it('keeps nothing of a page whose transaction dies mid-way: no event, no cursor', async () => {
    await applyPulled(db, [other(1)], { ...page, cursor: 1 });
    const broken = { ...other(3), id: undefined } as unknown as KioskEvent;

    const applying = applyPulled(db, [other(2), broken, other(4)], { ...page, cursor: 4 });

    await expect(applying).rejects.toBeDefined();
    expect(await readAllEvents(db)).toHaveLength(1);
    expect((await readSyncState(db)).cursor).toBe(1);
  });

  it('stores a far-future remote event without adopting its HLC, and keeps increasing with the clock days back', async () => {
    const [before] = await issue(1);
    const future = encodeHlc({ ms: Date.UTC(2031, 0, 1), counter: 7 });

    const result = await applyPulled(db, [other(1, { hlc: future })], { ...page, cursor: 1 });
    const threeDaysBack = FIXTURE_NOW - 3 * 86_400_000;
    const after = await appendTicketIssued(db, me, ticketDraft({ physicalMs: threeDaysBack }));
    const later = await appendTicketIssued(db, me, ticketDraft({ physicalMs: threeDaysBack }));

    expect(result.flagged).toBe(1);
    expect((await readAllEvents(db)).map((e) => e.hlc)).toContain(future);
    expect(after.hlc < future).toBe(true);
    expect(later.hlc > after.hlc).toBe(true);
    expect(after.hlc > (before?.hlc ?? '')).toBe(true);
    expect(decodeHlc((await readClock(db)).hlc ?? '')).toEqual(decodeHlc(later.hlc));
  });

  it('brings deviceSeq up to own events the server gives back', async () => {
    const mineOnServer = ticketIssued({ deviceId: me.deviceId, deviceSeq: 4, siteId: me.siteId });

    await applyPulled(db, [mineOnServer], { ...page, cursor: 1 });
    const next = await appendTicketIssued(db, me, ticketDraft());

    expect(next.deviceSeq).toBe(5);
  });
});

describe('new epoch and pruning', () => {
  it('resets the cursor for a new epoch and keeps every event', async () => {
    await applyPulled(db, [other(1), other(2)], { ...page, cursor: 2 });

    await resetForNewEpoch(db, 'e2');

    expect(await readSyncState(db)).toMatchObject({ cursor: 0, epoch: 'e2' });
    expect(await readAllEvents(db)).toHaveLength(2);
  });

  it('prunes old acknowledged and foreign events, never an unacknowledged one', async () => {
    const oldDay = '2026-11-01';
    const acked = await appendTicketIssued(db, me, ticketDraft({ businessDay: oldDay }));
    const unacked = await appendTicketIssued(db, me, ticketDraft({ businessDay: oldDay }));
    const recent = await appendTicketIssued(db, me, ticketDraft());
    const foreignOld = other(1, { businessDay: oldDay });
    const foreignRecent = other(2, { businessDay: '2026-11-22' });
    await applyPulled(db, [foreignOld, foreignRecent], { ...page, cursor: 2 });
    await setAckSeq(db, 1, 'e1');

    const deleted = await pruneAcknowledged(db, retentionCutoff('2026-11-23'));

    expect(retentionCutoff('2026-11-23')).toBe('2026-11-09');
    expect(deleted).toBe(2);
    const kept = (await readAllEvents(db)).map((e) => e.id).sort();
    expect(kept).toEqual([unacked.id, recent.id, foreignRecent.id].sort());
    expect(kept).not.toContain(acked.id);
  });
});

describe('a write that dies mid-transaction (found by the chaos tests)', () => {
  const cases: [string, (db: AnjunganDatabase) => Promise<unknown>][] = [
    ['setAckSeq', (d) => setAckSeq(d, 3, 'e1')],
    ['recordSyncOutcome', (d) => recordSyncOutcome(d, { at: FIXTURE_NOW, error: null })],
    ['addLeases', (d) => addLeases(d, [numberLease(1, 25)], [quotaGrant(5)])],
  ];
  it.each(cases)(
    '%s rejects, keeps nothing and leaves no unhandled rejection',
    async (_, write) => {
      await issue(3);
      const before = { sync: await readSyncState(db), leases: await db.getAll('cursors') };
      const unhandled: unknown[] = [];
      const record = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', record);
      try {
        armCrash(unwrap(db), 1);

        await expect(write(db)).rejects.toBeDefined();
        await new Promise((resolve) => setTimeout(resolve, 10));

        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', record);
      }
      const reopened = await openAnjunganDb();
      expect(await readSyncState(reopened)).toEqual(before.sync);
      expect(await reopened.getAll('cursors')).toEqual(before.leases);
      reopened.close();
    },
  );
});
