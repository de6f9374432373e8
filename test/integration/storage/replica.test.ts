/**
 * The device's replica on a real (fake-indexeddb) log: its state always equals the fold of
 * the day's log, whatever mix of own tickets, pulled pages and reads; it never reads the
 * day again after the first read; a failed append changes nothing.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import type { QueueState } from '../../../src/domain/queue';
import { foldQueue, queueState } from '../../../src/domain/queue-read';
import { Replica } from '../../../src/replica/replica';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { saveIdentity } from '../../../src/storage/device';
import { readEventsOfDay } from '../../../src/storage/events';
import { applyPulled } from '../../../src/storage/pull';
import { ticketAction, ticketIssued } from '../../fixtures/events';
import { deviceIdentity, FIXTURE_DAY, FIXTURE_NOW, ticketDraft } from '../../fixtures/sync-device';

const me = deviceIdentity(1);
const page = { cursor: 0, epoch: 'e1', physicalMs: FIXTURE_NOW, deviceId: me.deviceId };
let db: AnjunganDatabase;
let seq = 0;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
  await saveIdentity(db, me);
  seq = 0;
});

/** Another kiosk's ticket of the fixture day, and a counter's call of it. */
function elsewhere() {
  seq += 1;
  const ticket = ticketIssued({
    deviceId: 'kiosk-9',
    deviceSeq: seq,
    siteId: me.siteId,
    businessDay: FIXTURE_DAY,
    data: { seq: 500 + seq },
  });
  const call = ticketAction('ticket.called', ticket, {}, { deviceId: 'counter-1', deviceSeq: seq });
  return { ticket, call };
}

/** Pulls `events` as one page, and tells the replica as sync does after the commit. */
async function pull(replica: Replica, events: KioskEvent[]) {
  await applyPulled(db, events, { ...page, cursor: seq });
  replica.applyCommitted(events);
}

function plain(state: QueueState) {
  return {
    tickets: [...state.tickets.entries()],
    // Map order follows arrival; the content is what must agree.
    waiting: [...state.waiting.entries()].sort(),
    issuedByService: [...state.issuedByService.entries()].sort(),
    duplicates: state.duplicates,
  };
}

async function expectFoldOfLog(replica: Replica) {
  const log = await readEventsOfDay(db, FIXTURE_DAY);
  const state = replica.state;
  if (!state) throw new Error('no state');
  expect(plain(queueState(state))).toEqual(plain(queueState(foldQueue(log))));
}

describe('Replica', () => {
  it('keeps the state equal to the fold of the log through tickets and pulled pages', async () => {
    const replica = new Replica(db);
    const first = elsewhere();
    await pull(replica, [first.ticket]);
    await replica.loadDay(FIXTURE_DAY);

    const mine = await replica.appendTicket(me, ticketDraft());
    const second = elsewhere();
    await pull(replica, [second.ticket, first.call, second.call]);
    await replica.appendTicket(me, ticketDraft());

    await expectFoldOfLog(replica);
    expect(replica.state?.ticket(first.ticket.id)?.status).toBe('called');
    // Both of another kiosk's tickets are called: the first own ticket is next.
    expect(replica.state?.peopleAhead(mine.id)).toBe(0);
  });

  it('reads a day once: later tickets and pages never read the log again', async () => {
    const replica = new Replica(db);
    await replica.loadDay(FIXTURE_DAY);
    const reads = vi.spyOn(db, 'getAllFromIndex');

    for (let i = 0; i < 5; i += 1) await replica.appendTicket(me, ticketDraft());
    const other = elsewhere();
    await pull(replica, [other.ticket, other.call]);
    await replica.loadDay(FIXTURE_DAY);

    expect(reads).not.toHaveBeenCalled();
    expect(replica.state?.issuedCount(FIXTURE_DAY, ticketDraft().data.serviceId)).toBe(5);
    expect(replica.state?.ticket(other.ticket.id)?.status).toBe('called');
  });

  it('applies what commits while the day is being read', async () => {
    const replica = new Replica(db);
    const loading = replica.loadDay(FIXTURE_DAY);
    const mine = await replica.appendTicket(me, ticketDraft());
    const other = elsewhere();
    await pull(replica, [other.ticket]);
    await loading;

    await expectFoldOfLog(replica);
    expect(replica.state?.ticket(mine.id)).toBeDefined();
    expect(replica.state?.ticket(other.ticket.id)).toBeDefined();
  });

  it('tells each listener once per change, even when one of them throws', async () => {
    const replica = new Replica(db);
    await replica.loadDay(FIXTURE_DAY);
    const heard: number[] = [];
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    replica.subscribe(() => {
      throw new Error('a broken surface');
    });
    const unsubscribe = replica.subscribe(() => heard.push(replica.version));

    await replica.appendTicket(me, ticketDraft());
    const other = elsewhere();
    await pull(replica, [other.ticket]);
    await pull(replica, [other.ticket]); // a page seen already changes nothing
    unsubscribe();
    await replica.appendTicket(me, ticketDraft());
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('uncaughtException', onError);

    expect(heard).toHaveLength(2);
    expect(heard[1]).toBeGreaterThan(heard[0] ?? 0);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('changes nothing when an append fails', async () => {
    const replica = new Replica(db);
    await replica.loadDay(FIXTURE_DAY);
    const before = replica.version;

    // An id already in the log: the transaction aborts.
    const taken = await replica.appendTicket(me, ticketDraft());
    await expect(replica.appendTicket(me, ticketDraft({ id: taken.id }))).rejects.toThrow();

    expect(replica.version).toBe(before + 1);
    expect(replica.state?.issuedCount(FIXTURE_DAY, ticketDraft().data.serviceId)).toBe(1);
    await expectFoldOfLog(replica);
  });

  it('issues without a state when its code cannot load, and loads it on a later try', async () => {
    let fail = true;
    const replica = new Replica(db, {
      loadCode: () =>
        fail ? Promise.reject(new Error('offline')) : import('../../../src/replica/state'),
    });
    await expect(replica.loadDay(FIXTURE_DAY)).rejects.toThrow('offline');
    const event = await replica.appendTicket(me, ticketDraft());
    expect(replica.state).toBeNull();

    fail = false;
    await replica.loadDay(FIXTURE_DAY);
    expect(replica.state?.ticket(event.id)).toBeDefined();
  });
});
