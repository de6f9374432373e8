// @vitest-environment node
/**
 * A journey across agencies issued by the kiosk's actor on a real (fake-indexeddb) log: the
 * prerequisite's ticket first and the chosen one after it, in one transaction; the second is
 * held out of its queue until the first is finished, then keeps its arrival; a quota that
 * refuses either step stores neither.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeIssueTicket } from '../../../src/app/kiosk/issue';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { Replica } from '../../../src/replica/replica';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { saveIdentity } from '../../../src/storage/device';
import { readAllEvents } from '../../../src/storage/events';
import { appendTickets, QuotaReachedError } from '../../../src/storage/tickets';
import { alwaysOpenSample } from '../../e2e/support/sample-config';
import { ticketAction } from '../../fixtures/events';
import { deviceIdentity, FIXTURE_NOW, ticketDraft } from '../../fixtures/sync-device';

const me = deviceIdentity(1, { siteId: 'mpp-kota-contoh' });
let db: AnjunganDatabase;
let config: ConfigBundle;
let n = 0;
const newId = () => `0193a0b0-0000-7000-8000-${String(++n).padStart(12, '0')}`;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
  await saveIdentity(db, me);
  config = alwaysOpenSample();
});

describe('a journey from the kiosk', () => {
  it('issues the prerequisite first and holds the chosen service until it is finished', async () => {
    const replica = new Replica(db);
    const issue = makeIssueTicket({
      db,
      replica,
      identity: me,
      config: () => config,
      profile: () => ({ surface: 'kiosk' }),
      now: () => FIXTURE_NOW,
      newId,
    });

    const ticket = await issue({
      agencyId: 'bpjs-kesehatan',
      serviceId: 'bpjs-kesehatan-perubahan-data',
      priority: null,
      purpose: 'service',
      missing: [],
      language: 'id',
      before: { agencyId: 'disdukcapil', serviceId: 'disdukcapil-kk' },
    });

    const events = await readAllEvents(db);
    expect(events).toHaveLength(2);
    // The figures are the first step's: the ticket the citizen waits with now.
    expect(ticket).toMatchObject({ peopleAhead: 0, waitMinutes: 0 });
    expect(ticket.journey?.map((s) => s.serviceId)).toEqual([
      'disdukcapil-kk',
      'bpjs-kesehatan-perubahan-data',
    ]);
    const step = (k: number) => {
      const found = events.find(
        (e) => (e.data as { journey?: { step: number } }).journey?.step === k,
      );
      if (!found) throw new Error(`no step ${k}`);
      return found;
    };
    const first = step(1);
    const second = step(2);
    expect(second.id).toBe(ticket.id);
    expect(ticket.journey?.map((s) => s.id)).toEqual([first.id, second.id]);
    expect((first.data as { serviceId: string }).serviceId).toBe('disdukcapil-kk');
    await replica.loadDay(ticket.businessDay);
    const book = replica.state;
    if (!book) throw new Error('no state');
    expect(book.ticket(second.id)?.status).toBe('held');
    expect(book.ticket(second.id)?.journey).toMatchObject({ step: 2, of: 2, after: first.id });

    const kk = first as Parameters<typeof ticketAction>[1];
    replica.applyCommitted([
      ticketAction('ticket.called', kk, {}, { deviceId: 'counter-1', deviceSeq: 1 }),
      ticketAction('ticket.finished', kk, {}, { deviceId: 'counter-1', deviceSeq: 2 }),
    ]);
    expect(book.ticket(second.id)?.status).toBe('waiting');
  });

  it('stores neither ticket when the second step has no quota left', async () => {
    const first = ticketDraft({ id: newId() });
    const second = ticketDraft({ id: newId(), dailyQuota: 5 });

    await expect(appendTickets(db, me, [first, second])).rejects.toBeInstanceOf(QuotaReachedError);

    expect(await readAllEvents(db)).toEqual([]);
  });
});
