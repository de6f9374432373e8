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
  type QuotaRecord,
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
  /**
   * Null for a service this device issues without a quota; else it needs a leased quota
   * token, and the log may hold at most this many of the day's tickets of the service
   * (the site's whole quota, every pool's: the log holds other devices' tickets too).
   */
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
    const cursors = tx.objectStore('cursors');
    const quota = tx.objectStore('quota');
    const log = tx.objectStore('events');
    // Every read at once, then every write without waiting on each: on a slow kiosk each
    // await is a round trip through a busy main thread. The transaction keeps its requests
    // in order.
    const [clockRead, reads] = await Promise.all([
      meta.get('clock') as Promise<ClockState | undefined>,
      Promise.all(
        drafts.map((d) =>
          Promise.all([
            cursors.get([d.businessDay, d.prefix]),
            d.dailyQuota === null ? undefined : quota.get([d.businessDay, d.data.serviceId]),
            d.dailyQuota === null
              ? 0
              : log
                  .index('byTypeDayService')
                  .count(['ticket.issued', d.businessDay, d.data.serviceId]),
          ] as const),
        ),
      ),
    ]);
    let clock = clockRead ?? { deviceSeq: 0, hlc: null };
    // What the drafts before took, for drafts of the same queue or service.
    const queues = new Map<string, CursorRecord>();
    const tokens = new Map<string, { record: QuotaRecord; issued: number }>();
    const events = drafts.map((draft, i) => {
      const [cursorRead, quotaRead, issuedRead] = reads[i] ?? [];
      if (draft.dailyQuota !== null) {
        const key = `${draft.businessDay} ${draft.data.serviceId}`;
        const held =
          tokens.get(key) ?? (quotaRead && { record: quotaRead, issued: issuedRead ?? 0 });
        // A token is needed, and the log must not hold the whole quota already: a server
        // that went back in time might grant tokens twice.
        if (!held || held.record.granted - held.record.used <= 0) throw new QuotaReachedError();
        if (held.issued >= draft.dailyQuota) throw new QuotaReachedError();
        tokens.set(key, {
          record: { ...held.record, used: held.record.used + 1 },
          issued: held.issued + 1,
        });
      }
      const queue = `${draft.businessDay} ${draft.prefix}`;
      const taken = takeNumber(queues.get(queue) ?? cursorRead ?? emptyCursor(draft));
      queues.set(queue, { ...taken.cursor, businessDay: draft.businessDay, prefix: draft.prefix });
      const hlc = encodeHlc(nextHlc(clock.hlc ? decodeHlc(clock.hlc) : null, draft.physicalMs));
      const event = buildEvent(identity, draft, clock.deviceSeq + 1, hlc, taken);
      clock = { deviceSeq: event.deviceSeq, hlc };
      return event;
    });
    // The writes, none awaited on its own: one that fails (or is refused once the
    // transaction has aborted) aborts the transaction, and `tx.done` says so.
    const quietly = (request: Promise<unknown>) => void request.catch(() => {});
    for (const event of events) quietly(log.add(event));
    for (const cursor of queues.values()) quietly(cursors.put(cursor));
    for (const { record } of tokens.values()) quietly(quota.put(record));
    quietly(meta.put(clock, 'clock'));
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
