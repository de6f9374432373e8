import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import {
  type CursorRecord,
  type DeviceIdentity,
  isEnrolled,
  openAnjunganDb,
} from '../../../src/storage/db';
import { readIdentity } from '../../../src/storage/device';
import { readAllEvents, readClock } from '../../../src/storage/events';
import { addLeases, leasedDays } from '../../../src/storage/leases';
import { readSyncState } from '../../../src/storage/sync-state';
import { appendTicketIssued } from '../../../src/storage/tickets';
import { ticketIssued } from '../../fixtures/events';
import { FIXTURE_DAY, numberLease, ticketDraft } from '../../fixtures/sync-device';

const v1Identity = {
  deviceId: 'kiosk-old',
  siteId: 'mpp-kota-contoh',
  name: 'Anjungan Lama',
  profileId: 'lobi-utama',
  slot: 3,
  emergencyTag: 'C',
  createdAt: 1,
};

/** A v1 database as a v1 kiosk left it: identity with a slot, two tickets, a slot cursor. */
async function seedV1(): Promise<KioskEvent[]> {
  const db = await openAnjunganDb('anjungan', 1);
  const events = [1, 2].map((deviceSeq) =>
    ticketIssued({
      deviceId: 'kiosk-old',
      deviceSeq,
      businessDay: FIXTURE_DAY,
      data: { seq: 200 + deviceSeq },
    }),
  );
  const tx = db.transaction(['events', 'meta', 'cursors'], 'readwrite');
  for (const e of events) await tx.objectStore('events').put(e);
  await tx.objectStore('meta').put(v1Identity as unknown as DeviceIdentity, 'device');
  await tx.objectStore('meta').put({ deviceSeq: 2, hlc: events[1]?.hlc ?? null }, 'clock');
  const cursor: CursorRecord = {
    businessDay: FIXTURE_DAY,
    prefix: 'A',
    blocks: [{ start: 201, end: 300 }],
    last: 202,
    emergencyLast: 4,
  };
  await tx.objectStore('cursors').put(cursor);
  await tx.done;
  db.close();
  return events;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('migration v1 → v2', () => {
  it('keeps the events, the clock and the cursors', async () => {
    const events = await seedV1();

    const db = await openAnjunganDb();

    expect((await readAllEvents(db)).map((e) => e.id).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
    expect((await readClock(db)).deviceSeq).toBe(2);
    expect(await db.get('cursors', [FIXTURE_DAY, 'A'])).toMatchObject({
      last: 202,
      emergencyLast: 4,
    });
    expect(await readSyncState(db)).toMatchObject({ ackSeq: 0, cursor: 0, epoch: null });
  });

  it('keeps the device tag but marks it not enrolled, without its slot', async () => {
    await seedV1();

    const db = await openAnjunganDb();
    const identity = await readIdentity(db);

    expect(identity).toEqual({
      deviceId: 'kiosk-old',
      siteId: 'mpp-kota-contoh',
      name: 'Anjungan Lama',
      profileId: 'lobi-utama',
      emergencyTag: 'C',
      token: '',
      enrolledAt: null,
    });
    expect(identity && isEnrolled(identity)).toBe(false);
  });

  it('drops the slot range, so numbers come from its own namespace until it holds a lease', async () => {
    await seedV1();
    const db = await openAnjunganDb();
    const identity = (await readIdentity(db)) as DeviceIdentity;

    const emergency = await appendTicketIssued(db, identity, ticketDraft());
    await addLeases(db, [numberLease(226, 250)], []);
    const leased = await appendTicketIssued(db, identity, ticketDraft());

    expect(emergency.data.number).toBe('A-C005');
    expect(emergency.deviceSeq).toBe(3);
    expect(leased.data.number).toBe('A-226');
    expect(await leasedDays(db)).toEqual([FIXTURE_DAY]);
  });
});
