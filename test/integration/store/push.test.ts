// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { StoreError } from '../../../src/server/store/errors';
import { ticketIssued } from '../../fixtures/events';
import {
  deviceEvent,
  deviceEvents,
  enrollDevice,
  pushInput,
  RECEIVED_AT,
  STORE_SITE,
  useStore,
} from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

describe.each(storeTargets())('store push ($kind)', (target) => {
  const { store } = useStore(target);

  it('stores a batch with consecutive siteSeqs in deviceSeq order and acks the last', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const events = deviceEvents('kiosk-1', 1, 3);

    const outcome = await store().push(pushInput(events));

    expect(outcome).toEqual({
      kind: 'ok',
      ackSeq: 3,
      accepted: 3,
      flagged: 0,
      quarantined: 0,
      head: 3,
    });
    const stored = await store().pull(STORE_SITE, 0, 10);
    expect(stored).toEqual(events.map((event, i) => ({ ...event, siteSeq: i + 1 })));
    expect((await store().devices(STORE_SITE))[0]?.lastSeq).toBe(3);
  });

  it('never moves a number head for a pushed number, leased or not, and flags what is outside the leases', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const day = '2025-11-03';
    const lease = { siteId: STORE_SITE, deviceId: 'kiosk-1', businessDay: day, prefix: 'Q' };
    await store().leaseNumbers({ ...lease, count: 10, grantedAt: 1 });
    const ticket = (deviceSeq: number, seq: number) =>
      ticketIssued({ ...lease, deviceSeq, data: { prefix: 'Q', seq } });

    const outcome = await store().push(
      pushInput([ticket(1, 4), ticket(2, 40), ticket(3, 900_000)]),
    );
    const next = await store().leaseNumbers({ ...lease, count: 10, grantedAt: 2 });

    expect(outcome).toMatchObject({ kind: 'ok', accepted: 3, flagged: 2, quarantined: 0 });
    expect(next).toMatchObject({ start: 11, end: 20 });
    const flagged = await store().flaggedEvents(STORE_SITE);
    expect(flagged.map((f) => [f.siteSeq, f.reasons, f.quarantined])).toEqual([
      [2, ['outside_lease'], false],
      [3, ['outside_lease'], false],
    ]);
  });

  it('flags a number printed twice in a day, and one under another device’s emergency tag', async () => {
    const mine = await enrollDevice(store(), 'kiosk-1');
    const theirs = await enrollDevice(store(), 'kiosk-2');
    const tagged = (deviceId: string, deviceSeq: number, emergencyTag: string, seq: number) =>
      ticketIssued({ siteId: STORE_SITE, deviceId, deviceSeq, data: { emergencyTag, seq } });
    await store().push(pushInput([tagged('kiosk-1', 1, mine.emergencyTag, 7)]));

    const outcome = await store().push(
      pushInput([
        tagged('kiosk-2', 1, mine.emergencyTag, 7), // mine, printed again, by another device
        tagged('kiosk-2', 2, theirs.emergencyTag, 7), // its own: fine
        tagged('kiosk-2', 3, theirs.emergencyTag, 7), // its own, twice in one push
      ]),
    );

    expect(outcome).toMatchObject({ kind: 'ok', accepted: 3, flagged: 2 });
    const flagged = await store().flaggedEvents(STORE_SITE);
    expect(flagged.map((f) => [f.siteSeq, f.reasons])).toEqual([
      [2, ['foreign_namespace', 'duplicate_number']],
      [4, ['duplicate_number']],
    ]);
    // Flagged events still count: every device pulls them (a citizen holds the ticket).
    expect((await store().pull(STORE_SITE, 0, 10)).map((e) => e.flags)).toEqual([
      undefined,
      ['foreign_namespace', 'duplicate_number'],
      undefined,
      ['duplicate_number'],
    ]);
  });

  it('gives later pushes of other devices the following siteSeqs', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));

    const outcome = await store().push(pushInput(deviceEvents('kiosk-2', 1, 2)));

    expect(outcome).toMatchObject({ kind: 'ok', ackSeq: 2, head: 4 });
    const stored = await store().pull(STORE_SITE, 0, 10);
    expect(stored.map((e) => [e.deviceId, e.deviceSeq, e.siteSeq])).toEqual([
      ['kiosk-1', 1, 1],
      ['kiosk-1', 2, 2],
      ['kiosk-2', 1, 3],
      ['kiosk-2', 2, 4],
    ]);
  });

  it('changes nothing when a whole batch is replayed, and still acks it', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const events = deviceEvents('kiosk-1', 1, 3);
    await store().push(pushInput(events));
    const before = await store().pull(STORE_SITE, 0, 10);

    const outcome = await store().push(pushInput(events, { receivedAt: RECEIVED_AT + 60_000 }));

    expect(outcome).toEqual({
      kind: 'ok',
      ackSeq: 3,
      accepted: 0,
      flagged: 0,
      quarantined: 0,
      head: 3,
    });
    expect(await store().pull(STORE_SITE, 0, 10)).toEqual(before);
  });

  it('accepts only the new events of a batch overlapping what is stored', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const events = deviceEvents('kiosk-1', 1, 5);
    await store().push(pushInput(events.slice(0, 3)));

    const outcome = await store().push(pushInput(events.slice(1)));

    expect(outcome).toEqual({
      kind: 'ok',
      ackSeq: 5,
      accepted: 2,
      flagged: 0,
      quarantined: 0,
      head: 5,
    });
    const stored = await store().pull(STORE_SITE, 0, 10);
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('refuses a batch that leaves a gap and stores none of it', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));

    const outcome = await store().push(pushInput(deviceEvents('kiosk-1', 4, 3)));

    expect(outcome).toEqual({ kind: 'gap', ackSeq: 2 });
    expect(await store().head(STORE_SITE)).toBe(2);
    expect((await store().devices(STORE_SITE))[0]?.lastSeq).toBe(2);
  });

  it('refuses a batch with a hole inside it and stores none of it', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const holed = [deviceEvent('kiosk-1', 1), deviceEvent('kiosk-1', 2), deviceEvent('kiosk-1', 4)];

    const outcome = await store().push(pushInput(holed));

    expect(outcome).toEqual({ kind: 'gap', ackSeq: 0 });
    expect(await store().head(STORE_SITE)).toBe(0);
  });

  it('refuses an event id already stored for another device and stores nothing', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    const theirs = deviceEvent('kiosk-1', 1);
    await store().push(pushInput([theirs]));
    const mine = deviceEvent('kiosk-2', 1);
    const clash = { ...deviceEvent('kiosk-2', 2), id: theirs.id };

    const outcome = await store().push(pushInput([mine, clash]));

    expect(outcome).toEqual({ kind: 'conflict', ackSeq: 0, eventId: theirs.id });
    expect(await store().head(STORE_SITE)).toBe(1);
    expect(await store().findEvent(mine.id)).toBeNull();
  });

  it('refuses an event id repeated inside the batch', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const a = deviceEvent('kiosk-1', 1);
    const b = { ...deviceEvent('kiosk-1', 2), id: a.id };

    const outcome = await store().push(pushInput([a, b]));

    expect(outcome).toEqual({ kind: 'conflict', ackSeq: 0, eventId: a.id });
    expect(await store().head(STORE_SITE)).toBe(0);
  });

  it('keeps an event beyond the drift bound, flagged with its drift', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const ahead = {
      ...deviceEvent('kiosk-1', 1),
      hlc: encodeHlc({ ms: RECEIVED_AT + 3 * 86_400_000, counter: 0 }),
    };
    const normal = deviceEvent('kiosk-1', 2);

    const outcome = await store().push(pushInput([ahead, normal]));

    expect(outcome).toMatchObject({ kind: 'ok', accepted: 2, flagged: 1, quarantined: 0 });
    expect(await store().findEvent(ahead.id)).toEqual({
      event: { ...ahead, siteSeq: 1, flags: ['clock_ahead'] },
      quarantined: false,
    });
    expect(await store().flaggedEvents(STORE_SITE)).toEqual([
      {
        eventId: ahead.id,
        deviceId: 'kiosk-1',
        siteSeq: 1,
        businessDay: ahead.businessDay,
        driftMs: 3 * 86_400_000,
        reasons: ['clock_ahead'],
        quarantined: false,
        review: null,
      },
    ]);
  });

  it('records the first review of a flagged event, audited, and lists the open ones apart', async () => {
    // Arrange: an event flagged for its clock, and one that is not flagged.
    await enrollDevice(store(), 'kiosk-1');
    const ahead = {
      ...deviceEvent('kiosk-1', 1),
      hlc: encodeHlc({ ms: RECEIVED_AT + 3 * 86_400_000, counter: 0 }),
    };
    const plain = deviceEvent('kiosk-1', 2);
    await store().push(pushInput([ahead, plain]));
    const NOW = RECEIVED_AT;

    // Act
    const first = await store().reviewFlagged(STORE_SITE, ahead.id, {
      at: NOW + 1,
      adminId: 'admin-1',
      resolution: 'expected',
    });
    const second = await store().reviewFlagged(STORE_SITE, ahead.id, {
      at: NOW + 2,
      adminId: 'admin-2',
      resolution: 'handled',
    });
    const notFlagged = await store().reviewFlagged(STORE_SITE, plain.id, {
      at: NOW + 3,
      adminId: 'admin-1',
      resolution: 'handled',
    });

    // Assert
    const review = { at: NOW + 1, adminId: 'admin-1', resolution: 'expected' };
    expect(first).toEqual(review);
    expect(second).toEqual(review);
    expect(notFlagged).toBeNull();
    expect((await store().flaggedEvents(STORE_SITE))[0]?.review).toEqual(review);
    expect(await store().flaggedEvents(STORE_SITE, 0, 10, true)).toEqual([]);
    const audit = (await store().auditLog(null, 10)).filter((e) => e.action === 'flagged.review');
    expect(audit.map((e) => [e.action, e.outcome])).toEqual([
      ['flagged.review', 'unknown_event'],
      ['flagged.review', 'ok'],
      ['flagged.review', 'ok'],
    ]);
  });

  it('acks an empty push with the device’s last seq', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await store().push(pushInput(deviceEvents('kiosk-1', 1, 2)));

    const outcome = await store().push(pushInput([], { deviceId: 'kiosk-1' }));

    expect(outcome).toEqual({
      kind: 'ok',
      ackSeq: 2,
      accepted: 0,
      flagged: 0,
      quarantined: 0,
      head: 2,
    });
  });

  it('stores pushes that arrive together, each with its own outcome', async () => {
    for (const id of ['kiosk-1', 'kiosk-2', 'kiosk-3', 'kiosk-4']) {
      await enrollDevice(store(), id);
    }
    const one = deviceEvents('kiosk-1', 1, 2);
    const two = deviceEvents('kiosk-2', 1, 3);
    const first = two[0] as KioskEvent;

    // The first push is stored at once; the rest arrive while it is. PostgreSQL stores
    // them as one batch; SQLite as transactions of one group commit.
    const pushes = [
      store().push(pushInput(one.slice(0, 1))),
      store().push(pushInput(two.slice(0, 2))),
      store().push(pushInput(deviceEvents('kiosk-3', 2, 1))),
      store().push(pushInput([{ ...deviceEvent('kiosk-4', 1), id: first.id }])),
      store().push(pushInput(one)),
      store().push(pushInput(deviceEvents('ghost', 1, 1))),
      store().push(pushInput(two.slice(1))),
    ];
    const outcomes = await Promise.allSettled(pushes);

    const settled = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason.code));
    const heads = settled.flatMap((o) => (o.kind === 'ok' ? [o.head] : []));
    // Each push's head is the site's head at its commit: one commit for the batch.
    expect(heads).toEqual(target.kind === 'postgres' ? [1, 5, 5, 5] : [1, 3, 4, 5]);
    expect(settled.map((o) => (o.kind === 'ok' ? { ...o, head: 'at commit' } : o))).toEqual([
      { kind: 'ok', ackSeq: 1, accepted: 1, flagged: 0, quarantined: 0, head: 'at commit' },
      { kind: 'ok', ackSeq: 2, accepted: 2, flagged: 0, quarantined: 0, head: 'at commit' },
      { kind: 'gap', ackSeq: 0 },
      { kind: 'conflict', ackSeq: 0, eventId: first.id },
      { kind: 'ok', ackSeq: 2, accepted: 1, flagged: 0, quarantined: 0, head: 'at commit' },
      'unknown_device',
      { kind: 'ok', ackSeq: 3, accepted: 1, flagged: 0, quarantined: 0, head: 'at commit' },
    ]);
    const stored = await store().pull(STORE_SITE, 0, 10);
    expect(stored.map((e) => [e.deviceId, e.deviceSeq, e.siteSeq])).toEqual([
      ['kiosk-1', 1, 1],
      ['kiosk-2', 1, 2],
      ['kiosk-2', 2, 3],
      ['kiosk-1', 2, 4],
      ['kiosk-2', 3, 5],
    ]);
    const lastSeqs = (await store().devices(STORE_SITE)).map((d) => [d.deviceId, d.lastSeq]);
    expect(lastSeqs.sort()).toEqual([
      ['kiosk-1', 2],
      ['kiosk-2', 3],
      ['kiosk-3', 0],
      ['kiosk-4', 0],
    ]);
  });

  it('fails only the push the database refuses, keeping those stored with it', async () => {
    await enrollDevice(store(), 'kiosk-1');
    await enrollDevice(store(), 'kiosk-2');
    await enrollDevice(store(), 'kiosk-3');
    // No type: the NOT NULL column refuses it (the HTTP layer never lets it through).
    const broken = { ...deviceEvent('kiosk-2', 1), type: null } as unknown as KioskEvent;

    const outcomes = await Promise.allSettled([
      store().push(pushInput(deviceEvents('kiosk-1', 1, 1))),
      store().push(pushInput(deviceEvents('kiosk-1', 2, 1))),
      store().push(pushInput([broken])),
      store().push(pushInput(deviceEvents('kiosk-3', 1, 2))),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const stored = await store().pull(STORE_SITE, 0, 10);
    expect(stored.map((e) => [e.deviceId, e.deviceSeq])).toEqual([
      ['kiosk-1', 1],
      ['kiosk-1', 2],
      ['kiosk-3', 1],
      ['kiosk-3', 2],
    ]);
    expect((await store().devices(STORE_SITE)).map((d) => d.lastSeq)).toEqual([2, 0, 2]);
  });

  it('throws for a device that is not enrolled at the site, storing nothing', async () => {
    const events = deviceEvents('ghost', 1, 1);

    const pushing = store().push(pushInput(events));

    await expect(pushing).rejects.toThrow(StoreError);
    expect(await store().head(STORE_SITE)).toBe(0);
  });

  it('throws for an event of another device in the batch', async () => {
    await enrollDevice(store(), 'kiosk-1');
    const events = [...deviceEvents('kiosk-1', 1, 1), ...deviceEvents('kiosk-2', 2, 1)];

    const pushing = store().push(pushInput(events));

    await expect(pushing).rejects.toMatchObject({ code: 'foreign_event' });
  });
});
