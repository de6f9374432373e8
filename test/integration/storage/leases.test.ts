import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseBusinessDay, daysBefore } from '../../../src/domain/lease-days';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { addLeases, leasedDays, leaseLevels } from '../../../src/storage/leases';
import { appendTicketIssued } from '../../../src/storage/tickets';
import {
  deviceIdentity,
  FIXTURE_DAY,
  numberLease,
  quotaGrant,
  ticketDraft,
} from '../../fixtures/sync-device';

let db: AnjunganDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

describe('leases in storage', () => {
  it('adds blocks and tokens once, and reports what is left per day', async () => {
    const block = numberLease(1, 25);
    await addLeases(db, [block, numberLease(1, 5, { prefix: 'B' })], [quotaGrant(5)]);
    await addLeases(db, [block, numberLease(1, 3, { businessDay: '2026-11-24' })], []);

    const today = await leaseLevels(db, FIXTURE_DAY);
    const tomorrow = await leaseLevels(db, '2026-11-24');

    expect(today.numbers).toEqual({ A: 25, B: 5 });
    expect(today.quotas).toEqual({ 'disdukcapil-kk-perubahan': { tokens: 5, remaining: 10 } });
    expect(tomorrow).toEqual({ numbers: { A: 3 }, quotas: {} });
  });

  it('adds up quota grants and keeps the server remainder of the last one', async () => {
    await addLeases(db, [], [quotaGrant(2, { remaining: 3 })]);
    await addLeases(db, [], [quotaGrant(3, { remaining: 0 })]);

    const levels = await leaseLevels(db, FIXTURE_DAY);

    expect(levels.quotas['disdukcapil-kk-perubahan']).toEqual({ tokens: 5, remaining: 0 });
  });

  it('lists the days it holds blocks or tokens for, not days with only emergency numbers', async () => {
    await addLeases(db, [numberLease(1, 5, { businessDay: '2026-11-25' })], []);
    await addLeases(db, [], [quotaGrant(1, { businessDay: '2026-11-24' })]);
    await addLeases(db, [], [quotaGrant(0, { businessDay: '2026-11-26', remaining: 0 })]);
    await appendTicketIssued(db, deviceIdentity(1), ticketDraft({ businessDay: '2026-11-20' }));

    expect(await leasedDays(db)).toEqual(['2026-11-24', '2026-11-25']);
  });
});

describe('chooseBusinessDay', () => {
  it('takes the latest leased day not after the estimated day', () => {
    expect(chooseBusinessDay(['2026-11-21', '2026-11-23', '2026-11-24'], '2026-11-23')).toBe(
      '2026-11-23',
    );
    expect(chooseBusinessDay(['2026-11-21', '2026-11-24'], '2026-11-23')).toBe('2026-11-21');
  });

  it('takes the earliest leased day when every one is later (a clock days behind)', () => {
    expect(chooseBusinessDay(['2026-11-25', '2026-11-24'], '2026-11-20')).toBe('2026-11-24');
  });

  it('takes the estimated day without any lease', () => {
    expect(chooseBusinessDay([], '2026-11-23')).toBe('2026-11-23');
  });

  it('counts days back across months and years', () => {
    expect(daysBefore('2026-01-05', 14)).toBe('2025-12-22');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
  });
});
