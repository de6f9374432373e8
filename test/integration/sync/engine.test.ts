import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { readAllEvents } from '../../../src/storage/events';
import { readSyncState } from '../../../src/storage/sync-state';
import { TransportError } from '../../../src/sync/transport';
import { countingSyncReads, openDevice, serverIds } from '../../fixtures/sync-harness';
import { FakeSyncServer } from '../../fixtures/sync-server';

let server: FakeSyncServer;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  server = new FakeSyncServer();
});

describe('syncOnce: push and pull', () => {
  it('converges two devices that share a server', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];
    await a.sync();
    await b.sync();
    await a.issue();
    await b.issue();
    await b.issue();

    await a.sync();
    await b.sync();
    await a.sync();

    expect(serverIds(server)).toHaveLength(3);
    expect(await a.eventIds()).toEqual(serverIds(server));
    expect(await b.eventIds()).toEqual(serverIds(server));
    expect((await readSyncState(a.db)).cursor).toBe(3);
  });

  it('pushes in batches and pulls in pages, in order', async () => {
    const a = await openDevice(server, 1, { deps: { batchSize: 2, pageSize: 2 } });
    for (let i = 0; i < 5; i += 1) await a.issue();
    const b = await openDevice(server, 2, { deps: { pageSize: 2 } });

    const pushed = await a.sync();
    const pushes = server.calls.push;
    const pulled = await b.sync();

    expect(pushed.pushed).toMatchObject({ sent: 5, accepted: 5 });
    expect(pushes).toBe(3);
    expect(pulled.pulled.added).toBe(5);
    expect(await b.eventIds()).toEqual(serverIds(server));
    expect(server.events().map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends smaller batches after the link dropped a push, and still sends each event once', async () => {
    // Arrange: a link that drops any push of more than 30 events (a flaky mobile link).
    const a = await openDevice(server, 1, { deps: { batchSize: 200 } });
    for (let i = 0; i < 100; i += 1) await a.issue();
    const real = a.deps.transport;
    const sizes: number[] = [];
    a.deps.transport = {
      ...real,
      push: (events, signal) => {
        sizes.push(events.length);
        if (events.length > 30) return Promise.reject(new TransportError('offline'));
        return real.push(events, signal);
      },
    };

    // Act: sync again after each drop, as the loop does.
    let syncs = 0;
    for (; syncs < 10; syncs += 1) {
      const done = await a.sync().then(
        () => true,
        () => false,
      );
      if (done && (await readSyncState(a.db)).ackSeq === 100) break;
    }

    // Assert
    expect((await readSyncState(a.db)).ackSeq).toBe(100);
    expect(server.events().map((e) => e.deviceSeq)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(sizes.slice(0, 4)).toEqual([100, 50, 25, 25]);
    expect(syncs).toBeLessThan(10);
  });

  it('reads where sync stands once per run, however many batches and pages it takes', async () => {
    const a = await openDevice(server, 1, { deps: { batchSize: 2, pageSize: 2 } });
    for (let i = 0; i < 5; i += 1) await a.issue();
    const b = await openDevice(server, 2, { deps: { batchSize: 2, pageSize: 2 } });
    for (let i = 0; i < 3; i += 1) await b.issue();
    await b.sync();
    const db = a.deps.db;
    const counted = countingSyncReads(db);
    a.deps.db = counted.db;

    const result = await a.sync();

    expect(result.pushed.sent).toBe(5);
    expect(result.pulled.added).toBe(3);
    expect(counted.reads()).toBe(1);
    expect((await readSyncState(db)).cursor).toBe(8);
  });

  it('tells the server it holds its own events through its deviceSeq when it pulls', async () => {
    const a = await openDevice(server, 1, { deps: { pageSize: 2 } });
    const owns: Array<number | undefined> = [];
    const real = a.deps.transport;
    a.deps.transport = {
      ...real,
      pull: (cursor, limit, signal, own) => {
        owns.push(own);
        return real.pull(cursor, limit, signal, own);
      },
    };
    await a.sync();
    for (let i = 0; i < 3; i += 1) await a.issue();

    await a.sync();

    expect(owns[0]).toBe(0);
    expect(owns.slice(1)).toEqual([3, 3]);
  });

  it('resends after a lost ack and the server changes nothing', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    await a.issue();
    server.failNext('push', 'after');

    await expect(a.sync()).rejects.toBeInstanceOf(TransportError);
    const before = server.events();
    expect((await readSyncState(a.db)).ackSeq).toBe(0);
    const retry = await a.sync();

    expect(retry.pushed).toMatchObject({ sent: 2, accepted: 0 });
    expect(server.events()).toEqual(before);
    expect((await readSyncState(a.db)).ackSeq).toBe(2);
  });

  it('keeps the ack where it was when the push fails before the server applies it', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    server.failNext('push', 'before');

    await expect(a.sync()).rejects.toBeInstanceOf(TransportError);

    expect(server.events()).toHaveLength(0);
    expect((await readSyncState(a.db)).ackSeq).toBe(0);
  });

  it('recovers from a gap answer by pushing from the ackSeq it carries', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    await a.issue();
    await a.sync();
    await a.issue();
    server.rewind(2); // The server lost both events but the device's ack says 2.
    server.epoch = 'epoch-1'; // …and, against the rules, kept its epoch: only the 409 tells.

    const result = await a.sync();

    expect(result.pushed.rewound).toBe(true);
    expect(server.events().map((e) => e.deviceSeq)).toEqual([1, 2, 3]);
    expect((await readSyncState(a.db)).ackSeq).toBe(3);
  });
});

