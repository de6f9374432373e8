/**
 * Issuing a ticket: one strict-durability transaction that appends the ticket.issued
 * event and bumps deviceSeq, the HLC high-water mark, the queue's number cursor and,
 * for a service with a daily quota, the quota tokens used.
 * Must:
 * - the ticket exists for the citizen only after this transaction commits;
 * - numbers come only from blocks leased by the server, else from the device's emergency
 *   namespace (its `emergencyTag`); a number is never taken twice;
 * - a quota service needs a token (granted − used > 0) and uses it in the same transaction;
 * - a failed or aborted transaction leaves nothing behind.
 */
import type { KioskEvent, TicketIssued } from '../domain/events';
import { EVENT_SCHEMA_VERSION } from '../domain/events';
import { decodeHlc, encodeHlc, nextHlc } from '../domain/hlc';
import { formatTicketNumber, takeNumber } from '../domain/numbering';
import {
  type AnjunganDatabase,
  type ClockState,
  type CursorRecord,
  type DeviceIdentity,
  StorageError,
} from './db';
import { abortQuietly } from './tx';

/**
 * What the caller decides before the transaction: ids, time, queue and payload. The
 * business day is chosen from the leases (`chooseBusinessDay` over `leasedDays`).
 */
export type TicketDraft = {
  id: string;
  /** Device time plus the server offset. */
  physicalMs: number;
  businessDay: string;
  prefix: string;
  digits: number;
  /** The service's daily quota, or null: a quota service needs a leased quota token. */
  dailyQuota: number | null;
  data: Omit<TicketIssued, 'number' | 'prefix' | 'seq' | 'emergencyTag'>;
};

/** No quota token left on this device for the service and day (or the log holds the quota). */
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
  return (await appendTickets(db, identity, [draft]))[0] as KioskEvent<'ticket.issued'>;
}

/**
 * Appends several tickets in one transaction (the steps of a journey): all of them are
 * durable, or none is — a citizen never holds half a journey.
 */
export async function appendTickets(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  drafts: readonly TicketDraft[],
): Promise<KioskEvent<'ticket.issued'>[]> {
  let tx: IssueTx | undefined;
  try {
    tx = openIssueTx(db);
    const meta = tx.objectStore('meta');
    let clock = ((await meta.get('clock')) as ClockState | undefined) ?? {
      deviceSeq: 0,
      hlc: null,
    };
    const events: KioskEvent<'ticket.issued'>[] = [];
    for (const draft of drafts) {
      if (draft.dailyQuota !== null) await takeQuotaToken(tx, draft, draft.dailyQuota);
      const cursors = tx.objectStore('cursors');
      const cursor = (await cursors.get([draft.businessDay, draft.prefix])) ?? emptyCursor(draft);
      const taken = takeNumber(cursor);
      const hlc = encodeHlc(nextHlc(clock.hlc ? decodeHlc(clock.hlc) : null, draft.physicalMs));
      const event = buildEvent(identity, draft, clock.deviceSeq + 1, hlc, taken);
      await tx.objectStore('events').add(event);
      await cursors.put({ ...taken.cursor, businessDay: draft.businessDay, prefix: draft.prefix });
      clock = { deviceSeq: event.deviceSeq, hlc };
      events.push(event);
    }
    await meta.put(clock, 'clock');
    await tx.done;
    return events;
  } catch (error) {
    abortQuietly(tx);
    if (error instanceof QuotaReachedError) throw error;
    throw new StorageError('ticket could not be stored', { cause: error });
  }
}

type IssueTx = ReturnType<typeof openIssueTx>;

function openIssueTx(db: AnjunganDatabase) {
  return db.transaction(['events', 'meta', 'cursors', 'quota'], 'readwrite', {
    durability: 'strict',
  });
}

/**
 * Uses one quota token of the service and day. Also refuses when the log already holds
 * the whole quota: a server that went back in time might grant tokens twice.
 */
async function takeQuotaToken(tx: IssueTx, draft: TicketDraft, dailyQuota: number) {
  const quota = tx.objectStore('quota');
  const record = await quota.get([draft.businessDay, draft.data.serviceId]);
  if (!record || record.granted - record.used <= 0) throw new QuotaReachedError();
  const key: [string, string, string] = ['ticket.issued', draft.businessDay, draft.data.serviceId];
  const issued = await tx.objectStore('events').index('byTypeDayService').count(key);
  if (issued >= dailyQuota) throw new QuotaReachedError();
  await quota.put({ ...record, used: record.used + 1 });
}

/** A queue this device holds no lease for: every number will come from its namespace. */
function emptyCursor(draft: TicketDraft): CursorRecord {
  return {
    businessDay: draft.businessDay,
    prefix: draft.prefix,
    blocks: [],
    last: 0,
    emergencyLast: 0,
  };
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
