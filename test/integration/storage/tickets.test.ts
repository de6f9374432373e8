import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/domain/event-schema';
import { decodeHlc } from '../../../src/domain/hlc';
import { type AnjunganDatabase, openAnjunganDb, StorageError } from '../../../src/storage/db';
import { readAllEvents, readClock } from '../../../src/storage/events';
import { addLeases, leaseLevels } from '../../../src/storage/leases';
import { appendTicketIssued, QuotaReachedError } from '../../../src/storage/tickets';
import {
  deviceIdentity,
  ticketDraft as draft,
  FIXTURE_DAY,
  numberLease,
  quotaGrant,
} from '../../fixtures/sync-device';

const identity = deviceIdentity(1);

let db: AnjunganDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

describe('appendTicketIssued: numbers', () => {
  it('stores a valid event and bumps deviceSeq, the HLC and the number together', async () => {
    await addLeases(db, [numberLease(1, 25)], []);

    const first = await appendTicketIssued(db, identity, draft());
    const second = await appendTicketIssued(db, identity, draft());

    expect([first.data.number, second.data.number]).toEqual(['A-001', 'A-002']);
    expect([first.deviceSeq, second.deviceSeq]).toEqual([1, 2]);
    expect(second.hlc > first.hlc).toBe(true);
    expect(parseEvent(first).ok).toBe(true);
    expect(await readClock(db)).toEqual({ deviceSeq: 2, hlc: second.hlc });
  });

  it('issues only from leased blocks, per queue, and moves on to the next block', async () => {
    await addLeases(
      db,
      [numberLease(26, 27), numberLease(76, 100), numberLease(1, 5, { prefix: 'E' })],
      [],
    );

    const numbers = [];
    for (let i = 0; i < 3; i += 1)
      numbers.push((await appendTicketIssued(db, identity, draft())).data.number);
    const e = await appendTicketIssued(db, identity, draft({ prefix: 'E' }));

    expect(numbers).toEqual(['A-026', 'A-027', 'A-076']);
    expect(e.data.number).toBe('E-001');
    expect((await leaseLevels(db, FIXTURE_DAY)).numbers).toEqual({ A: 24, E: 4 });
  });

  it('issues from the emergency namespace with the device tag when it holds no lease', async () => {
    const first = await appendTicketIssued(db, identity, draft());
    const second = await appendTicketIssued(db, identity, draft());

    expect([first.data.number, second.data.number]).toEqual(['A-K001', 'A-K002']);
    expect(first.data.emergencyTag).toBe('K');
    expect(parseEvent(first).ok).toBe(true);
  });

  it('falls back to the emergency namespace when its blocks are used up, and back to a new lease', async () => {
    await addLeases(db, [numberLease(1, 1)], []);
    const leased = await appendTicketIssued(db, identity, draft());
    const emergency = await appendTicketIssued(db, identity, draft());

    await addLeases(db, [numberLease(51, 75)], []);
    const next = await appendTicketIssued(db, identity, draft());

    expect([leased.data.number, emergency.data.number, next.data.number]).toEqual([
      'A-001',
      'A-K001',
      'A-051',
    ]);
  });

  it('keeps the HLC increasing when the device clock jumps back by days', async () => {
    const first = await appendTicketIssued(db, identity, draft());
    const later = await appendTicketIssued(
      db,
      identity,
      draft({ physicalMs: Date.UTC(2026, 10, 20, 2, 0, 0) }),
    );

    expect(later.hlc > first.hlc).toBe(true);
    expect(decodeHlc(later.hlc)?.ms).toBeGreaterThanOrEqual(decodeHlc(first.hlc)?.ms ?? 0);
  });

  it('rolls back everything when the write fails, so no number or sequence is lost', async () => {
    await addLeases(db, [numberLease(1, 25)], []);
    const first = await appendTicketIssued(db, identity, draft());

    const duplicateId = appendTicketIssued(db, identity, draft({ id: first.id }));

    await expect(duplicateId).rejects.toBeInstanceOf(StorageError);
    expect(await readClock(db)).toEqual({ deviceSeq: 1, hlc: first.hlc });
    const next = await appendTicketIssued(db, identity, draft());
    expect(next.data.number).toBe('A-002');
    expect(next.deviceSeq).toBe(2);
  });

  it('reports a closed database as a storage error', async () => {
    db.close();
    await expect(appendTicketIssued(db, identity, draft())).rejects.toBeInstanceOf(StorageError);
  });
});

describe('appendTicketIssued: quota tokens', () => {
  const quota = { dailyQuota: 50 };

  it('refuses a quota service without a token and leaves nothing behind', async () => {
    await addLeases(db, [numberLease(1, 25)], []);

    await expect(appendTicketIssued(db, identity, draft(quota))).rejects.toBeInstanceOf(
      QuotaReachedError,
    );
    expect(await readAllEvents(db)).toHaveLength(0);
    expect(await readClock(db)).toEqual({ deviceSeq: 0, hlc: null });
    expect((await leaseLevels(db, FIXTURE_DAY)).numbers.A).toBe(25);
  });

  it('uses one token per ticket in the same transaction, then refuses', async () => {
    await addLeases(db, [numberLease(1, 25)], [quotaGrant(2, { remaining: 0 })]);

    await appendTicketIssued(db, identity, draft(quota));
    const levels = await leaseLevels(db, FIXTURE_DAY);
    await appendTicketIssued(db, identity, draft(quota));

    await expect(appendTicketIssued(db, identity, draft(quota))).rejects.toBeInstanceOf(
      QuotaReachedError,
    );
    expect(levels.quotas).toEqual({ 'disdukcapil-kk-perubahan': { tokens: 1, remaining: 0 } });
    expect((await leaseLevels(db, FIXTURE_DAY)).quotas['disdukcapil-kk-perubahan']?.tokens).toBe(0);
    expect(await readAllEvents(db)).toHaveLength(2);
    expect((await readClock(db)).deviceSeq).toBe(2);
  });

  it('counts tokens per service and day', async () => {
    await addLeases(db, [], [quotaGrant(1, { businessDay: '2026-11-24' })]);

    const tomorrow = await appendTicketIssued(
      db,
      identity,
      draft({ ...quota, businessDay: '2026-11-24' }),
    );
    const today = appendTicketIssued(db, identity, draft(quota));

    await expect(today).rejects.toBeInstanceOf(QuotaReachedError);
    expect(tomorrow.businessDay).toBe('2026-11-24');
  });

  it('refuses when the log already holds the whole quota, whatever the tokens say', async () => {
    await addLeases(db, [], [quotaGrant(5)]);
    await appendTicketIssued(db, identity, draft({ dailyQuota: 1 }));

    await expect(appendTicketIssued(db, identity, draft({ dailyQuota: 1 }))).rejects.toBeInstanceOf(
      QuotaReachedError,
    );
    expect((await leaseLevels(db, FIXTURE_DAY)).quotas['disdukcapil-kk-perubahan']?.tokens).toBe(4);
  });

  it('needs no token for a service without a quota', async () => {
    const ticket = await appendTicketIssued(db, identity, draft());

    expect(ticket.data.number).toBe('A-K001');
  });
});
