/**
 * Random interleavings of issuing, syncing, lost acks, failed calls and a server going
 * back in time, across three devices. After the network heals and every device has
 * synced until nothing moves: every device holds exactly the server's set (I4), nothing
 * any device issued is missing (I1, I11), the server holds each event once with
 * contiguous deviceSeqs (I2, I7), and no printed number repeats (I3).
 */

import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEventOf } from '../../../src/domain/events';
import { openDevice, quiesce, serverIds, type TestDevice } from '../../fixtures/sync-harness';
import { FakeSyncServer } from '../../fixtures/sync-server';

type Command =
  | { kind: 'issue'; device: number }
  | { kind: 'sync'; device: number }
  | { kind: 'lostAck'; device: number }
  | { kind: 'failBefore'; device: number }
  | { kind: 'rewind'; lose: number };

const device = fc.integer({ min: 0, max: 2 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: device.map((d) => ({ kind: 'issue' as const, device: d })) },
  { weight: 3, arbitrary: device.map((d) => ({ kind: 'sync' as const, device: d })) },
  { weight: 1, arbitrary: device.map((d) => ({ kind: 'lostAck' as const, device: d })) },
  { weight: 1, arbitrary: device.map((d) => ({ kind: 'failBefore' as const, device: d })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => ({ kind: 'rewind' as const, lose: n })),
  },
);

async function apply(
  c: Command,
  server: FakeSyncServer,
  devices: TestDevice[],
  issued: Set<string>,
) {
  if (c.kind === 'rewind') return server.rewind(c.lose);
  const d = devices[c.device] as TestDevice;
  if (c.kind === 'issue') return void issued.add((await d.issue()).id);
  if (c.kind === 'lostAck') server.failNext('push', 'after');
  if (c.kind === 'failBefore') server.failNext('any', 'before');
  await d.sync().catch(() => {}); // Failures are the point; the next sync retries.
}

describe('sync under faults (property)', () => {
  it('converges to the server set with no loss and no repeated number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 24 }), async (commands) => {
        globalThis.indexedDB = new IDBFactory();
        const server = new FakeSyncServer();
        const devices = [
          await openDevice(server, 1),
          await openDevice(server, 2),
          await openDevice(server, 3),
        ];
        const issued = new Set<string>();
        for (const c of commands) await apply(c, server, devices, issued);

        server.clearFaults();
        await quiesce(devices, 10);

        const ids = serverIds(server);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual([...issued].sort());
        for (const d of devices) expect(await d.eventIds()).toEqual(ids);
        const numbers = server
          .events()
          .map((e) => `${e.businessDay} ${isEventOf(e, 'ticket.issued') ? e.data.number : e.id}`);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const d of devices) {
          const seqs = server.events().filter((e) => e.deviceId === d.identity.deviceId);
          expect(seqs.map((e) => e.deviceSeq)).toEqual(seqs.map((_, i) => i + 1));
        }
        for (const d of devices) await d.db.close();
      }),
      { seed: 20261123, numRuns: 50 },
    );
  });
});