describe('syncOnce: a server that went back in time', () => {
  it('re-pushes what the server lost and re-pulls from 0 in the new epoch (I11)', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];
    await a.issue();
    await a.issue();
    await b.issue();
    await a.sync();
    await b.sync();
    await a.sync();
    const everything = serverIds(server);
    server.rewind(2); // Loses a's second event and b's event.

    const ra = await a.sync();
    const rb = await b.sync();
    await a.sync();

    expect(ra.pulled.reset).toBe(true);
    expect(rb.pulled.reset).toBe(true);
    expect(ra.pushed.rewound).toBe(true);
    expect(serverIds(server)).toEqual(everything);
    expect(await a.eventIds()).toEqual(everything);
    expect(await b.eventIds()).toEqual(everything);
    expect((await readSyncState(a.db)).epoch).toBe(server.epoch);
    expect((await readSyncState(a.db)).cursor).toBe(3);
  });

  it('finds the server behind even with nothing new to push', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    await a.sync();
    server.rewind(1);

    await a.sync();

    expect(server.events().map((e) => e.deviceId)).toEqual(['kiosk-1']);
    expect((await readSyncState(a.db)).ackSeq).toBe(1);
  });

  it('re-pulls from 0 when its cursor is above the head in the same epoch', async () => {
    const [a, b] = [await openDevice(server, 1), await openDevice(server, 2)];
    await a.issue();
    await a.issue();
    await a.sync();
    await b.sync();
    server.rewind(2);
    server.epoch = 'epoch-1';

    const result = await b.sync();

    expect(result.pulled.reset).toBe(true);
    expect((await readSyncState(b.db)).cursor).toBe(0);
    expect(await b.eventIds()).toHaveLength(2);
  });
});

describe('syncOnce: pulled data', () => {
  it('never moves the cursor past the pages it applied', async () => {
    const a = await openDevice(server, 1);
    for (let i = 0; i < 4; i += 1) await a.issue();
    await a.sync();
    const b = await openDevice(server, 2, { deps: { pageSize: 2 } });
    const real = b.deps.transport;
    let pages = 0;
    b.deps.transport = {
      ...real,
      pull: async (cursor, limit, signal) => {
        pages += 1;
        if (pages === 2) throw new TransportError('offline'); // The second page is lost.
        return real.pull(cursor, limit, signal);
      },
    };

    await expect(b.sync()).rejects.toBeInstanceOf(TransportError);

    expect((await readSyncState(b.db)).cursor).toBe(2);
    expect(await readAllEvents(b.db)).toHaveLength(2);
    b.deps.transport = real;
    await b.sync();
    expect(await b.eventIds()).toEqual(serverIds(server));
  });

  it('skips pulled events that do not validate, and counts them', async () => {
    const a = await openDevice(server, 1);
    await a.issue();
    await a.sync();
    const good = server.events()[0];
    server.inject({ ...good, id: 'not-a-uuid', deviceSeq: 2 });
    server.inject({ ...good, id: '0190f5e0-0000-7000-8000-0000000009aa', type: 'ticket.exploded' });
    server.inject({ ...good, id: '0190f5e0-0000-7000-8000-0000000009ab', siteId: 'other-site' });
    const b = await openDevice(server, 2);

    const result = await b.sync();

    expect(result.pulled).toMatchObject({ added: 1, invalid: 3 });
    expect(await b.eventIds()).toEqual([good?.id]);
    expect((await readSyncState(b.db)).cursor).toBe(4);
  });

  it('measures the server clock offset from each answer', async () => {
    const a = await openDevice(server, 1);
    a.clock.now = Date.UTC(2026, 10, 20); // Three days behind the server.

    const result = await a.sync();

    expect(result.serverOffsetMs).toBe(server.now() - a.clock.now);
    expect((await readSyncState(a.db)).serverOffsetMs).toBe(server.now() - a.clock.now);
  });
});
