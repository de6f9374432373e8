/**
 * Issuing a ticket: one strict-durability transaction that appends the ticket.issued
 * event and bumps deviceSeq, the HLC high-water mark and the queue's number cursor.
 * Must: the ticket exists for the citizen only after this transaction commits; a number
 * is never taken twice; a failed or aborted transaction leaves nothing behind.
 */
import type { KioskEvent, TicketIssued } from '../domain/events';
import { EVENT_SCHEMA_VERSION } from '../domain/events';
import { decodeHlc, encodeHlc, nextHlc } from '../domain/hlc';
import { deviceBlock, formatTicketNumber, takeNumber } from '../domain/numbering';
import { type AnjunganDatabase, type ClockState, type DeviceIdentity, StorageError } from './db';

/** What the caller decides before the transaction: ids, time, queue and payload. */
export type TicketDraft = {
  id: string;
  physicalMs: number;
  businessDay: string;
  prefix: string;
  digits: number;
  blockSize: number;
  dailyQuota: number | null;
  data: Omit<TicketIssued, 'number' | 'prefix' | 'seq' | 'emergencyTag'>;
};

/** The service's daily quota is used up on this device's log. */
export class QuotaReachedError extends Error {
  constructor() {
    super('daily quota reached');
    this.name = 'QuotaReachedError';
  }
}

/** Appends a ticket.issued event atomically; resolves only once it is durable. */
export async function appendTicketIssued(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  draft: TicketDraft,
): Promise<KioskEvent<'ticket.issued'>> {
  let tx: ReturnType<typeof openIssueTx> | undefined;
  try {
    tx = openIssueTx(db);
    const events = tx.objectStore('events');
    if (draft.dailyQuota !== null) {
      const key: [string, string, string] = [
        'ticket.issued',
        draft.businessDay,
        draft.data.serviceId,
      ];
      const issued = await events.index('byTypeDayService').count(key);
      if (issued >= draft.dailyQuota) throw new QuotaReachedError();
    }
    const clock = ((await tx.objectStore('meta').get('clock')) as ClockState | undefined) ?? {
      deviceSeq: 0,
      hlc: null,
    };
    const cursors = tx.objectStore('cursors');
    const cursor = (await cursors.get([draft.businessDay, draft.prefix])) ?? {
      businessDay: draft.businessDay,
      prefix: draft.prefix,
      blocks: [deviceBlock(identity.slot, draft.blockSize)],
      last: 0,
      emergencyLast: 0,
    };
    const taken = takeNumber(cursor);
    const hlc = encodeHlc(nextHlc(clock.hlc ? decodeHlc(clock.hlc) : null, draft.physicalMs));
    const event = buildEvent(identity, draft, clock.deviceSeq + 1, hlc, taken);
    await events.add(event);
    await tx.objectStore('meta').put({ deviceSeq: event.deviceSeq, hlc }, 'clock');
    await cursors.put({ ...taken.cursor, businessDay: draft.businessDay, prefix: draft.prefix });
    await tx.done;
    return event;
  } catch (error) {
    abortQuietly(tx);
    if (error instanceof QuotaReachedError) throw error;
    throw new StorageError('ticket could not be stored', { cause: error });
  }
}

function openIssueTx(db: AnjunganDatabase) {
  return db.transaction(['events', 'meta', 'cursors'], 'readwrite', { durability: 'strict' });
}

function buildEvent(
  identity: DeviceIdentity,
  draft: TicketDraft,
  deviceSeq: number,
  hlc: string,
  taken: { seq: number; emergency: boolean },
): KioskEvent<'ticket.issued'> {
  const emergencyTag = taken.emergency ? identity.emergencyTag : undefined;
  const number = formatTicketNumber({
    prefix: draft.prefix,
    seq: taken.seq,
    digits: draft.digits,
    ...(emergencyTag ? { emergencyTag } : {}),
  });
  return {
    id: draft.id,
    siteId: identity.siteId,
    deviceId: identity.deviceId,
    deviceSeq,
    hlc,
    businessDay: draft.businessDay,
    type: 'ticket.issued',
    data: {
      ...draft.data,
      number,
      prefix: draft.prefix,
      seq: taken.seq,
      ...(emergencyTag ? { emergencyTag } : {}),
    },
    v: EVENT_SCHEMA_VERSION,
  };
}

function abortQuietly(tx: { abort(): void; done: Promise<void> } | undefined): void {
  if (!tx) return;
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing to undo.
  }
}
