import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/domain/event-schema';
import { decodeHlc } from '../../../src/domain/hlc';
import {
  type AnjunganDatabase,
  type DeviceIdentity,
  openAnjunganDb,
  StorageError,
} from '../../../src/storage/db';
import { readAllEvents, readClock } from '../../../src/storage/events';
import {
  appendTicketIssued,
  QuotaReachedError,
  type TicketDraft,
} from '../../../src/storage/tickets';

const identity = (slot: number, deviceId = `device-${slot}`): DeviceIdentity => ({
  deviceId,
  siteId: 'mpp-kota-contoh',
  name: `Anjungan ${slot}`,
  profileId: 'lobi-utama',
  slot,
  emergencyTag: String.fromCharCode(64 + slot),
  createdAt: 0,
});

let counter = 0;
const draft = (overrides: Partial<TicketDraft> = {}): TicketDraft => {
  counter += 1;
  return {
    id: `0190f5e0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    physicalMs: Date.UTC(2026, 10, 23, 2, 0, 0),
    businessDay: '2026-11-23',
    prefix: 'A',
    digits: 3,
    blockSize: 100,
    dailyQuota: null,
    data: {
      agencyId: 'disdukcapil',
      serviceId: 'disdukcapil-kk-perubahan',
      priority: null,
      purpose: 'service',
      missing: [],
      channel: 'kiosk',
      language: 'id',
      issuedAt: 0,
    },
    ...overrides,
  };
};

let db: AnjunganDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

describe('appendTicketIssued', () => {
  it('stores a valid event and bumps deviceSeq, the HLC and the number together', async () => {
    const first = await appendTicketIssued(db, identity(1), draft());
    const second = await appendTicketIssued(db, identity(1), draft());

    expect([first.data.number, second.data.number]).toEqual(['A-001', 'A-002']);
    expect([first.deviceSeq, second.deviceSeq]).toEqual([1, 2]);
    expect(second.hlc > first.hlc).toBe(true);
    expect(parseEvent(first).ok).toBe(true);
    const clock = await readClock(db);
    expect(clock).toEqual({ deviceSeq: 2, hlc: second.hlc });
  });

  it('issues from the range reserved for the device and counts queues separately', async () => {
    const a = await appendTicketIssued(db, identity(3), draft());
    const e = await appendTicketIssued(db, identity(3), draft({ prefix: 'E' }));

    expect(a.data.number).toBe('A-201');
    expect(e.data.number).toBe('E-201');
  });

  it('falls back to the device namespace when its range is used up', async () => {
    const small = { blockSize: 10 };
    for (let i = 0; i < 10; i += 1) await appendTicketIssued(db, identity(2), draft(small));

    const next = await appendTicketIssued(db, identity(2), draft(small));

    expect(next.data.number).toBe('A-B001');
    expect(next.data.emergencyTag).toBe('B');
  });

  it('keeps the HLC increasing when the device clock jumps back by days', async () => {
    const first = await appendTicketIssued(db, identity(1), draft());
    const later = await appendTicketIssued(
      db,
      identity(1),
      draft({ physicalMs: Date.UTC(2026, 10, 20, 2, 0, 0) }),
    );

    expect(later.hlc > first.hlc).toBe(true);
    expect(decodeHlc(later.hlc)?.ms).toBeGreaterThanOrEqual(decodeHlc(first.hlc)?.ms ?? 0);
  });

  it('refuses past the daily quota and leaves nothing behind', async () => {
    const quota = { dailyQuota: 2 };
    await appendTicketIssued(db, identity(1), draft(quota));
    await appendTicketIssued(db, identity(1), draft(quota));

    await expect(appendTicketIssued(db, identity(1), draft(quota))).rejects.toBeInstanceOf(
      QuotaReachedError,
    );
    expect(await readAllEvents(db)).toHaveLength(2);
    expect((await readClock(db)).deviceSeq).toBe(2);
  });

  it('counts the quota per service and day', async () => {
    const quota = { dailyQuota: 1 };
    await appendTicketIssued(db, identity(1), draft(quota));

    const otherDay = await appendTicketIssued(
      db,
      identity(1),
      draft({ ...quota, businessDay: '2026-11-24' }),
    );

    expect(otherDay.data.number).toBe('A-001');
  });

  it('rolls back everything when the write fails, so no number or sequence is lost', async () => {
    const first = await appendTicketIssued(db, identity(1), draft());

    const duplicateId = appendTicketIssued(db, identity(1), draft({ id: first.id }));

    await expect(duplicateId).rejects.toBeInstanceOf(StorageError);
    expect(await readClock(db)).toEqual({ deviceSeq: 1, hlc: first.hlc });
    const next = await appendTicketIssued(db, identity(1), draft());
    expect(next.data.number).toBe('A-002');
    expect(next.deviceSeq).toBe(2);
  });

  it('reports a closed database as a storage error', async () => {
    db.close();
    await expect(appendTicketIssued(db, identity(1), draft())).rejects.toBeInstanceOf(StorageError);
  });
});
